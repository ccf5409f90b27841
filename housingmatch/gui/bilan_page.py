"""The *Bilan* workspace: the convention's indicators of a period, its charts and tables, the
legal obligations and fairness; exported as PDF and XLSX, each chart as PNG (supervisors).

Every figure is computed in a background job (``services.indicators.bilan_work``); changing the
period or the breakdown starts a new one and the answer of an older one is dropped.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from housingmatch.domain.session import Session
from housingmatch.gui.charts import BarChart
from housingmatch.gui.jobs import JobRunner
from housingmatch.reports.indicators import Breakdown, Table, charts, tables
from housingmatch.reports.indicators_export import NOT_APPLICABLE, cell_text
from housingmatch.rules.permissions import Action, allowed
from housingmatch.services import local_session
from housingmatch.services.database import Store
from housingmatch.services.indicators import Bilan, bilan_work, export_work

#: The charts drawn (the report's, in its order), two per row.
CHART_COLUMNS = 2


def period_of(preset: int, today: date) -> tuple[date, date] | None:
    """Return the period of a preset (0 this year, 1 last year, 2 the last 12 months)."""
    if preset == 0:
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if preset == 1:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if preset == 2:
        start = date(today.year - 1, today.month, 1)
        return start, today
    return None


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def fill_table(view: QTableWidget, table: Table) -> None:
    """Show a report table (numbers right-aligned, French decimals, "—" when not applicable)."""
    view.clear()
    view.setColumnCount(len(table.columns))
    view.setRowCount(len(table.rows))
    view.setHorizontalHeaderLabels(list(table.columns))
    for r, row in enumerate(table.rows):
        for c, value in enumerate(row):
            missing = value is None and table.columns[c].startswith("Demandes")
            item = QTableWidgetItem(NOT_APPLICABLE if missing else cell_text(value))
            if isinstance(value, int | float) or missing:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if value == "sous-servi":
                item.setForeground(Qt.GlobalColor.darkRed)
            view.setItem(r, c, item)
    view.resizeColumnsToContents()


def _table_view(parent: QWidget) -> QTableWidget:
    view = QTableWidget(parent)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setSortingEnabled(False)
    view.setWordWrap(False)
    return view


class BilanPage(QWidget):
    """Period and breakdown selectors, charts, tables, obligations and fairness, exports.

    Signals:
        loaded(): the figures of the chosen period are shown.
        exported(path): a PDF, XLSX or PNG file was written.
    """

    loaded = Signal()
    exported = Signal(str)

    def __init__(self, jobs: JobRunner, parent: QWidget | None = None) -> None:
        """Build the selectors, the chart grid and the table tabs (empty until loaded)."""
        super().__init__(parent)
        self.jobs = jobs
        self.store: Store | None = None
        self.session: Session = local_session()
        self.bilan: Bilan | None = None
        self._generation = 0
        self._stale = True
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.load)

        self.preset = QComboBox(self)
        self.preset.addItems(
            [self.tr("Année en cours"), self.tr("Année précédente"),
             self.tr("12 derniers mois"), self.tr("Période choisie")]
        )  # fmt: skip
        self.start_edit = QDateEdit(self)
        self.end_edit = QDateEdit(self)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.breakdown = QComboBox(self)
        self.breakdown.addItem(self.tr("Aucune"), None)
        for by in Breakdown:
            self.breakdown.addItem(by.label, by.value)
        self.pdf_button = QPushButton(self.tr("Exporter PDF…"), self)
        self.xlsx_button = QPushButton(self.tr("Exporter XLSX…"), self)
        self.status = QLabel(self)
        self.status.setObjectName("bilan_status")
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #991b1b;")
        self.warnings.hide()

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Période :"), self))
        bar.addWidget(self.preset)
        bar.addWidget(QLabel(self.tr("du"), self))
        bar.addWidget(self.start_edit)
        bar.addWidget(QLabel(self.tr("au"), self))
        bar.addWidget(self.end_edit)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Ventilation :"), self))
        bar.addWidget(self.breakdown)
        bar.addStretch(1)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.xlsx_button)

        self.tabs = QTabWidget(self)
        charts_area = QScrollArea(self)
        charts_area.setWidgetResizable(True)
        grid_host = QWidget(charts_area)
        self.chart_grid = QGridLayout(grid_host)
        self.charts: list[BarChart] = []
        charts_area.setWidget(grid_host)
        self.tabs.addTab(charts_area, self.tr("Graphiques"))
        self.table_tabs = QTabWidget(self)
        self.tabs.addTab(self.table_tabs, self.tr("Tableaux"))
        evaluation = QWidget(self)
        evaluation_layout = QVBoxLayout(evaluation)
        self.obligations_view = _table_view(evaluation)
        self.fairness_view = _table_view(evaluation)
        evaluation_layout.addWidget(
            QLabel(self.tr("Obligations légales d'attribution"), evaluation)
        )
        evaluation_layout.addWidget(self.obligations_view, 1)
        evaluation_layout.addWidget(
            QLabel(self.tr("Équité entre publics prioritaires"), evaluation)
        )
        evaluation_layout.addWidget(self.fairness_view, 3)
        self.tabs.addTab(evaluation, self.tr("Obligations et équité"))

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.warnings)
        layout.addWidget(self.tabs, 1)

        self._set_period_widgets(*(period_of(0, date.today()) or (date.today(), date.today())))
        self.preset.currentIndexChanged.connect(self._on_preset_current_index_changed)
        self.start_edit.dateChanged.connect(self._on_date_changed)
        self.end_edit.dateChanged.connect(self._on_date_changed)
        self.breakdown.currentIndexChanged.connect(self._on_breakdown_current_index_changed)
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self._enable_exports()

    # -- public ----------------------------------------------------------------------------------
    def set_store(self, store: Store, session: Session) -> None:
        """Work on another database; the figures are computed when the page is next shown."""
        self.store = store
        self.session = session
        self.bilan = None
        self._stale = True
        self._enable_exports()
        if self.isVisible():
            self.load()

    def mark_stale(self) -> None:
        """Recompute when next shown (a proposal changed); at once if the page is shown."""
        self._stale = True
        if self.isVisible():
            self.load()

    def period(self) -> tuple[date, date]:
        """Return the chosen period."""
        return _day(self.start_edit.date()), _day(self.end_edit.date())

    def by(self) -> Breakdown | None:
        """Return the chosen breakdown."""
        value = self.breakdown.currentData()
        return Breakdown(value) if value else None

    def set_period(self, start: date, end: date) -> None:
        """Choose a period (as the user would) and reload."""
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(3)
        self.preset.blockSignals(False)
        self._set_period_widgets(start, end)
        self.load()

    def set_breakdown(self, by: Breakdown | None) -> None:
        """Choose a breakdown and reload."""
        self.breakdown.setCurrentIndex(self.breakdown.findData(by.value if by else None))

    def load(self) -> None:
        """Compute the figures of the chosen period in the background."""
        self._debounce.stop()
        store = self.store
        if store is None or not allowed(self.session, Action.REPORTS):
            return
        if store.path is None:
            self.status.setText(self.tr("Bilan indisponible sur une base en mémoire."))
            return
        start, end = self.period()
        if end < start:
            self.status.setText(self.tr("La fin de la période précède son début."))
            return
        self._stale = False
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Calcul du bilan en cours…"))
        self.jobs.start(
            self.tr("Bilan"),
            bilan_work,
            store.path,
            self.session,
            start,
            end,
            self.by(),
            on_done=lambda result: self._on_bilan_loaded(generation, result),
        )

    def export(self, kind: str, path: str | Path | None = None) -> None:
        """Write the whole bilan as PDF or XLSX to ``path`` (asked with a dialog when None)."""
        if self.bilan is None or self.store is None or self.store.path is None:
            return
        if path is None:
            start, end = self.period()
            suggested = f"bilan_{start:%Y%m%d}_{end:%Y%m%d}.{kind}"
            label = (
                self.tr("Document PDF (*.pdf)")
                if kind == "pdf"
                else self.tr("Classeur Excel (*.xlsx)")
            )
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Exporter le bilan"), suggested, label
            )
            if not chosen:
                return
            path = chosen
        self.jobs.start(
            self.tr("Export du bilan"),
            export_work,
            self.store.path,
            self.session,
            self.bilan,
            kind,
            Path(path),
            on_done=lambda written: self._on_exported(str(written)),
        )

    # -- showing ---------------------------------------------------------------------------------
    def showEvent(self, event: object) -> None:  # type: ignore[override]
        """Compute the figures the first time the page is shown (or after a change of base)."""
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.load()

    def _on_bilan_loaded(self, generation: int, bilan: Bilan) -> None:
        if generation != self._generation:
            return  # an older period's answer
        self.bilan = bilan
        ind = bilan.indicators
        t = ind.total
        self.status.setText(
            self.tr(
                "Bilan {period} : {new} demandes nouvelles, {renewed} renouvelées, "
                "{proposals} propositions envoyées, {leases} attributions, {refusals} refus."
            ).format(period=ind.period, new=t.new_requests, renewed=t.renewed_requests,
                     proposals=t.proposals, leases=t.attributions, refusals=t.refusals)
        )  # fmt: skip
        if bilan.warnings:
            self.warnings.setText(self.tr("Équité : ") + " ; ".join(bilan.warnings) + ".")
            self.warnings.show()
        else:
            self.warnings.hide()
        self._show_charts(bilan)
        current = self.table_tabs.currentIndex()
        while self.table_tabs.count():
            widget = self.table_tabs.widget(0)
            self.table_tabs.removeTab(0)
            widget.deleteLater()
        for table in tables(ind):
            view = _table_view(self.table_tabs)
            fill_table(view, table)
            self.table_tabs.addTab(view, table.name)
        self.table_tabs.setCurrentIndex(max(0, min(current, self.table_tabs.count() - 1)))
        for view, table in zip(
            (self.obligations_view, self.fairness_view), bilan.evaluation, strict=False
        ):
            fill_table(view, table)
        self._enable_exports()
        self.loaded.emit()

    def _show_charts(self, bilan: Bilan) -> None:
        wanted = charts(bilan.indicators)
        while len(self.charts) < len(wanted):
            chart = BarChart(parent=self)
            chart.setMinimumHeight(300)
            chart.exported.connect(self.exported)
            n = len(self.charts)
            self.chart_grid.addWidget(chart, n // CHART_COLUMNS, n % CHART_COLUMNS)
            self.charts.append(chart)
        for widget, chart in zip(self.charts, wanted, strict=False):
            widget.db_path = self.store.path if self.store else None
            widget.set_chart(chart)

    def _enable_exports(self) -> None:
        ready = self.bilan is not None
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(ready)
            button.setToolTip("" if ready else self.tr("Le bilan n'est pas encore calculé."))

    def _set_period_widgets(self, start: date, end: date) -> None:
        for edit, day in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)

    @Slot(int)
    def _on_preset_current_index_changed(self, index: int) -> None:
        chosen = period_of(index, date.today())
        if chosen is not None:
            self._set_period_widgets(*chosen)
            self.load()

    @Slot()
    def _on_date_changed(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(3)
        self.preset.blockSignals(False)
        self._debounce.start()

    @Slot(int)
    def _on_breakdown_current_index_changed(self, _index: int) -> None:
        self.load()

    def _on_exported(self, path: str) -> None:
        self.status.setText(self.tr("Bilan écrit : {path}").format(path=path))
        self.exported.emit(path)
