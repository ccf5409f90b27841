"""The *Sauvegardes* dialog (menu Fichier): list the backups, take one, restore one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from housingmatch.domain.session import Session
from housingmatch.gui.jobs import JobRunner, show_error
from housingmatch.services import backups
from housingmatch.services.background import backup_work


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} Mo" if size >= 1024 * 1024 else f"{size / 1024:.0f} Ko"


class BackupsDialog(QDialog):
    """Lists the backups of the open base; restores one after confirmation.

    ``restore`` is the main window's callback that closes the base, restores the chosen file
    and reopens the base; it returns whether the restore happened.
    """

    def __init__(
        self,
        db_path: Path,
        session: Session,
        jobs: JobRunner,
        restore: Callable[[Path], bool],
        parent: QWidget | None = None,
    ) -> None:
        """Build the dialog over the backups of ``db_path``, for the person signed in."""
        super().__init__(parent)
        self.setObjectName("backups_dialog")
        self.setWindowTitle(self.tr("Sauvegardes"))
        self.resize(760, 420)
        self.db_path = db_path
        self.session = session
        self.jobs = jobs
        self._restore = restore
        self.found: list[backups.BackupFile] = []

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("backups_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Type"), self.tr("Taille"), self.tr("Fichier")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.backup_button = QPushButton(self.tr("Sauvegarder &maintenant"), self)
        self.backup_button.setObjectName("backup_button")
        self.restore_button = QPushButton(self.tr("&Restaurer…"), self)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

        self.backup_button.clicked.connect(self._on_backup_button_clicked)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.reload()

    def reload(self) -> None:
        """Read the backup folder again (a directory listing: fast, on the GUI thread)."""
        self.found = backups.list_backups(self.db_path, self.session)
        policy = backups.BackupPolicy.from_env()
        self.intro.setText(
            self.tr(
                "Une sauvegarde automatique est prise à la première modification de chaque jour "
                "({0} quotidiennes et {1} hebdomadaires gardées) ; chaque sauvegarde est "
                "vérifiée. Restaurer remplace la base ouverte ; la base actuelle est gardée à côté."
            ).format(policy.daily, policy.weekly)
        )
        self.table.setRowCount(len(self.found))
        for i, b in enumerate(self.found):
            kind = self.tr("automatique") if b.kind == "auto" else self.tr("à la demande")
            cells = (b.taken_at.strftime("%d/%m/%Y %H:%M:%S"), kind, _size(b.size), str(b.path))
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        if self.found:
            self.table.selectRow(0)
        self._on_table_selection_changed()

    def selected(self) -> backups.BackupFile | None:
        """Return the backup chosen in the table, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.found[rows[0].row()] if rows else None

    @Slot()
    def _on_table_selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    @Slot()
    def _on_backup_button_clicked(self) -> None:
        self.backup_button.setEnabled(False)
        self.jobs.start(
            self.tr("Sauvegarde"),
            backup_work,
            self.db_path,
            self.session,
            on_done=self._on_backup_done,
            on_failed=self._on_backup_failed,
        )

    def _on_backup_done(self, result: backups.BackupFile) -> None:
        self.backup_button.setEnabled(True)
        self.reload()

    def _on_backup_failed(self, error: BaseException) -> None:
        self.backup_button.setEnabled(True)
        show_error(self, self.tr("Sauvegarde"), error)

    def confirm_restore(self, chosen: backups.BackupFile) -> bool:
        """Ask the user to confirm replacing the base by ``chosen``."""
        answer = QMessageBox.question(
            self,
            self.tr("Restaurer une sauvegarde"),
            self.tr(
                "Remplacer la base ouverte par la sauvegarde du {0} ?\n\n"
                "Les modifications faites depuis seront retirées de la base ; la base actuelle "
                "est gardée à côté sous un autre nom."
            ).format(chosen.taken_at.strftime("%d/%m/%Y à %H:%M")),
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def _on_restore_button_clicked(self) -> None:
        chosen = self.selected()
        if chosen is None or not self.confirm_restore(chosen):
            return
        if self._restore(chosen.path):
            self.accept()


def offer_latest_backup(parent: QWidget | None, db_path: Path, session: Session) -> bool:
    """For a base failing its check: offer the latest good backup; return True if restored."""
    good = backups.latest_good_backup(db_path)
    if good is None:
        QMessageBox.critical(
            parent,
            "HousingMatch",
            QDialog.tr(
                "La base « {0} » est endommagée et aucune sauvegarde valide n'a été trouvée : "
                "elle n'a pas été ouverte."
            ).format(db_path),
        )
        return False
    answer = QMessageBox.question(
        parent,
        "HousingMatch",
        QDialog.tr(
            "La base « {0} » est endommagée : elle n'a pas été ouverte.\n\n"
            "Restaurer la dernière sauvegarde valide, du {1} ? La base endommagée est gardée à "
            "côté."
        ).format(db_path, good.taken_at.strftime("%d/%m/%Y à %H:%M")),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        backups.restore(db_path, session, good.path)
    except Exception as exc:
        show_error(parent, "HousingMatch", exc)
        return False
    return True
