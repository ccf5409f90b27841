"""Backup commands: backup, backup list, restore."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from housingmatch.domain.session import Session
from housingmatch.errors import UserError

if TYPE_CHECKING:
    from housingmatch.services.database import Store


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} Mo" if size >= 1024 * 1024 else f"{size / 1024:.0f} Ko"


def _backup(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import backups

    if args.action == "list":
        found = backups.list_backups(args.db, session, args.to)
        if not found:
            print("Aucune sauvegarde.")
        for b in found:
            kind = "automatique" if b.kind == "auto" else "à la demande"
            print(f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {kind:12}  {_size(b.size):>9}  {b.path}")
        return 0
    done = backups.backup_now(store, session, args.to)
    print(f"Sauvegarde vérifiée : « {done.path} » ({_size(done.size)}).")
    return 0


def _restore_session(args: argparse.Namespace) -> Session:
    """Who restores: the signed-in person when the base opens; the file's owner when it is
    too damaged to open (whoever can replace the file can restore it anyway)."""
    from housingmatch.cli.session import command_session
    from housingmatch.services import local_session
    from housingmatch.services.database import open_store

    try:
        opened = open_store(args.db, create=False)
    except Exception:
        return local_session()
    with opened:
        return command_session(opened, args, created=False)


def _restore(args: argparse.Namespace, store: Store | None, session: Session | None) -> int:
    from housingmatch.services import backups

    source = Path(args.file)
    if not source.is_file():
        raise UserError(f"La sauvegarde « {source} » est introuvable.")
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError(
                "La restauration remplace la base : confirmez avec --yes (ou lancez-la dans un "
                "terminal)."
            )
        answer = input(
            f"Remplacer la base « {args.db} » par « {source.name} » ? La base actuelle sera "
            "gardée à côté. [o/N] "
        )
        if answer.strip().lower() not in ("o", "oui", "y", "yes"):
            print("Restauration annulée : rien n'a changé.")
            return 1
    aside = backups.restore(args.db, _restore_session(args), source)
    kept = f" ; l'ancienne base est gardée dans « {aside} »" if aside.exists() else ""
    print(f"Base restaurée depuis « {source} »{kept}.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the backup commands."""
    p = sub.add_parser("backup", help="sauvegarder la base (vérifiée) ou lister les sauvegardes")
    p.add_argument(
        "action", nargs="?", choices=("now", "list"), default="now", help="list : lister"
    )
    p.add_argument("--to", type=Path, default=None, help="dossier des sauvegardes")
    p.set_defaults(handler=_backup)

    p = sub.add_parser(
        "restore", help="remplacer la base par une sauvegarde (l'actuelle est gardée)"
    )
    p.add_argument("file", type=Path, help="fichier de sauvegarde")
    p.add_argument("--yes", "--oui", action="store_true", help="ne pas demander de confirmation")
    p.set_defaults(handler=_restore, needs_store=False)
