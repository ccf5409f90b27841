"""A base encrypted at rest (SQLCipher): nothing readable without the passphrase, anywhere."""

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from housingmatch.cli import main
from housingmatch.services import local_session, matching
from housingmatch.store import Store, cipher
from housingmatch.store import backup as backups
from tests.builders import make_request, make_unit

pytest.importorskip("sqlcipher3")

PASSPHRASE = "une phrase secrète assez longue"
NAME = "Quintavalle"


def strings(path: Path) -> set[str]:
    """Return the printable runs of four characters or more of a file, as `strings` does."""
    return {m.group().decode() for m in re.finditer(rb"[\x20-\x7e]{4,}", path.read_bytes())}


def shows_name(path: Path) -> bool:
    return path.exists() and any(NAME in s for s in strings(path))


@pytest.fixture(autouse=True)
def _forget_passphrases():
    yield
    cipher._KEYS.clear()


def _fill(store: Store) -> None:
    store.units.save(make_unit("LOG-1"), "test")
    request = make_request("DEM-1", filing_date=date(2026, 1, 15))
    store.requests.save(
        replace(request, applicant=replace(request.applicant, last_name=NAME)), "test"
    )


def test_without_the_passphrase_the_file_shows_no_name(db_path, monkeypatch):
    monkeypatch.setenv("HOUSINGMATCH_AUTO_BACKUP", "1")
    store = Store.open(db_path, passphrase=PASSPHRASE, encrypt=True)
    _fill(store)
    # While open, the write-ahead log holds the last pages: encrypted too.
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.exists() and not shows_name(wal)
    ranking = matching.rank_unit(store, local_session(), "LOG-1", date(2026, 6, 1))
    assert [c.ref for c in ranking.ranked] == ["DEM-1"]
    backup = store.backup()
    store.close()
    assert not shows_name(db_path)
    assert not db_path.read_bytes().startswith(b"SQLite format 3")
    # No column cache beside an encrypted base: it would hold the names in clear.
    assert not matching.cache_path(db_path).exists()
    # The backups (on demand and the day's automatic one) are encrypted under the passphrase.
    kept = list(backup.path.parent.iterdir())
    assert len(kept) >= 2 and not any(shows_name(p) for p in kept)
    assert backups.verify_copy(backup.path, PASSPHRASE) == []
    assert backups.verify_copy(backup.path) != []


def test_the_anchor_a_plain_base_shows_the_name_and_keeps_its_cache(db_path):
    with Store.open(db_path) as store:
        _fill(store)
        matching.rank_unit(store, local_session(), "LOG-1", date(2026, 6, 1))
        store.purge_freed_pages()
    assert shows_name(db_path)
    assert matching.cache_path(db_path).exists()


def test_the_passphrase_opens_it_again_a_wrong_one_is_one_french_sentence(db_path):
    with Store.open(db_path, passphrase=PASSPHRASE, encrypt=True) as store:
        _fill(store)
    cipher._KEYS.clear()
    with pytest.raises(cipher.WrongPassphraseError) as wrong:
        Store.open(db_path, passphrase="pas la bonne phrase")
    message = str(wrong.value)
    assert message.startswith("La phrase secrète ne déchiffre pas la base") and "\n" not in message
    assert message.endswith("réessayez.") and message.count(" : ") == 1
    with pytest.raises(cipher.PassphraseNeededError, match="est chiffrée"):
        Store.open(db_path)
    with Store.open(db_path, passphrase=PASSPHRASE) as store:
        assert store.requests.get("DEM-1").applicant.last_name == NAME
        assert store.encrypted


def test_a_base_opened_once_opens_again_in_the_process(db_path):
    """Background jobs and restores open the base by its path only."""
    Store.open(db_path, passphrase=PASSPHRASE, encrypt=True).close()
    with Store.open(db_path) as again:
        assert again.encrypted


def test_an_encrypted_backup_restores(db_path):
    with Store.open(db_path, passphrase=PASSPHRASE, encrypt=True) as store:
        _fill(store)
        backup = store.backup()
        store.requests.save(make_request("DEM-2"), "test")
    backups.restore_file(db_path, backup.path)
    with Store.open(db_path) as store:
        assert store.requests.count() == 1 and store.encrypted


def test_a_plain_base_is_not_encrypted_in_place(db_path):
    Store.open(db_path).close()
    with pytest.raises(Exception, match="existe déjà sans chiffrement"):
        Store.open(db_path, passphrase=PASSPHRASE, encrypt=True)


def test_init_encrypt_from_the_command_line(db_path, monkeypatch, capsys):
    monkeypatch.setenv("HOUSINGMATCH_DB_PASSPHRASE", PASSPHRASE)
    assert main(["--db", str(db_path), "init", "--encrypt"]) == 0
    assert "chiffrée" in capsys.readouterr().out
    assert not db_path.read_bytes().startswith(b"SQLite format 3")
    assert main(["--db", str(db_path), "init"]) == 0  # the passphrase from the environment
    cipher._KEYS.clear()
    monkeypatch.setenv("HOUSINGMATCH_DB_PASSPHRASE", "une autre phrase fausse")
    assert main(["--db", str(db_path), "init"]) == 1
    err = capsys.readouterr().err
    assert "La phrase secrète ne déchiffre pas la base" in err and "Traceback" not in err


def test_without_the_extra_encrypt_says_how_to_install_it(db_path, monkeypatch, capsys):
    monkeypatch.setattr(cipher, "_module", lambda: None)
    monkeypatch.setenv("HOUSINGMATCH_DB_PASSPHRASE", PASSPHRASE)
    assert main(["--db", str(db_path), "init", "--encrypt"]) == 1
    err = capsys.readouterr().err
    assert 'pip install "housingmatch[forum]"' in err and ".[forum]" in err
    assert not db_path.exists()
