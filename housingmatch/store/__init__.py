"""The store: SQLite through sqlite-utils. All SQL of the application lives in this package."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from housingmatch.errors import UserError
from housingmatch.store.audit import AuditEntry, AuditLog, PendingEntry
from housingmatch.store.database import (
    BUSY_TIMEOUT_S,
    DatabaseBusyError,
    DatabaseTooNewError,
    MigrationError,
    NotHousingMatchError,
    check_file,
    check_ours,
    connect,
    create_private_file,
    enable_wal,
    integrity_problems,
    migrate,
    quick_check,
    schema_version,
)
from housingmatch.store.proposals import DraftProposal, ProposalCandidate, ProposalRepository
from housingmatch.store.reference import CeilingRow, ReferenceData
from housingmatch.store.requests import RequestRepository, RequestSummary, SaveOutcome
from housingmatch.store.rulesets import RulesetRepository, StoredRuleset
from housingmatch.store.units import UnitRepository, UnitSaveOutcome

__all__ = [
    "BUSY_TIMEOUT_S",
    "AuditEntry",
    "AuditLog",
    "CeilingRow",
    "DatabaseBusyError",
    "DatabaseDamagedError",
    "DatabaseTooNewError",
    "DraftProposal",
    "MigrationError",
    "NotHousingMatchError",
    "PendingEntry",
    "ProposalCandidate",
    "RequestSummary",
    "SaveOutcome",
    "Store",
    "StoredRuleset",
    "UnitSaveOutcome",
]


class DatabaseDamagedError(UserError):
    """The database fails SQLite's quick check: it is not used."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        """Name the file; the caller offers the latest good backup."""
        self.path = path
        self.problems = problems
        super().__init__(
            f"La base « {path} » est endommagée (contrôle d'intégrité en échec) : "
            "elle n'a pas été utilisée."
        )


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
    def open(cls, path: str | Path, create: bool = True, check: bool = False) -> Store:
        """Open and migrate the database file at ``path``, creating it unless ``create`` is False.

        A new file is created readable by the user only. A file that is not a HousingMatch
        database is refused untouched; with ``check``, a file failing SQLite's quick check
        raises :class:`DatabaseDamagedError` (done once when an application opens its base).
        """
        path = Path(path)
        if not create and not path.exists():
            raise UserError(f"La base « {path} » n'existe pas.")
        check_file(path)
        if not path.exists():
            create_private_file(path)
        db = connect(path)
        try:
            check_ours(db)
            problems = quick_check(db) if check else []
            if problems:
                raise DatabaseDamagedError(path, problems)
            enable_wal(db)
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
