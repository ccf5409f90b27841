"""Test-data builders for matching: valid requests and units with overridable fields.

``make_request`` and ``make_unit`` take any field of the dataclass directly, plus shortcuts
for nested fields (``persons``, ``fiscal_income``, ``birth_date``, ``work_commune``,
``wished_communes``...). ``PLACES`` locates a few communes of Dijon Métropole and beyond.
"""

from __future__ import annotations

from datetime import date

from housingmatch.domain.model import (
    Request,
    Unit,
)
from housingmatch.matching.eligibility import MatchingContext
from housingmatch.matching.engine import MatchingEngine
from housingmatch.matching.places import StaticPlaces
from housingmatch.matching.reference import reference_rank
from housingmatch.matching.results import RankedCandidate, Ranking
from housingmatch.rules.ceilings import default_ceiling_table
from housingmatch.rules.ruleset import RuleSet, default_ruleset
from tests.builders import (  # noqa: F401 (re-exported for the matching tests)
    BEAUNE,
    CHENOVE,
    DIJON,
    FENAY,
    LONGVIC,
    QUETIGNY,
    SEMUR,
    TALANT,
    make_request,
    make_unit,
)

POINTS = {
    DIJON: (47.3220, 5.0415),
    CHENOVE: (47.2918, 5.0055),
    LONGVIC: (47.2874, 5.0635),
    QUETIGNY: (47.3149, 5.1063),
    TALANT: (47.3368, 5.0049),
    FENAY: (47.2330, 5.0630),
    BEAUNE: (47.0260, 4.8400),
    SEMUR: (47.4917, 4.3336),
}
ZONES = {
    DIJON: "B1",
    CHENOVE: "B1",
    LONGVIC: "B1",
    QUETIGNY: "B1",
    TALANT: "B1",
    FENAY: "B2",
    BEAUNE: "B2",
    SEMUR: "C",
}
EPCIS = dict.fromkeys((DIJON, CHENOVE, LONGVIC, QUETIGNY, TALANT, FENAY), "242100410")

PLACES = StaticPlaces(POINTS, ZONES, EPCIS)

ON = date(2026, 6, 15)


def context(ruleset: RuleSet | None = None) -> MatchingContext:
    """Return a matching context with the default rules, the shipped ceilings and PLACES."""
    return MatchingContext(ruleset or default_ruleset(), default_ceiling_table(), PLACES)


def rank_both(
    requests: list[Request], unit: Unit, on: date = ON, ruleset: RuleSet | None = None
) -> Ranking:
    """Rank with the fast engine, check the reference implementation agrees, return it."""
    ctx = context(ruleset)
    fast = MatchingEngine(ctx, requests).rank(unit, on)
    slow = reference_rank(requests, unit, on, ctx)
    assert list(fast.ranked) == list(slow.ranked)
    assert list(fast.excluded) == list(slow.excluded)
    assert fast.warnings == slow.warnings
    return fast


def codes_of(ranking: Ranking, ref: str) -> tuple[str, ...]:
    """Return the exclusion codes of a request in a ranking (empty when it is ranked)."""
    found = ranking.exclusion(ref)
    return () if found is None else tuple(code.value for code in found.codes)


def scored(ranking: Ranking, ref: str) -> RankedCandidate:
    """Return the ranked candidate with this reference (fails the test when it is excluded)."""
    found = ranking.candidate(ref)
    assert found is not None, f"{ref} n'est pas classé"
    return found
