"""Who runs a command: environment variables, ``--user`` with a prompt, the first administrator."""

import pytest

from housingmatch.cli import main
from housingmatch.cli.session import NEEDS_LOGIN
from housingmatch.services.database import open_store


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def admin_env(monkeypatch):
    """Sign in as the administrator ``direction`` through the environment."""
    monkeypatch.setenv("HOUSINGMATCH_USER", "direction")
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "s3cret-admin")


@pytest.fixture
def protected_db(capsys, db_path, admin_env, monkeypatch):
    """A database whose first administrator ``init`` created; nobody signed in afterwards."""
    code, _, err = run(capsys, "--db", db_path, "init")
    assert code == 0 and "Compte administrateur « direction » créé" in err
    monkeypatch.delenv("HOUSINGMATCH_USER")
    monkeypatch.delenv("HOUSINGMATCH_PASSWORD")
    return db_path


def test_a_database_with_accounts_refuses_anonymous_commands_in_one_sentence(capsys, protected_db):
    code, out, err = run(capsys, "--db", protected_db, "verify")
    assert code == 1 and out == ""
    assert err.strip() == f"Erreur : {NEEDS_LOGIN}"


def test_the_environment_signs_in(capsys, protected_db, monkeypatch):
    monkeypatch.setenv("HOUSINGMATCH_USER", "direction")
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "s3cret-admin")
    code, out, _ = run(capsys, "--db", protected_db, "users", "list")
    assert code == 0 and out.split()[:3] == ["direction", "administrateur", "actif"]


def test_user_option_prompts_for_the_password(capsys, protected_db, monkeypatch):
    asked = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or "s3cret-admin")
    code, out, _ = run(capsys, "--db", protected_db, "--user", "direction", "users", "list")
    assert code == 0 and "direction" in out
    assert asked == ["Mot de passe de « direction » : "]


def test_no_terminal_and_no_password_variable_is_one_sentence(capsys, protected_db, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(capsys, "--db", protected_db, "--user", "direction", "verify")
    assert code == 1 and "HOUSINGMATCH_PASSWORD" in err and len(err.strip().splitlines()) == 1


def test_a_wrong_password_is_refused_and_never_echoed(capsys, protected_db, monkeypatch):
    monkeypatch.setenv("HOUSINGMATCH_USER", "direction")
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "faux-mot-de-passe")
    code, out, err = run(capsys, "--db", protected_db, "verify")
    assert code == 1 and "incorrect" in err
    assert "faux-mot-de-passe" not in out + err


def test_import_creating_a_database_makes_the_user_its_administrator(
    capsys, db_path, data_dir, admin_env
):
    code, _, err = run(
        capsys, "--db", db_path, "import", "demandes", data_dir / "demandes_modele.csv"
    )
    assert code == 0, err
    with open_store(db_path) as store:
        assert store.accounts.get("direction").role.value == "administrateur"
        assert {e.actor for e in store.audit.entries("demande")} == {"direction"}


def test_an_existing_database_without_accounts_keeps_working(capsys, db_path, monkeypatch):
    assert run(capsys, "--db", db_path, "init")[0] == 0
    monkeypatch.setenv("HOUSINGMATCH_USER", "direction")  # set in the shell, not asked for
    code, out, _ = run(capsys, "--db", db_path, "verify")
    assert code == 0 and "journal d'audit intact" in out
    with open_store(db_path) as store:
        assert store.accounts.count() == 0  # only init creates an account on it


def test_the_demo_creates_one_account_per_role(capsys, db_path, monkeypatch):
    code, out, _ = run(capsys, "--db", db_path, "demo", "--requests", "20", "--units", "3")
    assert code == 0 and "superviseur / demo-superviseur" in out
    for name, password in (
        ("conseil", "demo-conseil"),
        ("superviseur", "demo-superviseur"),
        ("admin", "demo-admin"),
    ):
        monkeypatch.setenv("HOUSINGMATCH_USER", name)
        monkeypatch.setenv("HOUSINGMATCH_PASSWORD", password)
        code, _, err = run(capsys, "--db", db_path, "users", "list")
        assert (code == 0) == (name == "admin"), (name, err)


def test_demo_creating_a_database_keeps_the_named_administrator_too(capsys, db_path, admin_env):
    code, _, err = run(capsys, "--db", db_path, "demo", "--requests", "10", "--units", "2")
    assert code == 0, err
    with open_store(db_path) as store:
        names = {a.name: a.role.value for a in store.accounts.all()}
        actors = {e.actor for e in store.audit.entries("demande")}
    assert names == {
        "direction": "administrateur",
        "admin": "administrateur",
        "superviseur": "superviseur",
        "conseil": "conseiller",
    }
    assert actors == {"direction"}


def test_demo_on_an_existing_database_adds_no_public_accounts(capsys, db_path):
    assert run(capsys, "--db", db_path, "init")[0] == 0
    code, out, _ = run(capsys, "--db", db_path, "demo", "--requests", "10", "--units", "2")
    assert code == 0 and "Comptes de démonstration" not in out
    with open_store(db_path) as store:
        assert store.accounts.count() == 0
