"""Data commands: init, demo, import, export, show, rules."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from housingmatch.cli import show
from housingmatch.domain.labels import plural
from housingmatch.domain.session import Session
from housingmatch.errors import UserError

if TYPE_CHECKING:
    from housingmatch.services.database import Store

# The services (numpy, sqlite-utils, the gazetteer) are imported by the handlers that use
# them: building the parser for --version or --help must stay instant.
KINDS = ("demandes", "logements")


def parse_day(text: str) -> date:
    """Parse a ``YYYY-MM-DD`` command-line date."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date invalide « {text} » (attendu AAAA-MM-JJ)") from None


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _init(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import identity, records

    forum = (
        f" ; portable de forum {identity.device_id(store, session)[:8]}, références "
        f"provisoires {identity.forum_prefix(identity.device_id(store, session))}0001…"
        if identity.is_forum_device(store, session)
        else ""
    )
    print(
        f"Base prête : {store.path} (schéma {store.schema_version()}, "
        f"{records.request_count(store, session)} demandes, "
        f"{records.unit_count(store, session)} logements"
        + (", chiffrée" if store.encrypted else "")
        + f"{forum})."
    )
    return 0


def _demo(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import records

    count = records.request_count(store, session)
    if count and not args.force:
        raise UserError(
            f"La base « {store.path} » contient déjà {count} demandes : "
            "ajoutez --force pour y ajouter des données de démonstration."
        )
    from housingmatch.services.demo import create_demo_accounts, demo_session, generate_demo

    if args.created:
        # A database this command creates gets one documented account per role (README);
        # an existing database never gets accounts with public passwords.
        made = create_demo_accounts(store, session if session.authenticated else None)
        names = ", ".join(f"{a.name} / {a.password}" for a in made)
        print(f"Comptes de démonstration créés : {names}.")
        if not session.authenticated:
            session = demo_session(store)
    if args.history < 0:
        raise UserError("Le nombre de logements d'historique doit être positif ou nul.")
    summary = generate_demo(
        store, session, args.requests, args.units, args.seed, args.date, history=args.history
    )
    print(
        f"Démonstration créée dans {store.path} : {summary.requests} demandes, "
        f"{summary.units} logements, {summary.employers} employeurs "
        f"(graine {args.seed}, date de référence {summary.reference_date.isoformat()})."
    )
    if summary.history_units:
        print(
            f"Historique d'un an : {summary.history_units} logements libérés, "
            f"{summary.proposals} propositions, {summary.leases} baux signés."
        )
    return 0


def _import(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import imports

    report = imports.import_file(
        store, session, args.kind, args.file, partial=args.partial, rejects_path=args.rejets
    )
    # Values may be personal data: they go to the rejects file only, never to stderr.
    for error in report.errors[: args.max_errors]:
        print(f"  ligne {error.line}, colonne {error.column} : {error.message}", file=sys.stderr)
    if len(report.errors) > args.max_errors:
        others = plural(len(report.errors) - args.max_errors, "autre erreur", "autres erreurs")
        print(f"  … et {others}.", file=sys.stderr)
    stream = sys.stdout if report.written else sys.stderr
    print(report.summary(), file=stream)
    if not report.written:
        return 1
    return 3 if report.errors else 0


def _export(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import imports

    count = imports.export_file(store, session, args.kind, args.file)
    if args.kind == "demandes":
        what = plural(count, "demande exportée", "demandes exportées")
    else:
        what = plural(count, "logement exporté", "logements exportés")
    print(f"{what} dans « {args.file} ».")
    return 0


def _show(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import facts, records

    on = args.date or date.today()
    if args.kind == "demande":
        request = records.get_request(store, session, args.ref)
        data = facts.request_record(store, session, request, on)
    else:
        data = facts.unit_record(store, session, records.get_unit(store, session, args.ref), on)
    if args.json:
        _print_json(data)
    else:
        lines = show.request_lines(data) if args.kind == "demande" else show.unit_lines(data)
        print("\n".join(lines))
    return 0


def _rules(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import rules

    if args.action == "import":
        if args.file is None:
            raise UserError("Indiquez le fichier de règles à importer.")
        imported = rules.import_ruleset(store, session, args.file)
        print(
            f"Règles « {imported.name} » {imported.version} importées et actives "
            f"(empreinte {imported.content_hash[:12]})."
        )
        return 0
    if args.action == "activate":
        if args.file is None:
            raise UserError("Indiquez l'empreinte des règles à activer.")
        chosen = rules.activate_ruleset(store, session, str(args.file))
        print(f"Règles « {chosen.name} » {chosen.version} actives.")
        return 0
    from housingmatch.cli import rules_approval

    return rules_approval.run(args, store, session)  # list, draft, approve


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the data commands."""
    p = sub.add_parser("init", help="créer (ou mettre à jour) la base")
    p.add_argument(
        "--encrypt",
        "--chiffrer",
        action="store_true",
        help="créer la base chiffrée (SQLCipher, extension « forum ») : phrase secrète dans "
        "HOUSINGMATCH_DB_PASSPHRASE ou saisie deux fois",
    )
    p.add_argument(
        "--forum",
        action="store_true",
        help="base d'un portable de forum (références provisoires F-… jusqu'à la fusion)",
    )
    p.set_defaults(handler=_init, creates_db=True)

    p = sub.add_parser("demo", help="remplir la base avec des données de démonstration")
    p.add_argument(
        "--requests", "--demandes", type=int, default=2000, metavar="N", help="nombre de demandes"
    )
    p.add_argument(
        "--units", "--logements", type=int, default=150, metavar="N", help="nombre de logements"
    )
    p.add_argument(
        "--seed", "--graine", type=int, default=2026, metavar="N", help="graine (reproductible)"
    )
    p.add_argument(
        "--date", type=parse_day, default=None, metavar="AAAA-MM-JJ", help="date de référence"
    )
    p.add_argument(
        "--history",
        "--historique",
        type=int,
        default=0,
        metavar="N",
        help="logements libérés l'année passée dont les commissions sont jouées (0 : aucun)",
    )
    p.add_argument("--force", action="store_true", help="ajouter même si la base a des demandes")
    p.set_defaults(handler=_demo, creates_db=True)

    p = sub.add_parser("import", help="importer un fichier CSV ou XLSX de demandes ou de logements")
    p.add_argument("kind", choices=KINDS, metavar="TYPE", help="demandes ou logements")
    p.add_argument(
        "file", type=Path, metavar="FICHIER", help="fichier CSV (UTF-8 ou Windows-1252) ou XLSX"
    )
    p.add_argument(
        "--partial",
        "--partiel",
        action="store_true",
        help="écrire les lignes valides et enregistrer les lignes rejetées dans un fichier",
    )
    p.add_argument(
        "--rejets",
        type=Path,
        default=None,
        metavar="FICHIER",
        help="fichier des lignes rejetées (NOM.rejets.csv)",
    )
    p.add_argument(
        "--max-errors", type=int, default=50, metavar="N", help="erreurs affichées au plus"
    )
    p.set_defaults(handler=_import, creates_db=True)

    p = sub.add_parser(
        "export", help="exporter les demandes ou les logements en CSV (modèle d'import)"
    )
    p.add_argument("kind", choices=KINDS, metavar="TYPE", help="demandes ou logements")
    p.add_argument("file", type=Path, metavar="FICHIER", help="fichier CSV à écrire")
    p.set_defaults(handler=_export)

    p = sub.add_parser("show", help="afficher une demande ou un logement avec ses champs calculés")
    p.add_argument(
        "kind", choices=("demande", "logement"), metavar="TYPE", help="demande ou logement"
    )
    p.add_argument("ref", metavar="REFERENCE", help="référence de la demande ou du logement")
    p.add_argument(
        "--date", type=parse_day, default=None, metavar="AAAA-MM-JJ", help="date de calcul"
    )
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(handler=_show)

    p = sub.add_parser("rules", help="règles de classement : lister, importer, activer")
    p.add_argument(
        "action",
        choices=("list", "import", "activate", "draft", "approve"),
        metavar="ACTION",
        help="list (lister), import (importer et approuver), activate (activer une empreinte), "
        "draft (importer un brouillon), approve (approuver une empreinte)",
    )
    p.add_argument(
        "file",
        nargs="?",
        default=None,
        metavar="FICHIER|EMPREINTE",
        help="fichier TOML (import, draft) ou empreinte (activate, approve)",
    )
    p.add_argument("--from", dest="from_date", type=parse_day, default=None, help="en vigueur le")
    p.add_argument("--date", type=parse_day, default=None, help="list : règles en vigueur ce jour")
    p.set_defaults(handler=_rules, creates_db=True)
