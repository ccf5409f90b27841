"""The human output of ``show`` and of the matching commands reads French, not codes."""

import json

from housingmatch.cli import main
from housingmatch.cli.matching import grouped_warnings


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_show_demande_prints_labels_amounts_and_commune_names(capsys, db_path, data_dir):
    run(capsys, "--db", db_path, "import", "demandes", data_dir / "demandes_modele.csv")
    code, out, _ = run(
        capsys, "--db", db_path, "show", "demande", "EXEMPLE-002", "--date", "2026-11-29"
    )
    assert code == 0
    assert "Commune du lieu de travail" in out and "Dijon (21231)" in out
    assert "Date d'expiration" in out and "20/10/2027" in out
    assert "45\u202f374\u00a0€" in out  # the PLUS ceiling, with its thousands separator
    for code_word in ("LOCATAIRE_", "True", "False", "calcul.", "demande.", "2027-10-20"):
        assert code_word not in out, code_word
    assert " oui" in out or " non" in out
    # Amounts are rounded: no long fractional part anywhere.
    amounts = [line for line in out.splitlines() if "€" in line]
    assert amounts and not any("," in line for line in amounts), amounts


def test_show_json_keeps_the_codes(capsys, db_path, data_dir):
    run(capsys, "--db", db_path, "import", "demandes", data_dir / "demandes_modele.csv")
    code, out, _ = run(capsys, "--db", db_path, "show", "demande", "EXEMPLE-002", "--json")
    record = json.loads(out)
    assert code == 0
    assert record["demande"]["situation_logement"].isupper()


def test_show_logement_prints_rent_and_yes_no(capsys, db_path, data_dir):
    run(capsys, "--db", db_path, "import", "logements", data_dir / "logements_modele.csv")
    code, out, _ = run(capsys, "--db", db_path, "show", "logement", "EXEMPLE-L-002")
    assert code == 0
    assert "Loyer charges comprises" in out and "508\u00a0€" in out
    assert "Quartier prioritaire (QPV)" in out and "Grésilles" in out
    assert "True" not in out and "False" not in out


def test_rank_and_allocate_speak_french(capsys, db_path, monkeypatch):
    run(
        capsys,
        "--db",
        db_path,
        "demo",
        "--requests",
        "300",
        "--units",
        "20",
        "--seed",
        "7",
        "--date",
        "2026-11-29",
    )
    monkeypatch.setenv("HOUSINGMATCH_USER", "conseil")  # the demo's advisor account
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "demo-conseil")
    code, out, _ = run(capsys, "--db", db_path, "allocate", "--date", "2026-11-29")
    assert code == 0
    for code_word in ("PRIORITAIRE_L441", "MOBILITE", "DIFFICULTE", "Attention"):
        assert code_word not in out
    first_unit = out.index("Logement 1/20 : ")
    # The remarks come once, after the results, each naming its units.
    assert out.count("À noter") <= 1
    if "À noter" in out:
        assert out.index("À noter") > first_unit
    assert "Logement 20/20 : " in out
    unit = out[first_unit:].splitlines()[1]
    assert unit.startswith("Choix  Rang")
    ref = out[first_unit:].splitlines()[0].split()[3]
    code, out, _ = run(capsys, "--db", db_path, "rank", ref, "--date", "2026-11-29", "--top", "3")
    assert code == 0 and "PRIORITAIRE_L441" not in out and "(INCOME_ABOVE_CEILING)" not in out


def test_grouped_warnings_name_each_message_once():
    warnings = [f"LOG-{i} : Plafonds PLAI 2026 absents." for i in range(8)] + ["LOG-9 : Autre."]
    lines = grouped_warnings(warnings, shown=3)
    assert lines == [
        "  - Plafonds PLAI 2026 absents (8 logements : LOG-0, LOG-1, LOG-2 et 5 autres).",
        "  - Autre (1 logement : LOG-9).",
    ]
