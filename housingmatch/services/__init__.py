"""Use cases shared by the GUI and the command line; a service call is what gets audited.

Services take a :class:`housingmatch.store.Store` (the caller's own connection: a background
job opens its own store from the database path) and the :class:`Session` of who is working
(``def service(store, session, ...)``); each checks the session's role against the one
permission table (``rules.permissions``) before doing anything, and records ``session.user``
as the actor of what it writes. Services return domain objects.
"""

from __future__ import annotations

import getpass

from housingmatch.domain.session import Role, Session


def _os_user() -> str:
    """Return the operating-system login (the actor of a database without accounts)."""
    try:
        return getpass.getuser() or "inconnu"
    except Exception:  # pragma: no cover - no user database (containers)
        return "inconnu"


def local_session() -> Session:
    """Return the session of a database without accounts: the operating-system user, unrestricted.

    Every service call on a database that has no account gets this session; once a database
    has accounts, the command line and the window ask who is working instead.
    """
    return Session(user=_os_user(), role=Role.ADMINISTRATEUR, authenticated=False)
