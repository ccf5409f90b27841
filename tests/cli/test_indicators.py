"""``report indicators`` from the command line: text, JSON, the workbook and the PDF."""

import json

from openpyxl import load_workbook
from pypdf import PdfReader

from housingmatch.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_report_indicators_writes_the_same_figures_everywhere(capsys, db_path, monkeypatch):
    db = ["--db", db_path]
    assert run(capsys, *db, "demo", "--requests", 200, "--units", 8, "--seed", 4)[0] == 0
    monkeypatch.setenv("HOUSINGMATCH_USER", "conseil")
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "demo-conseil")
    period = ["report", "indicators", "--from", "2025-01-01", "--to", "2026-12-31"]
    code, _, err = run(capsys, *db, *period)
    assert code == 1 and "produire les bilans" in err  # supervisors only
    monkeypatch.setenv("HOUSINGMATCH_USER", "superviseur")
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "demo-superviseur")
    xlsx, pdf = db_path.parent / "bilan.xlsx", db_path.parent / "bilan.pdf"
    code, out, _ = run(capsys, *db, *period, "--by", "typologie", "--json",
                       "--xlsx", xlsx, "--pdf", pdf)  # fmt: skip
    assert code == 0
    shown = json.loads(out)
    assert (shown["du"], shown["au"], shown["ventilation"]) == (
        "2025-01-01",
        "2026-12-31",
        "typologie",
    )
    summary = dict(shown["tableaux"][0]["lignes"])
    assert summary["Demandes nouvelles"] + summary["Demandes renouvelées"] > 0
    book = load_workbook(xlsx)
    for table in shown["tableaux"]:
        rows = [list(r) for r in book[table["nom"]].iter_rows(min_row=4, values_only=True)]
        assert rows == [[("—" if v is None and c.startswith("Demandes") else v)
                         for v, c in zip(r, table["colonnes"], strict=True)] for r in table["lignes"]]  # fmt: skip
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "du 01/01/2025 au 31/12/2026" in text
    assert f"Demandes nouvelles {summary['Demandes nouvelles']}" in text
    code, out, _ = run(capsys, *db, *period)
    assert code == 0 and "Demandes nouvelles" in out and "Refus des propositions par motif" in out


def test_a_bad_breakdown_or_a_missing_period_is_one_french_sentence(capsys, db_path):
    assert run(capsys, "--db", db_path, "init")[0] == 0
    code, _, err = run(capsys, "--db", db_path, "report", "indicators", "--from", "2026-01-01",
                       "--to", "2026-12-31", "--by", "region")  # fmt: skip
    assert code == 1 and "commune, bailleur ou typologie" in err and "Traceback" not in err
    code, _, err = run(capsys, "--db", db_path, "report", "indicators", "--from", "2026-01-01")
    assert code == 1 and "--to" in err
