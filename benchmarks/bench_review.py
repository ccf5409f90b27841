"""The review's list of a year of commissions: first opening (every receipt replayed), reopening
(the replays kept), and the audit report (every receipt replayed afresh, PDF and XLSX written).

The anchor is the same list without any replay (the flags that need no receipt).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

from housingmatch.domain.review import ReviewFilter
from housingmatch.domain.session import Role, Session
from housingmatch.services import demo, review
from housingmatch.store import Store

SUPERVISOR = Session("superviseur", Role.SUPERVISEUR)


def _timed(fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - started


def main() -> None:
    """Build a demo base with a year of history and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--history", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "base.sqlite"
        with Store.open(path) as store:
            demo.generate_demo(store, SUPERVISOR, args.requests, 30, seed=1, history=args.history)
        with Store.open(path) as store:
            everything = ReviewFilter()
            _, bare_s = _timed(
                lambda: review.review_rows(store, SUPERVISOR, everything, replay=False)
            )
            rows, first_s = _timed(lambda: review.review_rows(store, SUPERVISOR, everything))
            _, again_s = _timed(lambda: review.review_rows(store, SUPERVISOR, everything))
            report, report_s = _timed(lambda: review.audit_report(
                store, SUPERVISOR, date(2000, 1, 1), date(2100, 1, 1),
                Path(folder) / "r.xlsx", Path(folder) / "r.pdf"))  # fmt: skip
    print(
        f"{args.requests} demandes, {len(rows)} propositions ({sum(1 for r in rows if r.flags)} signalées)"
    )
    print(f"liste sans rejeu (ancre)          : {bare_s:6.2f} s")
    print(
        f"liste, première ouverture (rejeux) : {first_s:6.2f} s ({first_s / max(len(rows), 1) * 1000:.0f} ms par reçu)"
    )
    print(f"liste, réouverture (rejeux gardés) : {again_s:6.2f} s")
    print(
        f"rapport d'audit (rejeux, PDF, XLSX) : {report_s:6.2f} s, {report.replays_identical}/{len(report.replays)} identiques"
    )


if __name__ == "__main__":
    main()
