"""The store: SQLite through sqlite-utils. All SQL of the application lives in this package."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlite_utils

from housingmatch.errors import UserError
from housingmatch.store import backup as backups
from housingmatch.store import cipher
from housingmatch.store.accounts import Account, AccountRepository
from housingmatch.store.audit import AuditEntry, AuditLog, PendingEntry
from housingmatch.store.baseline import write_baseline
from housingmatch.store.checkpoints import Checkpoint, CheckpointStore
from housingmatch.store.database import (
    BUSY_TIMEOUT_S,
    Database,
    DatabaseBusyError,
    DatabaseTooNewError,
    MigrationError,
    NotHousingMatchError,
    check_file,
    check_ours,
    connect,
    create_private_file,
    discover_migrations,
    enable_wal,
    integrity_problems,
    migrate,
    purge_freed_pages,
    quick_check,
    schema_version,
    set_secure_delete,
)
from housingmatch.store.merge import MergeStore
from housingmatch.store.persons import PersonData, PersonProposal
from housingmatch.store.proposals import ProposalRepository
from housingmatch.store.reference import CeilingRow, ReferenceData
from housingmatch.store.requests import RequestRepository, RequestSummary, SaveOutcome
from housingmatch.store.reviews import ReviewRepository
from housingmatch.store.rulesets import RulesetRepository, StoredRuleset
from housingmatch.store.units import UnitRepository, UnitSaveOutcome

__all__ = [
    "BUSY_TIMEOUT_S",
    "Account",
    "AuditEntry",
    "AuditLog",
    "CeilingRow",
    "Checkpoint",
    "DatabaseBusyError",
    "DatabaseDamagedError",
    "DatabaseTooNewError",
    "MigrationError",
    "NotHousingMatchError",
    "PendingEntry",
    "PersonProposal",
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

    def __init__(
        self,
        db: sqlite_utils.Database,
        path: Path | None,
        policy: backups.BackupPolicy | None = None,
        passphrase: str | None = None,
    ) -> None:
        """Wrap a migrated database; use :meth:`open` or :meth:`memory`."""
        self.db = db
        self.path = path
        self.passphrase = passphrase  # an encrypted base's (SQLCipher), in memory only
        self.policy = policy or backups.BackupPolicy(automatic=False)
        self.backup_error: str | None = None
        self._backup_checked: date | None = None
        if path is not None and self.policy.automatic and isinstance(db, Database):
            db.before_write = self._daily_backup
        self.audit = AuditLog(db)
        self.requests = RequestRepository(db, self.audit)
        self.accounts = AccountRepository(db, self.audit)
        self.units = UnitRepository(db, self.audit)
        self.reference = ReferenceData(db, self.audit)
        self.rulesets = RulesetRepository(db, self.audit)
        self.proposals = ProposalRepository(db, self.audit)
        self.checkpoints = CheckpointStore(db, self.audit)
        self.reviews = ReviewRepository(db, self.audit)
        self.persons = PersonData(db)
        self.merge = MergeStore(db)

    @classmethod
    def open(
        cls,
        path: str | Path,
        create: bool = True,
        check: bool = False,
        policy: backups.BackupPolicy | None = None,
        passphrase: str | None = None,
        encrypt: bool = False,
    ) -> Store:
        """Open and migrate the database file at ``path``, creating it unless ``create`` is False.

        An encrypted base (SQLCipher) needs its ``passphrase`` (or one given earlier in this
        process); ``encrypt`` creates a new base encrypted under it.

        A new file is created readable by the user only. A file that is not a HousingMatch
        database is refused untouched; with ``check``, a file failing SQLite's quick check
        raises :class:`DatabaseDamagedError` (done once when an application opens its base).
        The first write of each day takes an automatic backup (``policy``, by default read
        from the environment: :meth:`BackupPolicy.from_env`).
        """
        path = Path(path)
        if not create and not path.exists():
            raise UserError(f"La base « {path} » n'existe pas.")
        if passphrase is None:
            passphrase = cipher.remembered(path)
        if encrypt:
            if passphrase is None:
                raise UserError("Indiquez la phrase secrète qui chiffrera la base.")
            if not cipher.available():
                raise cipher.CipherMissingError()
            if path.exists() and not cipher.looks_encrypted(path):
                raise UserError(
                    f"La base « {path.name} » existe déjà sans chiffrement : créez la base "
                    "chiffrée sous un autre nom (puis importez-y les données)."
                )
        elif passphrase is None and path.exists() and cipher.looks_encrypted(path):
            if not cipher.available():
                raise cipher.CipherMissingError()
            raise cipher.PassphraseNeededError(path)
        check_file(path, encrypted=passphrase is not None)
        if not path.exists():
            create_private_file(path)
        db = connect(path, passphrase)
        try:
            check_ours(db)
            problems = quick_check(db) if check else []
            if problems:
                raise DatabaseDamagedError(path, problems)
            enable_wal(db)
            chosen = policy or backups.BackupPolicy.from_env()
            current = schema_version(db)
            if chosen.automatic and 0 < current < len(discover_migrations()):
                # An upgrade rewrites the schema: keep the base as it was (never rotated away).
                backups.make_backup(db.conn, path, kind="manuel", passphrase=passphrase)
            migrate(db)
            store = cls(db, path, chosen, passphrase)
            store.reference.refresh()
            write_baseline(db, store.audit, store.requests, store.units)
        except BaseException:
            db.close()
            raise
        if passphrase is not None:
            cipher.remember(path, passphrase)
        return store

    @property
    def encrypted(self) -> bool:
        """Tell whether the base is encrypted at rest (nothing personal may go beside it)."""
        return self.passphrase is not None

    @classmethod
    def memory(cls) -> Store:
        """Open a fresh, migrated in-memory database (tests, previews)."""
        db = connect(None)
        migrate(db)
        store = cls(db, None)
        store.reference.refresh()
        write_baseline(db, store.audit, store.requests, store.units)
        return store

    def _daily_backup(self) -> None:
        """Take the day's automatic backup before the first write of the day, then rotate."""
        today = date.today()
        if self._backup_checked == today or self.path is None:
            return
        self._backup_checked = today
        try:
            if not backups.has_automatic_backup(self.path, today):
                backups.make_backup(
                    self.db.conn, self.path, kind="auto", passphrase=self.passphrase
                )
                backups.rotate(self.path, self.policy)
            self.backup_error = None
        except (OSError, UserError) as exc:
            # A failed backup must not stop the advisor's work; it is reported, not raised.
            self.backup_error = str(exc)
        except cipher.database_errors() as exc:
            self.backup_error = str(exc)

    def backup(self, folder: Path | None = None) -> backups.BackupFile:
        """Take a verified backup now (kept out of the rotation) and return it."""
        if self.path is None:
            raise UserError("Une base en mémoire ne se sauvegarde pas.")
        return backups.make_backup(
            self.db.conn, self.path, folder, kind="manuel", passphrase=self.passphrase
        )

    def schema_version(self) -> int:
        """Return the schema version of the database."""
        return schema_version(self.db)

    def integrity_problems(self) -> list[str]:
        """Return what SQLite's integrity and foreign-key checks report (empty when sound)."""
        return integrity_problems(self.db)

    def purge_freed_pages(self) -> bool:
        """Rewrite the file so that deleted data leaves no trace (WAL checkpoint and VACUUM)."""
        return purge_freed_pages(self.db)

    def secure_delete(self, on: bool) -> None:
        """Make SQLite overwrite deleted content with zeros from now on (or stop)."""
        set_secure_delete(self.db, on)

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def __enter__(self) -> Store:
        """Use the store as a context manager that closes it."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the store."""
        self.close()
