"""Several HousingMatch processes on one database: writers wait their turn, nothing is lost."""

import os
import subprocess
import sys
from pathlib import Path

from housingmatch.store import Store

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 3
FILES_PER_WRITER = 2
ROWS_PER_FILE = 40


def _request_file(template: Path, target: Path, prefix: str) -> Path:
    lines = template.read_text(encoding="utf-8").splitlines()
    header, row = lines[0], lines[2]  # EXEMPLE-002: an ordinary active request
    body = [row.replace("EXEMPLE-002", f"{prefix}-{i:03d}", 1) for i in range(ROWS_PER_FILE)]
    target.write_text("\n".join([header, *body]) + "\n", encoding="utf-8")
    return target


def _cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "housingmatch", "--db", str(db), *args]


def test_three_writers_and_two_first_rankings_at_once(tmp_path, data_dir):
    db = tmp_path / "base.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # The units exist; no ranking has run yet, so both rankings install the rule set.
    subprocess.run(
        _cli(db, "import", "logements", str(data_dir / "logements_modele.csv")),
        check=True,
        env=env,
        capture_output=True,
    )
    scripts = []
    for w in range(WRITERS):
        files = [
            _request_file(data_dir / "demandes_modele.csv", tmp_path / f"w{w}_{f}.csv", f"W{w}F{f}")
            for f in range(FILES_PER_WRITER)
        ]
        scripts.append(
            " && ".join(
                subprocess.list2cmdline(_cli(db, "import", "demandes", str(p))) for p in files
            )
        )
    for _ in range(2):
        scripts.append(subprocess.list2cmdline(_cli(db, "rank", "EXEMPLE-L-001", "--json")))
    procs = [
        subprocess.Popen(
            script, shell=True, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for script in scripts
    ]
    results = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    failures = [(code, err) for code, _out, err in results if code != 0]
    assert failures == []
    with Store.open(db) as store:
        assert store.requests.count() == WRITERS * FILES_PER_WRITER * ROWS_PER_FILE
        assert len(store.rulesets.all()) == 1
        assert store.integrity_problems() == [] and store.audit.verify() == []
