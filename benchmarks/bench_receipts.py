"""Ranking receipt of one unit against a large pool: size, build, read and replay times.

The anchor beside the receipt's size is the plain JSON of the same content (uncompressed).
"""

from __future__ import annotations

import argparse
import json
import time
import zlib
from dataclasses import replace
from datetime import date

from housingmatch.domain.model import UnitStatus
from housingmatch.exchange.demo import generate
from housingmatch.geo import default_gazetteer
from housingmatch.matching.eligibility import MatchingContext
from housingmatch.matching.engine import MatchingEngine
from housingmatch.matching.places import GazetteerPlaces
from housingmatch.matching.receipts import (
    _sections,
    build_receipt,
    differences,
    read_receipt,
    replay,
    result_of,
)
from housingmatch.rules.ceilings import CeilingTable, default_ceiling_table
from housingmatch.rules.ruleset import default_ruleset


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--date", type=date.fromisoformat, default=date(2026, 6, 1))
    args = parser.parse_args()
    on = args.date
    requests, units = generate(args.requests, 5, seed=args.seed, on=on)
    unit = replace(units[0], status=UnitStatus.OUVERT)
    table = default_ceiling_table()
    rows = [(y, z, f, c, float(a)) for (y, z, f, c), a in table._values.items()]
    rules = default_ruleset()
    context = MatchingContext(rules, CeilingTable(rows), GazetteerPlaces(default_gazetteer()))
    engine = MatchingEngine(context, requests)
    ranking = engine.rank(unit, on)
    started = time.perf_counter()
    blob = build_receipt(ranking, unit, requests, context, rows)
    build_s = time.perf_counter() - started
    result_z, inputs_z = _sections(blob)
    plain = len(zlib.decompress(result_z)) + len(zlib.decompress(inputs_z))
    started = time.perf_counter()
    receipt = read_receipt(blob)
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    again = replay(receipt, context.places)
    replay_s = time.perf_counter() - started
    same = not differences(receipt.result, result_of(again))
    # The anchor: the same replay through one rebuilt Request per household (the old path,
    # still that of receipts missing an input column).
    started = time.perf_counter()
    slow = MatchingEngine(context, list(read_receipt(blob).requests)).rank(unit, on)
    objects_s = time.perf_counter() - started
    same = same and not differences(receipt.result, result_of(slow))
    print(
        f"pool: {len(requests)} requests; ranked {len(ranking.ranked)}, excluded {len(ranking.excluded)}"
    )
    print(f"receipt: {len(blob) / 1e6:.2f} MB (result {len(result_z) / 1e3:.0f} kB, "
          f"inputs {len(inputs_z) / 1e6:.2f} MB); plain JSON {plain / 1e6:.1f} MB")  # fmt: skip
    print(f"build {build_s:.2f} s, read {read_s:.2f} s, replay {replay_s:.2f} s "
          f"(from rebuilt requests, anchor: {objects_s:.2f} s), identical: {same}")  # fmt: skip
    print(json.dumps({"requests": len(requests), "receipt_bytes": len(blob), "plain_json_bytes": plain,
                      "build_s": round(build_s, 2), "read_s": round(read_s, 2),
                      "replay_s": round(replay_s, 2), "replay_objects_s": round(objects_s, 2),
                      "identical": same}))  # fmt: skip


if __name__ == "__main__":
    main()
