"""Who is working: the authenticated person and their role, passed to every service call."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """The roles of local accounts."""

    CONSEILLER = "conseiller"
    SUPERVISEUR = "superviseur"
    ADMINISTRATEUR = "administrateur"

    @property
    def label(self) -> str:
        """Return the French label shown to users."""
        return {
            Role.CONSEILLER: "Conseiller",
            Role.SUPERVISEUR: "Superviseur",
            Role.ADMINISTRATEUR: "Administrateur",
        }[self]


@dataclass(frozen=True, slots=True)
class Session:
    """The person a service call acts for.

    ``user`` is the account's login name, recorded as the actor of every audit entry.
    ``authenticated`` is False only for a database that has no account yet (a new personal
    database, the tests): its single local user may do everything, as before accounts existed.
    """

    user: str
    role: Role
    display_name: str = ""
    authenticated: bool = True

    @property
    def label(self) -> str:
        """Return ``Display Name (rôle)`` for the status bar and documents."""
        name = self.display_name or self.user
        return f"{name} ({self.role.label.lower()})"
