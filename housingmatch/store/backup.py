"""Backups of a database file through SQLite's online backup API, verified, kept in rotation.

A backup is a consistent copy taken while the base stays open (other readers and writers go
on), written to a temporary file, checked with ``PRAGMA integrity_check`` and renamed only
then. Automatic backups (the first write of each day) are kept 7 daily and 4 weekly by
default; backups made on demand are never removed by the rotation.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from housingmatch.errors import UserError
from housingmatch.files import atomic_path, database_files
from housingmatch.store import cipher

_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<when>\d{4}-\d{2}-\d{2}T\d{6})-(?P<kind>auto|manuel)\.sqlite$"
)
_STAMP = "%Y-%m-%dT%H%M%S"


@dataclass(frozen=True, slots=True)
class BackupPolicy:
    """How many automatic backups to keep, and whether to take them at all."""

    daily: int = 7
    weekly: int = 4
    automatic: bool = True

    @classmethod
    def from_env(cls) -> BackupPolicy:
        """Read ``HOUSINGMATCH_BACKUP_DAILY``/``_WEEKLY`` and ``HOUSINGMATCH_AUTO_BACKUP=0``."""

        def number(name: str, default: int) -> int:
            try:
                return max(0, int(os.environ.get(name, default)))
            except ValueError:
                return default

        return cls(
            daily=number("HOUSINGMATCH_BACKUP_DAILY", 7),
            weekly=number("HOUSINGMATCH_BACKUP_WEEKLY", 4),
            automatic=os.environ.get("HOUSINGMATCH_AUTO_BACKUP", "1") != "0",
        )


@dataclass(frozen=True, slots=True)
class BackupFile:
    """One backup file: where it is, when it was taken, automatic or on demand."""

    path: Path
    taken_at: datetime
    kind: str
    size: int


class BackupError(UserError):
    """A backup or a restore could not be completed; nothing was replaced."""


def backup_folder(db_path: Path) -> Path:
    """Return the default folder of a database's backups: ``sauvegardes/`` beside it."""
    return db_path.parent / "sauvegardes"


def backup_name(db_path: Path, when: datetime, kind: str) -> str:
    """Return the file name of a backup of ``db_path`` taken at ``when``."""
    return f"{db_path.stem}-{when.strftime(_STAMP)}-{kind}.sqlite"


def verify_copy(path: Path, passphrase: str | None = None) -> list[str]:
    """Return the problems SQLite's integrity check finds in a backup (empty when sound).

    The backup of an encrypted base is encrypted under the same ``passphrase``.
    """
    try:
        conn = cipher.connect(f"file:{path}?mode=ro", passphrase, uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except cipher.database_errors():
        return ["le fichier n'est pas une base SQLite lisible"]
    except cipher.WrongPassphraseError:
        return ["le fichier n'est pas une base SQLite lisible"]
    problems = [r for r in rows if r != "ok"]
    if "schema_migrations" not in tables:
        problems.append("ce n'est pas une base HousingMatch")
    return problems


def make_backup(
    conn: sqlite3.Connection,  # or a SQLCipher one (store.cipher)
    db_path: Path,
    folder: Path | None = None,
    kind: str = "manuel",
    now: datetime | None = None,
    passphrase: str | None = None,
) -> BackupFile:
    """Copy the open database into ``folder`` (verified, atomic) and return the backup.

    An encrypted base (``passphrase``) gives a backup encrypted under the same passphrase.
    """
    folder = folder or backup_folder(db_path)
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
    when = now or datetime.now()
    target = folder / backup_name(db_path, when, kind)
    with atomic_path(target, database=db_path) as tmp:
        dest = cipher.connect(str(tmp), passphrase)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        problems = verify_copy(tmp, passphrase)
        if problems:
            raise BackupError(
                f"La sauvegarde de « {db_path.name} » a échoué à la vérification "
                f"({problems[0]}) : elle n'a pas été gardée."
            )
    return BackupFile(target, when.replace(microsecond=0), kind, target.stat().st_size)


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupFile]:
    """Return the backups of ``db_path`` found in ``folder``, newest first."""
    folder = folder or backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or match["stem"] != db_path.stem:
            continue
        when = datetime.strptime(match["when"], _STAMP)
        found.append(BackupFile(path, when, match["kind"], path.stat().st_size))
    # Names keep seconds only: two backups of one second are told apart by their file times.
    return sorted(found, key=lambda b: (b.taken_at, b.path.stat().st_mtime_ns), reverse=True)


def has_automatic_backup(db_path: Path, on: date, folder: Path | None = None) -> bool:
    """Tell whether an automatic backup of ``db_path`` was taken on day ``on``."""
    return any(b.kind == "auto" and b.taken_at.date() == on for b in list_backups(db_path, folder))


def to_remove(backups: Iterable[BackupFile], policy: BackupPolicy) -> list[BackupFile]:
    """Return the automatic backups the rotation drops (7 daily and 4 weekly kept by default).

    The newest backup of each of the ``daily`` most recent days is kept, and the newest of
    each of the ``weekly`` most recent ISO weeks; backups made on demand are always kept.
    """
    auto = sorted((b for b in backups if b.kind == "auto"), key=lambda b: b.taken_at, reverse=True)
    keep: set[Path] = set()
    days: list[date] = []
    weeks: list[tuple[int, int]] = []
    for backup in auto:
        day = backup.taken_at.date()
        week = tuple(day.isocalendar())[:2]
        if day not in days and len(days) < policy.daily:
            days.append(day)
            keep.add(backup.path)
        if week not in weeks and len(weeks) < policy.weekly:
            weeks.append(week)  # type: ignore[arg-type]
            keep.add(backup.path)
    return [b for b in auto if b.path not in keep]


def rotate(db_path: Path, policy: BackupPolicy, folder: Path | None = None) -> list[Path]:
    """Delete the automatic backups the policy no longer keeps; return them."""
    removed = []
    for backup in to_remove(list_backups(db_path, folder), policy):
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    return removed


def latest_good_backup(db_path: Path, folder: Path | None = None) -> BackupFile | None:
    """Return the newest backup of ``db_path`` that passes the integrity check, or None."""
    for backup in list_backups(db_path, folder):
        if not verify_copy(backup.path, cipher.remembered(db_path)):
            return backup
    return None


def restore_file(db_path: Path, source: Path, now: datetime | None = None) -> Path:
    """Replace ``db_path`` by the backup ``source``; return where the current file was kept.

    The backup is verified first; the current base (with its ``-wal``/``-shm``) is moved
    aside as ``NAME.avant-restauration-DATE.sqlite``; the copy is atomic. The base must not
    be open (close it first).
    """
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"La sauvegarde « {source} » est introuvable.")
    problems = verify_copy(source, cipher.remembered(db_path))
    if problems:
        raise BackupError(
            f"« {source.name} » ne peut pas être restaurée ({problems[0]}) : la base actuelle "
            "n'a pas été touchée."
        )
    when = (now or datetime.now()).strftime(_STAMP)
    aside = db_path.with_name(f"{db_path.stem}.avant-restauration-{when}{db_path.suffix}")
    handle, name = tempfile.mkstemp(dir=db_path.parent, prefix=f".{db_path.name}.", suffix=".tmp")
    os.close(handle)
    tmp = Path(name)
    try:
        shutil.copyfile(source, tmp)
        os.chmod(tmp, 0o600)
        if db_path.exists():
            _move_aside(db_path, aside)
        os.replace(tmp, db_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return aside


def _move_aside(db_path: Path, aside: Path) -> None:
    """Move a closed database and its companion files aside (one consistent set)."""
    main, *companions = database_files(db_path)
    if any(c.exists() for c in companions):
        # Fold the write-ahead log into the file first, so the kept copy is whole.
        conn = cipher.connect(str(main), cipher.remembered(db_path))
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    os.replace(main, aside)
    for companion in companions:
        companion.unlink(missing_ok=True)
