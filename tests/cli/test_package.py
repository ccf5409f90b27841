"""The forum round trip from the command line: laptop → package → office, then the review."""

from __future__ import annotations

import csv
import json
import unicodedata

import pytest

from housingmatch.cli import main
from housingmatch.exchange import package

PASS = "une phrase de passe de forum"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setattr(package, "SCRYPT_N", 2**10)


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _forum_intakes(office_csv, laptop_csv):
    """Two office employees seen again at the forum (names swapped, accents lost, moved), one new."""
    with office_csv.open(encoding="utf-8-sig") as source:
        rows = list(csv.reader(source, delimiter=";"))
    header, data = rows[0], rows[1:]
    col = {name: i for i, name in enumerate(header)}
    seen = []
    first = list(data[0])
    first[col["nom"]], first[col["prenom"]] = first[col["prenom"]], first[col["nom"]]
    first[col["adresse"]] = "3 rue Neuve"
    second = list(data[1])
    second[col["nom"]] = _plain(second[col["nom"]]).upper()
    second[col["email"]] = "nouvelle.adresse@example.net"
    new = list(data[2])
    new[col["nom"]], new[col["prenom"]] = "Zyzzyva", "Ondine"
    new[col["date_naissance"]] = "1999-04-11"
    for n, row in enumerate((first, second, new), 1):
        row[col["ref_demande"]] = f"SAISIE-{n}"
        row[col["numero_unique"]] = ""
        seen.append(row)
    with laptop_csv.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=";").writerows([header, *seen])
    return data[0][col["ref_demande"]], data[1][col["ref_demande"]]


def test_laptop_to_office_round_trip(capsys, tmp_path, monkeypatch):
    office, laptop = ["--db", tmp_path / "bureau.sqlite"], ["--db", tmp_path / "portable.sqlite"]
    assert run(capsys, *office, "demo", "--requests", 40, "--units", 3, "--seed", 1)[0] == 0
    assert (
        run(capsys, *laptop, "--forum", "demo", "--requests", 12, "--units", 2, "--seed", 2)[0] == 0
    )
    monkeypatch.setenv("HOUSINGMATCH_USER", "conseil")
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "demo-conseil")
    monkeypatch.setenv("HOUSINGMATCH_PACKAGE_PASSPHRASE", PASS)
    code, out, _ = run(capsys, *laptop, "init")
    assert "portable de forum" in out and "F-" in out
    office_csv, laptop_csv = tmp_path / "bureau.csv", tmp_path / "forum.csv"
    assert run(capsys, *office, "export", "demandes", office_csv)[0] == 0
    moved_ref, renamed_ref = _forum_intakes(office_csv, laptop_csv)
    assert run(capsys, *laptop, "import", "demandes", laptop_csv)[0] == 0

    pkg = tmp_path / "forum.hmpkg"
    code, out, _ = run(capsys, *laptop, "package", "export", "--out", pkg, "--json")
    assert code == 0 and json.loads(out)["requests"] == 15
    assert b"Zyzzyva" not in pkg.read_bytes()  # sealed

    code, out, _ = run(capsys, *office, "package", "import", pkg, "--dry-run", "--json")
    planned = json.loads(out)
    assert code == 0 and not planned["applied"]
    assert run(capsys, *office, "merge", "list", "--json")[1].strip() == "[]"  # nothing written

    code, out, _ = run(capsys, *office, "package", "import", pkg, "--json")
    done = json.loads(out)
    assert code == 0 and done["applied"]
    pairs = {(p["office_ref"], p["forum_ref"]) for p in done["duplicates"]}
    assert {(moved_ref, "SAISIE-1"), (renamed_ref, "SAISIE-2")} <= pairs
    new_refs = {n["forum_ref"]: n["office_ref"] for n in done["new_requests"]}
    assert "SAISIE-3" in new_refs and new_refs["SAISIE-3"].startswith("DEM-")
    # Every one of the laptop's 15 records is either new or waits as a possible duplicate.
    assert len(set(new_refs) | {forum for _, forum in pairs}) == 15
    code, out, _ = run(capsys, *office, "package", "import", pkg)
    assert code == 0 and "déjà été fusionné" in out

    def address(ref):
        shown = run(capsys, *office, "show", "demande", ref, "--json")[1]
        return json.loads(shown)["demande"]["adresse"]

    before = address(moved_ref)
    code, out, _ = run(capsys, *office, "merge", "link", moved_ref, "SAISIE-1")
    assert code == 0 and "adresse" in out
    assert address(moved_ref) == "3 rue Neuve"
    code, out, _ = run(capsys, *office, "merge", "unlink", moved_ref, "SAISIE-1")
    assert code == 0 and address(moved_ref) == before
    assert (
        run(capsys, *office, "merge", "link", moved_ref, "SAISIE-1", "--fields", "adresse")[0] == 0
    )
    assert run(capsys, *office, "merge", "separate", renamed_ref, "SAISIE-2")[0] == 0
    states = {
        p["forum_ref"]: p["state"]
        for p in json.loads(run(capsys, *office, "merge", "list", "--json")[1])
    }
    assert states["SAISIE-1"] == "LIEE" and states["SAISIE-2"] == "SEPAREE"
    assert run(capsys, *office, "merge", "apply")[0] == 0

    monkeypatch.setenv("HOUSINGMATCH_USER", "superviseur")
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "demo-superviseur")
    for db in (office, laptop):
        code, out, err = run(capsys, *db, "verify")
        assert code == 0, out + err

    monkeypatch.setenv("HOUSINGMATCH_USER", "conseil")
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "demo-conseil")
    monkeypatch.setenv("HOUSINGMATCH_PACKAGE_PASSPHRASE", "pas la bonne phrase")
    code, out, err = run(capsys, *office, "package", "import", pkg)
    assert code == 1 and err.count("\n") == 1 and "Phrase de passe incorrecte" in err
