"""The Comptes dialog: an administrator lists, adds, disables and resets accounts."""

import pytest

from housingmatch.domain.session import Role
from housingmatch.gui.accounts_dialog import AccountForm, AccountsDialog
from housingmatch.services import accounts
from housingmatch.services.database import open_store


@pytest.fixture
def admin_dialog(qtbot, db_path):
    store = open_store(db_path)
    admin = accounts.create_first_administrator(store, "direction", "s3cret-admin", "Nadia")
    dialog = AccountsDialog(store, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    store.close()


def _rows(dialog):
    model = dialog.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_add_disable_and_reset_from_the_dialog(admin_dialog):
    form = AccountForm("Nouveau compte", True, admin_dialog)
    form.name_edit.setText("lea")
    form.display_edit.setText("Léa Martin")
    form.role_combo.setCurrentIndex(form.role_combo.findData(Role.CONSEILLER.value))
    form.password_edit.setText("mot-de-passe-lea")
    form.confirm_edit.setText("mot-de-passe-lea")
    assert admin_dialog.add_account(form)
    assert ["lea", "Léa Martin", "Conseiller", "actif"] in [r[:4] for r in _rows(admin_dialog)]
    admin_dialog.select("lea")
    admin_dialog.disable_button.click()
    assert ["lea", "Léa Martin", "Conseiller", "désactivé"] in [r[:4] for r in _rows(admin_dialog)]
    assert "désactivé" in admin_dialog.message_label.text()


def test_mismatched_passwords_create_nothing(admin_dialog, no_modal_boxes):
    form = AccountForm("Nouveau compte", True, admin_dialog)
    form.name_edit.setText("lea")
    form.password_edit.setText("mot-de-passe-lea")
    form.confirm_edit.setText("autre-chose")
    assert not admin_dialog.add_account(form)
    assert len(_rows(admin_dialog)) == 1
    assert "diffèrent" in no_modal_boxes[-1][1]


def test_the_last_administrator_cannot_be_disabled_from_the_dialog(admin_dialog, no_modal_boxes):
    admin_dialog.select("direction")
    admin_dialog.disable_button.click()
    assert "dernier administrateur" in no_modal_boxes[-1][1]
