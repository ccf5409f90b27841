"""The dashboard: counts, the year's legal shares, near deadlines, requests about to lapse."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from housingmatch.domain.model import label, typology_name
from housingmatch.domain.session import Session
from housingmatch.errors import JobCancelled
from housingmatch.gui.communes import commune_name
from housingmatch.gui.formats import french_date, french_int
from housingmatch.gui.gauges import ObligationsBox
from housingmatch.gui.jobs import Job, JobRunner
from housingmatch.gui.models import PAYLOAD_ROLE, Row, RowsModel, sorted_proxy
from housingmatch.gui.record_page import BACKGROUND_LOAD_RECORDS
from housingmatch.services import local_session
from housingmatch.services.background import read_work
from housingmatch.services.database import Store
from housingmatch.services.deadlines import DeadlineItem, proposal_deadlines
from housingmatch.services.records import Dashboard, dashboard, request_count

UNIT_DAYS = 7
REQUEST_DAYS = 30


DashboardRows = tuple[list[Row], list[Row]]


def dashboard_rows(board: Dashboard) -> DashboardRows:
    """Return the rows of the two tables (plain data: built in the job for a large base)."""
    units = [
        Row(
            (
                u.ref,
                commune_name(u.commune),
                typology_name(u.typology),
                u.landlord,
                french_date(u.proposal_deadline),
            ),
            (
                u.ref,
                commune_name(u.commune),
                u.typology,
                u.landlord,
                str(u.proposal_deadline),
            ),
            payload=u.ref,
        )
        for u in board.units_due_soon
    ]
    requests = [
        Row(
            (
                s.ref,
                f"{s.last_name.upper()} {s.first_name}",
                s.employer,
                label(s.status),
                french_date(end),
            ),
            (s.ref, s.last_name, s.employer, s.status.value, end.isoformat()),
            payload=s.ref,
        )
        for s, end in board.requests_expiring
    ]
    return units, requests


def _board(store: Store, session: Session, on: date) -> Dashboard:
    return dashboard(store, session, on, UNIT_DAYS, REQUEST_DAYS)


def deadline_rows(items: list[DeadlineItem]) -> list[Row]:
    """Return the rows of the workflow deadlines table (the list first, then the date)."""
    return [
        Row(
            (
                i.kind.label,
                i.unit_ref,
                str(i.proposal_id or ""),
                i.request_ref or "",
                french_date(i.due),
                i.next_action,
            ),
            (
                n,
                i.unit_ref,
                i.proposal_id or 0,
                i.request_ref or "",
                i.due.isoformat(),
                i.next_action,
            ),
            payload=i.unit_ref,
        )
        for n, i in enumerate(items)
    ]


def dashboard_work(
    db_path: Path, session: Session, on: date, progress: Any, cancelled: Any
) -> tuple[Dashboard, DashboardRows]:
    """Compute the dashboard (in the core) and build its table rows, off the GUI thread."""
    board = read_work(db_path, session, partial(_board, on=on), progress, cancelled)
    if cancelled():  # superseded by a newer computation (another save)
        raise JobCancelled()
    return board, dashboard_rows(board)


def _table(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Size columns from the first rows only: measuring thousands of rows blocks the window.
    view.horizontalHeader().setResizeContentsPrecision(100)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class DashboardPage(QWidget):
    """Figures of the day and the two lists that need action soon.

    Signals:
        open_unit_requested(ref): the user double-clicked a unit.
        open_request_requested(ref): the user double-clicked a request.
    """

    open_unit_requested = Signal(str)
    open_request_requested = Signal(str)

    def __init__(self, jobs: JobRunner, parent: QWidget | None = None) -> None:
        """Build the figures and the two tables."""
        super().__init__(parent)
        self.jobs = jobs
        self._job: Job | None = None
        self._generation = 0
        self.store: Store | None = None
        self.session: Session = local_session()
        self.title = QLabel(self)
        self.title.setObjectName("page_title")
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        figures = QGroupBox(self.tr("Chiffres"), self)
        grid = QGridLayout(figures)
        self.figure_labels: dict[str, QLabel] = {}
        for column, (key, caption) in enumerate(
            (
                ("requests_total", self.tr("Demandes")),
                ("requests_active", self.tr("Demandes actives")),
                ("requests_expired", self.tr("Demandes expirées")),
                ("units_total", self.tr("Logements")),
                ("units_open", self.tr("Logements ouverts")),
            )
        ):
            value = QLabel("0", figures)
            value.setStyleSheet("font-size: 20pt; font-weight: 600;")
            grid.addWidget(value, 0, column)
            grid.addWidget(QLabel(caption, figures), 1, column)
            self.figure_labels[key] = value

        # The legal shares of the year, where decisions are made (computed in a job).
        self.obligations_box = ObligationsBox(jobs, self)

        self.units_model = RowsModel(
            [
                self.tr("Logement"),
                self.tr("Commune"),
                self.tr("Typologie"),
                self.tr("Bailleur"),
                self.tr("Date limite de proposition"),
            ],
            self,
        )
        self.requests_model = RowsModel(
            [
                self.tr("Demande"),
                self.tr("Demandeur"),
                self.tr("Employeur"),
                self.tr("Statut"),
                self.tr("Expire le"),
            ],
            self,
        )
        self.deadlines_model = RowsModel(
            [
                self.tr("Liste"),
                self.tr("Logement"),
                self.tr("Proposition"),
                self.tr("Demande"),
                self.tr("Échéance"),
                self.tr("Action suivante"),
            ],
            self,
        )
        self.deadlines_box = QGroupBox(self)
        self.deadlines_view = _table(self.deadlines_box)
        self.deadlines_view.setModel(sorted_proxy(self.deadlines_model, self))
        QVBoxLayout(self.deadlines_box).addWidget(self.deadlines_view)
        self.deadlines_view.doubleClicked.connect(self._on_units_view_double_clicked)
        self.units_box = QGroupBox(self)
        self.requests_box = QGroupBox(self)
        self.units_view = _table(self.units_box)
        self.units_view.setModel(sorted_proxy(self.units_model, self))
        self.requests_view = _table(self.requests_box)
        self.requests_view.setModel(sorted_proxy(self.requests_model, self))
        QVBoxLayout(self.units_box).addWidget(self.units_view)
        QVBoxLayout(self.requests_box).addWidget(self.requests_view)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(figures)
        layout.addWidget(self.obligations_box)
        layout.addWidget(self.deadlines_box, 1)
        layout.addWidget(self.units_box, 1)
        layout.addWidget(self.requests_box, 1)

        self.units_view.doubleClicked.connect(self._on_units_view_double_clicked)
        self.requests_view.doubleClicked.connect(self._on_requests_view_double_clicked)

    def set_store(self, store: Store, session: Session) -> None:
        """Show the figures of ``store`` today (computed in a job for a large database)."""
        self.store = store
        self.session = session
        if self._job is not None and not self._job.done:
            self._job.cancel()  # each save asks again: only the newest answer is shown
        self._job = None
        self._generation += 1
        self.obligations_box.refresh(store, session)
        big = request_count(store, session) > BACKGROUND_LOAD_RECORDS
        if store.path is not None and big:
            self.title.setText(self.tr("Tableau de bord : calcul en cours…"))
            self._job = self.jobs.start(
                self.tr("Tableau de bord"),
                dashboard_work,
                store.path,
                session,
                date.today(),
                on_done=partial(self._on_dashboard_computed, self._generation),
            )
            return
        self.show_dashboard(_board(store, session, date.today()))

    def show_dashboard(self, board: Dashboard, rows: DashboardRows | None = None) -> None:
        """Fill the page from a computed dashboard (and its rows, when already built)."""
        self.title.setText(self.tr("Tableau de bord du {day}").format(day=french_date(board.on)))
        for key, widget in self.figure_labels.items():
            widget.setText(french_int(getattr(board, key)))
        self.units_box.setTitle(
            self.tr(
                "Logements dont la date limite de proposition tombe dans les {n} jours ({c})"
            ).format(n=UNIT_DAYS, c=len(board.units_due_soon))
        )
        self.requests_box.setTitle(
            self.tr("Demandes qui expirent dans les {n} jours ({c})").format(
                n=REQUEST_DAYS, c=len(board.requests_expiring)
            )
        )
        if self.store is not None:  # proposals are few: read on the GUI thread
            items = proposal_deadlines(self.store, self.session, board.on)
            self.deadlines_model.set_rows(deadline_rows(items))
            self.deadlines_box.setTitle(
                self.tr("Échéances des propositions : action suivante ({c})").format(c=len(items))
            )
        units, requests = rows if rows is not None else dashboard_rows(board)
        self.units_model.set_rows(units)
        self.requests_model.set_rows(requests)

    def _on_dashboard_computed(
        self, generation: int, result: tuple[Dashboard, DashboardRows]
    ) -> None:
        if generation != self._generation:
            return  # an older computation that finished after a newer one was asked for
        self._job = None
        self.show_dashboard(*result)

    @Slot(QModelIndex)
    def _on_units_view_double_clicked(self, index: QModelIndex) -> None:
        ref = index.siblingAtColumn(0).data(PAYLOAD_ROLE)
        if ref:
            self.open_unit_requested.emit(ref)

    @Slot(QModelIndex)
    def _on_requests_view_double_clicked(self, index: QModelIndex) -> None:
        ref = index.siblingAtColumn(0).data(PAYLOAD_ROLE)
        if ref:
            self.open_request_requested.emit(ref)
