"""What the request and unit editors share: never losing unsaved changes silently."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QMessageBox


class RecordDialog(QDialog):
    """An editor dialog that asks before closing with unsaved changes.

    Subclasses set ``self._dirty`` when a field changes, implement :meth:`save` (return
    True when saved) and give the question asked on close in :meth:`unsaved_question`.
    """

    _dirty = False

    def save(self) -> bool:
        """Validate and save the record; return True on success."""
        raise NotImplementedError

    def unsaved_question(self) -> str:
        """Return the question asked when closing with unsaved changes."""
        raise NotImplementedError

    def confirm_discard(self) -> bool:
        """Ask what to do with unsaved changes; return True if the dialog may close."""
        if not self._dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Modifications non enregistrées"),
            self.unsaved_question(),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        """Close without saving, after asking if something was changed."""
        if self.confirm_discard() and self.result() != QDialog.DialogCode.Accepted:
            self._dirty = False
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask before closing with unsaved changes."""
        if self._dirty and not self.confirm_discard():
            event.ignore()
            return
        event.accept()
