"""Long fuzz run over the import readers (CSV, XLSX) and the validation.

Usage: python benchmarks/fuzz_import.py [--examples 5000]   (from the repository root)
Every input must give a report or a clean French refusal; any other exception stops the run
and is printed. Prints the count of inputs tried per reader; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.exchange.fuzz_inputs import mutated_xlsx, read_or_refuse, template_csv


def main() -> None:
    """Run the fuzzers and print what they tried."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=5000, help="inputs per reader")
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    folder = Path(tempfile.mkdtemp(prefix="hm-fuzz-"))
    run = settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )

    @run
    @given(
        st.one_of(template_csv(), st.binary(max_size=400)),
        st.sampled_from(["demandes", "logements"]),
    )
    def csv_inputs(data: bytes, kind: str) -> None:
        path = folder / "f.csv"
        path.write_bytes(data)
        counts[f"csv {read_or_refuse(path, kind)}"] += 1

    @run
    @given(st.one_of(mutated_xlsx(), st.binary(max_size=400)))
    def xlsx_inputs(data: bytes) -> None:
        path = folder / "f.xlsx"
        path.write_bytes(data)
        counts[f"xlsx {read_or_refuse(path, 'demandes')}"] += 1

    started = time.perf_counter()
    csv_inputs()
    xlsx_inputs()
    seconds = time.perf_counter() - started
    tried = sum(counts.values())
    for key in sorted(counts):
        print(f"{key:18} {counts[key]:8d}")
    print(f"inputs tried: {tried} in {seconds:.0f} s, unexpected exceptions: 0")
    print(json.dumps({"inputs": tried, "seconds": round(seconds, 1), **counts}))


if __name__ == "__main__":
    main()
