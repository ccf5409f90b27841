"""The *Comptes* dialog of administrators: list, add, disable, enable, reset a password."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from housingmatch.domain.session import Role, Session
from housingmatch.errors import UserError
from housingmatch.gui.formats import french_date
from housingmatch.gui.jobs import show_error
from housingmatch.gui.models import PAYLOAD_ROLE, Row, RowsModel, sorted_proxy
from housingmatch.services import accounts
from housingmatch.services.database import Store


class AccountForm(QDialog):
    """Asks for a new account (name, displayed name, role) or a new password, twice."""

    def __init__(self, title: str, with_identity: bool, parent: QWidget | None = None) -> None:
        """Build the form; ``with_identity`` adds the name, displayed name and role."""
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QFormLayout(self)
        self.name_edit = QLineEdit(self)
        self.display_edit = QLineEdit(self)
        self.role_combo = QComboBox(self)
        for role in Role:
            self.role_combo.addItem(role.label, role.value)
        if with_identity:
            layout.addRow(self.tr("Nom du compte"), self.name_edit)
            layout.addRow(self.tr("Nom affiché"), self.display_edit)
            layout.addRow(self.tr("Rôle"), self.role_combo)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addRow(self.tr("Mot de passe"), self.password_edit)
        layout.addRow(self.tr("Confirmation"), self.confirm_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Valider"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def role(self) -> Role:
        """Return the chosen role."""
        return Role(self.role_combo.currentData())

    def password(self) -> str:
        """Return the password, refused in French when the two entries differ."""
        if self.password_edit.text() != self.confirm_edit.text():
            raise UserError("Les deux mots de passe saisis diffèrent : rien n'a été modifié.")
        return self.password_edit.text()


class AccountsDialog(QDialog):
    """Lists the accounts of the database; every change goes through the accounts service."""

    HEADERS = ("Compte", "Nom affiché", "Rôle", "État", "Créé le")

    def __init__(self, store: Store, session: Session, parent: QWidget | None = None) -> None:
        """Show the accounts of ``store`` to an administrator's ``session``."""
        super().__init__(parent)
        self.store = store
        self.session = session
        self.setWindowTitle(self.tr("Comptes"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        self.model = RowsModel([self.tr(h) for h in self.HEADERS], self)
        self.view = QTableView(self)
        self.view.setModel(sorted_proxy(self.model, self))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Ajouter…"), self)
        self.disable_button = QPushButton(self.tr("Désactiver"), self)
        self.enable_button = QPushButton(self.tr("Réactiver"), self)
        self.password_button = QPushButton(self.tr("Réinitialiser le mot de passe…"), self)
        close = QPushButton(self.tr("Fermer"), self)
        for button in (self.add_button, self.disable_button, self.enable_button):
            row.addWidget(button)
        row.addWidget(self.password_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.disable_button.clicked.connect(self._on_disable_button_clicked)
        self.enable_button.clicked.connect(self._on_enable_button_clicked)
        self.password_button.clicked.connect(self._on_password_button_clicked)
        close.clicked.connect(self.accept)
        self.refresh()

    def refresh(self) -> None:
        """Reread the accounts."""
        try:
            found = accounts.list_accounts(self.store, self.session)
        except UserError as exc:
            self.message_label.setText(str(exc))
            found = []
        self.model.set_rows(
            [
                Row(
                    (
                        a.name,
                        a.display_name,
                        a.role.label,
                        a.state,
                        french_date(_day(a.created_at)),
                    ),
                    (a.name, a.display_name, a.role.value, a.state, a.created_at),
                    payload=a.name,
                )
                for a in found
            ]
        )

    def selected_name(self) -> str | None:
        """Return the name of the selected account, or None."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return rows[0].siblingAtColumn(0).data(PAYLOAD_ROLE)

    def select(self, name: str) -> None:
        """Select an account by name."""
        view_model = self.view.model()
        for r in range(view_model.rowCount()):
            if view_model.index(r, 0).data(PAYLOAD_ROLE) == name:
                self.view.selectRow(r)
                return

    def add_account(self, form: AccountForm) -> bool:
        """Create the account described by ``form``; return True when created."""
        try:
            added = accounts.add_account(
                self.store,
                self.session,
                form.name_edit.text(),
                form.role(),
                form.password(),
                form.display_edit.text(),
            )
        except UserError as exc:
            show_error(self, self.tr("Comptes"), exc)
            return False
        self.refresh()
        self.select(added.name)
        self.message_label.setText(self.tr("Compte « {n} » créé.").format(n=added.name))
        return True

    def _change(self, change: object, done: str) -> None:
        name = self.selected_name()
        if name is None:
            return
        try:
            change(self.store, self.session, name)  # type: ignore[operator]
        except UserError as exc:
            show_error(self, self.tr("Comptes"), exc)
            return
        self.refresh()
        self.select(name)
        self.message_label.setText(done.format(n=name))

    @Slot()
    def _on_add_button_clicked(self) -> None:
        form = AccountForm(self.tr("Nouveau compte"), True, self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self.add_account(form)

    @Slot()
    def _on_disable_button_clicked(self) -> None:
        self._change(accounts.disable_account, self.tr("Compte « {n} » désactivé."))

    @Slot()
    def _on_enable_button_clicked(self) -> None:
        self._change(accounts.enable_account, self.tr("Compte « {n} » réactivé."))

    @Slot()
    def _on_password_button_clicked(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        form = AccountForm(self.tr("Nouveau mot de passe de {n}").format(n=name), False, self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            password = form.password()
        except UserError as exc:
            show_error(self, self.tr("Comptes"), exc)
            return
        self._change(
            lambda store, session, n: accounts.reset_password(store, session, n, password),
            self.tr("Mot de passe de « {n} » modifié ; le compte est déverrouillé."),
        )


def _day(iso: str):  # type: ignore[no-untyped-def]
    from datetime import date

    return date.fromisoformat(iso[:10])
