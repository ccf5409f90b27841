import json
import shutil
import subprocess
import sys

import pytest

from housingmatch import __version__
from housingmatch.cli import main
from housingmatch.store import Store
from tests.builders import SUPERVISOR


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_init_creates_the_database(capsys, db_path):
    code, out, _ = run(capsys, "--db", db_path, "init")
    assert code == 0 and db_path.exists()
    assert "Base prête" in out


def test_import_then_show_json(capsys, db_path, data_dir):
    code, out, _ = run(
        capsys, "--db", db_path, "import", "demandes", data_dir / "demandes_modele.csv"
    )
    assert code == 0, out
    assert "2 demandes créées" in out
    code, out, _ = run(
        capsys, "--db", db_path, "show", "demande", "EXEMPLE-002", "--json", "--date", "2026-11-29"
    )
    assert code == 0
    record = json.loads(out)
    assert record["demande"]["ref_demande"] == "EXEMPLE-002"
    assert record["communes"]["commune_travail"] == {"code_insee": "21231", "nom": "Dijon"}
    # Four persons of whom two dependants, a couple: category 4.
    assert record["calcul"]["categorie_menage"] == 4
    assert record["calcul"]["date_expiration"] == "2027-10-20"
    assert record["calcul"]["anciennete_mois"] == 12
    plus = next(p for p in record["calcul"]["plafonds"] if p["financement"] == "PLUS")
    assert plus == {
        "financement": "PLUS",
        "plafond": 45374,
        "annee_plafond": 2026,
        "eligible": True,
        "avertissement": None,
    }


def test_show_logement(capsys, db_path, data_dir):
    run(capsys, "--db", db_path, "import", "logements", data_dir / "logements_modele.csv")
    code, out, _ = run(capsys, "--db", db_path, "show", "logement", "EXEMPLE-L-002", "--json")
    record = json.loads(out)
    assert code == 0
    assert record["logement"]["qpv"] == "Grésilles"
    assert record["calcul"]["zone_abc"] == "B1"
    assert record["calcul"]["loyer_charges_comprises"] == 508.0


def test_bad_import_exits_non_zero_with_line_and_column(capsys, db_path, tmp_path, data_dir):
    text = (
        (data_dir / "demandes_modele.csv")
        .read_text(encoding="utf-8")
        .replace("15/03/2026", "15/15/2026")
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(text, encoding="utf-8")
    code, _out, err = run(capsys, "--db", db_path, "import", "demandes", bad)
    assert code == 1
    assert "ligne 2, colonne date_depot : " in err
    assert "15/15/2026" not in err  # values stay out of stderr (it may end up in logs)
    assert "aucune donnée n'a été écrite" in err
    with Store.open(db_path) as store:
        assert store.requests.count() == 0


def test_unknown_reference_is_one_sentence_without_traceback(capsys, db_path):
    run(capsys, "--db", db_path, "init")
    code, _out, err = run(capsys, "--db", db_path, "show", "demande", "NOPE")
    assert code == 1
    assert err.strip() == "Erreur : Aucune demande n'a la référence « NOPE »."
    assert "Traceback" not in err


def test_bad_date_argument_is_a_usage_error(capsys, db_path):
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db_path), "show", "demande", "X", "--date", "demain"])
    assert exit_info.value.code == 2
    assert "date invalide « demain »" in capsys.readouterr().err


def test_demo_then_verify(capsys, db_path, monkeypatch):
    code, out, _ = run(
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
    assert code == 0 and "300 demandes" in out
    assert "conseil / demo-conseil" in out  # the demonstration accounts (README)
    monkeypatch.setenv("HOUSINGMATCH_USER", "superviseur")
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "demo-superviseur")
    code, out, err = run(capsys, "--db", db_path, "demo", "--requests", "10", "--units", "1")
    assert code == 1 and "--force" in err  # refuses to add to a filled database
    code, out, _ = run(capsys, "--db", db_path, "verify")
    assert code == 0 and "journal d'audit intact" in out


def test_too_new_database_is_refused_in_one_sentence(capsys, db_path):
    Store.open(db_path).close()
    import sqlite3

    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01')")
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "--db", db_path, "init")
    assert code == 1 and "version plus récente" in err


@pytest.mark.skipif(shutil.which("housingmatch") is None, reason="the package is not installed")
def test_installed_entry_point_finds_its_data(tmp_path):
    """The installed script works from any folder (data inside the wheel or the checkout)."""
    db = tmp_path / "x.sqlite"
    result = subprocess.run(
        ["housingmatch", "--db", str(db), "init"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    module = subprocess.run(
        [sys.executable, "-m", "housingmatch", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert __version__ in module.stdout


def test_rules_import_refuses_a_forbidden_criterion_in_one_sentence(capsys, db_path, tmp_path):
    from housingmatch.paths import resource

    text = resource("rulesets", "action_logement_2026.toml").read_text(encoding="utf-8")
    bad = tmp_path / "regles.toml"
    bad.write_text(text.replace("[scoring.groups]\n", "[scoring.groups]\nsexe = 5\n", 1), "utf-8")
    code, _, err = run(capsys, "--db", db_path, "rules", "import", bad)
    assert code == 1
    assert err.startswith("Erreur : Règles refusées (regles.toml)") and "sexe" in err
    code, out, _ = run(capsys, "--db", db_path, "rules", "list")
    assert code == 0 and out.startswith("* ") and "2026.2" in out


def test_an_unexpected_failure_is_one_sentence(capsys, db_path, monkeypatch):
    from housingmatch.services import facts

    def broken(*args, **kwargs):
        raise RuntimeError("panne simulée")

    monkeypatch.setattr(facts, "request_record", broken)
    monkeypatch.delenv("HOUSINGMATCH_DEBUG", raising=False)
    from housingmatch.services.records import save_request
    from tests.builders import make_request

    with Store.open(db_path) as store:
        save_request(store, SUPERVISOR, make_request())
    code, _, err = run(capsys, "--db", db_path, "show", "demande", "DEM-0001")
    assert code == 70
    assert err.startswith("Erreur inattendue (RuntimeError) : panne simulée.")
    assert "Traceback" not in err


def test_a_locked_database_is_one_sentence(capsys, db_path, monkeypatch):
    import sqlite3

    from housingmatch.store import database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 1)
    Store.open(db_path).close()
    locker = sqlite3.connect(db_path, isolation_level=None, timeout=0)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        code, _, err = run(
            capsys, "--db", db_path, "import", "demandes", "tests/data/demandes_modele.csv"
        )
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert code == 1
    assert err.strip() == (
        "Erreur : Un autre HousingMatch est en train d'écrire dans cette base depuis plus de "
        "1 secondes : rien n'a été écrit, réessayez dans un instant."
    )


def test_a_mistyped_database_path_is_not_created(capsys, tmp_path):
    missing = tmp_path / "bsae.sqlite"
    code, _, err = run(capsys, "--db", missing, "rank", "LOG-1")
    assert code == 1 and "n'existe pas" in err
    assert not missing.exists()


def test_version_and_help_load_no_heavy_library(tmp_path):
    # --version and --help must answer at once: numpy, scipy, sqlite-utils and Qt load only
    # when a command needs them.
    probe = (
        "import sys\n"
        "from housingmatch.app import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in ('numpy', 'scipy', 'sqlite_utils', 'PySide6') if m in sys.modules)\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    for flag in ("--version", "--help"):
        result = subprocess.run(
            [sys.executable, "-c", probe, flag],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "HEAVY=\n" in result.stdout, (flag, result.stdout)


def test_backup_list_and_restore(capsys, db_path, data_dir):
    run(capsys, "--db", db_path, "import", "logements", data_dir / "logements_modele.csv")
    code, out, _ = run(capsys, "--db", db_path, "backup")
    assert code == 0 and "Sauvegarde vérifiée" in out
    code, out, _ = run(capsys, "--db", db_path, "backup", "list")
    assert code == 0 and "à la demande" in out and "automatique" in out
    manual = next(p for p in (db_path.parent / "sauvegardes").iterdir() if "manuel" in p.name)
    run(capsys, "--db", db_path, "import", "demandes", data_dir / "demandes_modele.csv")
    code, _, err = run(capsys, "--db", db_path, "restore", manual)
    assert code == 1 and "--yes" in err  # no terminal: no silent replacement
    code, out, _ = run(capsys, "--db", db_path, "restore", manual, "--yes")
    assert code == 0 and "avant-restauration" in out
    with Store.open(db_path) as store:
        assert store.requests.count() == 0 and store.units.count() == 2


def test_a_damaged_database_names_the_latest_good_backup(capsys, tmp_path, data_dir):
    db = tmp_path / "base.db"  # not *.sqlite: the teardown soundness check would fail on it
    run(capsys, "--db", db, "import", "demandes", data_dir / "demandes_modele.csv")
    run(capsys, "--db", db, "backup")
    with Store.open(db) as store:
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    data[4096 * 2 : 4096 * 6] = b"\x5a" * (4096 * 4)
    db.write_bytes(bytes(data))
    code, _, err = run(capsys, "--db", db, "rank", "X")
    assert code == 1 and "endommagée" in err and "restore" in err and "manuel" in err
