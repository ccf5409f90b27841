"""The store: SQLite through sqlite-utils. All SQL of the application lives in this package."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from housingmatch.errors import UserError
from housingmatch.store.audit import AuditEntry, AuditLog, PendingEntry
from housingmatch.store.database import (
    DatabaseTooNewError,
    MigrationError,
    connect,
    integrity_problems,
    migrate,
    schema_version,
)
from housingmatch.store.proposals import ProposalRepository
from housingmatch.store.reference import CeilingRow, ReferenceData
from housingmatch.store.requests import RequestRepository, RequestSummary, SaveOutcome
from housingmatch.store.rulesets import RulesetRepository, StoredRuleset
from housingmatch.store.units import UnitRepository, UnitSaveOutcome

__all__ = [
    "AuditEntry",
    "AuditLog",
    "CeilingRow",
    "DatabaseTooNewError",
    "MigrationError",
    "PendingEntry",
    "RequestSummary",
    "SaveOutcome",
    "Store",
    "StoredRuleset",
    "UnitSaveOutcome",
]


class Store:
    """One open database with its repositories.

    A store belongs to the thread that opened it (sqlite3 connections are thread-bound): a
    background job opens its own store from ``path``.
    """

    def __init__(self, db: sqlite_utils.Database, path: Path | None) -> None:
        """Wrap a migrated database; use :meth:`open` or :meth:`memory`."""
        self.db = db
        self.path = path
        self.audit = AuditLog(db)
        self.requests = RequestRepository(db, self.audit)
        self.units = UnitRepository(db, self.audit)
        self.reference = ReferenceData(db, self.audit)
        self.rulesets = RulesetRepository(db, self.audit)
        self.proposals = ProposalRepository(db, self.audit)

    @classmethod
    def open(cls, path: str | Path, create: bool = True) -> Store:
        """Open and migrate the database file at ``path``, creating it unless ``create`` is False."""
        path = Path(path)
        if not create and not path.exists():
            raise UserError(f"La base « {path} » n'existe pas.")
        path.parent.mkdir(parents=True, exist_ok=True)
        db = connect(path)
        try:
            migrate(db)
            store = cls(db, path)
            store.reference.refresh()
        except BaseException:
            db.close()
            raise
        return store

    @classmethod
    def memory(cls) -> Store:
        """Open a fresh, migrated in-memory database (tests, previews)."""
        db = connect(None)
        migrate(db)
        store = cls(db, None)
        store.reference.refresh()
        return store

    def schema_version(self) -> int:
        """Return the schema version of the database."""
        return schema_version(self.db)

    def integrity_problems(self) -> list[str]:
        """Return what SQLite's integrity and foreign-key checks report (empty when sound)."""
        return integrity_problems(self.db)

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def __enter__(self) -> Store:
        """Use the store as a context manager that closes it."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the store."""
        self.close()
