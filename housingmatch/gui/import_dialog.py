"""Import a file from the GUI: preview (header mapping, per-row errors), then a background import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QMessageBox, QWidget

from housingmatch.domain.session import Session
from housingmatch.gui.forms.ui_import_dialog import Ui_ImportDialog
from housingmatch.gui.jobs import Job, JobRunner, error_text
from housingmatch.gui.models import Row, RowsModel, sorted_proxy
from housingmatch.services.background import import_work, preview_work
from housingmatch.services.database import Store


class ImportDialog(QDialog):
    """Shows what an import would do, and runs it when the user confirms.

    Signals:
        previewed(preview): the file was read and checked.
        imported(report): the import ran (written or refused).
    """

    previewed = Signal(object)
    imported = Signal(object)

    def __init__(
        self,
        store: Store,
        session: Session,
        jobs: JobRunner,
        kind: str,
        path: Path,
        parent: QWidget | None = None,
    ) -> None:
        """Start reading ``path`` as a file of ``kind`` ("demandes" or "logements")."""
        super().__init__(parent)
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        self.store = store
        self.session = session
        self.jobs = jobs
        self.kind = kind
        self.path = path
        self.preview: Any = None
        self.report: Any = None
        self.job: Job | None = None
        what = self.tr("demandes") if kind == "demandes" else self.tr("logements")
        self.setWindowTitle(
            self.tr("Importer des {what} — {name}").format(what=what, name=path.name)
        )
        self.import_button = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Importer"))
        self.import_button.setEnabled(False)
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Fermer"))
        self.mapping_model = RowsModel(
            [self.tr("En-tête du fichier"), self.tr("Colonne du modèle"), self.tr("Confiance")],
            self,
            right_aligned=(2,),
        )
        self.errors_model = RowsModel(
            [self.tr("Ligne"), self.tr("Colonne"), self.tr("Valeur"), self.tr("Problème")],
            self,
            right_aligned=(0,),
        )
        self.ui.mapping_view.setModel(sorted_proxy(self.mapping_model, self))
        self.ui.errors_view.setModel(sorted_proxy(self.errors_model, self))
        for view in (self.ui.mapping_view, self.ui.errors_view):
            view.verticalHeader().hide()
            view.horizontalHeader().setStretchLastSection(True)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.ui.splitter.setSizes([420, 680])
        self.ui.button_box.accepted.connect(self._on_button_box_accepted)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.partial_check.toggled.connect(self._on_partial_check_toggled)
        self.start_preview()

    def start_preview(self) -> Job:
        """Read and check the file in the background."""
        self.job = self.jobs.start(
            self.tr("Lecture du fichier"),
            preview_work,
            None,
            self.session,
            self.kind,
            self.path,
            on_done=self.show_preview,
            on_failed=lambda exc: self.ui.summary_label.setText(error_text(exc)),
        )
        return self.job

    def show_preview(self, preview: Any) -> None:
        """Show the header mapping and the errors of a preview."""
        self.preview = preview
        self.mapping_model.set_rows(
            [
                Row((m.header, m.column, f"{round(m.score)} %"), (m.header, m.column, m.score))
                for m in preview.mapping
            ]
            + [Row((h, self.tr("(ignorée)"), ""), (h, "~", -1.0)) for h in preview.unknown_headers]
        )
        self.errors_model.set_rows(
            [
                Row(
                    (str(e.line), e.column, e.value, e.message),
                    (e.line, e.column, e.value, e.message),
                )
                for e in preview.errors
            ]
        )
        notes = []
        if preview.missing_columns:
            notes.append(
                self.tr("Colonnes obligatoires absentes : {c}.").format(
                    c=", ".join(preview.missing_columns)
                )
            )
        if preview.unknown_headers:
            notes.append(
                self.tr("En-têtes non reconnus (ignorés) : {h}.").format(
                    h=", ".join(preview.unknown_headers)
                )
            )
        if preview.readings:
            notes.append(
                self.tr("À vérifier, communes lues approximativement : {r}.").format(
                    r=" ; ".join(preview.readings)
                )
            )
        self.ui.columns_label.setText(" ".join(notes))
        self.ui.summary_label.setText(
            self.tr("{read} : {valid}, {bad}. Rien n'a encore été écrit dans la base.").format(
                read=self.tr("%n ligne(s) lue(s)", "", preview.total_rows),
                valid=self.tr("%n valide(s)", "", preview.valid_rows),
                bad=self.tr("%n erreur(s)", "", len(preview.errors)),
            )
        )
        self._update_import_button()
        self.previewed.emit(preview)

    def _update_import_button(self) -> None:
        p = self.preview
        ok = (
            p is not None
            and p.can_import
            and p.valid_rows > 0
            and (not p.errors or self.ui.partial_check.isChecked())
        )
        self.import_button.setEnabled(bool(ok))

    def start_import(self) -> Job | None:
        """Run the import in the background (all or nothing unless partial is checked)."""
        if self.store.path is None:
            return None
        self.import_button.setEnabled(False)
        self.ui.summary_label.setText(self.tr("Import en cours…"))
        self.job = self.jobs.start(
            self.tr("Import du fichier"),
            import_work,
            self.store.path,
            self.session,
            self.kind,
            self.path,
            self.ui.partial_check.isChecked(),
            on_done=self._on_import_done,
            on_cancelled=self._on_import_cancelled,
            on_failed=self._on_import_failed,
        )
        return self.job

    def _on_import_cancelled(self) -> None:
        self.ui.summary_label.setText(self.tr("Import annulé : rien n'a été écrit."))
        self._update_import_button()

    def _on_import_failed(self, error: BaseException) -> None:
        # The error box comes from the job runner; the dialog must not stay "en cours".
        self.ui.summary_label.setText(error_text(error))
        self._update_import_button()

    def _on_import_done(self, report: Any) -> None:
        self.report = report
        self.ui.summary_label.setText(report.summary())
        self.imported.emit(report)
        if report.written:
            QMessageBox.information(self, self.tr("Import terminé"), report.summary())
            self.accept()

    @Slot()
    def _on_button_box_accepted(self) -> None:
        self.start_import()

    @Slot(bool)
    def _on_partial_check_toggled(self, _checked: bool) -> None:
        self._update_import_button()
