"""Matching commands: rank, candidates, allocate (JSON for scripts, French tables for people)."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from housingmatch.cli.data import parse_day
from housingmatch.matching.results import (
    EXCLUSION_LABELS,
    PART_ORDER,
    Exclusion,
    RankedCandidate,
)
from housingmatch.services import local_session, matching
from housingmatch.services.proposals import ranking_notes
from housingmatch.store import Store

_PART_HEADERS = {
    "groups": "Pts groupes",
    "legal_priority": "Légal",
    "proximity": "Proxim.",
    "commute_gain": "Gain",
    "seniority": "Ancien.",
    "fit": "Adéq.",
    "employer": "Empl.",
}


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _number(value: float | None, decimals: int = 2) -> str:
    if value is None:
        return "—"
    return f"{value:.{decimals}f}".replace(".", ",")


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], right: set[int]) -> None:
    rows = [list(r) for r in rows]
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            cell.rjust(w) if i in right else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    print(line(headers))
    print(line(["-" * w for w in widths]))
    for row in rows:
        print(line(row))


def _candidate_rows(candidates: Iterable[RankedCandidate]) -> list[list[str]]:
    return [
        [
            str(c.rank),
            c.ref,
            _number(c.score),
            ", ".join(g.value for g in c.groups) or "—",
            _number(c.commute_minutes, 1),
            *(_number(points) for _, points in c.parts),
        ]
        for c in candidates
    ]


_CANDIDATE_HEADERS = [
    "Rang",
    "Demande",
    "Score",
    "Groupes",
    "Trajet (min)",
    *(_PART_HEADERS[p.value] for p in PART_ORDER),
]
_CANDIDATE_RIGHT = {0, 2, 4, *range(5, 5 + len(PART_ORDER))}


def _reasons_summary(codes: Iterable[Sequence[Exclusion]]) -> list[str]:
    counts: Counter[Exclusion] = Counter(code for group in codes for code in group)
    return [f"  {counts[c]:>7}  {EXCLUSION_LABELS[c]} ({c.value})" for c in Exclusion if counts[c]]


def _warnings(warnings: Sequence[str]) -> None:
    for warning in warnings:
        print(f"Attention : {warning}")


def _day(args: argparse.Namespace) -> date:
    return args.date or date.today()


def _rank(args: argparse.Namespace, store: Store) -> int:
    ranking = matching.rank_unit(store, args.ref, _day(args), args.top)
    if args.json:
        data = matching.ranking_to_dict(ranking)
        notes = ranking_notes(store, local_session(), ranking)
        for c in data["ranked"]:  # "a refusé un logement : trajet 45 min"
            c["refusals"] = notes["refusals"].get(c["ref_demande"], [])
        for e in data["excluded"]:
            if e["ref_demande"] in notes["parked_until"]:
                e["parked_until"] = notes["parked_until"][e["ref_demande"]]
        _print_json(data)
        return 0
    rules = ranking.ruleset
    print(
        f"Logement {ranking.unit_ref} — classement au {ranking.on:%d/%m/%Y} "
        f"(règles « {rules.name} » {rules.version}, empreinte {rules.hash[:12]})"
    )
    print(
        f"Plafond de ressources (catégorie 1) : {ranking.ceiling.amount} € "
        f"(plafonds {ranking.ceiling.year_used})"
    )
    _warnings(ranking.warnings)
    print()
    if ranking.ranked:
        _table(_CANDIDATE_HEADERS, _candidate_rows(ranking.ranked), _CANDIDATE_RIGHT)
    else:
        print("Aucune demande éligible.")
    print()
    print(f"{len(ranking.excluded)} demande(s) exclue(s), par motif :")
    for line in _reasons_summary(e.codes for e in ranking.excluded):
        print(line)
    return 0


def _candidates(args: argparse.Namespace, store: Store) -> int:
    view = matching.candidate_units(store, args.ref, _day(args))
    if args.json:
        _print_json(matching.candidate_units_to_dict(view))
        return 0
    groups = ", ".join(g.value for g in view.groups) or "aucun"
    print(
        f"Demande {view.request_ref} — logements ouverts éligibles au {view.on:%d/%m/%Y} "
        f"(groupes : {groups})"
    )
    print()
    if view.options:
        _table(
            ["Rang", "Logement", "Score", "Trajet (min)"],
            [
                [str(i), o.unit_ref, _number(o.score), _number(o.commute_minutes, 1)]
                for i, o in enumerate(view.options, start=1)
            ],
            {0, 2, 3},
        )
    else:
        print("Aucun logement ouvert éligible.")
    print()
    print(f"{len(view.not_eligible)} logement(s) ouvert(s) non éligible(s), par motif :")
    for line in _reasons_summary(codes for _, codes in view.not_eligible):
        print(line)
    return 0


def _allocate(args: argparse.Namespace, store: Store) -> int:
    allocation = matching.allocate(store, _day(args), args.per_unit)
    if args.json:
        _print_json(matching.allocation_to_dict(allocation))
        return 0
    print(
        f"Suggestion d'attribution au {allocation.on:%d/%m/%Y} : {allocation.per_unit} "
        f"candidat(s) distinct(s) par logement ouvert, score total "
        f"{_number(allocation.total_score)} (à revoir par le conseiller)"
    )
    _warnings(allocation.warnings)
    for unit in allocation.units:
        print()
        print(f"Logement {unit.unit_ref} ({unit.eligible_count} demande(s) éligible(s))")
        if unit.candidates:
            _table(_CANDIDATE_HEADERS, _candidate_rows(unit.candidates), _CANDIDATE_RIGHT)
        else:
            print("  Aucun candidat disponible.")
    return 0


def register(subparsers: Any) -> None:
    """Add the ``rank``, ``candidates`` and ``allocate`` subcommands."""
    rank = subparsers.add_parser("rank", help="classer les demandes pour un logement")
    rank.add_argument("ref", metavar="REF_LOGEMENT", help="référence du logement")
    rank.add_argument(
        "--date", type=parse_day, default=None, help="date du classement (AAAA-MM-JJ)"
    )
    rank.add_argument("--top", type=int, default=None, help="n'afficher que les N premiers")
    rank.add_argument("--json", action="store_true", help="sortie JSON")
    rank.set_defaults(handler=_rank)

    candidates = subparsers.add_parser(
        "candidates", help="logements ouverts auxquels une demande est éligible"
    )
    candidates.add_argument("ref", metavar="REF_DEMANDE", help="référence de la demande")
    candidates.add_argument(
        "--date", type=parse_day, default=None, help="date du classement (AAAA-MM-JJ)"
    )
    candidates.add_argument("--json", action="store_true", help="sortie JSON")
    candidates.set_defaults(handler=_candidates)

    allocate = subparsers.add_parser(
        "allocate", help="suggérer des candidats distincts pour tous les logements ouverts"
    )
    allocate.add_argument(
        "--date", type=parse_day, default=None, help="date du classement (AAAA-MM-JJ)"
    )
    allocate.add_argument(
        "--per-unit", type=int, default=3, help="candidats par logement (3 par défaut)"
    )
    allocate.add_argument("--json", action="store_true", help="sortie JSON")
    allocate.set_defaults(handler=_allocate)
