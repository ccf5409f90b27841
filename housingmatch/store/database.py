"""Open a HousingMatch database: pragmas, numbered migrations from ``db/``, reference data."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from housingmatch.errors import UserError
from housingmatch.paths import migrations_dir
from housingmatch.store import cipher

_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


class DatabaseTooNewError(UserError):
    """The database was written by a newer HousingMatch."""


class MigrationError(UserError):
    """A migration failed; the database was left at its previous version."""


class DatabaseBusyError(UserError):
    """Another HousingMatch held the write lock longer than the busy timeout."""

    def __init__(self) -> None:
        """Build the one French sentence a user sees."""
        super().__init__(
            "Un autre HousingMatch est en train d'écrire dans cette base depuis plus de "
            f"{BUSY_TIMEOUT_S} secondes : rien n'a été écrit, réessayez dans un instant."
        )


class NotHousingMatchError(UserError):
    """The file is not a HousingMatch database (it was left untouched)."""


# Writers wait their turn this long before giving up (SQLite's busy timeout).
BUSY_TIMEOUT_S = 10
_SQLITE_MAGIC = b"SQLite format 3\x00"


def is_locked_error(exc: BaseException) -> bool:
    """Tell whether a SQLite error means the database is locked by another connection."""
    text = str(exc).lower()
    return isinstance(exc, cipher.operational_errors()) and ("locked" in text or "busy" in text)


class Database(sqlite_utils.Database):
    """A sqlite-utils database whose write transactions take the write lock at once.

    ``BEGIN IMMEDIATE`` makes a writer wait for the lock up to the busy timeout before it
    reads anything; a plain ``BEGIN`` takes it at the first write and can then fail at once
    with "database is locked" (SQLite cannot wait without risking a deadlock).
    """

    #: Called before each outermost write transaction (the daily automatic backup).
    before_write: Callable[[], None] | None = None

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """Run the block in one write transaction (a savepoint when already inside one)."""
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        if self.before_write is not None:
            self.before_write()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except cipher.operational_errors() as exc:
            if is_locked_error(exc):
                raise DatabaseBusyError() from exc
            raise
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except cipher.operational_errors() as exc:
            self.conn.rollback()
            if is_locked_error(exc):
                raise DatabaseBusyError() from exc
            raise


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered SQL file of ``db/``."""

    version: int
    name: str
    path: Path


def now_iso() -> str:
    """Return the current UTC time as an ISO 8601 string (seconds)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def discover_migrations(folder: Path | None = None) -> list[Migration]:
    """Return the migrations of ``db/`` in version order."""
    folder = folder or migrations_dir()
    found = []
    for path in sorted(folder.glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), path))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations in {folder} are not numbered 0001, 0002, ...: {versions}")
    return found


def connect(path: str | Path | None, passphrase: str | None = None) -> Database:
    """Open a connection with the project's pragmas (``None`` opens an in-memory database).

    The connection is in autocommit mode: writes are grouped with ``db.atomic()``. The WAL
    journal is switched on by :func:`enable_wal`, only once the file is known to be ours.
    With ``passphrase`` the file is a SQLCipher one (``store.cipher``).
    """
    target = ":memory:" if path is None else str(path)
    try:
        conn = cipher.connect(target, passphrase, timeout=BUSY_TIMEOUT_S)
        conn.execute("PRAGMA foreign_keys = ON")
    except cipher.database_errors() as exc:
        raise UserError(f"Impossible d'ouvrir la base « {target} » : {_french(exc)}.") from exc
    return Database(conn)


def _french(exc: BaseException) -> str:
    text = str(exc)
    if "not a database" in text:
        return "ce fichier n'est pas une base de données SQLite"
    if "unable to open" in text:
        return "le fichier ne peut pas être ouvert (dossier absent ou droits insuffisants)"
    if is_locked_error(exc):
        return "elle est verrouillée par un autre programme"
    if "malformed" in text or "corrupt" in text:
        return "le fichier est endommagé"
    return "erreur SQLite"


def check_file(path: Path, encrypted: bool = False) -> None:
    """Refuse, without touching it, a file that cannot be a HousingMatch database.

    An ``encrypted`` file has no SQLite header to check: its passphrase decides.
    """
    if not path.exists():
        return
    if path.is_dir():
        raise NotHousingMatchError(f"« {path} » est un dossier, pas une base HousingMatch.")
    size = path.stat().st_size
    if size == 0:
        raise NotHousingMatchError(
            f"Le fichier « {path} » est vide (0 octet) : ce n'est pas une base HousingMatch. "
            "Supprimez-le ou indiquez une autre base."
        )
    if encrypted:
        return
    with path.open("rb") as handle:
        magic = handle.read(len(_SQLITE_MAGIC))
    if magic != _SQLITE_MAGIC:
        raise NotHousingMatchError(
            f"Le fichier « {path} » n'est pas une base SQLite : ce n'est pas une base HousingMatch."
        )


def check_ours(db: sqlite_utils.Database) -> None:
    """Refuse a SQLite database of another program (before anything is written to it)."""
    try:
        tables = db.table_names()
    except cipher.database_errors() as exc:
        raise NotHousingMatchError(
            f"Ce fichier n'est pas une base HousingMatch lisible : {_french(exc)}."
        ) from exc
    if tables and "schema_migrations" not in tables:
        raise NotHousingMatchError(
            "Ce fichier SQLite n'est pas une base HousingMatch (table schema_migrations absente) : "
            "il n'a pas été modifié."
        )


def enable_wal(db: sqlite_utils.Database) -> None:
    """Switch a file database to the WAL journal (readers never wait for the writer)."""
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")


def create_private_file(path: Path) -> None:
    """Create an empty database file readable by the user only, in a 0700 folder if new."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    handle = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(handle)


def quick_check(db: sqlite_utils.Database) -> list[str]:
    """Return what ``PRAGMA quick_check`` reports (empty when the file is sound)."""
    try:
        rows = [r[0] for r in db.execute("PRAGMA quick_check").fetchall()]
    except cipher.database_errors() as exc:
        return [_french(exc)]
    return [r for r in rows if r != "ok"]


def schema_version(db: sqlite_utils.Database) -> int:
    """Return the highest applied migration (0 for an empty database)."""
    if "schema_migrations" not in db.table_names():
        return 0
    row = db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def migrate(db: sqlite_utils.Database, migrations: list[Migration] | None = None) -> list[int]:
    """Apply the pending migrations, each in its own transaction; return the versions applied.

    A database whose schema is newer than the newest migration this build knows is refused.
    """
    migrations = discover_migrations() if migrations is None else migrations
    newest = migrations[-1].version if migrations else 0
    check_ours(db)
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    current = schema_version(db)
    if current > newest:
        raise DatabaseTooNewError(
            f"Cette base a été créée par une version plus récente de HousingMatch "
            f"(schéma {current}, cette version connaît le schéma {newest}) : "
            "mettez l'application à jour pour l'ouvrir."
        )
    applied = []
    for migration in migrations:
        if migration.version <= current:
            continue
        sql = migration.path.read_text(encoding="utf-8")
        script = (
            f"BEGIN IMMEDIATE;\n{sql}\n"
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES "
            f"({migration.version}, '{migration.name}', '{now_iso()}');\n"
            f"PRAGMA user_version = {migration.version};\n"
            "COMMIT;"
        )
        try:
            db.conn.executescript(script)
        except cipher.database_errors() as exc:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise MigrationError(
                f"La mise à jour {migration.version:04d} ({migration.name}) de la base a échoué : "
                f"{exc}. La base est restée dans son état précédent."
            ) from exc
        applied.append(migration.version)
    return applied


def integrity_problems(db: sqlite_utils.Database) -> list[str]:
    """Return what ``PRAGMA integrity_check`` and ``foreign_key_check`` report (empty if sound)."""
    rows = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    problems = [r for r in rows if r != "ok"]
    problems += [repr(r) for r in db.execute("PRAGMA foreign_key_check").fetchall()]
    return problems


def purge_freed_pages(db: sqlite_utils.Database) -> bool:
    """Leave no trace of deleted rows in the file: checkpoint the WAL, then VACUUM.

    Run outside any transaction. Deleted rows survive in free pages and in the write-ahead
    log until both are rewritten; VACUUM rebuilds the file without free pages and the
    TRUNCATE checkpoint empties the WAL. Returns False when another connection kept the WAL
    from being emptied (its old pages are overwritten later, at the next full checkpoint).
    """
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.execute("VACUUM")
    row = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return row is None or int(row[0]) == 0


def set_secure_delete(db: sqlite_utils.Database, on: bool) -> None:
    """Make SQLite overwrite deleted content with zeros (slower writes; for anonymisation)."""
    db.execute(f"PRAGMA secure_delete = {'ON' if on else 'OFF'}")
