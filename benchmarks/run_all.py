"""Run every benchmark once and print one markdown table: figure, anchor, ratio, target.

Usage, from the repository root::

    python benchmarks/run_all.py [--requests 100000] [--db PATH] [--million] [--write-readme]

Each script runs in its own process with ``--json`` and measures its figure beside an anchor
(the simplest way of doing the same work, on the same data, in the same run). The requests
table is measured at 10 000 and ``--requests`` requests, and at 1 000 000 with ``--million``
(builds a database of a million requests first: several minutes and gigabytes).
``--write-readme`` rewrites the block between the ``speed:begin`` / ``speed:end`` markers of
README.md with the table. The load of the machine (shared by several people) is printed
with the table: timings are ranges across runs, never asserted by tests.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BEGIN = "<!-- speed:begin (written by benchmarks/run_all.py --write-readme) -->"
END = "<!-- speed:end -->"
COLUMNS = ("what", "figure", "anchor", "anchor_figure", "ratio", "target")
HEADERS = ("what", "measured", "anchor (simplest way, same run)", "anchor", "ratio", "target")


def _run(script: str, *args: str) -> dict[str, Any]:
    """Run one benchmark script with ``--json``; return its last line as an object."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    command = [sys.executable, str(ROOT / "benchmarks" / script), *args, "--json"]
    print(f"running {' '.join(command[1:])}", file=sys.stderr, flush=True)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        raise SystemExit(f"{script} failed")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"  done in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return result


def _markdown(rows: list[dict[str, str]], note: str) -> str:
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    for row in rows:
        lines.append("| " + " | ".join(str(row.get(c, "—")) for c in COLUMNS) + " |")
    return "\n".join(lines) + "\n\n" + note + "\n"


def write_readme(block: str, readme: Path = README) -> None:
    """Replace the marker block of the README with ``block``."""
    text = readme.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        raise SystemExit(f"{readme.name} has no {BEGIN} … {END} block")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{BEGIN}\n{block}{END}{tail}", encoding="utf-8")


def main() -> int:
    """Run the benchmarks and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="a demo database to reuse")
    parser.add_argument("--million", action="store_true", help="also the table at 1 000 000")
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()
    n = str(args.requests)
    db = ["--db", str(args.db)] if args.db else []
    load_before = os.getloadavg()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    rows: list[dict[str, str]] = []
    rows += _run("bench_cold_rank.py", "--requests", n, *db)["table"]
    rows += _run("bench_matching.py", "--requests", n)["table"]
    rows += _run("bench_import.py", "--requests", n)["table"]
    sizes = [10_000, args.requests] + ([1_000_000] if args.million else [])
    for size in sizes:
        extra = db if size == args.requests else []
        table = _run("bench_gui.py", "--requests", str(size), *extra)["table"]
        rows += table if size == args.requests else table[:1]  # other sizes: first paint
    load_after = os.getloadavg()
    note = (
        f"Measured {started} on {os.cpu_count()} cores shared with other work "
        f"(load average {load_before[0]:.1f} before, {load_after[0]:.1f} after); "
        "rerun `python benchmarks/run_all.py` for figures on another machine."
    )
    block = _markdown(rows, note)
    print(block)
    if args.write_readme:
        write_readme(block)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
