"""Batch allocation under the legal shares: an integer program over the candidate pools.

The plain allocation maximises the total score of distinct candidates, ``per_unit`` per open
unit. Here the batch must also give at least a share of its filled places to DALO or L441-1
households (brief §2.4) and, among the units outside QPV, at least a share to first-quartile
households (brief §2.5). Solved exactly with scipy's ``milp`` (HiGHS branch and bound):

    maximise   Σ score(u, r) · x(u, r)
    subject to Σ_r x(u, r) ≤ per_unit                         for every unit u
               Σ_u x(u, r) ≤ 1                                for every request r
               Σ x(u, r)   ≥ filled                           (as many places as without the shares)
               Σ_{r prioritaire} x(u, r) ≥ ⌈share × filled⌉
               Σ_{u hors QPV, r 1er quartile} x(u, r) ≥ ⌈share × filled hors QPV⌉
               x ∈ {0, 1}

``filled`` is the number of places the unconstrained optimum fills, so that the shares are
not met by leaving places empty. When the pools cannot meet a share, the largest reachable
count is used and the result says so. The total score lost to the shares is reported.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.optimize import LinearConstraint, milp
from scipy.sparse import coo_matrix

Pool = tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]


@dataclass(frozen=True, slots=True)
class ShareTargets:
    """The minimum shares asked of a batch (0 for no constraint)."""

    priority: float = 0.0  # DALO or L441-1 households, of all filled places
    first_quartile_outside_qpv: float = 0.0  # first-quartile households, of places outside QPV


@dataclass(frozen=True, slots=True)
class ConstrainedAllocation:
    """The chosen candidates (row indices, per unit) and what the shares cost."""

    chosen: tuple[tuple[int, ...], ...]
    total: float
    unconstrained_total: float
    filled: int
    priority_required: int
    priority_reached: int
    first_quartile_required: int
    first_quartile_reached: int
    shortfalls: tuple[str, ...]

    @property
    def score_lost(self) -> float:
        """Return the total score given up to meet the shares."""
        return self.unconstrained_total - self.total


def _solve(
    weights: npt.NDArray[np.float64],
    edge_unit: npt.NDArray[np.int64],
    edge_request: npt.NDArray[np.int64],
    n_units: int,
    n_requests: int,
    per_unit: int,
    extra: list[tuple[npt.NDArray[np.float64], float]],
) -> npt.NDArray[np.float64] | None:
    """Maximise ``weights · x`` under the structure and the ``extra`` (coefficients ≥ bound)."""
    n = len(weights)
    if n == 0:
        return np.zeros(0)
    edges = np.arange(n)
    by_unit = coo_matrix((np.ones(n), (edge_unit, edges)), shape=(n_units, n)).tocsr()
    by_request = coo_matrix((np.ones(n), (edge_request, edges)), shape=(n_requests, n)).tocsr()
    constraints = [
        LinearConstraint(by_unit, -np.inf, per_unit),
        LinearConstraint(by_request, -np.inf, 1),
    ]
    for coefficients, bound in extra:
        constraints.append(LinearConstraint(coefficients.reshape(1, -1), bound, np.inf))
    result = milp(
        -weights,
        constraints=constraints,
        integrality=np.ones(n),
        bounds=(0, 1),
        options={"presolve": True},
    )
    if result.status != 0 or result.x is None:
        return None
    return np.round(result.x)


def allocate_with_shares(
    pools: Sequence[Pool],
    priority: npt.NDArray[np.bool_],
    first_quartile: npt.NDArray[np.bool_],
    outside_qpv: Sequence[bool],
    per_unit: int,
    targets: ShareTargets,
    first_quartile_by_pool: Sequence[npt.NDArray[np.bool_]] | None = None,
) -> ConstrainedAllocation:
    """Choose up to ``per_unit`` distinct candidates per unit, best total, shares met.

    ``pools[u]`` holds unit u's eligible candidates (row indices, scores); ``priority`` and
    ``first_quartile`` flag the rows; ``outside_qpv[u]`` tells whether unit u is outside QPV.
    The first-quartile status goes by the threshold of the unit's EPCI: when units of
    several EPCI are allocated together, ``first_quartile_by_pool[u]`` flags unit u's pool
    candidates instead of ``first_quartile``.
    """
    edge_unit = np.concatenate(
        [np.full(len(rows), u, dtype=np.int64) for u, (rows, _) in enumerate(pools)]
        + [np.zeros(0, np.int64)]
    )
    edge_row = np.concatenate([rows for rows, _ in pools] + [np.zeros(0, np.int64)])
    scores = np.concatenate([s for _, s in pools] + [np.zeros(0)]).astype(float)
    rows_used, edge_request = np.unique(edge_row, return_inverse=True)
    n_units, n_requests = len(pools), len(rows_used)
    # A tiny bonus per filled place: among equal totals, fill more places.
    bonus = 1e-6
    weights = scores + bonus
    plain = _solve(weights, edge_unit, edge_request, n_units, n_requests, per_unit, [])
    assert plain is not None  # the empty choice is always feasible
    filled = int(plain.sum())
    unconstrained_total = float(scores @ plain)

    is_priority = priority[edge_row].astype(float)
    outside = np.asarray(outside_qpv, dtype=bool)[edge_unit]
    if first_quartile_by_pool is not None:
        q1_edges = np.concatenate(
            [np.asarray(f, dtype=bool) for f in first_quartile_by_pool] + [np.zeros(0, bool)]
        )
    else:
        q1_edges = first_quartile[edge_row]
    is_q1_outside = (q1_edges & outside).astype(float)
    filled_outside = int((plain * outside).sum())
    wanted_priority = math.ceil(targets.priority * filled - 1e-9)
    wanted_q1 = math.ceil(targets.first_quartile_outside_qpv * filled_outside - 1e-9)
    shortfalls = []
    # What the pools can reach at most, places filled as before (a share that cannot be met
    # is met as far as it can be, and said).
    fill = (np.ones(len(weights)), float(filled))
    if wanted_priority:
        best = _solve(is_priority, edge_unit, edge_request, n_units, n_requests, per_unit, [fill])
        reachable = int(is_priority @ best) if best is not None else 0
        if reachable < wanted_priority:
            shortfalls.append(
                f"part DALO/prioritaires : {reachable} place(s) possibles sur {wanted_priority} demandées"
            )
            wanted_priority = reachable
    if wanted_q1:
        extra = [fill, (is_priority, float(wanted_priority))]
        best = _solve(is_q1_outside, edge_unit, edge_request, n_units, n_requests, per_unit, extra)
        reachable = int(is_q1_outside @ best) if best is not None else 0
        if reachable < wanted_q1:
            shortfalls.append(
                f"part 1er quartile hors QPV : {reachable} place(s) possibles sur {wanted_q1} demandées"
            )
            wanted_q1 = reachable
    extra = [fill]
    if wanted_priority:
        extra.append((is_priority, float(wanted_priority)))
    if wanted_q1:
        extra.append((is_q1_outside, float(wanted_q1)))
    x = _solve(weights, edge_unit, edge_request, n_units, n_requests, per_unit, extra)
    if x is None:  # pragma: no cover - the reachable counts above are feasible by construction
        x = plain
    chosen: list[list[tuple[float, int]]] = [[] for _ in pools]
    for e in np.flatnonzero(x > 0.5):
        chosen[edge_unit[e]].append((-scores[e], int(edge_row[e])))
    return ConstrainedAllocation(
        chosen=tuple(tuple(row for _, row in sorted(c)) for c in chosen),
        total=float(scores @ x),
        unconstrained_total=unconstrained_total,
        filled=int(x.sum()),
        priority_required=math.ceil(targets.priority * filled - 1e-9),
        priority_reached=int(is_priority @ x),
        first_quartile_required=math.ceil(
            targets.first_quartile_outside_qpv * filled_outside - 1e-9
        ),
        first_quartile_reached=int(is_q1_outside @ x),
        shortfalls=tuple(shortfalls),
    )
