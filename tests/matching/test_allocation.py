"""Batch allocation: distinct candidates, optimal total (checked by brute force), reverse view."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from housingmatch.domain.model import Request, Unit, UnitStatus
from housingmatch.matching.allocation import _solve, allocate
from housingmatch.matching.engine import MatchingEngine
from tests.matching.builders import CHENOVE, LONGVIC, ON, context, make_request, make_unit, scored
from tests.matching.strategies import pools, units


def _brute_force(engine: MatchingEngine, units_: list[Unit], per_unit: int) -> float:
    scores = []
    for unit in units_:
        ranking = engine.rank(unit, ON)
        scores.append({c.ref: c.score for c in ranking.ranked})
    slots = [u for u in range(len(units_)) for _ in range(per_unit)]
    refs = sorted({ref for s in scores for ref in s})
    best = 0.0

    def walk(i: int, used: frozenset[str], total: float) -> None:
        nonlocal best
        if i == len(slots):
            best = max(best, total)
            return
        walk(i + 1, used, total)  # leave the slot empty
        for ref in refs:
            if ref not in used and ref in scores[slots[i]]:
                walk(i + 1, used | {ref}, total + scores[slots[i]][ref])

    walk(0, frozenset(), 0.0)
    return round(best, 2)


@settings(max_examples=40, deadline=None)
@given(
    pool=pools(max_size=7),
    unit_a=units("L1"),
    unit_b=units("L2"),
    per_unit=st.integers(1, 2),
)
def test_allocation_is_optimal_and_distinct(
    pool: list[Request], unit_a: Unit, unit_b: Unit, per_unit: int
) -> None:
    engine = MatchingEngine(context(), pool)
    result = allocate(engine, [unit_a, unit_b], ON, per_unit)
    chosen = [c.ref for u in result.units for c in u.candidates]
    assert len(chosen) == len(set(chosen))
    for allocated, unit in zip(result.units, [unit_a, unit_b], strict=True):
        assert len(allocated.candidates) <= per_unit
        ranked = engine.rank(unit, ON).ranked
        eligible = {c.ref: c.score for c in ranked}
        for candidate in allocated.candidates:
            assert eligible[candidate.ref] == candidate.score
        # The place of each suggested candidate in the unit's own ranking.
        places = {c.ref: c.rank for c in ranked}
        assert allocated.ranking_ranks == tuple(places[c.ref] for c in allocated.candidates)
        assert [c.rank for c in allocated.candidates] == list(
            range(1, len(allocated.candidates) + 1)
        )
    assert result.total_score == _brute_force(engine, [unit_a, unit_b], per_unit)


def test_three_distinct_candidates_per_unit_by_default() -> None:
    pool = [make_request(f"D{i}", filing_date=date(2025, 7, 1 + i)) for i in range(10)]
    units_ = [make_unit("L1"), make_unit("L2", commune=CHENOVE), make_unit("L3", commune=LONGVIC)]
    result = allocate(MatchingEngine(context(), pool), units_, ON)
    assert [len(u.candidates) for u in result.units] == [3, 3, 3]
    chosen = [c.ref for u in result.units for c in u.candidates]
    assert len(set(chosen)) == 9


def test_allocation_gives_a_contested_candidate_where_the_total_is_highest() -> None:
    # A is eligible for both units; B only for L1. Optimal: A → L2, B → L1.
    a = make_request("A", persons=2, fiscal_income=20000.0, dalo=True)
    b = make_request("B", persons=1)
    units_ = [make_unit("L1", typology=2), make_unit("L2", typology=3, surface=60.0)]
    result = allocate(MatchingEngine(context(), [a, b]), units_, ON, per_unit=1)
    assert {u.unit_ref: [c.ref for c in u.candidates] for u in result.units} == {
        "L1": ["B"],
        "L2": ["A"],
    }


def test_allocation_ignores_units_that_are_not_open_and_is_deterministic() -> None:
    pool = [make_request(f"D{i}") for i in range(6)]
    units_ = [make_unit("L1"), make_unit("L2", status=UnitStatus.ATTRIBUE)]
    first = allocate(MatchingEngine(context(), pool), units_, ON)
    second = allocate(MatchingEngine(context(), list(reversed(pool))), units_, ON)
    assert [u.unit_ref for u in first.units] == ["L1"]
    assert first == second


def test_pooled_allocation_equals_the_allocation_over_every_request() -> None:
    # Many candidates compete for the same units: the pooled problem must not lose optimality.
    pool = [
        make_request(
            f"D{i:03d}",
            filing_date=date(2025, 7, 1 + i % 28),
            dalo=i % 7 == 0,
            work_commune=(CHENOVE, LONGVIC)[i % 2],
        )
        for i in range(120)
    ]
    units_ = sorted(
        (make_unit(f"L{i}", commune=(CHENOVE, LONGVIC)[i % 2]) for i in range(12)),
        key=lambda u: u.ref,
    )
    engine = MatchingEngine(context(), pool)
    result = allocate(engine, units_, ON)
    everyone = [engine.top_rows(unit, ON, len(pool))[:2] for unit in units_]
    full_total = _solve(engine, 3, everyone).total
    assert all(len(u.candidates) == 3 for u in result.units)
    assert result.total_score == full_total


def test_reverse_view_lists_open_eligible_units_best_first() -> None:
    request = make_request("D", work_commune=CHENOVE, fiscal_income=20000.0)
    units_ = [
        make_unit("FAR", commune=LONGVIC),
        make_unit("NEAR", commune=CHENOVE),
        make_unit("SHUT", commune=CHENOVE, status=UnitStatus.ATTRIBUE),
        make_unit("PLAI", commune=CHENOVE, financing="PLAI"),
    ]
    engine = MatchingEngine(context(), [request])
    view = engine.candidate_units(request, units_, ON)
    assert [o.unit_ref for o in view.options] == ["NEAR", "FAR"]
    assert view.options[0].score > view.options[1].score
    assert [ref for ref, _ in view.not_eligible] == ["PLAI"]
    assert "INCOME_ABOVE_CEILING" in view.not_eligible[0][1]
    # The reverse view agrees with the ranking of each unit.
    for option in view.options:
        unit = next(u for u in units_ if u.ref == option.unit_ref)
        assert scored(engine.rank(unit, ON), "D").score == option.score


def _dense_optimum(engine: MatchingEngine, units_: list[Unit], per_unit: int) -> float:
    """Return the best total with scipy's dense ``linear_sum_assignment`` over every slot."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    scores = [{c.ref: c.score for c in engine.rank(unit, ON).ranked} for unit in units_]
    refs = sorted({ref for s in scores for ref in s})
    slots = [u for u in range(len(units_)) for _ in range(per_unit)]
    # A slot may stay empty (its own dummy column, worth 0): as many extra columns as slots.
    matrix = np.zeros((len(slots), len(refs) + len(slots)))
    allowed = np.zeros_like(matrix, dtype=bool)
    for s, u in enumerate(slots):
        for j, ref in enumerate(refs):
            if ref in scores[u]:
                matrix[s, j] = scores[u][ref]
                allowed[s, j] = True
        allowed[s, len(refs) + s] = True
    matrix[~allowed] = -1e9
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    total = sum(matrix[r, c] for r, c in zip(rows, cols, strict=True) if c < len(refs))
    return round(float(total), 2)


@settings(max_examples=25, deadline=None)
@given(
    pool=pools(max_size=40),
    unit_a=units("L1"),
    unit_b=units("L2"),
    unit_c=units("L3"),
)
def test_allocation_equals_scipy_linear_sum_assignment(
    pool: list[Request], unit_a: Unit, unit_b: Unit, unit_c: Unit
) -> None:
    engine = MatchingEngine(context(), pool)
    units_ = [unit_a, unit_b, unit_c]
    result = allocate(engine, units_, ON)
    assert result.total_score == _dense_optimum(engine, units_, 3)
