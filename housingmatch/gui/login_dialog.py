"""Who is working: the sign-in dialog shown when the database has accounts."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from housingmatch.domain.session import Session
from housingmatch.errors import UserError
from housingmatch.gui.jobs import Job, JobRunner, error_text
from housingmatch.services import local_session
from housingmatch.services.accounts import authenticate, has_accounts
from housingmatch.services.background import authenticate_work
from housingmatch.services.database import Store
from housingmatch.services.demo import DEMO_ACCOUNTS


class LoginDialog(QDialog):
    """Asks for an account name and password; stays open with a French message until right.

    ``session`` holds the signed-in session once the dialog is accepted; *Quitter* rejects it.
    The password is checked in a background job (Argon2id takes about half a second).

    Signals:
        attempted(ok): a check finished, signed in (True) or refused (False).
    """

    attempted = Signal(bool)

    def __init__(self, store: Store, parent: QWidget | None = None, demo_hint: bool = False):
        """Build the form for ``store``; ``demo_hint`` lists the demonstration accounts."""
        super().__init__(parent)
        self.store = store
        self.session: Session | None = None
        # A pool of its own: quitting waits for this check only, not for the window's jobs.
        self.jobs = JobRunner(self, QThreadPool(self))
        self.job: Job | None = None
        self.setWindowTitle(self.tr("HousingMatch — connexion"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Cette base est protégée : indiquez qui travaille."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name_edit")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Nom d'utilisateur"), self.name_edit)
        form.addRow(self.tr("&Mot de passe"), self.password_edit)
        layout.addLayout(form)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #c0392b;")
        layout.addWidget(self.message_label)
        if demo_hint:
            accounts = ", ".join(
                f"{a.name} / {a.password} ({a.role.label.lower()})" for a in DEMO_ACCOUNTS
            )
            hint = QLabel(self.tr("Comptes de démonstration : {a}").format(a=accounts), self)
            hint.setWordWrap(True)
            layout.addWidget(hint)
        self.buttons = QDialogButtonBox(self)
        self.login_button = self.buttons.addButton(
            self.tr("Se connecter"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.quit_button = self.buttons.addButton(
            self.tr("Quitter"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.login_button.setDefault(True)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def try_login(self) -> Job | None:
        """Check the name and password; accept on success, else say why in French.

        Return the background job checking them (None when checked at once: in-memory base).
        """
        name, password = self.name_edit.text(), self.password_edit.text()
        if self.store.path is None:
            try:
                self._on_signed_in(authenticate(self.store, name, password))
            except UserError as exc:
                self._on_refused(exc)
            return None
        self.login_button.setEnabled(False)
        self.message_label.setStyleSheet("")
        self.message_label.setText(self.tr("Vérification du mot de passe…"))
        self.job = self.jobs.start(
            self.tr("Connexion"),
            authenticate_work,
            self.store.path,
            name,
            password,
            on_done=self._on_signed_in,
            on_failed=self._on_refused,
            show_progress=False,
        )
        return self.job

    def _on_signed_in(self, session: Session) -> None:
        self.session = session
        self.message_label.setText("")
        self.login_button.setEnabled(True)
        self.attempted.emit(True)
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        self.message_label.setStyleSheet("color: #c0392b;")
        self.message_label.setText(error_text(error))
        self.password_edit.clear()
        self.password_edit.setFocus()
        self.login_button.setEnabled(True)
        self.attempted.emit(False)

    def reject(self) -> None:
        """Quit: wait for a check still running, then close without a session."""
        self.jobs.wait()
        super().reject()

    @Slot()
    def _on_buttons_accepted(self) -> None:
        self.try_login()


def ask_session(
    store: Store, parent: QWidget | None = None, demo_hint: bool = False
) -> Session | None:
    """Return who works on ``store``: the local session without accounts, else ask (None: quit)."""
    if not has_accounts(store):
        return local_session()
    dialog = LoginDialog(store, parent, demo_hint)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.session
