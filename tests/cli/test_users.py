"""``users add|list|disable|enable|password``: administrators manage accounts from scripts."""

import pytest

from housingmatch.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def sign_in(monkeypatch, name, password):
    monkeypatch.setenv("HOUSINGMATCH_USER", name)
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", password)


@pytest.fixture
def db(capsys, db_path, monkeypatch):
    """A database with the administrator ``direction`` and the advisor ``lea``."""
    sign_in(monkeypatch, "direction", "s3cret-admin")
    assert run(capsys, "--db", db_path, "init")[0] == 0
    monkeypatch.setenv("HOUSINGMATCH_NEW_PASSWORD", "mot-de-passe-lea")
    code, out, err = run(
        capsys, "--db", db_path, "users", "add", "lea", "--role", "conseiller", "--nom", "Léa"
    )
    assert code == 0 and "Compte « lea » créé (conseiller)" in out, err
    monkeypatch.delenv("HOUSINGMATCH_NEW_PASSWORD")
    return db_path


def test_the_new_account_signs_in_and_works_with_its_role(capsys, db, monkeypatch):
    sign_in(monkeypatch, "lea", "mot-de-passe-lea")
    code, out, _ = run(capsys, "--db", db, "rules", "list")
    assert code == 0 and out
    code, _, err = run(capsys, "--db", db, "users", "list")
    assert code == 1 and "Action refusée" in err and "gérer les comptes" in err


def test_disable_then_the_account_is_refused(capsys, db, monkeypatch):
    code, out, _ = run(capsys, "--db", db, "users", "disable", "lea")
    assert code == 0 and "désactivé" in out
    listed = [line.split() for line in run(capsys, "--db", db, "users", "list")[1].splitlines()]
    assert ["lea", "conseiller", "désactivé", "Léa"] in listed
    sign_in(monkeypatch, "lea", "mot-de-passe-lea")
    code, _, err = run(capsys, "--db", db, "verify")
    assert code == 1 and "désactivé" in err


def test_password_is_prompted_twice_and_must_match(capsys, db, monkeypatch):
    answers = iter(["nouveau-secret", "autre-chose"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    code, _, err = run(capsys, "--db", db, "users", "password", "lea")
    assert code == 1 and "diffèrent" in err
    answers = iter(["nouveau-secret", "nouveau-secret"])
    code, out, _ = run(capsys, "--db", db, "users", "password", "lea")
    assert code == 0 and "modifié" in out
    sign_in(monkeypatch, "lea", "nouveau-secret")
    assert run(capsys, "--db", db, "rules", "list")[0] == 0


def test_an_unknown_role_is_one_french_sentence(capsys, db, monkeypatch):
    monkeypatch.setenv("HOUSINGMATCH_NEW_PASSWORD", "mot-de-passe-x")
    code, _, err = run(capsys, "--db", db, "users", "add", "max", "--role", "chef")
    assert code == 1 and "Rôle inconnu « chef »" in err and len(err.strip().splitlines()) == 1
