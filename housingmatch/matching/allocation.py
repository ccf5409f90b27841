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
from housingmatch.matching.constrained import ShareTargets, allocate_with_shares
from housingmatch.matching.eligibility import UnitFacts
from housingmatch.matching.engine import MatchingEngine
from housingmatch.matching.ordering import sort_key
from housingmatch.matching.reference import UNIT_NOT_LOCATED
from housingmatch.matching.results import AllocatedUnit, Allocation, ShareOutcome

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
    positions = [{int(row): i for i, row in enumerate(top[0], start=1)} for top in tops]
    allocated, warnings = _allocated(
        engine, open_units, on, [[int(r) for r in rows] for rows in solved.chosen],
        positions, [top[2] for top in tops],
    )  # fmt: skip
    total = 0.0
    for item in allocated:
        total += item.total
    return Allocation(
        on=on,
        ruleset=ruleset.info,
        per_unit=per_unit,
        units=tuple(allocated),
        total_score=round(total, 2),
        warnings=warnings,
    )


def _allocated(
    engine: MatchingEngine,
    open_units: Sequence[Unit],
    on: date,
    chosen: Sequence[Sequence[int]],
    positions: Sequence[dict[int, int]],
    eligible: Sequence[int],
) -> tuple[list[AllocatedUnit], tuple[str, ...]]:
    """Return each unit's chosen rows as numbered candidates, and the units' rule notes."""
    ruleset = engine.context.ruleset
    allocated = []
    warnings: set[str] = set()
    for u, unit in enumerate(open_units):
        rows = list(chosen[u])
        pairs = list(zip(rows, engine.candidates_of(rows, unit, on), strict=True))
        pairs.sort(
            key=lambda p: sort_key(
                p[1].score, p[1].filing_date, p[1].tie_breaker, p[1].ref, ruleset.tie_break
            )
        )
        numbered = tuple(replace(c, rank=i) for i, (_, c) in enumerate(pairs, start=1))
        ranks = tuple(positions[u][row] for row, _ in pairs)
        allocated.append(AllocatedUnit(unit.ref, numbered, eligible[u], ranks))
        facts = UnitFacts.of(unit, on, engine.context)
        notes = [note for note in [facts.ceiling(1, 0).warning] if note]
        if facts.point is None:
            notes.append(UNIT_NOT_LOCATED)
        warnings.update(f"{unit.ref} : {note}" for note in notes)
    return allocated, tuple(sorted(warnings))


#: Up to this many places in the batch, each unit's pool holds, for each kind of household
#: (DALO/L441-1 or not, first quartile or not), its best as many as there are places: by an
#: exchange argument (a household of a kind used deeper in a unit's list can be swapped for
#: a free better one of the same kind) the optimum under the shares is then exact. Above,
#: the pools hold the unit's proved pool of the plain allocation and its best
#: ``LARGE_CLASS_POOL`` of each kind: the optimum over them, said so when it may not be exact.
EXACT_SLOTS = 300
LARGE_CLASS_POOL = 40


def allocate_with_targets(
    engine: MatchingEngine,
    units: Sequence[Unit],
    on: date,
    per_unit: int,
    targets: ShareTargets,
) -> Allocation:
    """Suggest distinct candidates per open unit, best total, meeting minimum legal shares.

    The shares (brief §2.4, §2.5): at least ``targets.priority`` of the places filled go to
    DALO or L441-1 households, and at least ``targets.first_quartile_outside_qpv`` of the
    places of units outside QPV to first-quartile households (by the threshold of the unit's
    EPCI; unknown never counts). Solved by the integer program of
    :mod:`housingmatch.matching.constrained`; the score lost to the shares is reported.
    """
    open_units = sorted((u for u in units if u.status == UnitStatus.OUVERT), key=lambda u: u.ref)
    ruleset = engine.context.ruleset
    if not open_units or per_unit <= 0:
        empty = ShareOutcome(targets.priority, 0, 0, targets.first_quartile_outside_qpv, 0, 0,
                             0, 0.0, 0.0)  # fmt: skip
        return Allocation(on, ruleset.info, per_unit, (), 0.0, (), empty)
    slots = len(open_units) * per_unit
    _, plain_pools, _ = solve_pools(engine, open_units, on, per_unit)
    index = engine.index
    priority = index.col("dalo") | index.col("l441")
    per_uc = index.col("per_uc")
    pools: list[Pool] = []
    q1_flags: list[npt.NDArray[np.bool_]] = []
    positions: list[dict[int, int]] = []
    eligible: list[int] = []
    exact = True
    for u, unit in enumerate(open_units):
        rows, scores, count = engine.top_rows(unit, on, max(index.size, 1))
        facts = UnitFacts.of(unit, on, engine.context)
        threshold = engine.context.quartile_threshold(facts.epci, on.year)
        values = per_uc[rows]
        q1 = (
            np.zeros(len(rows), dtype=np.bool_)
            if threshold is None
            else (~np.isnan(values) & (values <= threshold))
        )
        keep = np.zeros(len(rows), dtype=np.bool_)
        keep[: len(plain_pools[u][0])] = True  # the plain allocation's proved pool
        k = slots if slots <= EXACT_SLOTS else max(len(plain_pools[u][0]), LARGE_CLASS_POOL)
        kinds = priority[rows].astype(np.int64) * 2 + (q1 if not unit.qpv else 0)
        for kind in range(4):
            members = np.flatnonzero(kinds == kind)
            keep[members[:k]] = True
            if k < slots and len(members) > k:
                exact = False
        pools.append((rows[keep], scores[keep]))
        q1_flags.append(q1[keep])
        positions.append({int(row): i for i, row in enumerate(rows, start=1)})
        eligible.append(count)
    solved = allocate_with_shares(
        pools, priority, np.zeros(index.size, dtype=np.bool_), [not u.qpv for u in open_units],
        per_unit, targets, first_quartile_by_pool=q1_flags,
    )  # fmt: skip
    allocated, warnings = _allocated(
        engine, open_units, on, [list(c) for c in solved.chosen], positions, eligible
    )
    outcome = ShareOutcome(
        priority_share=targets.priority,
        priority_required=solved.priority_required,
        priority_reached=solved.priority_reached,
        first_quartile_share=targets.first_quartile_outside_qpv,
        first_quartile_required=solved.first_quartile_required,
        first_quartile_reached=solved.first_quartile_reached,
        filled=solved.filled,
        unconstrained_total=round(solved.unconstrained_total, 2),
        constrained_total=round(solved.total, 2),
        shortfalls=solved.shortfalls,
        exact=exact,
    )
    return Allocation(
        on=on,
        ruleset=ruleset.info,
        per_unit=per_unit,
        units=tuple(allocated),
        total_score=round(sum(item.total for item in allocated), 2),
        warnings=warnings,
        shares=outcome,
    )
