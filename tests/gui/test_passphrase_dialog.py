"""The passphrase dialog of an encrypted base: a wrong one is one French sentence, then opens."""

import pytest

from housingmatch.gui.passphrase_dialog import PassphraseDialog, unlock_if_encrypted
from housingmatch.store import Store, cipher

pytest.importorskip("sqlcipher3")

PASSPHRASE = "une phrase secrète assez longue"


@pytest.fixture
def encrypted_db(db_path):
    Store.open(db_path, passphrase=PASSPHRASE, encrypt=True).close()
    cipher._KEYS.clear()
    yield db_path
    cipher._KEYS.clear()


def test_a_wrong_passphrase_then_the_right_one(qtbot, encrypted_db):
    dialog = PassphraseDialog(encrypted_db)
    qtbot.addWidget(dialog)
    dialog.passphrase_edit.setText("pas la bonne")
    with qtbot.waitSignal(dialog.attempted, timeout=10_000) as first:
        dialog.try_unlock()
    assert first.args == [False]
    assert dialog.message_label.text().startswith("La phrase secrète ne déchiffre pas la base")
    assert dialog.passphrase_edit.text() == "" and not dialog.result()
    dialog.passphrase_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.attempted, timeout=10_000) as second:
        dialog.try_unlock()
    assert second.args == [True] and dialog.result() == dialog.DialogCode.Accepted
    with Store.open(encrypted_db) as store:  # by its path now
        assert store.encrypted


def test_a_plain_base_asks_nothing(db_path):
    Store.open(db_path).close()
    assert unlock_if_encrypted(db_path)
