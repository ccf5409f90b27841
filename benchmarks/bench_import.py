"""Measure the import of request rows: parse (values, communes, checks) and write to SQLite.

Usage: python benchmarks/bench_import.py [--requests 100000] [--json]
Prints the figures; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import date
from pathlib import Path

from housingmatch.exchange.demo import generate
from housingmatch.exchange.export import write_csv
from housingmatch.services.imports import import_file
from housingmatch.store import Store


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--json", action="store_true", help="only the JSON line")
    args = parser.parse_args()
    on = date(2026, 11, 29)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        requests, _ = generate(args.requests, 0, seed=1, on=on)
        csv_path = folder / "demandes.csv"
        write_csv(csv_path, "demandes", requests)
        size_mb = csv_path.stat().st_size / 1e6
        with Store.open(folder / "bench.sqlite") as store:
            start = time.perf_counter()
            report = import_file(store, "demandes", csv_path, today=on)
            first = time.perf_counter() - start
            assert report.written and not report.errors, report.errors[:3]
            start = time.perf_counter()
            again = import_file(store, "demandes", csv_path, today=on)
            second = time.perf_counter() - start
            assert not again.created and not again.updated
    figures = {
        "requests": args.requests,
        "file_mb": round(size_mb, 1),
        "import_s": round(first, 2),
        "rows_per_s": round(args.requests / first),
        "reimport_unchanged_s": round(second, 2),
    }
    if not args.json:
        print(f"Import of {args.requests} request rows ({size_mb:.1f} MB CSV): {first:.1f} s")
        print(f"Re-import of the same file (nothing changes): {second:.1f} s")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
