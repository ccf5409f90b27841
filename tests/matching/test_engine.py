"""The fast engine equals the reference implementation; ranking is deterministic."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from housingmatch.domain.model import Motif, PrioriteL441, Request, Unit
from housingmatch.matching.engine import MatchingEngine
from housingmatch.matching.ordering import derived_tie_breaker
from housingmatch.matching.reference import reference_rank
from housingmatch.matching.results import Part
from housingmatch.rules.groups import Group
from housingmatch.rules.ruleset import default_ruleset
from tests.matching.builders import ON, context, make_request, make_unit, rank_both
from tests.matching.strategies import pools, units

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DATES = st.sampled_from([ON, date(2026, 1, 1), date(2025, 9, 30), date(2027, 2, 28)])


def _same(fast_pool: list[Request], unit: Unit, on: date) -> None:
    ctx = context()
    fast = MatchingEngine(ctx, fast_pool).rank(unit, on)
    slow = reference_rank(fast_pool, unit, on, ctx)
    assert [c.ref for c in fast.ranked] == [c.ref for c in slow.ranked]
    assert list(fast.ranked) == list(slow.ranked)  # same points, parts, groups, commute
    assert list(fast.excluded) == list(slow.excluded)
    assert fast.warnings == slow.warnings
    assert len(fast.ranked) + len(fast.excluded) == len(fast_pool)


@SETTINGS
@given(pool=pools(), unit=units(), on=DATES)
def test_fast_engine_equals_reference(pool: list[Request], unit: Unit, on: date) -> None:
    _same(pool, unit, on)


@SETTINGS
@given(pool=pools(), unit=units(), on=DATES, data=st.data())
def test_fast_engine_equals_reference_with_other_rules(
    pool: list[Request], unit: Unit, on: date, data: st.DataObject
) -> None:
    base = default_ruleset()
    rules = replace(
        base,
        eligibility=replace(
            base.eligibility,
            effort_enabled=data.draw(st.booleans()),
            typology_grid_enabled=data.draw(st.booleans()),
            under_occupation=data.draw(st.booleans()),
        ),
        tie_break=data.draw(st.sampled_from([("filing_date", "tie_breaker"), ("tie_breaker",)])),
        legal_priority=data.draw(st.sampled_from(["points", "tier"])),
    )
    # A first-quartile threshold entered for the metropole, some years: statuses and
    # warnings must agree too.
    thresholds = data.draw(st.sampled_from([(), (("242100410", on.year, 9600.0),)]))
    ctx = replace(context(rules), quartile_thresholds=thresholds)
    fast = MatchingEngine(ctx, pool).rank(unit, on)
    slow = reference_rank(pool, unit, on, ctx)
    assert list(fast.ranked) == list(slow.ranked)
    assert list(fast.excluded) == list(slow.excluded)
    assert fast.warnings == slow.warnings


@settings(max_examples=40, deadline=None)
@given(pool=pools(), unit=units(), seed=st.integers(0, 1000))
def test_ranking_does_not_depend_on_load_order(pool: list[Request], unit: Unit, seed: int) -> None:
    shuffled = list(pool)
    random.Random(seed).shuffle(shuffled)
    a = MatchingEngine(context(), pool).rank(unit, ON)
    b = MatchingEngine(context(), shuffled).rank(unit, ON)
    assert list(a.ranked) == list(b.ranked)
    assert list(a.excluded) == list(b.excluded)


@settings(max_examples=40, deadline=None)
@given(pool=pools(), extra=pools(max_size=5), unit=units())
def test_index_updates_give_the_ranking_of_a_fresh_build(
    pool: list[Request], extra: list[Request], unit: Unit
) -> None:
    engine = MatchingEngine(context(), pool)
    engine.rank(unit, ON)  # warm the caches, then change the pool
    final = {r.ref: r for r in pool}
    for request in extra:
        engine.upsert(request)
        final[request.ref] = request
    for ref in list(final)[::3]:
        assert engine.remove(ref)
        del final[ref]
    fresh = MatchingEngine(context(), list(final.values())).rank(unit, ON)
    assert list(engine.rank(unit, ON).ranked) == list(fresh.ranked)
    assert list(engine.rank(unit, ON).excluded) == list(fresh.excluded)


def test_two_runs_give_the_same_ranking() -> None:
    pool = [make_request(f"D{i}", fiscal_income=15000.0 + i) for i in range(30)]
    first = MatchingEngine(context(), pool).rank(make_unit(), ON)
    second = MatchingEngine(context(), pool).rank(make_unit(), ON)
    assert list(first.ranked) == list(second.ranked)


def test_an_update_changes_the_ranking_without_rebuilding() -> None:
    engine = MatchingEngine(context(), [make_request("A"), make_request("B")])
    assert engine.rank(make_unit(), ON).exclusion("B") is None
    engine.upsert(make_request("B", fiscal_income=90000.0))
    ranking = engine.rank(make_unit(), ON)
    assert [c.ref for c in ranking.ranked] == ["A"]
    assert ranking.exclusion("B") is not None


def test_derived_tie_breaker_is_stable_and_spread() -> None:
    assert derived_tie_breaker("DEM-1") == derived_tie_breaker("DEM-1")
    values = {derived_tie_breaker(f"DEM-{i}") for i in range(1000)}
    assert len(values) == 1000
    assert all(0 <= v < 2**31 for v in values)


def test_lazy_results_index_and_slice() -> None:
    pool = [make_request(f"D{i}") for i in range(5)]
    ranking = MatchingEngine(context(), pool).rank(make_unit(), ON)
    assert len(ranking.ranked) == 5
    assert ranking.ranked[-1].rank == 5
    assert [c.rank for c in ranking.ranked[1:3]] == [2, 3]
    assert ranking.top(2) == tuple(ranking.ranked[:2])


TIERED = replace(default_ruleset(), legal_priority="tier")


def test_a_disabled_single_is_ranked_with_the_l441_priority() -> None:
    disabled = make_request("D1", persons=1, disability=True)
    ranking = rank_both([disabled], make_unit())
    candidate = ranking.ranked[0]
    assert Group.PRIORITAIRE_L441 in candidate.groups
    assert candidate.points(Part.LEGAL_PRIORITY) == default_ruleset().scoring.l441


def test_tier_puts_dalo_then_l441_above_every_other_part() -> None:
    # A young, mobile, long-filed applicant outscores the DALO and L441-1 households in
    # points; in tiers the DALO household comes first, then L441-1, then the others.
    strong = make_request(
        "A",
        birth_date=date(2000, 1, 1),
        filing_date=date(2025, 7, 1),
        motifs=(Motif.EXPULSION,),
    )
    l441 = make_request("B", l441=(PrioriteL441.SORTIE_ASE,))
    dalo = make_request("C", dalo=True)
    pool = [strong, l441, dalo]
    additive = rank_both(pool, make_unit())
    assert additive.ranked[0].ref == "A"
    tiered = rank_both(pool, make_unit(), ruleset=TIERED)
    assert [c.ref for c in tiered.ranked] == ["C", "B", "A"]
    engine = MatchingEngine(context(TIERED), pool)
    rows, _, count = engine.top_rows(make_unit(), ON, 2)
    assert [engine.index.refs[int(r)] for r in rows] == ["C", "B"] and count == 3
