"""Benchmark of the requests table at 100 000 requests: first paint and search per keystroke.

Usage: ``python benchmarks/bench_gui.py [--requests N] [--db PATH]``. The database is built
once with the demonstration generator (kept in the system's temporary folder and reused).
Prints the figures, then one JSON object on the last line.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
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
    from housingmatch.services.demo import generate_demo
    from housingmatch.store import Store

    start = time.perf_counter()
    with Store.open(path) as store:
        generate_demo(store, requests=requests, units=max(150, requests // 20), seed=2026)
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
    args = parser.parse_args()
    path = args.db or Path(tempfile.gettempdir()) / f"housingmatch_bench_{args.requests}.sqlite"
    built = 0.0
    if not path.exists():
        print(f"Building {path} with {args.requests} requests…", flush=True)
        built = build_database(path, args.requests)
        print(f"  built in {built:.1f} s", flush=True)

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from housingmatch.gui.main_window import REQUESTS, MainWindow
    from housingmatch.store import Store

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    settings_dir = tempfile.TemporaryDirectory()
    settings = QSettings(str(Path(settings_dir.name) / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue("main_window/page", REQUESTS)

    start = time.perf_counter()
    store = Store.open(path)
    window = MainWindow(store, settings)
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
    }
    print(
        f"Window painted after {window_paint:.2f} s, table of {rows} rows after "
        f"{first_paint:.2f} s; search per keystroke "
        f"p50 {result['search_p50_ms']} ms, p95 {result['search_p95_ms']} ms; "
        f"sort {sort_ms:.0f} ms"
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
