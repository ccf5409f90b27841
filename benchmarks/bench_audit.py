"""Measure the audit trail: verify (chain alone as the anchor, then the full rebuild), a signed
checkpoint, and retention applied to every request.

Usage: python benchmarks/bench_audit.py [--requests 100000] [--json]
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
from housingmatch.services import audit, local_session, retention
from housingmatch.store import Store


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--json", action="store_true", help="only the JSON line")
    args = parser.parse_args()
    session = local_session()
    figures: dict[str, float | int] = {"requests": args.requests}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        requests, units = generate(args.requests, 50, seed=1, on=date(2026, 11, 29))
        with Store.open(path) as store:
            start = time.perf_counter()
            store.requests.save_many(requests, "bench", "bench")
            store.units.save_many(units, "bench", "bench")
            figures["save_s"] = round(time.perf_counter() - start, 2)
            start = time.perf_counter()
            assert store.audit.verify() == []
            figures["chain_only_s"] = round(time.perf_counter() - start, 2)
            start = time.perf_counter()
            report = audit.verify_database(store, session)
            figures["verify_s"] = round(time.perf_counter() - start, 2)
            assert report.ok, report.findings[:3]
            start = time.perf_counter()
            audit.create_checkpoint(store, session, "bench")
            figures["checkpoint_s"] = round(time.perf_counter() - start, 2)
            figures["file_mb"] = round(path.stat().st_size / 1e6, 1)
            start = time.perf_counter()
            done = retention.apply_retention(store, session, date(2035, 1, 1))
            figures["retention_all_s"] = round(time.perf_counter() - start, 2)
            assert len(done.anonymised) == args.requests
            figures["file_after_retention_mb"] = round(path.stat().st_size / 1e6, 1)
    if not args.json:
        print(f"Save of {args.requests} requests, each entry sealed: {figures['save_s']} s")
        print(f"Chain check alone (anchor): {figures['chain_only_s']} s")
        print(f"verify (integrity, chain, every record rebuilt): {figures['verify_s']} s")
        print(f"Signed checkpoint (scrypt + Ed25519): {figures['checkpoint_s']} s")
        print(
            f"Retention over every request, with VACUUM: {figures['retention_all_s']} s "
            f"({figures['file_mb']} MB → {figures['file_after_retention_mb']} MB)"
        )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
