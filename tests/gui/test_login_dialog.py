"""The sign-in dialog: a good password opens a session, a wrong one or a lock says so."""

import pytest

from housingmatch.domain.session import Role
from housingmatch.gui.login_dialog import LoginDialog, ask_session
from housingmatch.services import accounts
from housingmatch.services.accounts import MAX_FAILED_ATTEMPTS
from housingmatch.services.database import open_store


@pytest.fixture
def accounts_store(db_path):
    """A database with an administrator and an advisor."""
    store = open_store(db_path)
    admin = accounts.create_first_administrator(store, "direction", "s3cret-admin", "Nadia")
    accounts.add_account(store, admin, "lea", Role.CONSEILLER, "mot-de-passe-lea", "Léa Martin")
    yield store
    store.close()


def _dialog(qtbot, store, name, password):
    dialog = LoginDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name_edit, name)
    qtbot.keyClicks(dialog.password_edit, password)
    return dialog


def _attempt(qtbot, dialog):
    with qtbot.waitSignal(dialog.attempted, timeout=10000) as signal:
        dialog.login_button.click()
    return signal.args[0]


def test_the_right_password_opens_the_session(qtbot, accounts_store):
    dialog = _dialog(qtbot, accounts_store, "lea", "mot-de-passe-lea")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.login_button.click()
    assert dialog.session is not None
    assert (dialog.session.user, dialog.session.role) == ("lea", Role.CONSEILLER)


def test_a_wrong_password_keeps_the_dialog_open_with_a_french_message(qtbot, accounts_store):
    dialog = _dialog(qtbot, accounts_store, "lea", "pas-le-bon")
    assert _attempt(qtbot, dialog) is False
    assert dialog.isVisible() and dialog.session is None
    assert dialog.message_label.text() == accounts.WRONG_CREDENTIALS
    assert dialog.password_edit.text() == ""  # typed again, never kept


def test_a_locked_account_says_so_and_until_when(qtbot, accounts_store):
    dialog = _dialog(qtbot, accounts_store, "lea", "")
    for _ in range(MAX_FAILED_ATTEMPTS):
        qtbot.keyClicks(dialog.password_edit, "pas-le-bon")
        assert _attempt(qtbot, dialog) is False
    assert "verrouillé" in dialog.message_label.text()
    qtbot.keyClicks(dialog.password_edit, "mot-de-passe-lea")
    assert _attempt(qtbot, dialog) is False
    assert dialog.session is None and "verrouillé" in dialog.message_label.text()


def test_quit_gives_no_session(qtbot, accounts_store):
    dialog = _dialog(qtbot, accounts_store, "lea", "mot-de-passe-lea")
    with qtbot.waitSignal(dialog.rejected, timeout=10000):
        dialog.quit_button.click()
    assert dialog.session is None


def test_a_database_without_accounts_asks_nobody(file_store):
    session = ask_session(file_store)
    assert session is not None and not session.authenticated
