"""Benchmark the command line from cold: ``housingmatch --version`` and ``housingmatch rank``.

Usage: ``python benchmarks/bench_cold_rank.py [--db PATH] [--requests N] [--repeat R] [--json]``.
Each run is a new process, as a user typing the command. Side by side in the same run:

- ``--version`` against a bare ``python -c pass`` (the interpreter's own start-up);
- ``rank UNIT`` reading the column cache beside the database, against the same command with
  the cache switched off (``HOUSINGMATCH_INDEX_CACHE=0``: the index is built from the
  database, as before the cache existed).

Without ``--db`` a demonstration database is built once in the temporary folder and reused.
Prints the figures; the last line is one JSON object (with a ``table`` for ``run_all.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ON = "2026-12-01"


def demo_database(requests: int) -> Path:
    """Return a demonstration database of ``requests`` requests (built on first use)."""
    path = Path(tempfile.gettempdir()) / f"housingmatch_bench_{requests}.sqlite"
    if not path.exists():
        print(f"Building {path} ({requests} requests)…", file=sys.stderr, flush=True)
        units = max(150, requests // 20)
        command = [sys.executable, "-m", "housingmatch", "--db", str(path), "demo"]
        command += ["--requests", str(requests), "--units", str(units), "--seed", "2026"]
        # Without a named user, the demonstration database gets its documented accounts.
        env = {
            k: v
            for k, v in _env().items()
            if k not in ("HOUSINGMATCH_USER", "HOUSINGMATCH_PASSWORD")
        }
        _child(command, env)
    return path


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    # A demonstration database has accounts: rank as its advisor (the password check,
    # Argon2id, is part of every command's cost and of the anchor's alike).
    env.setdefault("HOUSINGMATCH_USER", "conseil")
    env.setdefault("HOUSINGMATCH_PASSWORD", "demo-conseil")
    env.update(extra)
    return env


PEAKS: list[float] = []  # resident peak (MB) of each process run, in order


def _child(command: list[str], env: dict[str, str] | None = None) -> float:
    """Run a process; return its wall time in s and keep its own peak memory in PEAKS."""
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{command} failed with {child.returncode}")
    PEAKS.append(usage.ru_maxrss / 1024)  # KB on Linux
    return elapsed


def _run(args: list[str], **extra: str) -> float:
    """Run ``python -m housingmatch ARGS`` in a new process; return its wall time in s."""
    return _child([sys.executable, "-m", "housingmatch", *args], _env(**extra))


def _bare() -> float:
    return _child([sys.executable, "-c", "pass"])


def _span(values: list[float], unit: str = "s", digits: int = 2) -> str:
    low, high = min(values), max(values)
    if round(low, digits) == round(high, digits):
        return f"{low:.{digits}f} {unit}"
    return f"{low:.{digits}f}–{high:.{digits}f} {unit}"


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="only the JSON line")
    args = parser.parse_args()
    say = (lambda *a: None) if args.json else print
    path = args.db or demo_database(args.requests)
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        unit = conn.execute("SELECT ref FROM units ORDER BY ref LIMIT 1").fetchone()[0]
        requests = conn.execute("SELECT COUNT(*) FROM requests").fetchone()[0]

    bare = [_bare() for _ in range(args.repeat)]
    version = [_run(["--version"]) for _ in range(args.repeat)]
    say(f"--version: {_span(version)} (bare interpreter {_span(bare)})")

    rank = ["--db", str(path), "rank", unit, "--date", ON, "--top", "20"]
    first = _run(rank)  # writes the cache when it is missing or stale
    cached = [_run(rank) for _ in range(args.repeat)]
    cached_mb = max(PEAKS[-args.repeat :])
    say(f"rank {unit} at {requests} requests, column cache: {_span(cached)}, {cached_mb:.0f} MB")
    runs = max(2, args.repeat // 2)
    anchor = [_run(rank, HOUSINGMATCH_INDEX_CACHE="0") for _ in range(runs)]
    anchor_mb = max(PEAKS[-runs:])
    say(f"  index built from the database each time: {_span(anchor)}, {anchor_mb:.0f} MB")

    ratio_rank = statistics.median(anchor) / statistics.median(cached)
    ratio_version = statistics.median(version) / statistics.median(bare)
    result = {
        "benchmark": "cold_command_line",
        "requests": requests,
        "version_s": [round(min(version), 3), round(max(version), 3)],
        "bare_python_s": [round(min(bare), 3), round(max(bare), 3)],
        "rank_first_run_s": round(first, 2),
        "rank_cached_s": [round(min(cached), 3), round(max(cached), 3)],
        "rank_cached_peak_mb": round(cached_mb),
        "rank_rebuilt_s": [round(min(anchor), 2), round(max(anchor), 2)],
        "rank_rebuilt_peak_mb": round(anchor_mb),
        "table": [
            {
                "what": "`housingmatch --version`",
                "figure": _span(version),
                "anchor": "bare `python -c pass`",
                "anchor_figure": _span(bare),
                "ratio": f"{ratio_version:.1f}× the bare interpreter",
                "target": "≤ 0.2 s",
            },
            {
                "what": f"`housingmatch rank UNIT` from cold, {requests} requests",
                "figure": f"{_span(cached)}, {cached_mb:.0f} MB (column cache)",
                "anchor": "same command, index built from the database",
                "anchor_figure": f"{_span(anchor)}, {anchor_mb:.0f} MB",
                "ratio": f"{ratio_rank:.0f}× faster",
                "target": "≤ 1 s",
            },
        ],
    }
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
