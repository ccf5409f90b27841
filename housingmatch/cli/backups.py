"""Backup commands: backup, backup list, restore."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from housingmatch.errors import UserError
from housingmatch.services import backups, local_session
from housingmatch.store import Store


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} Mo" if size >= 1024 * 1024 else f"{size / 1024:.0f} Ko"


def _backup(args: argparse.Namespace, store: Store | None) -> int:
    if args.action == "list":
        if not Path(args.db).exists():
            raise UserError(f"La base « {args.db} » n'existe pas.")
        found = backups.list_backups(args.db, local_session(), args.to)
        if not found:
            print("Aucune sauvegarde.")
        for b in found:
            kind = "automatique" if b.kind == "auto" else "à la demande"
            print(f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {kind:12}  {_size(b.size):>9}  {b.path}")
        return 0
    if not Path(args.db).exists():
        raise UserError(f"La base « {args.db} » n'existe pas.")
    with Store.open(args.db, create=False, check=True) as opened:
        done = backups.backup_now(opened, local_session(), args.to)
    print(f"Sauvegarde vérifiée : « {done.path} » ({_size(done.size)}).")
    return 0


def _restore(args: argparse.Namespace, store: Store | None) -> int:
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
    aside = backups.restore(args.db, local_session(), source)
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
    p.set_defaults(handler=_backup, needs_store=False)

    p = sub.add_parser(
        "restore", help="remplacer la base par une sauvegarde (l'actuelle est gardée)"
    )
    p.add_argument("file", type=Path, help="fichier de sauvegarde")
    p.add_argument("--yes", "--oui", action="store_true", help="ne pas demander de confirmation")
    p.set_defaults(handler=_restore, needs_store=False)
