"""No personal value on standard error (it ends up in logs): only the rejects file has them.

Runs the commands over demonstration data, with errors provoked on purpose (rejected import
rows holding personal values, records edited in SQL, refused outputs), and looks for every
name, e-mail, phone, address and birth date of the database in what they wrote to stderr.
"""

import csv
import sqlite3

import pytest

from housingmatch.cli import main

pytestmark = pytest.mark.filterwarnings("ignore")


def _run(capsys, *argv) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    _, err = capsys.readouterr()
    return code, err


def _personal_values(path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT last_name, first_name, email, phone, address, birth_date, unique_number "
            "FROM requests"
        ).fetchall()
    finally:
        conn.close()
    values = {v for row in rows for v in row if v and len(str(v)) >= 4}
    return {str(v) for v in values}


def test_stderr_of_cli_runs_holds_no_personal_value(capsys, tmp_path, monkeypatch):
    db = tmp_path / "demo.sqlite"
    errors = []
    code, err = _run(capsys, "--db", db, "demo", "--requests", "120", "--units", "8", "--seed", "3")
    assert code == 0
    errors.append(err)
    values = _personal_values(db)
    assert len(values) > 200
    # The demo database has its demonstration accounts: work as its supervisor.
    monkeypatch.setenv("HOUSINGMATCH_USER", "superviseur")
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "demo-superviseur")

    # An import whose bad rows carry personal values (a name typed in the e-mail column).
    exported = tmp_path / "demandes.csv"
    code, err = _run(capsys, "--db", db, "export", "demandes", exported)
    assert code == 0, err
    with exported.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    header = rows[0]
    email, birth = header.index("email"), header.index("date_naissance")
    for row in rows[1:6]:
        row[email] = row[header.index("nom")] + " " + row[header.index("prenom")]
        row[birth] = row[header.index("adresse")] or "32/13/1990"
    with exported.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    code, err = _run(
        capsys,
        "--db",
        db,
        "import",
        "demandes",
        exported,
        "--partial",
        "--rejets",
        tmp_path / "rejets.csv",
    )
    assert code == 3 and "ligne 2" in err
    errors.append(err)
    assert any(v in (tmp_path / "rejets.csv").read_text(encoding="utf-8-sig") for v in values)

    ref = sqlite3.connect(db).execute("SELECT ref FROM requests LIMIT 1").fetchone()[0]
    unit = sqlite3.connect(db).execute("SELECT ref FROM units LIMIT 1").fetchone()[0]
    for argv in (
        ("verify",),
        ("show", "demande", ref),
        ("show", "demande", "INCONNUE"),
        ("rank", unit, "--top", "3"),
        ("candidates", ref),
        ("personne", "export", ref, "--out", db),
        ("audit", "checkpoint"),  # no password: refused
        ("retention", "list", "--date", "2030-01-01"),
    ):
        errors.append(_run(capsys, "--db", db, *argv)[1])

    # Records edited outside the application: verify names them, without their values.
    conn = sqlite3.connect(db)
    conn.execute(
        "UPDATE requests SET last_name = 'Falsifié', email = 'x@y.fr' WHERE ref = ?", [ref]
    )
    conn.execute("UPDATE requests SET fiscal_income = fiscal_income + 1")
    conn.commit()
    conn.close()
    code, err = _run(capsys, "--db", db, "verify")
    assert code == 1 and ref in err
    errors.append(err)
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "secret")
    errors.append(_run(capsys, "--db", db, "audit", "checkpoint")[1])

    text = "\n".join(errors)
    leaked = sorted(v for v in values if v in text)
    assert leaked == []
