"""Matching commands: rank, candidates, allocate (JSON for scripts, French tables for people)."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from housingmatch.cli.data import parse_day
from housingmatch.domain.labels import NO_VALUE, euros, french_number, group_label, plural
from housingmatch.domain.session import Session
from housingmatch.matching.results import (
    EXCLUSION_LABELS,
    PART_ORDER,
    Exclusion,
    RankedCandidate,
    exclusion_counts,
)

if TYPE_CHECKING:
    from housingmatch.services.database import Store

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
        return NO_VALUE
    return french_number(value, decimals)


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
            ", ".join(group_label(g.value) for g in c.groups) or NO_VALUE,
            "oui" if c.under_occupied else "",
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
    "Sous-occupation",
    "Trajet (min)",
    *(_PART_HEADERS[p.value] for p in PART_ORDER),
]
_CANDIDATE_RIGHT = {0, 2, 5, *range(6, 6 + len(PART_ORDER))}


def _reasons_summary(codes: Iterable[Sequence[Exclusion]]) -> list[str]:
    counts: Counter[Exclusion] = Counter(code for group in codes for code in group)
    return [
        f"  {french_number(counts[c]):>7}  {EXCLUSION_LABELS[c]}" for c in Exclusion if counts[c]
    ]


def _warnings(warnings: Sequence[str]) -> None:
    for warning in warnings:
        print(f"À noter : {warning}")


def grouped_warnings(warnings: Sequence[str], shown: int = 5) -> list[str]:
    """Return unit warnings (``REF : message``) grouped once per message, naming the units."""
    by_message: dict[str, list[str]] = {}
    for warning in warnings:
        ref, sep, message = warning.partition(" : ")
        if not sep:
            ref, message = "", warning
        by_message.setdefault(message, [])
        if ref:
            by_message[message].append(ref)
    lines = []
    for message, refs in by_message.items():
        if not refs:
            lines.append(f"  - {message}")
            continue
        named = ", ".join(refs[:shown])
        if len(refs) > shown:
            named += f" et {plural(len(refs) - shown, 'autre')}"
        lines.append(f"  - {message.rstrip('.')} ({plural(len(refs), 'logement')} : {named}).")
    return lines


def share_lines(allocation: Any) -> list[str]:
    """Return the French lines saying what the minimum shares asked of a batch gave and cost."""
    shares = allocation.shares
    if shares is None:
        return []
    lines = ["Parts minimales demandées :"]
    if shares.priority_share:
        lines.append(
            f"  DALO/prioritaires {shares.priority_share * 100:g} % des places pourvues : "
            f"{shares.priority_reached} place(s) pour {shares.priority_required} exigée(s) "
            f"sur {shares.filled}"
        )
    if shares.first_quartile_share:
        lines.append(
            f"  1er quartile hors QPV {shares.first_quartile_share * 100:g} % des places hors "
            f"QPV : {shares.first_quartile_reached} place(s) pour "
            f"{shares.first_quartile_required} exigée(s)"
        )
    for shortfall in shares.shortfalls:
        lines.append(f"  impossible à tenir : {shortfall}")
    lines.append(
        f"  score perdu par les parts : {_number(shares.score_lost)} "
        f"(total sans les parts {_number(shares.unconstrained_total)}, "
        f"avec {_number(shares.constrained_total)})"
    )
    if not shares.exact:
        lines.append(
            "  (optimum sur les meilleurs candidats de chaque logement, non prouvé sur tous)"
        )
    return lines


def _day(args: argparse.Namespace) -> date:
    return args.date or date.today()


def _rank(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import matching

    ranking = matching.rank_unit(store, session, args.ref, _day(args), args.top)
    if args.json:
        data = matching.ranking_to_dict(ranking)
        from housingmatch.services.proposals import ranking_notes

        notes = ranking_notes(store, session, ranking)
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
    print(f"Priorité légale : {rules.legal_priority_label}")
    print(
        f"Plafond de ressources (catégorie 1) : {euros(ranking.ceiling.amount)} "
        f"(plafonds {ranking.ceiling.year_used})"
    )
    _warnings(ranking.warnings)
    print()
    if ranking.ranked:
        _table(_CANDIDATE_HEADERS, _candidate_rows(ranking.ranked), _CANDIDATE_RIGHT)
    else:
        print("Aucune demande éligible.")
    print()
    excluded = plural(len(ranking.excluded), "demande exclue", "demandes exclues")
    print(f"{excluded}, par motif :")
    counts = exclusion_counts(ranking.excluded)  # from the code masks: no 50 000 objects
    for code in Exclusion:
        if counts[code]:
            print(f"  {french_number(counts[code]):>7}  {EXCLUSION_LABELS[code]}")
    return 0


def _candidates(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import matching

    view = matching.candidate_units(store, session, args.ref, _day(args))
    if args.json:
        _print_json(matching.candidate_units_to_dict(view))
        return 0
    groups = ", ".join(group_label(g.value) for g in view.groups) or "aucun"
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
    others = plural(
        len(view.not_eligible), "logement ouvert non éligible", "logements ouverts non éligibles"
    )
    print(f"{others}, par motif :")
    for line in _reasons_summary(codes for _, codes in view.not_eligible):
        print(line)
    return 0


def _allocate(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import matching

    allocation = matching.allocate(
        store, session, _day(args), args.per_unit,
        (args.min_priority or 0.0) / 100, (args.min_first_quartile or 0.0) / 100,
    )  # fmt: skip
    if args.json:
        _print_json(matching.allocation_to_dict(allocation))
        return 0
    total = len(allocation.units)
    print(
        f"Suggestion d'attribution au {allocation.on:%d/%m/%Y} : "
        f"{plural(allocation.per_unit, 'candidat distinct', 'candidats distincts')} "
        f"par logement ouvert, {plural(total, 'logement')}, score total "
        f"{_number(allocation.total_score)} (à revoir par le conseiller)"
    )
    for line in share_lines(allocation):
        print(line)
    notes = grouped_warnings(allocation.warnings)
    if notes:
        print(f"{plural(len(notes), 'remarque')} sur les règles appliquées en fin de liste.")
    # "Choix" numbers the suggestion; "Rang" is the place in the unit's own ranking.
    headers = ["Choix", "Rang", *_CANDIDATE_HEADERS[1:]]
    right = {0, 1, *(i + 1 for i in _CANDIDATE_RIGHT if i)}
    for number, unit in enumerate(allocation.units, start=1):
        print()
        eligible = plural(unit.eligible_count, "demande éligible", "demandes éligibles")
        print(f"Logement {number}/{total} : {unit.unit_ref} ({eligible})")
        if unit.candidates:
            ranks = unit.ranking_ranks or tuple(c.rank for c in unit.candidates)
            rows = [
                [row[0], str(rank), *row[1:]]
                for row, rank in zip(_candidate_rows(unit.candidates), ranks, strict=True)
            ]
            _table(headers, rows, right)
        else:
            print("  Aucun candidat disponible.")
    if notes:
        print()
        print("À noter :")
        for line in notes:
            print(line)
    return 0


def _percent(text: str) -> float:
    """Read a percentage from 0 to 100 ("25", "25,5", "25 %")."""
    try:
        value = float(text.replace("%", "").replace(",", ".").strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"pourcentage illisible : « {text} »") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"pourcentage hors de 0 à 100 : « {text} »")
    return value


def register(subparsers: Any) -> None:
    """Add the ``rank``, ``candidates`` and ``allocate`` subcommands."""
    rank = subparsers.add_parser("rank", help="classer les demandes pour un logement")
    rank.add_argument("ref", metavar="REF_LOGEMENT", help="référence du logement")
    rank.add_argument(
        "--date",
        type=parse_day,
        default=None,
        metavar="AAAA-MM-JJ",
        help="date du classement (aujourd'hui par défaut)",
    )
    rank.add_argument(
        "--top", type=int, default=None, metavar="N", help="n'afficher que les N premiers"
    )
    rank.add_argument("--json", action="store_true", help="sortie JSON")
    rank.set_defaults(handler=_rank)

    candidates = subparsers.add_parser(
        "candidates", help="logements ouverts auxquels une demande est éligible"
    )
    candidates.add_argument("ref", metavar="REF_DEMANDE", help="référence de la demande")
    candidates.add_argument(
        "--date",
        type=parse_day,
        default=None,
        metavar="AAAA-MM-JJ",
        help="date du classement (aujourd'hui par défaut)",
    )
    candidates.add_argument("--json", action="store_true", help="sortie JSON")
    candidates.set_defaults(handler=_candidates)

    allocate = subparsers.add_parser(
        "allocate", help="suggérer des candidats distincts pour tous les logements ouverts"
    )
    allocate.add_argument(
        "--date",
        type=parse_day,
        default=None,
        metavar="AAAA-MM-JJ",
        help="date du classement (aujourd'hui par défaut)",
    )
    allocate.add_argument(
        "--per-unit", type=int, default=3, metavar="N", help="candidats par logement (3 par défaut)"
    )
    allocate.add_argument(
        "--min-priority",
        type=_percent,
        default=None,
        metavar="PCT",
        help="part minimale des places pour des ménages DALO ou prioritaires L441-1 (en %%)",
    )
    allocate.add_argument(
        "--min-first-quartile",
        type=_percent,
        default=None,
        metavar="PCT",
        help="part minimale des places hors QPV pour des ménages du 1er quartile (en %%)",
    )
    allocate.add_argument("--json", action="store_true", help="sortie JSON")
    allocate.set_defaults(handler=_allocate)
