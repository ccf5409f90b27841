"""Backups and restore of the database file, guarded by the session's permissions."""

from __future__ import annotations

from pathlib import Path

from housingmatch.domain.session import Session
from housingmatch.errors import UserError
from housingmatch.rules.permissions import Action, require
from housingmatch.store import Store
from housingmatch.store import backup as _backup
from housingmatch.store.backup import BackupFile, BackupPolicy

__all__ = [
    "BackupFile",
    "BackupPolicy",
    "backup_now",
    "damaged_message",
    "latest_good_backup",
    "list_backups",
    "restore",
]


def backup_now(store: Store, session: Session, folder: Path | None = None) -> BackupFile:
    """Take a verified backup of the open base into ``folder`` (its backup folder by default)."""
    require(session, Action.BACKUP)
    return store.backup(folder)


def list_backups(db_path: Path, session: Session, folder: Path | None = None) -> list[BackupFile]:
    """Return the backups of the base at ``db_path``, newest first."""
    require(session, Action.BACKUP)
    return _backup.list_backups(Path(db_path), folder)


def latest_good_backup(db_path: Path, folder: Path | None = None) -> BackupFile | None:
    """Return the newest backup that passes the integrity check (offered for a damaged base)."""
    return _backup.latest_good_backup(Path(db_path), folder)


def restore(db_path: Path, session: Session, source: Path) -> Path:
    """Replace the (closed) base at ``db_path`` by the backup ``source``; return the kept file.

    The backup is verified first; the current file is kept aside, never deleted.
    """
    require(session, Action.RESTORE)
    if Path(source).resolve() == Path(db_path).resolve():
        raise UserError("On ne restaure pas une base sur elle-même : choisissez une sauvegarde.")
    return _backup.restore_file(Path(db_path), Path(source))


def damaged_message(db_path: Path) -> str:
    """Return the French sentence for a base failing its check: which backup to restore."""
    good = latest_good_backup(db_path)
    if good is None:
        return (
            f"La base « {db_path} » est endommagée et aucune sauvegarde valide n'a été trouvée : "
            "elle n'a pas été utilisée."
        )
    return (
        f"La base « {db_path} » est endommagée : elle n'a pas été utilisée. La dernière "
        f"sauvegarde valide est « {good.path} » ({good.taken_at:%d/%m/%Y %H:%M}) : restaurez-la "
        f"avec « housingmatch --db {db_path} restore {good.path} »."
    )
