"""The passphrase of a base encrypted at rest (a forum laptop), asked when the window opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from housingmatch.gui.jobs import Job, JobRunner, error_text
from housingmatch.services.background import unlock_work
from housingmatch.services.database import is_encrypted


class PassphraseDialog(QDialog):
    """Asks the passphrase of an encrypted base; stays open with a French message until right.

    The passphrase is checked in a background job (SQLCipher's key derivation takes about half
    a second); once accepted, the base opens by its path in this process.

    Signals:
        attempted(ok): a check finished, right (True) or wrong (False).
    """

    attempted = Signal(bool)

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        """Build the form for the base at ``db_path``."""
        super().__init__(parent)
        self.db_path = db_path
        self.jobs = JobRunner(self, QThreadPool(self))
        self.job: Job | None = None
        self.setWindowTitle(self.tr("HousingMatch — base chiffrée"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("La base « {name} » est chiffrée : indiquez sa phrase secrète.").format(
                name=db_path.name
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.passphrase_edit = QLineEdit(self)
        self.passphrase_edit.setObjectName("passphrase_edit")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.passphrase_edit)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("message_label")
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        self.buttons = QDialogButtonBox(self)
        self.open_button = self.buttons.addButton(
            self.tr("Ouvrir"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.quit_button = self.buttons.addButton(
            self.tr("Quitter"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.open_button.setDefault(True)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def try_unlock(self) -> Job:
        """Check the passphrase typed; accept when it opens the base, else say why."""
        self.open_button.setEnabled(False)
        self.message_label.setStyleSheet("")
        self.message_label.setText(self.tr("Déchiffrement de la base…"))
        self.job = self.jobs.start(
            self.tr("Déchiffrement"),
            unlock_work,
            self.db_path,
            self.passphrase_edit.text(),
            on_done=self._on_unlocked,
            on_failed=self._on_refused,
            show_progress=False,
        )
        return self.job

    def _on_unlocked(self, _ok: object) -> None:
        self.message_label.setText("")
        self.open_button.setEnabled(True)
        self.attempted.emit(True)
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        self.message_label.setStyleSheet("color: #c0392b;")
        self.message_label.setText(error_text(error))
        self.passphrase_edit.clear()
        self.passphrase_edit.setFocus()
        self.open_button.setEnabled(True)
        self.attempted.emit(False)

    def reject(self) -> None:
        """Quit: wait for a check still running, then close."""
        self.jobs.wait()
        super().reject()

    @Slot()
    def _on_buttons_accepted(self) -> None:
        self.try_unlock()


def unlock_if_encrypted(db_path: Path, parent: QWidget | None = None) -> bool:
    """Ask the passphrase of an encrypted base (True: it opens now); a plain base is True."""
    if not is_encrypted(db_path):
        return True
    return PassphraseDialog(db_path, parent).exec() == QDialog.DialogCode.Accepted
