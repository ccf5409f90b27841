"""Open a HousingMatch database: pragmas, numbered migrations from ``db/``, reference data."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from housingmatch.errors import UserError
from housingmatch.paths import migrations_dir

_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


class DatabaseTooNewError(UserError):
    """The database was written by a newer HousingMatch."""


class MigrationError(UserError):
    """A migration failed; the database was left at its previous version."""


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


def connect(path: str | Path | None) -> sqlite_utils.Database:
    """Open a connection with the project's pragmas (``None`` opens an in-memory database).

    The connection is in autocommit mode: writes are grouped with ``db.atomic()``.
    """
    target = ":memory:" if path is None else str(path)
    try:
        conn = sqlite3.connect(target, isolation_level=None, check_same_thread=True, timeout=10)
        conn.execute("PRAGMA foreign_keys = ON")
        if path is not None:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        raise UserError(f"Impossible d'ouvrir la base « {target} » : {exc}.") from exc
    return sqlite_utils.Database(conn)


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
    try:
        tables = db.table_names()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"Ce fichier n'est pas une base HousingMatch lisible : {exc}.") from exc
    if tables and "schema_migrations" not in tables:
        raise UserError(
            "Ce fichier SQLite n'est pas une base HousingMatch (table schema_migrations absente)."
        )
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
        except sqlite3.Error as exc:
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
