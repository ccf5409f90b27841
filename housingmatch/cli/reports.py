"""Report commands of the convention's evaluation: obligations, fairness, observatory export."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from housingmatch.cli.data import parse_day
from housingmatch.domain.labels import NO_VALUE, group_label, plural
from housingmatch.domain.session import Session

if TYPE_CHECKING:
    from housingmatch.reports.fairness import GroupFigures
    from housingmatch.reports.obligations import Obligation
    from housingmatch.services.database import Store

#: How many references of the attributions behind a share the text output names.
SHOWN_REFS = 12


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def percent(value: float | None) -> str:
    """Return a share as "38 %" (a dash when there is none)."""
    return NO_VALUE if value is None else f"{value * 100:.0f} %"


def _refs(refs: Sequence[str]) -> str:
    shown = ", ".join(refs[:SHOWN_REFS])
    if len(refs) > SHOWN_REFS:
        shown += f" et {plural(len(refs) - SHOWN_REFS, 'autre')}"
    return shown


def obligation_lines(item: Obligation, end: date) -> list[str]:
    """Return the French lines of one obligation (text output)."""
    share = item.share
    if share is None:
        state = "aucune attribution connue"
    elif item.met:
        state = "à l'objectif pour l'instant"
    else:
        state = "en dessous de l'objectif"
    lines = [
        f"{item.kind.label} : {item.numerator} / {item.denominator} = {percent(share)} "
        f"(objectif {percent(item.target)}) — {state}"
    ]
    if item.detail:
        lines.append(f"  {item.detail}")
    if item.unknown and item.share_range:
        low, high = item.share_range
        lines.append(
            f"  en comptant les quartiles inconnus : entre {percent(low)} et {percent(high)}"
        )
    if item.gap:
        lines.append(
            f"  il en faut encore {item.gap} d'ici le {end:%d/%m/%Y} pour tenir l'objectif au "
            f"rythme actuel ({plural(item.projected_total, 'attribution prévue', 'attributions prévues')} "
            "sur la période)"
        )
    if item.counted:
        lines.append(f"  logements qui comptent : {_refs(item.counted)}")
    return lines


def _obligations(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import evaluation

    start, end = evaluation.year_period(args.year)
    today = args.date or date.today()
    found = evaluation.obligations_report(store, session, start, end, today)
    if args.json:
        _print_json(
            {
                "year": args.year,
                "from": start.isoformat(),
                "to": end.isoformat(),
                "as_of": today.isoformat(),
                "obligations": [evaluation.obligation_to_dict(o) for o in found],
            }
        )
        return 0
    total = found[0].denominator if found else 0
    print(
        f"Obligations d'attribution {args.year} ({evaluation.period_label(start, end)}), "
        f"au {min(today, end):%d/%m/%Y} : {plural(total, 'bail signé', 'baux signés')}"
    )
    for item in found:
        print()
        for line in obligation_lines(item, end):
            print(line)
    return 0


_DIMENSIONS = {"public": "Public", "âge": "Âge", "ménage": "Ménage"}


def _fairness_row(row: GroupFigures) -> list[str]:
    name = group_label(row.group) if row.dimension == "public" else row.group
    wait = NO_VALUE if row.median_wait_days is None else f"{row.median_wait_days:.0f}"
    return [
        name,
        str(row.pool),
        percent(row.pool_share),
        str(row.proposed),
        percent(row.proposal_share),
        str(row.attributed),
        percent(row.attribution_share),
        wait,
        percent(row.refusal_rate),
        "oui" if row.under_served else "",
    ]


def _fairness(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.cli.matching import _table
    from housingmatch.services import evaluation

    start, end = evaluation.year_period(args.year)
    rows, warnings = evaluation.fairness_report(store, session, start, end)
    margin = evaluation.fairness_margin(store, end)
    if args.json:
        _print_json(
            {
                "year": args.year,
                "from": start.isoformat(),
                "to": end.isoformat(),
                "margin": margin,
                "groups": [evaluation.group_to_dict(r) for r in rows],
                "warnings": warnings,
            }
        )
        return 0
    print(
        f"Équité entre publics {args.year} ({evaluation.period_label(start, end)}) : part de "
        f"chaque public parmi les demandes éligibles, les proposés et les attributaires ; "
        f"alerte au-delà de {margin * 100:.0f} points d'écart (jeu de règles)"
    )
    headers = ["", "Éligibles", "Part", "Proposés", "Part", "Attribués", "Part",
               "Attente méd. (j)", "Refus", "Alerte"]  # fmt: skip
    for dimension, title in _DIMENSIONS.items():
        print()
        _table(
            [title, *headers[1:]],
            [_fairness_row(r) for r in rows if r.dimension == dimension],
            {1, 2, 3, 4, 5, 6, 7, 8},
        )
    print()
    if warnings:
        for warning in warnings:
            print(f"Alerte : {warning}")
    else:
        print("Aucun public n'est servi en deçà de sa part des demandes éligibles.")
    return 0


def _observatory(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import evaluation

    done = evaluation.observatory_export(store, session, args.year, args.xlsx)
    print(
        f"Classeur de l'observatoire {done.year} écrit : {done.path} "
        f"({plural(done.tables, 'tableau', 'tableaux')} ; "
        f"{plural(done.demand, 'demande')}, {plural(done.attributions, 'attribution')} ; "
        f"{plural(done.suppressed_cells, 'case masquée', 'cases masquées')} "
        "par le secret statistique)"
    )
    return 0


#: How many entries into and exits from the top three the text output lists.
SHOWN_CHANGES = 30


def _signed(value: float | None) -> str:
    if value is None:
        return NO_VALUE
    return f"{value:+.1f}".replace(".", ",")


def _whatif(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.cli.matching import _table
    from housingmatch.services import whatif as service

    report = service.whatif(store, session, args.draft, args.units, args.date)
    if args.json:
        _print_json(service.whatif_to_dict(report))
        return 0
    r = report.result
    draft = report.draft
    print(
        f"Simulation des règles « {draft.name} » {draft.version} "
        f"(empreinte {draft.content_hash[:12]}) : {report.scope_label}, "
        f"{plural(r.units, 'logement')}"
    )
    print(f"Comparées aux règles en vigueur : {', '.join(report.current) or NO_VALUE}")
    if r.unchanged:
        print("Aucun changement : le brouillon classe chaque logement comme les règles en vigueur.")
    print()
    print("Décalage de rang par public (positif : le public monte)")
    _table(
        ["Public", "Candidats", "Moyen", "Médian", "Montent", "Descendent", "Entrent (3 premiers)",
         "Sortent (3 premiers)"],
        [
            [group_label(s.public), str(s.candidates), _signed(s.mean_shift),
             _signed(s.median_shift), str(s.moved_up), str(s.moved_down), str(s.entering_top),
             str(s.leaving_top)]
            for s in r.shifts
        ],
        {1, 2, 3, 4, 5, 6, 7},
    )  # fmt: skip
    if r.entered_ranking or r.left_ranking:
        print(
            f"{plural(r.entered_ranking, 'candidature devient éligible', 'candidatures deviennent éligibles')}, "
            f"{plural(r.left_ranking, 'ne l’est plus', 'ne le sont plus')}"
        )
    print()
    print("Effet sur les obligations, parmi les 3 premiers de chaque logement")
    for e in r.shares:
        unknown = ""
        if e.current[2] or e.draft[2]:
            unknown = f" ; quartile inconnu : {e.current[2]} → {e.draft[2]}, à part"
        print(
            f"  {e.kind.label} : {percent(e.current_share)} → {percent(e.draft_share)} "
            f"(objectif {percent(e.target)}){unknown}"
        )
    print()
    print(f"Entrées et sorties des 3 premiers : {len(r.changes)}")
    for c in r.changes[:SHOWN_CHANGES]:
        before = NO_VALUE if c.rank_current is None else str(c.rank_current)
        after = NO_VALUE if c.rank_draft is None else str(c.rank_draft)
        groups = ", ".join(group_label(g) for g in sorted(c.publics)) or "aucun groupe"
        verb = "entre" if c.entering else "sort"
        print(f"  {c.unit_ref} : {c.ref} {verb} (rang {before} → {after} ; {groups})")
    if len(r.changes) > SHOWN_CHANGES:
        print(f"  … et {len(r.changes) - SHOWN_CHANGES} autres (--json pour la liste entière)")
    return 0


def register(sub: Any) -> None:
    """Add the ``report`` (obligations, fairness, observatoire) and ``whatif`` commands."""
    whatif = sub.add_parser(
        "whatif", help="simuler un brouillon de règles contre les règles en vigueur"
    )
    whatif.add_argument("draft", type=Path, metavar="BROUILLON.toml", help="fichier de règles")
    whatif.add_argument(
        "--units",
        default="open",
        metavar="open|year:AAAA",
        help="logements ouverts (par défaut) ou ceux des propositions d'une année",
    )
    whatif.add_argument(
        "--date",
        type=parse_day,
        default=None,
        metavar="AAAA-MM-JJ",
        help="date du classement des logements ouverts (aujourd'hui par défaut)",
    )
    whatif.add_argument("--json", action="store_true", help="sortie JSON")
    whatif.set_defaults(handler=_whatif)

    report = sub.add_parser(
        "report", help="bilans de la convention (obligations, équité, observatoire)"
    )
    kinds = report.add_subparsers(dest="report", required=True, metavar="BILAN")

    obligations = kinds.add_parser(
        "obligations", help="parts légales d'attributions (DALO/L441-1, 1er quartile, QPV)"
    )
    obligations.add_argument("--year", type=int, required=True, metavar="AAAA", help="année civile")
    obligations.add_argument(
        "--date",
        type=parse_day,
        default=None,
        metavar="AAAA-MM-JJ",
        help="jour où l'on se place pour le rythme (aujourd'hui par défaut)",
    )
    obligations.add_argument("--json", action="store_true", help="sortie JSON")
    obligations.set_defaults(handler=_obligations)

    fairness = kinds.add_parser("fairness", help="équité entre publics prioritaires")
    fairness.add_argument("--year", type=int, required=True, metavar="AAAA", help="année civile")
    fairness.add_argument("--json", action="store_true", help="sortie JSON")
    fairness.set_defaults(handler=_fairness)

    observatory = kinds.add_parser(
        "observatoire", help="classeur agrégé pour l'observatoire (secret statistique)"
    )
    observatory.add_argument("--year", type=int, required=True, metavar="AAAA", help="année civile")
    observatory.add_argument(
        "--xlsx", type=Path, required=True, metavar="FICHIER", help="classeur à écrire (.xlsx)"
    )
    observatory.set_defaults(handler=_observatory)
