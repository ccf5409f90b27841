"""Open a database for the window and the command line, which never import the store."""

from __future__ import annotations

from pathlib import Path

from housingmatch.domain.session import Session
from housingmatch.rules.permissions import Action, require
from housingmatch.store import DatabaseDamagedError, DatabaseTooNewError, Store
from housingmatch.store.database import DatabaseBusyError, is_locked_error

__all__ = [
    "DatabaseBusyError",
    "DatabaseDamagedError",
    "DatabaseTooNewError",
    "Store",
    "check_database",
    "is_locked_error",
    "memory_store",
    "open_store",
]


def open_store(path: str | Path, create: bool = True, check: bool = False) -> Store:
    """Open and migrate the database at ``path``; refuse a missing file unless ``create``.

    With ``check``, a database failing SQLite's quick check is refused with the latest good
    backup named (the command line and the window open their base so).
    """
    return Store.open(path, create=create, check=check)


def memory_store() -> Store:
    """Open a fresh in-memory database (previews, tests)."""
    return Store.memory()


def check_database(store: Store, session: Session) -> tuple[list[str], int]:
    """Return SQLite's integrity problems plus the audit chain's breaks, and the entry count."""
    require(session, Action.AUDIT_READ)
    return store.integrity_problems() + store.audit.verify(), store.audit.count()
