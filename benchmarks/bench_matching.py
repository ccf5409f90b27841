"""Benchmark the matching engine: index build, ranking one unit, reference, batch allocation.

Run from the repository root with the package installed::

    python benchmarks/bench_matching.py --requests 100000 --json

The pool comes from the demonstration generator (``housingmatch.exchange.demo``), so the
figures are reproducible for a seed. The last line printed is one JSON object with
``requests``, ``rank_ms_p50``, ``rank_ms_p95`` (warm engine, one unit, the first 20
candidates built), ``reference_ms``, ``speedup``, ``allocate_s`` (``--units`` open units),
``index_build_s`` and more. Side by side in the same run: the warm ranking against the
per-candidate reference implementation, and the batch allocation against scipy's dense
``linear_sum_assignment`` over the same pools (the simplest exact solver).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from dataclasses import replace
from datetime import date

from housingmatch.domain.model import UnitStatus
from housingmatch.exchange.demo import generate
from housingmatch.geo import default_gazetteer
from housingmatch.matching.allocation import FILL_BONUS, allocate, solve_pools
from housingmatch.matching.eligibility import MatchingContext
from housingmatch.matching.engine import MatchingEngine
from housingmatch.matching.places import GazetteerPlaces
from housingmatch.matching.reference import reference_rank
from housingmatch.rules.ceilings import default_ceiling_table
from housingmatch.rules.ruleset import default_ruleset


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--units", type=int, default=500, help="open units for the allocation")
    parser.add_argument("--repeat", type=int, default=50, help="rankings timed")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--date", type=date.fromisoformat, default=date(2026, 6, 1))
    parser.add_argument("--json", action="store_true", help="only the JSON line")
    args = parser.parse_args()
    say = (lambda *a: None) if args.json else print

    on = args.date
    started = time.perf_counter()
    requests, units = generate(args.requests, args.units, seed=args.seed, on=on)
    units = [replace(u, status=UnitStatus.OUVERT) for u in units]
    generate_s = time.perf_counter() - started
    say(f"pool: {len(requests)} requests, {len(units)} units in {generate_s:.1f} s")

    context = MatchingContext(
        default_ruleset(), default_ceiling_table(), GazetteerPlaces(default_gazetteer())
    )
    started = time.perf_counter()
    engine = MatchingEngine(context, requests)
    index_build_s = time.perf_counter() - started
    say(f"index built in {index_build_s:.2f} s")

    unit = units[0]
    first = time.perf_counter()
    ranking = engine.rank(unit, on)
    cold_ms = (time.perf_counter() - first) * 1000
    timings = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        ranking = engine.rank(unit, on)
        ranking.top(20)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    say(
        f"rank {unit.ref}: {len(ranking.ranked)} eligible, {len(ranking.excluded)} excluded; "
        f"cold {cold_ms:.1f} ms, p50 {p50:.1f} ms, p95 {p95:.1f} ms"
    )
    started = time.perf_counter()
    full = list(ranking.ranked)
    materialise_ms = (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    reference = reference_rank(requests, unit, on, context)
    reference_ms = (time.perf_counter() - started) * 1000
    same = full == list(reference.ranked)
    say(f"reference: {reference_ms:.0f} ms, same ranking: {same}")

    started = time.perf_counter()
    allocation = allocate(engine, units, on, per_unit=3)
    allocate_s = time.perf_counter() - started
    filled = sum(len(u.candidates) for u in allocation.units)
    say(f"allocation of {len(allocation.units)} units: {allocate_s:.1f} s, {filled} slots filled")
    dense_s, dense_total, dense_shape = dense_anchor(engine, units, on)
    say(
        f"  dense linear_sum_assignment on the same pools ({dense_shape[0]}×{dense_shape[1]}): "
        f"{dense_s:.1f} s, same total: {abs(dense_total - allocation.total_score) < 0.01}"
    )

    print(
        json.dumps(
            {
                "requests": len(requests),
                "units": len(units),
                "rank_ms_p50": round(p50, 2),
                "rank_ms_p95": round(p95, 2),
                "rank_cold_ms": round(cold_ms, 2),
                "materialise_all_ms": round(materialise_ms, 2),
                "eligible": len(full),
                "reference_ms": round(reference_ms, 1),
                "speedup": round(reference_ms / p50, 1),
                "same_as_reference": same,
                "allocate_s": round(allocate_s, 2),
                "allocate_dense_anchor_s": round(dense_s, 2),
                "allocate_dense_shape": list(dense_shape),
                "allocate_same_total": abs(dense_total - allocation.total_score) < 0.01,
                "allocated_slots": filled,
                "index_build_s": round(index_build_s, 2),
                "generate_s": round(generate_s, 1),
                "table": [
                    {
                        "what": f"rank one unit, warm engine, {len(requests)} requests",
                        "figure": f"p50 {p50:.1f} ms, p95 {p95:.1f} ms",
                        "anchor": "per-candidate reference implementation",
                        "anchor_figure": f"{reference_ms:.0f} ms (same ranking: {same})",
                        "ratio": f"{reference_ms / p50:.0f}× faster",
                        "target": "—",
                    },
                    {
                        "what": f"batch allocation of {len(allocation.units)} open units",
                        "figure": f"{allocate_s:.1f} s",
                        "anchor": "dense `linear_sum_assignment`, same pools "
                        f"({dense_shape[0]}×{dense_shape[1]})",
                        "anchor_figure": f"{dense_s:.1f} s (+ the same ranking of every unit)",
                        "ratio": f"solve {dense_s / max(allocate_s, 1e-9):.2f}× the whole allocation",
                        "target": "≤ 2 s",
                    },
                    {
                        "what": f"candidate index built from {len(requests)} requests in memory",
                        "figure": f"{index_build_s:.1f} s",
                        "anchor": "—",
                        "anchor_figure": "—",
                        "ratio": "—",
                        "target": "—",
                    },
                ],
            },
            ensure_ascii=False,
        )
    )


def dense_anchor(engine: MatchingEngine, units: list, on: date) -> tuple[float, float, tuple]:
    """Solve the allocation's proved pools with the dense solver; return (s, total, shape)."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    open_units = sorted((u for u in units if u.status == UnitStatus.OUVERT), key=lambda u: u.ref)
    _, pools, _ = solve_pools(engine, open_units, on, 3)
    start = time.perf_counter()
    columns = np.unique(np.concatenate([rows for rows, _ in pools]))
    position = {int(row): i for i, row in enumerate(columns.tolist())}
    slots = len(pools) * 3
    # One column per pooled request plus one "empty" column per slot (weight 0).
    weights = np.zeros((slots, len(columns) + slots))
    for u, (rows, scores) in enumerate(pools):
        cols = [position[int(r)] for r in rows.tolist()]
        for j in range(3):
            weights[u * 3 + j, cols] = scores + FILL_BONUS
    row_ind, col_ind = linear_sum_assignment(weights, maximize=True)
    chosen = weights[row_ind, col_ind]
    total = float(np.round(np.sum(chosen[chosen > 0] - FILL_BONUS), 2))
    return time.perf_counter() - start, total, weights.shape


if __name__ == "__main__":
    main()
