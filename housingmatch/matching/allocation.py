"""Batch allocation: distinct candidates for all open units at once, maximising total score.

Each unit has ``per_unit`` identical slots; a request fills at most one slot overall; a slot
may stay empty. Each unit is ranked once and its best candidates form its pool (a unit's
best ``slots`` candidates always contain an optimal choice for it, by an exchange argument).
The assignment of slots to pooled candidates is solved exactly with scipy's sparse
counterpart of ``linear_sum_assignment`` (``min_weight_full_bipartite_matching``, LAPJVsp),
on edges slot → candidate of its own unit's pool, plus one "empty" edge per slot. Eligible
edges weigh score + ε so that, among maximal totals, more slots are filled.

The pooled optimum is proved optimal over every request by LP duality: the slots' dual
prices are computed (least fixpoint of the dual constraints, Bellman-Ford over the edges),
and each slot's price must cover the best score its unit could get from a request outside
its pool (the unit's next candidate). The proof is per unit: the pools of the units whose
proof fails double, the others stay. The result
is a suggestion for the advisor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from housingmatch.domain.model import Unit, UnitStatus
from housingmatch.matching.eligibility import UnitFacts
from housingmatch.matching.engine import MatchingEngine
from housingmatch.matching.ordering import sort_key
from housingmatch.matching.reference import UNIT_NOT_LOCATED
from housingmatch.matching.results import AllocatedUnit, Allocation

FILL_BONUS = 1e-6
Pool = tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]


@dataclass(frozen=True, slots=True)
class _Solved:
    """A pooled assignment and the sparse problem it was solved on."""

    chosen: list[list[int]]  # per unit, index rows of its candidates
    total: float  # sum of the chosen scores
    edge_slot: npt.NDArray[np.int64]
    edge_column: npt.NDArray[np.int64]
    edge_weight: npt.NDArray[np.float64]
    assigned: npt.NDArray[np.int64]  # column of each slot (a dummy column = empty slot)
    column_count: int


def _solve(engine: MatchingEngine, per_unit: int, pools: Sequence[Pool]) -> _Solved:
    """Solve the assignment of every unit's slots to candidates of its own pool."""
    index = engine.index
    rows_all = np.unique(np.concatenate([rows for rows, _ in pools] + [np.zeros(0, np.int64)]))
    # Columns sorted by reference so that ties resolve the same way whatever the load order.
    columns = rows_all[np.argsort(index.ref_rank()[rows_all], kind="stable")]
    position = np.empty(index.size, dtype=np.int64)
    position[columns] = np.arange(len(columns))
    slot_count = len(pools) * per_unit
    slots: list[npt.NDArray[np.int64]] = []
    cols: list[npt.NDArray[np.int64]] = []
    weights: list[npt.NDArray[np.float64]] = []
    for u, (rows, scores) in enumerate(pools):
        for j in range(per_unit):
            slot = u * per_unit + j
            slots.append(np.full(len(rows), slot, dtype=np.int64))
            cols.append(position[rows])
            weights.append(scores + FILL_BONUS)
    dummies = np.arange(slot_count, dtype=np.int64)
    edge_slot = np.concatenate([*slots, dummies])
    edge_column = np.concatenate([*cols, len(columns) + dummies])
    edge_weight = np.concatenate([*weights, np.zeros(slot_count)])
    column_count = len(columns) + slot_count
    # Every slot is matched (to a dummy when empty), so shifting all weights by 1 keeps the
    # optimum and makes every edge an explicit non-zero entry.
    graph = csr_matrix(
        (edge_weight + 1.0, (edge_slot, edge_column)), shape=(slot_count, column_count)
    )
    row_ind, col_ind = min_weight_full_bipartite_matching(graph, maximize=True)
    assigned = np.empty(slot_count, dtype=np.int64)
    assigned[row_ind] = col_ind
    chosen: list[list[int]] = [[] for _ in pools]
    total = 0.0
    for slot, column in enumerate(assigned.tolist()):
        if column < len(columns):
            u = slot // per_unit
            row = int(columns[column])
            chosen[u].append(row)
            rows, scores = pools[u]
            total += float(scores[np.flatnonzero(rows == row)[0]])
    return _Solved(
        chosen, round(total, 2), edge_slot, edge_column, edge_weight, assigned, column_count
    )


def _slot_prices(solved: _Solved) -> npt.NDArray[np.float64] | None:
    """Return optimal dual prices of the slots, or None if they cannot be established.

    Column prices are the least solution of beta[c] >= max(0, w[s,c] - w[s,a(s)] +
    beta[a(s)]) over the edges (Bellman-Ford, vectorised); unassigned columns must price
    at 0 for the duals to match the primal optimum. Slot prices are w[s,a(s)] - beta[a(s)].
    """
    assigned = solved.assigned
    own = np.zeros(len(assigned))
    is_own = solved.edge_column == assigned[solved.edge_slot]
    own[solved.edge_slot[is_own]] = solved.edge_weight[is_own]
    beta = np.zeros(solved.column_count)
    for _ in range(len(assigned) + 2):
        value = beta[assigned] - own
        candidate = np.zeros(solved.column_count)
        np.maximum.at(candidate, solved.edge_column, solved.edge_weight + value[solved.edge_slot])
        if np.all(candidate <= beta + 1e-9):
            break
        beta = np.maximum(beta, candidate)
    else:
        return None
    free = np.ones(solved.column_count, dtype=np.bool_)
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


Top = tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], int]


def solve_pools(
    engine: MatchingEngine, open_units: Sequence[Unit], on: date, per_unit: int
) -> tuple[list[Top], list[Pool], _Solved]:
    """Return each unit's best candidates, the pools proved sufficient and their solution."""
    slots = len(open_units) * per_unit
    # A unit's best ``slots`` candidates always contain an optimal choice for it (exchange
    # argument), so each unit is evaluated once and its pool is a prefix of that list.
    tops = [engine.top_rows(unit, on, slots + 1) for unit in open_units]
    first = _first_pool_size(tops, slots, per_unit)
    lengths = np.array([len(rows) for rows, _, _ in tops], dtype=np.int64)
    sizes = np.minimum(lengths, first)
    while True:
        pools = [
            (rows[:k], scores[:k])
            for (rows, scores, _), k in zip(tops, sizes.tolist(), strict=True)
        ]
        solved = _solve(engine, per_unit, pools)
        # A pool holding all the unit's candidates (or its best ``slots``) needs no proof.
        complete = (sizes >= lengths) | (sizes >= slots)
        bounds = np.array(
            [
                0.0 if done else float(top_scores[k]) + FILL_BONUS
                for (_, top_scores, _), k, done in zip(
                    tops, sizes.tolist(), complete.tolist(), strict=True
                )
            ]
        )
        prices = _slot_prices(solved)
        if prices is None:
            proved = complete
        else:
            cheapest = prices.reshape(len(open_units), per_unit).min(axis=1)
            proved = complete | (cheapest >= bounds - 1e-9)
        if proved.all():
            return tops, pools, solved
        # Only the pools of the units whose proof failed grow: the proof is per unit (every
        # slot of a unit prices above the best score it could get outside its pool), and
        # growing every pool at once made the second solve twice as large as needed.
        sizes = np.where(proved, sizes, np.minimum(np.minimum(2 * sizes, slots), lengths))


def allocate(
    engine: MatchingEngine, units: Sequence[Unit], on: date, per_unit: int = 3
) -> Allocation:
    """Suggest ``per_unit`` distinct candidates for each open unit, maximising the total."""
    open_units = sorted((u for u in units if u.status == UnitStatus.OUVERT), key=lambda u: u.ref)
    ruleset = engine.context.ruleset
    if not open_units or per_unit <= 0:
        return Allocation(on, ruleset.info, per_unit, (), 0.0, ())
    tops, _, solved = solve_pools(engine, open_units, on, per_unit)
    allocated = []
    warnings: set[str] = set()
    for u, unit in enumerate(open_units):
        position = {int(row): i for i, row in enumerate(tops[u][0], start=1)}
        rows = [int(row) for row in solved.chosen[u]]
        pairs = list(zip(rows, engine.candidates_of(rows, unit, on), strict=True))
        pairs.sort(
            key=lambda p: sort_key(
                p[1].score, p[1].filing_date, p[1].tie_breaker, p[1].ref, ruleset.tie_break
            )
        )
        numbered = tuple(replace(c, rank=i) for i, (_, c) in enumerate(pairs, start=1))
        ranks = tuple(position[row] for row, _ in pairs)
        allocated.append(AllocatedUnit(unit.ref, numbered, tops[u][2], ranks))
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
