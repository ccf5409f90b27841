"""Personal-data commands: retention (lapse, anonymisation) and a person's data export."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from housingmatch.cli.data import parse_day
from housingmatch.domain.session import Session

if TYPE_CHECKING:
    from housingmatch.services.database import Store


def _retention(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import retention

    on = args.date or date.today()
    if args.retention_action == "list":
        due = retention.pending(store, session, on)
        for d in due:
            print(f"{d.ref:24} {d.reason:8} depuis {d.since}  échéance {d.due}")
        print(f"{len(due)} demande(s) à anonymiser au {on.isoformat()}.")
        return 0
    report = retention.apply_retention(store, session, on)
    print(report.summary())
    return 0


def _person(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import personal_data

    written = personal_data.export_person(store, session, args.ref, args.out, args.date)
    print(
        f"Données de la demande « {args.ref} » écrites dans "
        + " et ".join(f"« {p} »" for p in written)
        + "."
    )
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the personal-data commands."""
    p = sub.add_parser("retention", help="durée de conservation : anonymiser les demandes échues")
    actions = p.add_subparsers(dest="retention_action", metavar="ACTION", required=True)
    for name, text in (
        ("apply", "anonymiser les demandes closes ou caduques dont le délai est échu"),
        ("list", "lister les demandes à anonymiser, sans rien modifier"),
    ):
        q = actions.add_parser(name, help=text)
        q.add_argument("--date", type=parse_day, default=None, help="date (AAAA-MM-JJ)")
        q.set_defaults(handler=_retention)

    p = sub.add_parser("personne", help="données d'une personne (demande d'accès, RGPD art. 15)")
    actions = p.add_subparsers(dest="person_action", metavar="ACTION", required=True)
    q = actions.add_parser("export", help="écrire tout ce qui est détenu sur une demande")
    q.add_argument("ref", help="référence de la demande")
    q.add_argument("--out", type=Path, required=True, metavar="FICHIER", help="NOM(.json, .html)")
    q.add_argument("--date", type=parse_day, default=None, help="date des calculs (AAAA-MM-JJ)")
    q.set_defaults(handler=_person)
