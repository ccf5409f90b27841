"""Use cases shared by the GUI and the command line; a service call is what gets audited.

Services take a :class:`housingmatch.store.Store` (the caller's own connection: a background
job opens its own store from the database path) and return domain objects.
"""

from __future__ import annotations

import getpass

from housingmatch.domain.session import Role, Session


def current_actor() -> str:
    """Return who is acting, for the audit log (the session's user name until accounts exist)."""
    try:
        return getpass.getuser() or "inconnu"
    except Exception:  # pragma: no cover - no user database (containers)
        return "inconnu"


def local_session() -> Session:
    """Return the session of a database without accounts: the operating-system user, unrestricted.

    Until accounts are set up (issue 9), services that take a session get this one.
    """
    return Session(user=current_actor(), role=Role.ADMINISTRATEUR, authenticated=False)
