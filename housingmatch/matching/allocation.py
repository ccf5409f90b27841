"""Batch allocation: distinct candidates for all open units at once, maximising total score.

Each unit has ``per_unit`` identical slots; a request fills at most one slot overall. The
assignment is solved by ``scipy.optimize.linear_sum_assignment`` on slots × candidates,
restricted to each unit's best ``k`` candidates. The restriction is checked with an LP
duality certificate (for each unit with more eligible requests than ``k``, some candidate of
the pool left unassigned scores at least as much there as any request outside the pool); if
the check fails, ``k`` doubles. Eligible pairs weigh score + ε so that, among maximal totals,
more slots are filled; ineligible pairs weigh 0 and are dropped. The result is a suggestion.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import numpy as np
import numpy.typing as npt
from scipy.optimize import linear_sum_assignment

from housingmatch.domain.model import Unit, UnitStatus
from housingmatch.matching.eligibility import UnitFacts
from housingmatch.matching.engine import MatchingEngine
from housingmatch.matching.ordering import sort_key
from housingmatch.matching.reference import UNIT_NOT_LOCATED
from housingmatch.matching.results import AllocatedUnit, Allocation

FILL_BONUS = 1e-6


def _solve(
    engine: MatchingEngine,
    units: Sequence[Unit],
    on: date,
    per_unit: int,
    pools: list[npt.NDArray[np.int64]],
) -> tuple[list[list[int]], npt.NDArray[np.int64], npt.NDArray[np.bool_], npt.NDArray[np.float64]]:
    """Solve on the union of pools; return per-unit chosen rows and the matrices used."""
    index = engine.index
    columns = np.unique(np.concatenate([*pools, np.zeros(0, dtype=np.int64)]))
    # Columns sorted by reference so that ties resolve the same way whatever the load order.
    columns = columns[np.argsort(index.ref_rank()[columns], kind="stable")]
    eligible = np.zeros((len(units), len(columns)), dtype=np.bool_)
    scores = np.zeros((len(units), len(columns)), dtype=np.float64)
    for u, unit in enumerate(units):
        ok, total = engine.evaluate_rows(unit, on, columns)
        eligible[u] = ok
        scores[u] = total
    weights = np.where(eligible, scores + FILL_BONUS, 0.0)
    slots = np.repeat(np.arange(len(units)), per_unit)
    # One spare zero column keeps the problem rectangular and the duals non-negative.
    spare = len(slots) - len(columns) + 1
    matrix = weights[slots]
    if spare > 0:
        matrix = np.hstack([matrix, np.zeros((len(slots), spare))])
    row_ind, col_ind = linear_sum_assignment(matrix, maximize=True)
    chosen: list[list[int]] = [[] for _ in units]
    for slot, column in zip(row_ind.tolist(), col_ind.tolist(), strict=True):
        u = int(slots[slot])
        if column < len(columns) and eligible[u, column]:
            chosen[u].append(column)
    return chosen, columns, eligible, scores


def allocate(
    engine: MatchingEngine, units: Sequence[Unit], on: date, per_unit: int = 3
) -> Allocation:
    """Suggest ``per_unit`` distinct candidates for each open unit, maximising the total."""
    open_units = sorted((u for u in units if u.status == UnitStatus.OUVERT), key=lambda u: u.ref)
    ruleset = engine.context.ruleset
    if not open_units or per_unit <= 0:
        return Allocation(on, ruleset.info, per_unit, (), 0.0, ())
    k = max(2 * per_unit, per_unit + 2)
    while True:
        tops = [engine.top_rows(unit, on, k) for unit in open_units]
        chosen, columns, eligible, scores = _solve(
            engine, open_units, on, per_unit, [rows for rows, _ in tops]
        )
        if _certified(tops, chosen, columns, eligible, scores) or k >= len(engine.index):
            break
        k *= 2
    allocated = []
    warnings: set[str] = set()
    for u, unit in enumerate(open_units):
        found = [engine.candidate(int(columns[c]), unit, on, rank=0) for c in chosen[u]]
        found.sort(
            key=lambda c: sort_key(c.score, c.filing_date, c.tie_breaker, c.ref, ruleset.tie_break)
        )
        numbered = tuple(replace(c, rank=i) for i, c in enumerate(found, start=1))
        allocated.append(AllocatedUnit(unit.ref, numbered, tops[u][1]))
        facts = UnitFacts.of(unit, on, engine.context)
        facts.ceiling(1, 0)
        notes = list(facts.warnings())
        if facts.point is None:
            notes.append(UNIT_NOT_LOCATED)
        warnings.update(f"{unit.ref} : {note}" for note in notes)
    total = 0.0
    for item in allocated:
        total += item.total
    return Allocation(
        on=on,
        ruleset=ruleset.info,
        per_unit=per_unit,
        units=tuple(allocated),
        total_score=round(total, 2),
        warnings=tuple(sorted(warnings)),
    )


def _certified(
    tops: list[tuple[npt.NDArray[np.int64], int]],
    chosen: list[list[int]],
    columns: npt.NDArray[np.int64],
    eligible: npt.NDArray[np.bool_],
    scores: npt.NDArray[np.float64],
) -> bool:
    """Tell whether the pooled optimum is optimal over every request (duality certificate)."""
    position = {int(row): i for i, row in enumerate(columns.tolist())}
    used = np.zeros(len(columns), dtype=np.bool_)
    for picks in chosen:
        used[picks] = True
    for u, (rows, eligible_count) in enumerate(tops):
        if eligible_count <= len(rows):
            continue  # every eligible request of this unit is in the pool
        worst_in_pool = scores[u, position[int(rows[-1])]]
        if not (eligible[u] & ~used & (scores[u] >= worst_in_pool)).any():
            return False
    return True
