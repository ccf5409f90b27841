"""The simple reference implementation: one request at a time, plain Python.

It is the readable statement of the rules; the fast engine (``engine.py``) must give the
same eligible set, the same order and the same points on any pool (Hypothesis tests).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from housingmatch.domain.model import Request, Unit
from housingmatch.matching.eligibility import (
    MatchingContext,
    UnitFacts,
    exclusion_codes,
    is_under_occupied,
)
from housingmatch.matching.ordering import legal_tier, sort_key, tie_breaker
from housingmatch.matching.results import Excluded, RankedCandidate, Ranking
from housingmatch.matching.scoring import score_candidate
from housingmatch.rules.groups import Group, first_quartile_status
from housingmatch.rules.ruleset import LEGAL_PRIORITY_TIER

UNIT_NOT_LOCATED = (
    "Position du logement inconnue : la proximité domicile-travail n'est pas comptée."
)


def first_quartile_warning(
    epci: str | None, name: str | None, year: int, threshold: float | None
) -> str | None:
    """Return the warning shown while the first-quartile threshold is missing (names the EPCI)."""
    if threshold is not None:
        return None
    if epci and name:
        where = name
    elif epci:
        where = f"l'EPCI {epci} (nom non fourni : seuls ceux de la Côte-d'Or sont connus)"
    else:
        where = "l'EPCI du logement"
    return (
        f"Seuil du premier quartile {year} non saisi pour {where} : statut « inconnu » "
        "(menu Référence ou « housingmatch reference quartile set »)."
    )


def unit_warnings(
    facts: UnitFacts, threshold: float | None, ceiling_notes: tuple[str, ...] | None = None
) -> tuple[str, ...]:
    """Return the warnings of a ranking: ceilings used, unit position, quartile threshold."""
    found = list(facts.warnings() if ceiling_notes is None else ceiling_notes)
    if facts.point is None:
        found.append(UNIT_NOT_LOCATED)
    name = facts.context.places.epci_name(facts.epci) if facts.epci else None
    quartile = first_quartile_warning(facts.epci, name, facts.on.year, threshold)
    if quartile:
        found.append(quartile)
    return tuple(found)


def reference_rank(
    requests: Iterable[Request], unit: Unit, on: date, context: MatchingContext
) -> Ranking:
    """Rank requests for a unit on a date, one candidate at a time."""
    facts = UnitFacts.of(unit, on, context)
    ruleset = context.ruleset
    threshold = context.quartile_threshold(facts.epci, on.year)
    scored = []
    excluded = []
    for request in requests:
        codes = exclusion_codes(request, facts)
        if codes:
            excluded.append(Excluded(request.ref, codes))
            continue
        score = score_candidate(request, facts)
        tie = tie_breaker(request)
        tier = 0
        if ruleset.legal_priority == LEGAL_PRIORITY_TIER:
            tier = legal_tier(Group.DALO in score.groups, Group.PRIORITAIRE_L441 in score.groups)
        key = sort_key(score.total, request.filing_date, tie, request.ref, ruleset.tie_break, tier)
        scored.append((key, request, score, tie))
    scored.sort(key=lambda item: item[0])
    ranked = tuple(
        RankedCandidate(
            rank=position,
            ref=request.ref,
            score=score.total,
            parts=score.parts,
            groups=score.groups,
            commute_minutes=score.commute_minutes,
            filing_date=request.filing_date,
            tie_breaker=tie,
            first_quartile=first_quartile_status(request, threshold),
            under_occupied=is_under_occupied(request.household.persons, unit.typology),
        )
        for position, (_, request, score, tie) in enumerate(scored, start=1)
    )
    excluded.sort(key=lambda e: e.ref)
    return Ranking(
        unit_ref=unit.ref,
        on=on,
        ruleset=ruleset.info,
        ceiling=facts.ceiling(1, 0),
        ranked=ranked,
        excluded=tuple(excluded),
        warnings=unit_warnings(facts, threshold),
        first_quartile_threshold=threshold,
    )
