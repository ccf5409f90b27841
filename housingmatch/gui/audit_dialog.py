"""The audit screen: entries filtered by person, record, action and period; verify; checkpoints.

Reading the entries and verifying run as background jobs (the log of a large database has
hundreds of thousands of entries); the window stays responsive and the job can be cancelled
from the status bar.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from housingmatch.domain.session import Session
from housingmatch.gui.formats import french_int
from housingmatch.gui.jobs import JobRunner
from housingmatch.gui.models import Row, RowsModel, sorted_proxy
from housingmatch.services import audit
from housingmatch.services.audit import AuditFilter, AuditRow, VerifyReport

if TYPE_CHECKING:
    from housingmatch.store import Store

ENTITIES = ("demande", "logement", "proposition", "regles", "journal", "reference")


class AuditEntriesModel(RowsModel):
    """The audit entries as a table: number, time, person, action, record, what changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """Create an empty table."""
        super().__init__(
            [
                self.tr("N°"),
                self.tr("Date"),
                self.tr("Personne"),
                self.tr("Action"),
                self.tr("Type"),
                self.tr("Dossier"),
                self.tr("Détail"),
            ],
            parent,
            right_aligned=(0,),
        )

    def set_entries(self, entries: Sequence[AuditRow]) -> None:
        """Show these entries."""
        self.set_rows(
            [
                Row(
                    (
                        str(e.id),
                        e.at.replace("T", " ")[:19],
                        e.actor,
                        e.action,
                        e.entity,
                        e.ref,
                        e.summary,
                    ),
                    (e.id, e.at, e.actor, e.action, e.entity, e.ref, e.summary),
                    e,
                )
                for e in entries
            ]
        )


class AuditDialog(QDialog):
    """Browse the audit log, verify the database, see the checkpoints.

    Signals:
        entries_loaded(count): the filtered entries are shown.
        verified(report): a verification finished (a VerifyReport).
    """

    entries_loaded = Signal(int)
    verified = Signal(object)

    def __init__(
        self, store: Store, jobs: JobRunner, session: Session, parent: QWidget | None = None
    ) -> None:
        """Build the screen over the window's store (jobs open their own from its path)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Journal d'audit"))
        self.resize(1100, 700)
        assert store.path is not None
        self.store = store
        self.db_path = store.path
        self.jobs = jobs
        self.session = session
        self.checkpoint_path: Path | None = None

        self.actor_edit = QLineEdit(self)
        self.actor_edit.setPlaceholderText(self.tr("toutes"))
        self.ref_edit = QLineEdit(self)
        self.ref_edit.setPlaceholderText(self.tr("tous (référence exacte)"))
        self.entity_combo = QComboBox(self)
        self.entity_combo.addItem(self.tr("Tous"), None)
        for entity in ENTITIES:
            self.entity_combo.addItem(entity, entity)
        self.action_combo = QComboBox(self)
        self.period_check = QCheckBox(self.tr("Période du"), self)
        self.since_edit = QDateEdit(QDate.currentDate().addMonths(-1), self)
        self.until_edit = QDateEdit(QDate.currentDate(), self)
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.filter_button = QPushButton(self.tr("Filtrer"), self)
        self.filter_button.setDefault(True)

        filters = QFormLayout()
        filters.addRow(self.tr("Personne"), self.actor_edit)
        filters.addRow(self.tr("Dossier"), self.ref_edit)
        kind = QHBoxLayout()
        kind.addWidget(self.entity_combo)
        kind.addWidget(QLabel(self.tr("Action"), self))
        kind.addWidget(self.action_combo, 1)
        filters.addRow(self.tr("Type"), kind)
        period = QHBoxLayout()
        period.addWidget(self.period_check)
        period.addWidget(self.since_edit)
        period.addWidget(QLabel(self.tr("au"), self))
        period.addWidget(self.until_edit)
        period.addStretch(1)
        period.addWidget(self.filter_button)
        filters.addRow("", period)

        self.model = AuditEntriesModel(self)
        self.proxy = sorted_proxy(self.model, self)
        self.table = QTableView(self)
        self.table.setObjectName("audit_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Fixed widths: sizing to contents would read every row of a large log.
        for column, width in enumerate((70, 150, 120, 110, 90, 190)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.count_label = QLabel(self)

        entries_box = QGroupBox(self.tr("Entrées"), self)
        entries_layout = QVBoxLayout(entries_box)
        entries_layout.addLayout(filters)
        entries_layout.addWidget(self.table, 1)
        entries_layout.addWidget(self.count_label)

        self.verify_button = QPushButton(self.tr("Vérifier la base"), self)
        self.checkpoint_button = QPushButton(self.tr("Avec un point de contrôle…"), self)
        self.result_label = QLabel(self.tr("Pas encore vérifiée."), self)
        self.result_label.setWordWrap(True)
        self.result_label.setObjectName("verify_result")
        self.result_label.setMinimumHeight(3 * self.fontMetrics().height())
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.findings_list = QListWidget(self)
        self.findings_list.setWordWrap(True)
        verify_box = QGroupBox(self.tr("Vérification"), self)
        verify_layout = QVBoxLayout(verify_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.checkpoint_button)
        buttons.addStretch(1)
        verify_layout.addLayout(buttons)
        verify_layout.addWidget(self.result_label)
        verify_layout.addWidget(self.findings_list, 1)

        self.checkpoints_model = RowsModel(
            [
                self.tr("N°"),
                self.tr("Entrée"),
                self.tr("Date"),
                self.tr("Signé par"),
                self.tr("Empreinte"),
            ],
            self,
            right_aligned=(0, 1),
        )
        self.checkpoints_table = QTableView(self)
        self.checkpoints_table.setModel(self.checkpoints_model)
        self.checkpoints_table.verticalHeader().hide()
        self.checkpoints_table.horizontalHeader().setStretchLastSection(True)
        self.checkpoints_table.setWordWrap(False)
        for column, width in enumerate((40, 70, 150, 110)):
            self.checkpoints_table.horizontalHeader().resizeSection(column, width)
        checkpoints_box = QGroupBox(self.tr("Points de contrôle signés"), self)
        QVBoxLayout(checkpoints_box).addWidget(self.checkpoints_table)

        lower = QHBoxLayout()
        lower.addWidget(verify_box, 3)
        lower.addWidget(checkpoints_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(entries_box, 3)
        layout.addLayout(lower, 2)

        self.filter_button.clicked.connect(self._on_filter_button_clicked)
        self.ref_edit.returnPressed.connect(self._on_filter_button_clicked)
        self.actor_edit.returnPressed.connect(self._on_filter_button_clicked)
        self.verify_button.clicked.connect(self._on_verify_button_clicked)
        self.checkpoint_button.clicked.connect(self._on_checkpoint_button_clicked)
        self.period_check.toggled.connect(self._on_period_check_toggled)
        self._on_period_check_toggled(False)
        self._busy_entries = False

    # -- public ----------------------------------------------------------------------------
    def load(self) -> None:
        """Fill the filter choices and the checkpoints, then read the entries."""
        self._load_choices()
        self.reload_entries()

    def current_filter(self) -> AuditFilter:
        """Return the filter the controls describe."""
        period = self.period_check.isChecked()
        return AuditFilter(
            actor=self.actor_edit.text().strip() or None,
            entity=self.entity_combo.currentData(),
            ref=self.ref_edit.text().strip() or None,
            action=self.action_combo.currentData(),
            since=self.since_edit.date().toPython() if period else None,  # type: ignore[arg-type]
            until=self.until_edit.date().toPython() if period else None,  # type: ignore[arg-type]
        )

    def reload_entries(self) -> None:
        """Read the entries matching the filter in the background."""
        self.filter_button.setEnabled(False)
        self.count_label.setText(self.tr("Lecture du journal…"))
        self.jobs.start(
            self.tr("Lecture du journal d'audit"),
            audit.audit_rows_work,
            self.db_path,
            self.session,
            self.current_filter(),
            on_done=self._on_entries_read,
            on_cancelled=self._on_entries_failed,
            on_failed=lambda _e: self._on_entries_failed(),
        )

    def verify(self, checkpoint_path: Path | None = None) -> None:
        """Verify the database in the background (against a checkpoint file when given)."""
        self.verify_button.setEnabled(False)
        self.checkpoint_button.setEnabled(False)
        self.result_label.setText(self.tr("Vérification en cours…"))
        self.findings_list.clear()
        self.jobs.start(
            self.tr("Vérification de la base"),
            audit.verify_work,
            self.db_path,
            self.session,
            checkpoint_path,
            on_done=self._on_verified,
            on_cancelled=self._on_verify_stopped,
            on_failed=lambda _e: self._on_verify_stopped(),
        )

    # -- internals ---------------------------------------------------------------------------
    def _load_choices(self) -> None:
        actors, actions = audit.audit_choices(self.store, self.session)
        checkpoints = audit.list_checkpoints(self.store, self.session)
        self.action_combo.clear()
        self.action_combo.addItem(self.tr("Toutes"), None)
        for action in actions:
            self.action_combo.addItem(action, action)
        self.actor_edit.setToolTip(", ".join(actors))
        self.checkpoints_model.set_rows(
            [
                Row(
                    (
                        str(c.id),
                        str(c.entry_id),
                        c.at.replace("T", " ")[:19],
                        c.signer,
                        c.head_hash[:16] + "…",
                    ),
                    (c.id, c.entry_id, c.at, c.signer, c.head_hash),
                    c,
                )
                for c in checkpoints
            ]
        )

    def _on_entries_read(self, rows: list[AuditRow]) -> None:
        self.model.set_entries(rows)
        self.filter_button.setEnabled(True)
        self.count_label.setText(self.tr("%1 entrée(s)").replace("%1", french_int(len(rows))))
        self.entries_loaded.emit(len(rows))

    def _on_entries_failed(self) -> None:
        self.filter_button.setEnabled(True)
        self.count_label.setText(self.tr("Lecture interrompue."))

    def _on_verified(self, report: VerifyReport) -> None:
        self.verify_button.setEnabled(True)
        self.checkpoint_button.setEnabled(True)
        text = report.summary()
        if report.first_broken_link is not None:
            text += " " + self.tr("Premier maillon rompu : entrée %1.").replace(
                "%1", str(report.first_broken_link)
            )
        self.result_label.setText(text)
        color = "#1b5e20" if report.ok else "#b71c1c"
        self.result_label.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.findings_list.clear()
        self.findings_list.addItems([f.message for f in report.findings])
        self.verified.emit(report)

    def _on_verify_stopped(self) -> None:
        self.verify_button.setEnabled(True)
        self.checkpoint_button.setEnabled(True)
        self.result_label.setText(self.tr("Vérification interrompue."))

    @Slot()
    def _on_filter_button_clicked(self) -> None:
        self.reload_entries()

    @Slot()
    def _on_verify_button_clicked(self) -> None:
        self.verify()

    @Slot()
    def _on_checkpoint_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Point de contrôle exporté"), "", self.tr("Point de contrôle (*.json)")
        )
        if path:
            self.verify(Path(path))

    @Slot(bool)
    def _on_period_check_toggled(self, checked: bool) -> None:
        self.since_edit.setEnabled(checked)
        self.until_edit.setEnabled(checked)
