"""Crash test: kill -9 HousingMatch at random points during import, save, backup and export.

Usage: python benchmarks/crash_test.py [--trials 40] [--seed 1]   (from the repository root)
Each trial copies a prepared database, starts one operation in a child process and kills it
with SIGKILL after a random delay within the operation's measured duration. Then it checks:
- integrity: ``PRAGMA integrity_check`` and the audit chain of the database;
- partial writes: an import must be all or nothing, a batch of saves whole batches only, a
  backup or an export file either absent or complete (a verified copy, every row).
Prints trials, kills, partial writes and integrity failures; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from housingmatch.services import local_session  # noqa: E402
from housingmatch.services.imports import export_file  # noqa: E402
from housingmatch.store import Store  # noqa: E402
from housingmatch.store.backup import BackupPolicy, verify_copy  # noqa: E402

ROWS = 1500
BATCH = 25
SAVE_SCRIPT = f"""
import sys
from tests.builders import make_request
from housingmatch.store import Store
with Store.open(sys.argv[1]) as store:
    for b in range(200):
        store.requests.save_many(
            [make_request(f"S{{b:03d}}-{{i:02d}}") for i in range({BATCH})], "crash", "crash"
        )
"""


def _env(auth: bool = True) -> dict[str, str]:
    """The environment of a command: as the demo's supervisor, except to create a database."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOUSINGMATCH_AUTO_BACKUP": "1"}
    env.pop("HOUSINGMATCH_USER", None)
    env.pop("HOUSINGMATCH_PASSWORD", None)
    if auth:
        env.update(HOUSINGMATCH_USER="superviseur", HOUSINGMATCH_PASSWORD="demo-superviseur")
    return env


def _cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "housingmatch", "--db", str(db), *args]


def prepare(folder: Path) -> tuple[Path, Path, Path]:
    """Return (empty base with units, base with ROWS requests, CSV of ROWS requests)."""
    full = folder / "full.sqlite"
    subprocess.run(
        _cli(full, "demo", "--requests", str(ROWS), "--units", "30", "--seed", "7"),
        check=True,
        env=_env(auth=False),
        capture_output=True,
    )
    rows = folder / "rows.csv"
    with Store.open(full, policy=BackupPolicy(automatic=False)) as store:
        export_file(store, local_session(), "demandes", rows)
    empty = folder / "empty.sqlite"
    subprocess.run(_cli(empty, "init"), check=True, env=_env(auth=False), capture_output=True)
    return empty, full, rows


def operation(kind: str, db: Path, rows: Path, out: Path) -> list[str]:
    """Return the command of one operation."""
    if kind == "import":
        return _cli(db, "import", "demandes", str(rows))
    if kind == "save":
        return [sys.executable, "-c", SAVE_SCRIPT, str(db)]
    if kind == "backup":
        return _cli(db, "backup", "--to", str(out))
    return _cli(db, "export", "demandes", str(out / "export.csv"))


def check(kind: str, db: Path, out: Path) -> tuple[bool, bool]:
    """Return (partial write found, integrity failure found) after a killed operation."""
    with Store.open(db, policy=BackupPolicy(automatic=False)) as store:
        broken = bool(store.integrity_problems() or store.audit.verify())
        count = store.requests.count()
    partial = False
    if kind == "import":
        partial = count not in (0, ROWS)
    elif kind == "save":
        partial = count % BATCH != 0
    elif kind == "backup":
        for copy in out.glob("*.sqlite"):
            if verify_copy(copy):
                broken = True
            else:
                with Store.open(copy, create=False, policy=BackupPolicy(automatic=False)) as s:
                    partial = partial or s.requests.count() != ROWS
    else:
        target = out / "export.csv"
        if target.exists():
            with target.open(encoding="utf-8-sig", newline="") as handle:
                partial = sum(1 for _ in csv.reader(handle, delimiter=";")) != ROWS + 1
    return partial, broken


def main() -> None:
    """Run the trials and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    folder = Path(tempfile.mkdtemp(prefix="hm-crash-"))
    empty, full, rows = prepare(folder)
    kinds = ["import", "save", "backup", "export"]
    base_of = {"import": empty, "save": empty, "backup": full, "export": full}
    durations = {}
    for kind in kinds:  # calibrate: how long each operation takes when left alone
        trial = folder / f"cal-{kind}"
        trial.mkdir()
        db = trial / "base.sqlite"
        shutil.copy(base_of[kind], db)
        started = time.perf_counter()
        subprocess.run(operation(kind, db, rows, trial), env=_env(), capture_output=True)
        durations[kind] = time.perf_counter() - started
    figures: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    for n in range(args.trials):
        kind = kinds[n % len(kinds)]
        trial = folder / f"t{n}"
        trial.mkdir()
        db = trial / "base.sqlite"
        shutil.copy(base_of[kind], db)
        child = subprocess.Popen(
            operation(kind, db, rows, trial),
            env=_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, durations[kind]))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            figures["killed"] += 1
        child.wait()
        partial, broken = check(kind, db, trial)
        figures["trials"] += 1
        by_kind[kind] += 1
        figures["partial writes"] += partial
        figures["integrity failures"] += broken
        figures["leftover temporary files"] += len(list(trial.glob(".*.tmp")))
        shutil.rmtree(trial)
    shutil.rmtree(folder)
    for kind in kinds:
        print(f"{kind:8} {by_kind[kind]:4d} trials, alone {durations[kind]:.1f} s")
    for key in ("trials", "killed", "partial writes", "integrity failures"):
        print(f"{key:26} {figures[key]}")
    print(
        f"{'leftover temporary files':26} {figures['leftover temporary files']} "
        "(hidden .NAME.*.tmp of a killed export or backup: the target itself is never half written)"
    )
    print(json.dumps({**figures, "durations_s": {k: round(v, 2) for k, v in durations.items()}}))


if __name__ == "__main__":
    main()
