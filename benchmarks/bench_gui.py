"""Benchmark of the requests table at 100 000 requests: first paint and search per keystroke.

Usage: ``python benchmarks/bench_gui.py [--requests N] [--db PATH] [--json]``. The database
is built once with the demonstration generator (kept in the system's temporary folder and
reused). It measures the window as it is (offscreen): time to the first painted rows, the
longest pause of the event loop while it loads, search per keystroke, sort by name, and the
process's peak memory. Side by side in the same run, the search anchor: a full
``rapidfuzz.process.extract`` over every applicant's name for the same keystrokes.
Prints the figures, then one JSON object on the last line (with a ``table``).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Each typed query is measured keystroke by keystroke ("d", "du", "dup", ...): typos,
# missing accents, a reference number, a commune.
QUERIES = ["dupon", "lefevre", "martn", "chenove", "moreau camille", "000123", "gautier"]


def build_database(path: Path, requests: int) -> float:
    """Create the database with demonstration data; return the seconds it took."""
    from housingmatch.services import local_session
    from housingmatch.services.demo import generate_demo
    from housingmatch.store import Store

    start = time.perf_counter()
    with Store.open(path) as store:
        generate_demo(
            store, local_session(), requests=requests, units=max(150, requests // 20), seed=2026
        )
    return time.perf_counter() - start


def percentile(values: list[float], q: float) -> float:
    """Return the q-quantile (0..1) of values, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--json", action="store_true", help="only the JSON line")
    args = parser.parse_args()
    if args.json:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - the JSON line goes to the real one
    path = args.db or Path(tempfile.gettempdir()) / f"housingmatch_bench_{args.requests}.sqlite"
    built = 0.0
    if not path.exists():
        print(f"Building {path} with {args.requests} requests…", flush=True)
        built = build_database(path, args.requests)
        print(f"  built in {built:.1f} s", flush=True)

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from housingmatch.gui.main_window import REQUESTS, MainWindow
    from housingmatch.services import local_session
    from housingmatch.store import Store

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    settings_dir = tempfile.TemporaryDirectory()
    settings = QSettings(str(Path(settings_dir.name) / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue("main_window/page", REQUESTS)

    start = time.perf_counter()
    store = Store.open(path)
    window = MainWindow(store, local_session(), settings)
    window.resize(1280, 800)
    window.show()
    page = window.requests_page
    window.repaint()
    window_paint = time.perf_counter() - start
    # The rows are read in a background job at this size; the window answers meanwhile.
    # A 10 ms timer ticks while we wait: the longest gap between ticks is the longest pause
    # of the event loop, what a user would feel.
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()

    def run_until(done: Any, limit_s: float = 120.0) -> None:
        loop = QEventLoop()
        check = QTimer()
        check.setInterval(5)
        check.timeout.connect(lambda: loop.quit() if done() else None)
        check.start()
        QTimer.singleShot(int(limit_s * 1000), loop.quit)
        loop.exec()
        check.stop()

    loaded: list[int] = []
    page.records_loaded.connect(loaded.append)
    ticks.append(time.perf_counter())
    run_until(lambda: bool(loaded))
    page.view.viewport().repaint()
    first_paint = time.perf_counter() - start
    rows = page.model.total_count()
    # Then the search index and the dashboard finish in the background.
    run_until(lambda: page.model.has_search_index() and not window.jobs.running())
    index_ready = time.perf_counter() - start
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    longest_pause = max(gaps, default=0.0)

    latencies: list[float] = []
    for query in QUERIES:
        page.search_edit.clear()
        page.apply_search_now()
        for end in range(1, len(query) + 1):
            page.search_edit.setText(query[:end])
            t0 = time.perf_counter()
            page.apply_search_now()  # what the debounce timer runs for the keystroke
            page.view.viewport().repaint()
            latencies.append((time.perf_counter() - t0) * 1000)
        print(f"  {query!r}: {page.model.rowCount()} rows shown", flush=True)

    # Sorting a column once (header click) at this size.
    t0 = time.perf_counter()
    page.view.sortByColumn(1, page.view.horizontalHeader().sortIndicatorOrder())
    page.view.viewport().repaint()
    sort_ms = (time.perf_counter() - t0) * 1000

    window_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    anchor = _extract_anchor(store)

    window.jobs.wait()
    window.close()
    store.close()
    result = {
        "benchmark": "gui_requests_table",
        "rows": rows,
        "database_build_s": round(built, 2),
        "window_first_paint_s": round(window_paint, 3),
        "table_first_paint_s": round(first_paint, 3),
        "longest_event_loop_pause_ms": round(longest_pause * 1000, 1),
        "background_done_s": round(index_ready, 3),
        "keystrokes": len(latencies),
        "search_p50_ms": round(statistics.median(latencies), 2),
        "search_p95_ms": round(percentile(latencies, 0.95), 2),
        "search_max_ms": round(max(latencies), 2),
        "sort_by_name_ms": round(sort_ms, 1),
        "peak_rss_mb": round(window_mb),
        "anchor_extract_p50_ms": round(statistics.median(anchor), 2),
        "anchor_extract_p95_ms": round(percentile(anchor, 0.95), 2),
    }
    result["table"] = _table(result)
    print(
        f"Window painted after {window_paint:.2f} s, table of {rows} rows after "
        f"{first_paint:.2f} s; search per keystroke "
        f"p50 {result['search_p50_ms']} ms, p95 {result['search_p95_ms']} ms; "
        f"sort {sort_ms:.0f} ms"
    )
    sys.stdout = sys.__stdout__
    print(json.dumps(result, ensure_ascii=False))
    return 0


def _extract_anchor(store: Any) -> list[float]:
    """Time a full ``rapidfuzz.process.extract`` over all names, for the same keystrokes."""
    from rapidfuzz import fuzz, process, utils

    names = [f"{s.last_name} {s.first_name}" for s in store.requests.summaries()]
    latencies = []
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            t0 = time.perf_counter()
            process.extract(
                query[:end], names, scorer=fuzz.WRatio, processor=utils.default_process, limit=50
            )
            latencies.append((time.perf_counter() - t0) * 1000)
    return latencies


def _table(r: dict[str, Any]) -> list[dict[str, str]]:
    """Return the rows of ``run_all.py``'s table."""
    rows = r["rows"]
    return [
        {
            "what": f"requests table, {rows} requests: first rows painted",
            "figure": f"{r['table_first_paint_s']:.2f} s (window {r['window_first_paint_s']:.2f} s)",
            "anchor": "—",
            "anchor_figure": "—",
            "ratio": "—",
            "target": "≤ 0.3 s",
        },
        {
            "what": f"longest pause of the window while it loads ({rows})",
            "figure": f"{r['longest_event_loop_pause_ms']:.0f} ms",
            "anchor": "—",
            "anchor_figure": "—",
            "ratio": "—",
            "target": "≤ 100 ms",
        },
        {
            "what": f"search per keystroke ({rows})",
            "figure": f"p50 {r['search_p50_ms']:.0f} ms, p95 {r['search_p95_ms']:.0f} ms",
            "anchor": "`rapidfuzz.process.extract` over all names (limit 50)",
            "anchor_figure": f"p50 {r['anchor_extract_p50_ms']:.0f} ms, "
            f"p95 {r['anchor_extract_p95_ms']:.0f} ms",
            "ratio": f"{r['anchor_extract_p50_ms'] / max(r['search_p50_ms'], 1e-9):.1f}× faster (p50)",
            "target": "p50 ≤ 20 ms, p95 ≤ 40 ms",
        },
        {
            "what": f"sort by name ({rows})",
            "figure": f"{r['sort_by_name_ms'] / 1000:.2f} s",
            "anchor": "—",
            "anchor_figure": "—",
            "ratio": "—",
            "target": "≤ 0.15 s",
        },
        {
            "what": f"memory of the window ({rows}, peak)",
            "figure": f"{r['peak_rss_mb']} MB",
            "anchor": "—",
            "anchor_figure": "—",
            "ratio": "—",
            "target": "≤ 400 MB",
        },
    ]


if __name__ == "__main__":
    raise SystemExit(main())
