"""The review from the command line: controle list|show|signoff and audit report."""

import json

import pytest
from pypdf import PdfReader

from housingmatch.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(capsys, db_path, monkeypatch):
    assert run(capsys, "--db", db_path, "demo", "--requests", 300, "--units", 10, "--seed", 3,
               "--history", 8)[0] == 0  # fmt: skip
    monkeypatch.setenv("HOUSINGMATCH_USER", "superviseur")
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "demo-superviseur")
    return ["--db", db_path]


def test_list_show_signoff_and_the_report(capsys, db, db_path, monkeypatch):
    code, out, _ = run(capsys, *db, "controle", "list", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 8 and {r["advisor"] for r in rows} == {"conseil"}
    first = rows[0]["proposal"]
    code, out, _ = run(capsys, *db, "controle", "show", first, "--json")
    shown = json.loads(out)
    assert code == 0 and shown["replay"]["identical"] is True
    assert any(line["chosen"] for line in shown["ranking"]) and shown["timeline"]
    code, out, _ = run(capsys, *db, "controle", "show", first)
    assert code == 0 and "Classement du jour" in out and "Rejeu du reçu : identique." in out
    code, out, err = run(capsys, *db, "controle", "signoff", first, "--verdict", "a-revoir",
                         "--comment", "Motif à préciser")  # fmt: skip
    assert code == 0, err
    assert "à revoir par superviseur" in out
    code, out, _ = run(capsys, *db, "controle", "list", "--json")
    signed = next(r for r in json.loads(out) if r["proposal"] == first)
    assert signed["sign_off"]["verdict"] == "A_REVOIR"
    assert signed["sign_off"]["comment"] == "Motif à préciser"
    pdf, xlsx = db_path.parent / "rapport.pdf", db_path.parent / "rapport.xlsx"
    code, out, err = run(capsys, *db, "audit", "report", "--from", "2020-01-01", "--to",
                         "2030-12-31", "--pdf", pdf, "--xlsx", xlsx, "--json")  # fmt: skip
    assert code == 0, err
    figures = json.loads(out)
    assert figures["proposals"] == 8 and len(figures["sign_offs"]) == 1
    assert figures["verification"]["ok"] is True and figures["last_checkpoint"]["hash"]
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "du 01/01/2020 au 31/12/2030" in text and "Motif à préciser" in text
    assert xlsx.read_bytes()[:2] == b"PK"


def test_an_advisor_is_refused_in_french_and_bad_values_are_named(capsys, db, monkeypatch):
    code, _, err = run(capsys, *db, "controle", "list", "--flag", "rang-saute")
    assert code == 0
    with pytest.raises(SystemExit) as exit_:
        run(capsys, *db, "controle", "list", "--flag", "nimporte")
    assert exit_.value.code == 2 and "écart inconnu « nimporte »" in capsys.readouterr().err
    code, _, err = run(capsys, *db, "audit", "report", "--from", "2026-12-31", "--to", "2026-01-01")
    assert code == 1 and "inversée" in err and "Traceback" not in err
    monkeypatch.setenv("HOUSINGMATCH_USER", "conseil")
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "demo-conseil")
    for argv in (("controle", "list"), ("controle", "signoff", 1, "--verdict", "validee"),
                 ("audit", "report", "--from", "2026-01-01", "--to", "2026-12-31")):  # fmt: skip
        code, _, err = run(capsys, *db, *argv)
        assert code == 1 and "Action refusée" in err and "Traceback" not in err
