"""Audit commands: verify (integrity, chain, records, checkpoint) and signed checkpoints."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from housingmatch.cli.data import parse_day
from housingmatch.domain.session import Session
from housingmatch.errors import UserError

if TYPE_CHECKING:
    from housingmatch.services.database import Store


def read_password(prompt: str = "Mot de passe : ") -> str:
    """Return HOUSINGMATCH_PASSWORD, or ask for it without echo (never printed or logged)."""
    password = os.environ.get("HOUSINGMATCH_PASSWORD")
    if password:
        return password
    if not sys.stdin.isatty():
        raise UserError(
            "Mot de passe requis : définissez HOUSINGMATCH_PASSWORD ou lancez la commande "
            "dans un terminal."
        )
    return getpass.getpass(prompt)


def _verify(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import audit

    checkpoint = audit.read_checkpoint_file(args.checkpoint) if args.checkpoint else None
    report = audit.verify_database(store, session, checkpoint)
    if report.ok:
        print(report.summary())
        return 0
    for finding in report.findings:
        print(finding.message, file=sys.stderr)
    if report.first_broken_link is not None:
        print(f"Premier maillon rompu : entrée {report.first_broken_link}.", file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    return 1


def _checkpoint(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import audit

    password = read_password(f"Mot de passe de la clé de signature de {session.user} : ")
    checkpoint = audit.create_checkpoint(store, session, password, args.out)
    where = f", exporté dans « {args.out} »" if args.out else ""
    print(
        f"Point de contrôle signé par {checkpoint.signer} : entrée {checkpoint.entry_id}, "
        f"empreinte {checkpoint.head_hash[:16]}…, {checkpoint.at}{where}."
    )
    return 0


def _list(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import audit

    found = audit.list_checkpoints(store, session)
    if not found:
        print("Aucun point de contrôle.")
    for c in found:
        print(f"{c.id:4}  entrée {c.entry_id:8}  {c.at}  {c.signer:20} {c.head_hash[:16]}…")
    return 0


def _export(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import audit

    path = audit.export_checkpoint(store, session, args.out)
    print(f"Dernier point de contrôle exporté dans « {path} ».")
    return 0


def _report(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import review

    if args.end < args.start:
        raise UserError(
            f"La période est inversée : le {args.end:%d/%m/%Y} précède le {args.start:%d/%m/%Y}."
        )
    report = review.audit_report(store, session, args.start, args.end, args.xlsx, args.pdf)
    if args.json:
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return 0
    print(
        f"Rapport d'audit du {args.start:%d/%m/%Y} au {args.end:%d/%m/%Y} : "
        f"{report.proposals} proposition(s), {report.flagged} avec un écart, "
        f"{report.replays_identical}/{len(report.replays)} reçus rejoués à l'identique, "
        f"{len(report.sign_offs)} contrôle(s) signé(s) ; {report.verify_summary}"
    )
    for path in (args.pdf, args.xlsx):
        if path is not None:
            print(f"Écrit : {path}")
    return 0 if report.verify_ok else 1


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the audit commands."""
    p = sub.add_parser(
        "verify",
        help="vérifier la base : intégrité, chaîne du journal, dossiers reconstruits du journal",
    )
    p.add_argument(
        "--checkpoint",
        type=Path,
        default=None,
        metavar="FICHIER",
        help="point de contrôle exporté : prouver que rien n'a été réécrit jusqu'à lui",
    )
    p.set_defaults(handler=_verify)

    p = sub.add_parser("audit", help="journal d'audit : points de contrôle signés")
    actions = p.add_subparsers(dest="audit_action", metavar="ACTION", required=True)
    q = actions.add_parser("checkpoint", help="signer la tête du journal (mot de passe demandé)")
    q.add_argument("--out", type=Path, default=None, metavar="FICHIER", help="l'exporter aussi")
    q.set_defaults(handler=_checkpoint)
    q = actions.add_parser("list", help="lister les points de contrôle")
    q.set_defaults(handler=_list)
    q = actions.add_parser("report", help="rapport d'audit du rapprochement sur une période")
    q.add_argument("--from", dest="start", type=parse_day, required=True, metavar="AAAA-MM-JJ")
    q.add_argument("--to", dest="end", type=parse_day, required=True, metavar="AAAA-MM-JJ")
    q.add_argument("--xlsx", type=Path, default=None, metavar="FICHIER", help="classeur XLSX")
    q.add_argument("--pdf", type=Path, default=None, metavar="FICHIER", help="PDF à signer")
    q.add_argument("--json", action="store_true", help="les chiffres en JSON")
    q.set_defaults(handler=_report)
    q = actions.add_parser("export", help="exporter le dernier point de contrôle")
    q.add_argument("--out", type=Path, required=True, metavar="FICHIER")
    q.set_defaults(handler=_export)
