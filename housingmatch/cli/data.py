"""Data commands: init, demo, import, show, verify."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from housingmatch.errors import UserError
from housingmatch.services import facts, imports, records, rules
from housingmatch.services.demo import generate_demo
from housingmatch.store import Store


def parse_day(text: str) -> date:
    """Parse a ``YYYY-MM-DD`` command-line date."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date invalide « {text} » (attendu AAAA-MM-JJ)") from None


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _init(args: argparse.Namespace, store: Store) -> int:
    print(
        f"Base prête : {store.path} (schéma {store.schema_version()}, "
        f"{store.requests.count()} demandes, {store.units.count()} logements)."
    )
    return 0


def _demo(args: argparse.Namespace, store: Store) -> int:
    if store.requests.count() and not args.force:
        raise UserError(
            f"La base « {store.path} » contient déjà {store.requests.count()} demandes : "
            "ajoutez --force pour y ajouter des données de démonstration."
        )
    summary = generate_demo(store, args.requests, args.units, args.seed, args.date)
    print(
        f"Démonstration créée dans {store.path} : {summary.requests} demandes, "
        f"{summary.units} logements, {summary.employers} employeurs "
        f"(graine {args.seed}, date de référence {summary.reference_date.isoformat()})."
    )
    return 0


def _import(args: argparse.Namespace, store: Store) -> int:
    report = imports.import_file(
        store, args.kind, args.file, partial=args.partial, rejects_path=args.rejets
    )
    # Values may be personal data: they go to the rejects file only, never to stderr.
    for error in report.errors[: args.max_errors]:
        print(f"  ligne {error.line}, colonne {error.column} : {error.message}", file=sys.stderr)
    if len(report.errors) > args.max_errors:
        print(f"  … et {len(report.errors) - args.max_errors} autre(s) erreur(s).", file=sys.stderr)
    stream = sys.stdout if report.written else sys.stderr
    print(report.summary(), file=stream)
    if not report.written:
        return 1
    return 3 if report.errors else 0


def _export(args: argparse.Namespace, store: Store) -> int:
    count = imports.export_file(store, args.kind, args.file)
    print(f"{count} {args.kind} exporté(e)s dans « {args.file} ».")
    return 0


def _show(args: argparse.Namespace, store: Store) -> int:
    on = args.date or date.today()
    if args.kind == "demande":
        data = facts.request_record(store, records.get_request(store, args.ref), on)
    else:
        data = facts.unit_record(store, records.get_unit(store, args.ref), on)
    if args.json:
        _print_json(data)
    else:
        for key, value in _flatten(data):
            print(f"{key:40} {value}")
    return 0


def _flatten(data: Any, prefix: str = "") -> list[tuple[str, Any]]:
    if isinstance(data, dict):
        out = []
        for key, value in data.items():
            out += _flatten(value, f"{prefix}.{key}" if prefix else str(key))
        return out
    if isinstance(data, list) and data and isinstance(data[0], dict):
        out = []
        for i, value in enumerate(data):
            out += _flatten(value, f"{prefix}[{i}]")
        return out
    return [(prefix, "" if data is None else data)]


def _verify(args: argparse.Namespace, store: Store) -> int:
    problems = store.integrity_problems() + store.audit.verify()
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problème(s) détecté(s).", file=sys.stderr)
        return 1
    print(f"Base intègre ; journal d'audit intact ({store.audit.count()} entrées).")
    return 0


def _rules(args: argparse.Namespace, store: Store) -> int:
    if args.action == "import":
        if args.file is None:
            raise UserError("Indiquez le fichier de règles à importer.")
        imported = rules.import_ruleset(store, args.file)
        print(
            f"Règles « {imported.name} » {imported.version} importées et actives "
            f"(empreinte {imported.content_hash[:12]})."
        )
        return 0
    if args.action == "activate":
        if args.file is None:
            raise UserError("Indiquez l'empreinte des règles à activer.")
        chosen = rules.activate_ruleset(store, str(args.file))
        print(f"Règles « {chosen.name} » {chosen.version} actives.")
        return 0
    stored, active = rules.list_rulesets(store)
    for r in stored:
        mark = "*" if r.content_hash == active else " "
        print(f"{mark} {r.content_hash[:12]}  {r.version:10} {r.effective_date}  {r.name}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the data commands."""
    p = sub.add_parser("init", help="créer (ou mettre à jour) la base")
    p.set_defaults(handler=_init, creates_db=True)

    p = sub.add_parser("demo", help="remplir la base avec des données de démonstration")
    p.add_argument("--requests", "--demandes", type=int, default=2000, help="nombre de demandes")
    p.add_argument("--units", "--logements", type=int, default=150, help="nombre de logements")
    p.add_argument("--seed", "--graine", type=int, default=2026, help="graine (reproductible)")
    p.add_argument("--date", type=parse_day, default=None, help="date de référence (AAAA-MM-JJ)")
    p.add_argument("--force", action="store_true", help="ajouter même si la base a des demandes")
    p.set_defaults(handler=_demo, creates_db=True)

    p = sub.add_parser("import", help="importer un fichier CSV ou XLSX de demandes ou de logements")
    p.add_argument("kind", choices=imports.KINDS, help="demandes ou logements")
    p.add_argument("file", type=Path, help="fichier CSV (UTF-8 ou Windows-1252) ou XLSX")
    p.add_argument(
        "--partial",
        "--partiel",
        action="store_true",
        help="écrire les lignes valides et enregistrer les lignes rejetées dans un fichier",
    )
    p.add_argument(
        "--rejets", type=Path, default=None, help="fichier des lignes rejetées (NOM.rejets.csv)"
    )
    p.add_argument("--max-errors", type=int, default=50, help="erreurs affichées au plus")
    p.set_defaults(handler=_import, creates_db=True)

    p = sub.add_parser(
        "export", help="exporter les demandes ou les logements en CSV (modèle d'import)"
    )
    p.add_argument("kind", choices=imports.KINDS, help="demandes ou logements")
    p.add_argument("file", type=Path, help="fichier CSV à écrire")
    p.set_defaults(handler=_export)

    p = sub.add_parser("show", help="afficher une demande ou un logement avec ses champs calculés")
    p.add_argument("kind", choices=("demande", "logement"))
    p.add_argument("ref", help="référence")
    p.add_argument("--date", type=parse_day, default=None, help="date de calcul (AAAA-MM-JJ)")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(handler=_show)

    p = sub.add_parser("rules", help="règles de classement : lister, importer, activer")
    p.add_argument("action", choices=("list", "import", "activate"), help="action")
    p.add_argument("file", nargs="?", default=None, help="fichier TOML (import) ou empreinte")
    p.set_defaults(handler=_rules, creates_db=True)

    p = sub.add_parser("verify", help="vérifier l'intégrité de la base et du journal d'audit")
    p.set_defaults(handler=_verify)
