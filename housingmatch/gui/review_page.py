"""The *Contrôle* workspace (supervisors): every proposal of a period with its flags, filters,
one proposal's ranking of the day beside the choice, the sign-off, and the audit report."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from housingmatch.domain.review import (
    ReviewDetail,
    ReviewFilter,
    ReviewFlag,
    ReviewRow,
    SignOff,
    Verdict,
)
from housingmatch.domain.session import Session
from housingmatch.gui.communes import commune_name
from housingmatch.gui.delegates import BadgesDelegate
from housingmatch.gui.formats import edited_date, french_int, to_qdate
from housingmatch.gui.jobs import Job, JobRunner, show_error
from housingmatch.gui.models import PAYLOAD_ROLE
from housingmatch.gui.review_detail import ReviewDetailPanel, SignOffDialog
from housingmatch.gui.review_models import (
    COL_FLAGS,
    COL_GROUPS,
    COL_UNIT,
    ReviewProxyModel,
    needs_review,
    proposals_model,
    review_rows,
)
from housingmatch.rules.permissions import Action, allowed
from housingmatch.services import background, local_session
from housingmatch.services import review as svc
from housingmatch.services.database import Store

# Reload the table this long after the last filter change (several changed in a row).
_FILTER_DELAY_MS = 250


@dataclass(frozen=True, slots=True)
class ReportFiles:
    """Where the audit report goes."""

    pdf: Path
    xlsx: Path


def _choices(value: dict[str, list[str]], name: str) -> list[str]:
    """Return one list of filter values from what ``review_choices`` gave."""
    return [str(v) for v in value.get(name, ()) or ()]


class ReviewPage(QWidget):
    """Review the proposals of a period: flags, ranking of the day, replay, sign-off, report.

    Signals:
        rows_loaded(count): the proposals of the period were read (``count`` of them).
        rows_filtered(count): the table shows ``count`` proposals (after the other filters).
        detail_shown(proposal_id): one proposal's review is shown (0: none).
        signed(proposal_id): a sign-off was recorded.
        report_written(files): the audit report was written (a :class:`ReportFiles`).
    """

    rows_loaded = Signal(int)
    rows_filtered = Signal(int)
    detail_shown = Signal(int)
    signed = Signal(int)
    report_written = Signal(object)

    def __init__(self, jobs: JobRunner, parent: QWidget | None = None) -> None:
        """Build the filters, the table, the detail panel and the buttons."""
        super().__init__(parent)
        self.jobs = jobs
        self.store: Store | None = None
        self.session: Session = local_session()
        self.rows: list[ReviewRow] = []
        self.sign_off_dialog: SignOffDialog | None = None
        self._stale = True
        self._generation = 0
        self._load_job: Job | None = None
        self._report_job: Job | None = None
        self._filling = False
        self._detail_generation = 0

        heading = QLabel(self.tr("Contrôle des propositions"), self)
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.report_button = QPushButton(self.tr("Rapport d'audit…"), self)
        self.report_button.setToolTip(
            self.tr(
                "PDF à signer et classeur XLSX de la période : écarts, décisions, refus, "
                "rejeux, contrôles et vérification du journal."
            )
        )
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.report_button)

        year = date.today().year
        self.start_edit = QDateEdit(to_qdate(date(year, 1, 1)), self)
        self.end_edit = QDateEdit(to_qdate(date(year, 12, 31)), self)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.advisor_combo = self._combo()
        self.landlord_combo = self._combo()
        self.commune_combo = self._combo()
        self.flag_combo = self._combo()
        self.group_combo = self._combo()
        for kind in ReviewFlag:
            self.flag_combo.addItem(kind.label, kind)
        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("Du"), self.start_edit),
            (self.tr("au"), self.end_edit),
            (self.tr("Conseiller"), self.advisor_combo),
            (self.tr("Bailleur"), self.landlord_combo),
            (self.tr("Commune"), self.commune_combo),
            (self.tr("Écart"), self.flag_combo),
            (self.tr("Groupe"), self.group_combo),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("review_count")

        self.model = proposals_model(self)
        self.proxy = ReviewProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("review_table")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_FLAGS, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.view.setItemDelegateForColumn(COL_GROUPS, BadgesDelegate(self.view))

        self.detail = ReviewDetailPanel(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 560])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.count_label)
        layout.addWidget(self.splitter, 1)

        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(_FILTER_DELAY_MS)
        self.filter_timer.timeout.connect(self.reload)
        for edit in (self.start_edit, self.end_edit):
            edit.dateChanged.connect(self._on_filter_changed)
        for combo in self._combos():
            combo.currentIndexChanged.connect(self._on_combo_changed)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.detail.sign_off_requested.connect(self.open_sign_off)
        self.report_button.clicked.connect(self._on_report_button_clicked)

    def _combo(self) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(self.tr("Tous"), None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMinimumContentsLength(8)
        return combo

    def _combos(self) -> tuple[QComboBox, ...]:
        return (
            self.advisor_combo,
            self.landlord_combo,
            self.commune_combo,
            self.flag_combo,
            self.group_combo,
        )

    # -- data ----------------------------------------------------------------------------------
    def set_store(self, store: Store, session: Session) -> None:
        """Review the proposals of a database, for the person signed in (read when shown)."""
        self.store = store
        self.session = session
        self.rows = []
        self.model.set_rows([])
        self.detail.show_detail(None)
        self.detail.allow_sign(allowed(session, Action.REVIEW_SIGN_OFF))
        self.count_label.setText("")
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Read the proposals the first time the workspace is shown after a change."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> Job | None:
        """Fill the filter choices again, then reload the table."""
        if self.store is None or not allowed(self.session, Action.REVIEW_READ):
            return None
        self._stale = False
        try:
            choices = svc.review_choices(self.store, self.session)
        except Exception as exc:
            show_error(self, self.tr("Contrôle"), exc)
            return None
        self._filling = True
        try:
            for combo, name in (
                (self.advisor_combo, "advisors"),
                (self.landlord_combo, "landlords"),
                (self.commune_combo, "communes"),
                (self.group_combo, "priority_groups"),
            ):
                kept = combo.currentData()
                while combo.count() > 1:
                    combo.removeItem(1)
                for value in _choices(choices, name):
                    text = commune_name(value) if combo is self.commune_combo else value
                    combo.addItem(text, value)
                found = combo.findData(kept) if kept is not None else 0
                combo.setCurrentIndex(max(found, 0))
        finally:
            self._filling = False
        return self.reload()

    def current_filter(self) -> ReviewFilter:
        """Return the filter the widgets show."""
        return ReviewFilter(
            start=edited_date(self.start_edit),
            end=edited_date(self.end_edit),
            advisor=self.advisor_combo.currentData(),
            landlord=self.landlord_combo.currentData(),
            commune=self.commune_combo.currentData(),
            flag=self.flag_combo.currentData(),
            priority_group=self.group_combo.currentData(),
        )

    def set_period(self, start: date, end: date) -> None:
        """Show the proposals created between two days (the table reloads)."""
        self.start_edit.setDate(to_qdate(start))
        self.end_edit.setDate(to_qdate(end))

    def reload(self) -> Job | None:
        """Read the proposals of the filters in a background job (a newer load wins)."""
        self.filter_timer.stop()
        if self.store is None or not allowed(self.session, Action.REVIEW_READ):
            return None
        self._generation += 1
        generation = self._generation
        if self._load_job is not None and not self._load_job.done:
            self._load_job.cancel()
        # Only the period is asked of the services (they replay every receipt, the slow
        # part); the other filters narrow the table at once (``apply_filters``).
        filt = ReviewFilter(start=edited_date(self.start_edit), end=edited_date(self.end_edit))
        self.count_label.setText(self.tr("Lecture des propositions et rejeu des reçus…"))
        if self.store.path is None:  # a database in memory: no second connection possible
            self._show_rows(svc.review_rows(self.store, self.session, filt), generation)
            return None
        self._load_job = self.jobs.start(
            self.tr("Lecture des propositions à contrôler"),
            background.review_rows_work,
            self.store.path,
            self.session,
            filt,
            on_done=lambda rows: self._show_rows(rows, generation),
            show_progress=True,
        )
        return self._load_job

    def _show_rows(self, rows: list[ReviewRow], generation: int) -> None:
        if generation != self._generation:
            return  # a newer period's load is on its way
        self.rows = list(rows)
        self.model.set_rows(review_rows(self.rows))
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        header.resizeSection(COL_FLAGS, min(max(header.sectionSize(COL_FLAGS), 120), 320))
        self.rows_loaded.emit(len(self.rows))
        self.apply_filters()

    def apply_filters(self) -> None:
        """Narrow the table to the advisor, landlord, commune, flag and group chosen."""
        self.proxy.set_filter(self.current_filter())
        shown = [
            r
            for r in (
                self.proxy.index(i, 0).data(PAYLOAD_ROLE) for i in range(self.proxy.rowCount())
            )
            if isinstance(r, ReviewRow)
        ]
        pending = sum(1 for r in shown if needs_review(r))
        validated = sum(
            1 for r in shown if r.sign_off is not None and r.sign_off.verdict is Verdict.VALIDEE
        )
        self.count_label.setText(
            ", ".join(
                (
                    self.tr("%n proposition(s)", "", len(shown)),
                    self.tr("{n} à revoir").format(n=french_int(pending)),
                    self.tr("%n validée(s)", "", validated),
                )
            )
        )
        current = self.detail.detail
        if current is not None and self.row_of(current.row.proposal_id) >= 0:
            self.view.selectRow(self.row_of(current.row.proposal_id))
        else:
            self.detail.show_detail(None)
        self.rows_filtered.emit(len(shown))

    def row_of(self, proposal_id: int) -> int:
        """Return the table row (as sorted) of a proposal, or -1."""
        for row in range(self.proxy.rowCount()):
            found = self.proxy.index(row, 0).data(PAYLOAD_ROLE)
            if isinstance(found, ReviewRow) and found.proposal_id == proposal_id:
                return row
        return -1

    def first_flagged_row(self, kind: ReviewFlag | None = None) -> int:
        """Return the first table row (as sorted) still to review (with ``kind``), or -1."""
        for row in range(self.proxy.rowCount()):
            found = self.proxy.index(row, 0).data(PAYLOAD_ROLE)
            if not isinstance(found, ReviewRow) or not needs_review(found):
                continue
            if kind is None or kind in found.flag_kinds:
                return row
        return -1

    def select_proposal(self, proposal_id: int) -> None:
        """Select a proposal in the table and show its review."""
        row = self.row_of(proposal_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.proxy.index(row, COL_UNIT))
        self.show_proposal(proposal_id)

    def show_proposal(self, proposal_id: int) -> Job | None:
        """Show one proposal's ranking of the day, replay, timeline and audit entries.

        The detail replays the receipt (0.5 s for a pool of 900): it is read in a background
        job (in the window for a database without a file); the newest selection wins.
        """
        if self.store is None:
            return None
        shown = self.detail.detail
        if shown is not None and shown.row.proposal_id == proposal_id:
            return None
        self._detail_generation += 1
        generation = self._detail_generation
        if self.store.path is None:
            try:
                detail = svc.review_detail(self.store, self.session, proposal_id)
            except Exception as exc:
                show_error(self, self.tr("Contrôle"), exc)
                return None
            self._show_detail(detail, generation)
            return None
        self.detail.title.setText(
            self.tr("Proposition n° {n} : lecture et rejeu du reçu…").format(n=proposal_id)
        )
        return self.jobs.start(
            self.tr("Lecture de la proposition"),
            background.review_detail_work,
            self.store.path,
            self.session,
            proposal_id,
            on_done=lambda detail: self._show_detail(detail, generation),
            show_progress=False,
        )

    def _show_detail(self, detail: ReviewDetail, generation: int) -> None:
        if generation != self._detail_generation:
            return  # another proposal was selected meanwhile
        self.detail.show_detail(detail)
        self.detail_shown.emit(detail.row.proposal_id)

    # -- sign-off --------------------------------------------------------------------------------
    @Slot(object)
    def open_sign_off(self, verdict: Verdict) -> SignOffDialog | None:
        """Open the sign-off dialog of the shown proposal (returned for tests)."""
        shown = self.detail.detail
        if self.store is None or shown is None:
            return None
        dialog = SignOffDialog(self.store, self.session, shown.row.proposal_id, verdict, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.signed.connect(self._on_dialog_signed)
        self.sign_off_dialog = dialog
        dialog.open()
        return dialog

    @Slot(object)
    def _on_dialog_signed(self, made: SignOff) -> None:
        # The verdict changes one row and the detail: no need to replay the period again.
        self.rows = [
            replace(r, sign_off=made) if r.proposal_id == made.proposal_id else r for r in self.rows
        ]
        shown = self.detail.detail
        self.model.set_rows(review_rows(self.rows))
        if shown is not None and shown.row.proposal_id == made.proposal_id:
            self.detail.show_detail(
                replace(
                    shown,
                    row=replace(shown.row, sign_off=made),
                    sign_offs=(*shown.sign_offs, made),
                )
            )
        self.apply_filters()
        self.signed.emit(made.proposal_id)

    # -- audit report ----------------------------------------------------------------------------
    def ask_report_files(self) -> ReportFiles | None:
        """Ask where to save the PDF, then the XLSX (next to it by default)."""
        start, end = edited_date(self.start_edit), edited_date(self.end_edit)
        folder = self.store.path.parent if self.store and self.store.path else Path()
        stem = f"rapport_audit_{start.isoformat()}_{end.isoformat()}"
        pdf, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Rapport d'audit : le PDF"),
            str(folder / f"{stem}.pdf"),
            self.tr("PDF (*.pdf)"),
        )
        if not pdf:
            return None
        pdf_path = Path(pdf) if Path(pdf).suffix else Path(pdf).with_suffix(".pdf")
        xlsx, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Rapport d'audit : le classeur"),
            str(pdf_path.with_suffix(".xlsx")),
            self.tr("Classeur XLSX (*.xlsx)"),
        )
        if not xlsx:
            return None
        xlsx_path = Path(xlsx) if Path(xlsx).suffix else Path(xlsx).with_suffix(".xlsx")
        return ReportFiles(pdf_path, xlsx_path)

    def start_report(self, files: ReportFiles) -> Job | None:
        """Write the audit report of the period shown, in a background job with progress."""
        if self.store is None or self.store.path is None:
            return None
        start, end = edited_date(self.start_edit), edited_date(self.end_edit)
        self.report_button.setEnabled(False)
        self._report_job = self.jobs.start(
            self.tr("Rapport d'audit"),
            background.audit_report_work,
            self.store.path,
            self.session,
            start,
            end,
            files.xlsx,
            files.pdf,
            on_done=lambda _result: self._on_report_done(files),
            on_failed=lambda _error: self.report_button.setEnabled(True),
            on_cancelled=lambda: self.report_button.setEnabled(True),
        )
        return self._report_job

    def _on_report_done(self, files: ReportFiles) -> None:
        self.report_button.setEnabled(True)
        QMessageBox.information(
            self,
            self.tr("Rapport d'audit"),
            self.tr("Le rapport d'audit est enregistré :\n{pdf}\n{xlsx}").format(
                pdf=files.pdf, xlsx=files.xlsx
            ),
        )
        self.report_written.emit(files)

    # -- slots -----------------------------------------------------------------------------------
    @Slot()
    def _on_filter_changed(self, *_: object) -> None:
        if not self._filling:
            self.filter_timer.start()

    @Slot()
    def _on_combo_changed(self, *_: object) -> None:
        if not self._filling:
            self.apply_filters()

    @Slot(QItemSelection, QItemSelection)
    def _on_view_selection_changed(self, *_: object) -> None:
        found = self.view.selectionModel().selectedRows()
        if not found:
            return
        row = found[0].data(PAYLOAD_ROLE)
        if isinstance(row, ReviewRow):
            self.show_proposal(row.proposal_id)

    @Slot()
    def _on_report_button_clicked(self) -> None:
        files = self.ask_report_files()
        if files is not None:
            self.start_report(files)
