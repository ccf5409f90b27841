"""Measure the import of request rows: parse (values, communes, checks) and write to SQLite.

Usage: python benchmarks/bench_import.py [--requests 100000] [--json]

Side by side in the same run, on the same CSV file: the floor of a validated import, the
``csv`` module and one ``executemany`` into a bare SQLite table (every column as text, no
checks). Each import runs in its own process so that its peak memory is its own; the parse
and the write are timed apart (``import_file`` is split into its two steps the same way).
Prints the figures; the last line is one JSON object (with a ``table`` for ``run_all.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ON = date(2026, 11, 29)

_IMPORT = """
import json, resource, sys, time
from datetime import date
from housingmatch.services import imports, local_session
from housingmatch.store import Store
path, db = sys.argv[1], sys.argv[2]
parse_s = []
real_parse = imports._parse
def timed_parse(*args, **kwargs):
    start = time.perf_counter()
    try:
        return real_parse(*args, **kwargs)
    finally:
        parse_s.append(time.perf_counter() - start)
imports._parse = timed_parse
with Store.open(db) as store:
    start = time.perf_counter()
    report = imports.import_file(store, local_session(), "demandes", path, today=date(2026, 11, 29))
    total = time.perf_counter() - start
assert report.written and not report.errors, report.errors[:3]
print(json.dumps({"s": total, "parse_s": parse_s[0], "created": len(report.created),
                  "updated": len(report.updated),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_ANCHOR = """
import csv, json, resource, sqlite3, sys, time
path, db = sys.argv[1], sys.argv[2]
start = time.perf_counter()
with open(path, encoding="utf-8", newline="") as handle:
    sample = handle.read(4096)
    handle.seek(0)
    reader = csv.reader(handle, delimiter=";" if sample.count(";") > sample.count(",") else ",")
    header = next(reader)
    conn = sqlite3.connect(db)
    columns = ", ".join(f'c{i} TEXT' for i in range(len(header)))
    conn.execute(f"CREATE TABLE rows ({columns})")
    marks = ", ".join("?" * len(header))
    with conn:
        conn.executemany(f"INSERT INTO rows VALUES ({marks})", reader)
    conn.close()
print(json.dumps({"s": time.perf_counter() - start,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _child(code: str, *args: str) -> dict[str, float]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--json", action="store_true", help="only the JSON line")
    args = parser.parse_args()
    say = (lambda *a: None) if args.json else print
    from housingmatch.exchange.demo import generate
    from housingmatch.exchange.export import write_csv

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        requests, _ = generate(args.requests, 0, seed=1, on=ON)
        csv_path = folder / "demandes.csv"
        write_csv(csv_path, "demandes", requests)
        del requests
        size_mb = csv_path.stat().st_size / 1e6
        db = str(folder / "bench.sqlite")
        first = _child(_IMPORT, str(csv_path), db)
        say(
            f"Import of {args.requests} request rows ({size_mb:.1f} MB CSV): {first['s']:.1f} s "
            f"(parse {first['parse_s']:.1f} s, write {first['s'] - first['parse_s']:.1f} s), "
            f"{first['peak_mb']:.0f} MB"
        )
        again = _child(_IMPORT, str(csv_path), db)
        assert not again["created"] and not again["updated"], again
        say(
            f"Re-import of the same file (nothing changes): {again['s']:.1f} s "
            f"(parse {again['parse_s']:.1f} s), {again['peak_mb']:.0f} MB"
        )
        anchor = _child(_ANCHOR, str(csv_path), str(folder / "anchor.sqlite"))
        say(f"  csv + executemany into one bare table: {anchor['s']:.2f} s")
    ratio = first["s"] / anchor["s"]
    figures = {
        "benchmark": "import",
        "requests": args.requests,
        "file_mb": round(size_mb, 1),
        "import_s": round(first["s"], 2),
        "import_parse_s": round(first["parse_s"], 2),
        "import_peak_mb": round(first["peak_mb"]),
        "rows_per_s": round(args.requests / first["s"]),
        "reimport_unchanged_s": round(again["s"], 2),
        "reimport_parse_s": round(again["parse_s"], 2),
        "reimport_peak_mb": round(again["peak_mb"]),
        "anchor_csv_executemany_s": round(anchor["s"], 2),
        "table": [
            {
                "what": f"import of {args.requests} request rows ({size_mb:.1f} MB CSV)",
                "figure": f"{first['s']:.1f} s (parse {first['parse_s']:.1f} s), "
                f"{first['peak_mb']:.0f} MB",
                "anchor": "`csv` + one `executemany` into a bare table",
                "anchor_figure": f"{anchor['s']:.2f} s, {anchor['peak_mb']:.0f} MB",
                "ratio": f"{ratio:.0f}× the floor",
                "target": "≤ 8 s, ≤ 400 MB",
            },
            {
                "what": "re-import of the same file (nothing changes)",
                "figure": f"{again['s']:.1f} s (parse {again['parse_s']:.1f} s), "
                f"{again['peak_mb']:.0f} MB",
                "anchor": "same floor",
                "anchor_figure": f"{anchor['s']:.2f} s",
                "ratio": f"{again['s'] / anchor['s']:.0f}× the floor",
                "target": "≤ 3 s",
            },
        ],
    }
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
