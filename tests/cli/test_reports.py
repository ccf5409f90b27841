"""``housingmatch report``: obligations, fairness and the observatory from the command line."""

import json

import pytest
from openpyxl import load_workbook

from housingmatch.cli import main
from housingmatch.services import local_session, reference
from housingmatch.store import Store
from tests.evaluation_world import DIJON_METROPOLE, constructed_year

S = local_session()


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def year_file(tmp_path_factory):
    """A database file holding the constructed year 2026, the 2026 threshold entered."""
    path = tmp_path_factory.mktemp("rapports") / "base.sqlite"
    store = Store.open(path)
    try:
        constructed_year(store, S)
        reference.set_quartile_threshold(store, S, DIJON_METROPOLE, 2026, 10000)
    finally:
        store.close()
    return path


def test_obligations_in_french_then_as_json(capsys, year_file):
    db = ["--db", year_file]
    code, out, err = run(
        capsys, *db, "report", "obligations", "--year", 2026, "--date", "2026-07-02"
    )
    assert code == 0, err
    assert "au 02/07/2026 : 8 baux signés" in out
    assert "Ménages DALO, à défaut prioritaires (L441-1) : 3 / 8 = 38 % (objectif 25 %)" in out
    assert "dont 1 DALO et 2 prioritaires L441-1" in out
    assert "1er quartile, logements hors QPV : 2 / 5 = 40 %" in out
    assert "entre 33 % et 50 %" in out  # the unknown quartile counted apart
    assert "Quartiles 2 à 4, logements en QPV : 1 / 2 = 50 %" in out
    assert "il en faut encore 1 d'ici le 31/12/2026" in out
    code, out, _ = run(capsys, *db, "report", "obligations", "--year", 2026, "--date",
                       "2026-07-02", "--json")  # fmt: skip
    data = {o["kind"]: o for o in json.loads(out)["obligations"]}
    assert data["DALO_PRIORITAIRES"]["counted"] == ["LOG-01", "LOG-02", "LOG-03"]
    assert data["PREMIER_QUARTILE_HORS_QPV"]["unknown_quartile"] == 1
    assert data["AUTRES_QUARTILES_EN_QPV"]["basis"] == ["LOG-Q1", "LOG-Q2"]


def test_a_year_without_leases_says_so(capsys, year_file):
    code, out, _ = run(capsys, "--db", year_file, "report", "obligations", "--year", 2025)
    assert code == 0
    assert "0 bail signé" in out and "aucune attribution connue" in out


def test_fairness_text_and_json(capsys, year_file):
    db = ["--db", year_file]
    code, out, _ = run(capsys, *db, "report", "fairness", "--year", 2026)
    assert code == 0
    assert "alerte au-delà de 5 points d'écart" in out
    line = next(row for row in out.splitlines() if row.startswith("DALO "))
    assert line.split()[1:4] == ["1", "7", "%"]
    code, out, _ = run(capsys, *db, "report", "fairness", "--year", 2026, "--json")
    data = json.loads(out)
    assert data["margin"] == 0.05
    dalo = next(g for g in data["groups"] if g["group"] == "DALO")
    assert (dalo["pool"], dalo["attributed"]) == (1, 1)


def test_the_observatory_workbook(capsys, year_file, tmp_path):
    out_file = tmp_path / "observatoire.xlsx"
    code, out, err = run(capsys, "--db", year_file, "report", "observatoire", "--year", 2026,
                         "--xlsx", out_file)  # fmt: skip
    assert code == 0, err
    assert "8 attributions" in out and "cases masquées" in out
    book = load_workbook(out_file, read_only=True)
    assert sum(name.startswith("Attributions par commune") for name in book.sheetnames) == 7
    book.close()


def test_a_bad_year_gets_one_french_sentence(capsys, year_file):
    code, _, err = run(capsys, "--db", year_file, "report", "fairness", "--year", 26)
    assert code == 1 and "L'année 26 n'est pas plausible" in err and "Traceback" not in err


def test_advisors_read_the_obligations_only_supervisors_the_reports(capsys, db_path, monkeypatch):
    db = ["--db", db_path]
    assert run(capsys, *db, "demo", "--requests", 60, "--units", 4, "--seed", 2)[0] == 0
    monkeypatch.setenv("HOUSINGMATCH_USER", "conseil")
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "demo-conseil")
    assert run(capsys, *db, "report", "obligations", "--year", 2026)[0] == 0
    code, _, err = run(capsys, *db, "report", "fairness", "--year", 2026)
    assert code == 1 and "Action refusée" in err and "produire les bilans" in err
    monkeypatch.setenv("HOUSINGMATCH_USER", "superviseur")
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "demo-superviseur")
    assert run(capsys, *db, "report", "fairness", "--year", 2026)[0] == 0
