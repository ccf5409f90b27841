"""Batch allocation: distinct candidates for all open units at once, maximising total score.

Each unit has ``per_unit`` identical slots; a request fills at most one slot overall. The
assignment is solved by ``scipy.optimize.linear_sum_assignment`` on slots × candidates,
restricted to the union of each unit's best ``k`` candidates (a pool). Eligible pairs weigh
score + ε, so that among maximal totals more slots are filled; ineligible pairs weigh 0 and
are dropped from the suggestion. The pooled optimum is then proved optimal over every
request by LP duality: dual prices of the pooled problem are computed (least fixpoint of
its difference constraints), and each unit's slot price must cover the best score it could
get from a request outside the pool (its (k+1)-th best). When the proof fails, ``k``
doubles. The result is a suggestion for the advisor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
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


@dataclass(frozen=True, slots=True)
class _Solved:
    """A pooled assignment: chosen columns per unit and the matrices it was solved on."""

    chosen: list[list[int]]  # per unit, positions into ``columns``
    columns: npt.NDArray[np.int64]  # index rows, sorted by reference
    matrix: npt.NDArray[np.float64]  # slots × columns (+ spare) weights
    eligible: npt.NDArray[np.bool_]  # units × columns
    scores: npt.NDArray[np.float64]  # units × columns
    assigned: npt.NDArray[np.int64]  # column of each slot


def _solve(
    engine: MatchingEngine,
    units: Sequence[Unit],
    on: date,
    per_unit: int,
    pools: list[npt.NDArray[np.int64]],
) -> _Solved:
    """Solve the assignment on the union of the units' pools."""
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
    # One spare zero column keeps the problem rectangular and the slot prices non-negative.
    spare = len(slots) - len(columns) + 1
    matrix = weights[slots]
    if spare > 0:
        matrix = np.hstack([matrix, np.zeros((len(slots), spare))])
    row_ind, col_ind = linear_sum_assignment(matrix, maximize=True)
    assigned = np.empty(len(slots), dtype=np.int64)
    assigned[row_ind] = col_ind
    chosen: list[list[int]] = [[] for _ in units]
    for slot, column in enumerate(assigned.tolist()):
        u = int(slots[slot])
        if column < len(columns) and eligible[u, column]:
            chosen[u].append(column)
    return _Solved(chosen, columns, matrix, eligible, scores, assigned)


def _slot_prices(
    matrix: npt.NDArray[np.float64], assigned: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64] | None:
    """Return optimal dual prices of the slots, or None if they cannot be established.

    Column prices are the least solution of beta[c] >= max(0, w[s,c] - w[s,a(s)] +
    beta[a(s)]) (Bellman-Ford, vectorised); unassigned columns must price at 0 for the
    duals to match the primal optimum. Slot prices are w[s,a(s)] - beta[a(s)].
    """
    slots = np.arange(len(assigned))
    own = matrix[slots, assigned]
    beta = np.zeros(matrix.shape[1])
    for _ in range(len(assigned) + 2):
        value = beta[assigned] - own
        candidate = np.maximum((matrix + value[:, None]).max(axis=0), 0.0)
        if np.all(candidate <= beta + 1e-9):
            break
        beta = np.maximum(beta, candidate)
    else:
        return None
    free = np.ones(matrix.shape[1], dtype=np.bool_)
    free[assigned] = False
    if np.any(beta[free] > 1e-9):
        return None
    prices: npt.NDArray[np.float64] = own - beta[assigned]
    return prices


def _first_pool_size(
    tops: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], int]],
    slots: int,
    per_unit: int,
) -> int:
    """Return the smallest prefix size whose pooled candidates outnumber the slots twice."""
    k = max(2 * per_unit, per_unit + 2)
    while k < slots:
        pooled = np.unique(np.concatenate([rows[:k] for rows, _, _ in tops]))
        if len(pooled) >= 2 * slots:
            break
        k *= 2
    return min(k, slots)


def allocate(
    engine: MatchingEngine, units: Sequence[Unit], on: date, per_unit: int = 3
) -> Allocation:
    """Suggest ``per_unit`` distinct candidates for each open unit, maximising the total."""
    open_units = sorted((u for u in units if u.status == UnitStatus.OUVERT), key=lambda u: u.ref)
    ruleset = engine.context.ruleset
    if not open_units or per_unit <= 0:
        return Allocation(on, ruleset.info, per_unit, (), 0.0, ())
    slots = len(open_units) * per_unit
    # A unit's best ``slots`` candidates always contain an optimal choice for it (exchange
    # argument), so each unit is evaluated once and its pool is a prefix of that list.
    tops = [engine.top_rows(unit, on, slots + 1) for unit in open_units]
    k = _first_pool_size(tops, slots, per_unit)
    while True:
        solved = _solve(engine, open_units, on, per_unit, [rows[:k] for rows, _, _ in tops])
        if k >= slots:
            break
        bounds = np.array(
            [top_scores[k] + FILL_BONUS if len(rows) > k else 0.0 for rows, top_scores, _ in tops]
        )
        prices = _slot_prices(solved.matrix, solved.assigned)
        if prices is not None and np.all(prices >= np.repeat(bounds, per_unit) - 1e-9):
            break
        k = min(2 * k, slots)
    allocated = []
    warnings: set[str] = set()
    for u, unit in enumerate(open_units):
        found = [
            engine.candidate(int(solved.columns[c]), unit, on, rank=0) for c in solved.chosen[u]
        ]
        found.sort(
            key=lambda c: sort_key(c.score, c.filing_date, c.tie_breaker, c.ref, ruleset.tie_break)
        )
        numbered = tuple(replace(c, rank=i) for i, c in enumerate(found, start=1))
        allocated.append(AllocatedUnit(unit.ref, numbered, tops[u][2]))
        facts = UnitFacts.of(unit, on, engine.context)
        notes = [note for note in [facts.ceiling(1, 0).warning] if note]
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
