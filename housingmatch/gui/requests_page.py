"""The Demandes workspace: every request in a lazy table, quick search, filters, editor."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from housingmatch.domain.session import Session
from housingmatch.domain.text import fold
from housingmatch.gui.communes import CommuneCompleter, commune_key, commune_name, resolve_commune
from housingmatch.gui.formats import french_date
from housingmatch.gui.jobs import JobRunner, show_error
from housingmatch.gui.models import ColumnSpec
from housingmatch.gui.record_page import RecordPage
from housingmatch.gui.request_dialog import RequestDialog
from housingmatch.gui.search import SECONDARY
from housingmatch.rules.permissions import Action, allowed
from housingmatch.services import records as records_service
from housingmatch.services.database import Store
from housingmatch.services.records import RequestSummary


def _typologies(s: RequestSummary) -> str:
    low, high = s.typology_min, s.typology_max
    if low is None and high is None:
        return ""
    if low == high:
        return f"T{low}"
    return f"T{low or 1}–T{high or 6}"


def request_columns() -> list[ColumnSpec[RequestSummary]]:
    """Return the columns of the requests table."""
    return [
        ColumnSpec(
            QCoreApplication.translate("RequestsPage", "Référence"),
            lambda s: s.ref,
            lambda s: s.ref,
            width=125,
        ),
        ColumnSpec(
            QCoreApplication.translate("RequestsPage", "Nom"),
            lambda s: s.last_name.upper(),
            lambda s: s.search_key,
            width=110,
        ),
        ColumnSpec(
            QCoreApplication.translate("RequestsPage", "Prénom"),
            lambda s: s.first_name,
            lambda s: s.first_name.casefold(),
            width=90,
        ),
        ColumnSpec(
            QCoreApplication.translate("RequestsPage", "Employeur"),
            lambda s: s.employer,
            lambda s: s.employer.casefold(),
            width=210,
        ),
        ColumnSpec(
            QCoreApplication.translate("RequestsPage", "Commune de travail"),
            lambda s: commune_name(s.work_commune),
            lambda s: commune_key(s.work_commune),
            width=155,
        ),
        ColumnSpec(
            QCoreApplication.translate("RequestsPage", "Pers."),
            lambda s: str(s.persons),
            lambda s: s.persons,
            align_right=True,
            tooltip=QCoreApplication.translate("RequestsPage", "Nombre de personnes du ménage"),
            width=45,
        ),
        ColumnSpec(
            QCoreApplication.translate("RequestsPage", "Typologie"),
            _typologies,
            lambda s: (s.typology_min or 0) * 10 + (s.typology_max or 0),
            width=75,
        ),
        ColumnSpec(
            QCoreApplication.translate("RequestsPage", "Dépôt"),
            lambda s: french_date(s.filing_date),
            lambda s: s.filing_date.isoformat(),
            width=85,
        ),
        ColumnSpec(
            QCoreApplication.translate("RequestsPage", "Priorité"),
            lambda s: " · ".join(x for x, on in (("DALO", s.dalo), ("L441-1", s.l441)) if on),
            lambda s: int(s.dalo) * 2 + int(s.l441),
            width=95,
        ),
        ColumnSpec(
            QCoreApplication.translate("RequestsPage", "Statut"),
            # The status on the day: a lapsed request reads "Expirée" (rules.dates.status_on).
            lambda s: records_service.summary_status_label(s, date.today()),
            lambda s: records_service.summary_status(s, date.today()).value,
            width=75,
        ),
    ]


class RequestsPage(RecordPage):
    """Lists requests; search by name, reference, unique number, employer or commune."""

    settings_key = "requests_page"

    def __init__(self, jobs: JobRunner, parent: QWidget | None = None) -> None:
        """Build the page; call :meth:`set_store` to fill it."""
        super().__init__(jobs, request_columns(), parent)
        self.search_edit.setPlaceholderText(
            self.tr("Rechercher une demande : nom, référence, numéro unique, employeur, commune…")
        )
        self.status_filter = self.add_filter_combo(
            self.tr("Statut"),
            [(self.tr("Tous"), None)]
            + [(records_service.DAY_STATUS_LABELS[s], s.value) for s in records_service.DayStatus],
        )
        self.status_filter.setCurrentIndex(1)  # active requests by default
        self.priority_filter = self.add_filter_combo(
            self.tr("Priorité"),
            [
                (self.tr("Toutes"), "ALL"),
                (self.tr("DALO"), "DALO"),
                (self.tr("Prioritaire L441-1"), "L441"),
                (self.tr("DALO ou L441-1"), "LEGAL"),
                (self.tr("Mobilité professionnelle déclarée"), "MOBILITE"),
            ],
        )
        self.typology_filter = self.add_filter_combo(
            self.tr("Typologie"),
            [(self.tr("Toutes"), None)] + [(f"T{n}", n) for n in range(1, 7)],
        )
        self.commune_filter: QLineEdit = self.add_filter_edit(
            self.tr("Commune"), self.tr("domicile ou travail")
        )
        CommuneCompleter(self.commune_filter, self)
        self.new_button = self.add_button(self.tr("Nouvelle demande"), self._on_new_button_clicked)
        self.edit_button = self.add_button(
            self.tr("Modifier…"), self._on_edit_button_clicked, needs_selection=True
        )
        self.close_button = self.add_button(
            self.tr("Clôturer…"), self._on_close_button_clicked, needs_selection=True
        )
        self.reopen_button = self.add_button(
            self.tr("Rouvrir"), self._on_reopen_button_clicked, needs_selection=True
        )

    # -- data ----------------------------------------------------------------------------------
    @staticmethod
    def record_count(store: Store, session: Session) -> int:
        """Return the number of requests."""
        return records_service.request_count(store, session)

    @staticmethod
    def read_records(store: Store, session: Session) -> tuple[Sequence[Any], Sequence[str]]:
        """Return the request summaries and their search keys (with commune names)."""
        summaries = records_service.request_summaries(store, session)
        return summaries, [RequestsPage.search_key(s) for s in summaries]

    @staticmethod
    def read_record(store: Store, session: Session, ref: str) -> RequestSummary | None:
        """Return the summary of one request (to refresh its row after a save)."""
        return records_service.request_summary(store, session, ref)

    def apply_permissions(self, session: Session) -> None:
        """Hide creating, editing, closing and reopening from a role that may not edit."""
        edit = allowed(session, Action.EDIT_RECORDS)
        for button in (self.new_button, self.edit_button, self.close_button, self.reopen_button):
            button.setVisible(edit)

    @staticmethod
    def search_key(record: Any) -> str:
        """Return the search key of a request summary (with commune names)."""
        s: RequestSummary = record
        names = f"{s.last_name} {s.first_name}"
        rest = f"{s.search_key} {commune_key(s.work_commune)} {commune_key(s.home_commune)}"
        return f"{fold(names)} {SECONDARY} {rest}"

    @staticmethod
    def filter_columns(records: Sequence[Any]) -> dict[str, np.ndarray]:
        """Return the filtered fields as numpy columns."""
        today = date.today()
        return {
            "status": np.array(
                [records_service.summary_status(s, today).value for s in records], dtype=object
            ),
            "dalo": np.array([s.dalo for s in records], dtype=bool),
            "l441": np.array([s.l441 for s in records], dtype=bool),
            # A declared hire, transfer or move; whether it falls in the rule set's window (the
            # MOBILITE group) is the ranking's business, so the filter says "déclarée".
            "mobility": np.array([s.mobility.value != "AUCUNE" for s in records], dtype=bool),
            "home": np.array([s.home_commune for s in records], dtype=object),
            "work": np.array([s.work_commune for s in records], dtype=object),
            "tmin": np.array([s.typology_min or 1 for s in records], dtype=np.int16),
            "tmax": np.array([s.typology_max or 6 for s in records], dtype=np.int16),
        }

    def filter_mask(self) -> np.ndarray | None:
        """Combine the filter bar into one mask."""
        cols = self._cols
        if not cols:
            return None
        mask: np.ndarray | None = None

        def both(part: np.ndarray) -> None:
            nonlocal mask
            mask = part if mask is None else mask & part

        status = self.status_filter.currentData()
        if status:
            both(cols["status"] == status)
        priority = self.priority_filter.currentData()
        if priority == "DALO":
            both(cols["dalo"])
        elif priority == "L441":
            both(cols["l441"])
        elif priority == "LEGAL":
            both(cols["dalo"] | cols["l441"])
        elif priority == "MOBILITE":
            both(cols["mobility"])
        typology = self.typology_filter.currentData()
        if typology:
            both((cols["tmin"] <= typology) & (cols["tmax"] >= typology))
        commune = self.commune_filter.text().strip()
        if commune:
            try:
                code = resolve_commune(commune)
            except ValueError as exc:
                self.commune_filter.setToolTip(str(exc))
                self.commune_filter.setStyleSheet("border: 1px solid #c0392b;")
                return mask
            self.commune_filter.setToolTip("")
            self.commune_filter.setStyleSheet("")
            both((cols["home"] == code) | (cols["work"] == code))
        return mask

    # -- actions -------------------------------------------------------------------------------
    def new_request(self) -> None:
        """Open an empty request editor; save creates the request."""
        assert self.store is not None
        saved = RequestDialog.create(self, self.store, self.session)
        if saved is not None:
            self._after_save(saved.ref)

    def find_requests(self, text: str, limit: int = 20) -> list[tuple[str, str]]:
        """Return ``(reference, name)`` of the requests matching ``text`` best first.

        The same typo-tolerant search as the table's search box; empty until the table is
        loaded (and, on a large table, until its search index is built in the background).
        """
        if not self.model.has_search_index() and self.model.total_count() > 5_000:
            return []
        return [
            (s.ref, f"{s.last_name.upper()} {s.first_name}")
            for s in self.model.best_matches(text, limit)
        ]

    def edit_request(self, ref: str) -> None:
        """Open the editor of one request by reference."""
        assert self.store is not None
        try:
            request = records_service.get_request(self.store, self.session, ref)
        except Exception as exc:
            show_error(self, self.tr("Demande"), exc)
            return
        saved = RequestDialog.edit(self, self.store, self.session, request)
        if saved is not None:
            self._after_save(saved.ref)

    def open_record(self, record: Any) -> None:
        """Edit the double-clicked request."""
        self.edit_request(record.ref)

    def _after_save(self, ref: str) -> None:
        self.refresh_record(ref)
        self.records_changed.emit()

    @Slot()
    def _on_new_button_clicked(self) -> None:
        self.new_request()

    @Slot()
    def _on_edit_button_clicked(self) -> None:
        record = self.selected_record()
        if record is not None:
            self.edit_request(record.ref)

    @Slot()
    def _on_close_button_clicked(self) -> None:
        record = self.selected_record()
        if record is None or self.store is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Clôturer la demande"),
            self.tr("Motif de clôture de la demande {ref} :").format(ref=record.ref),
        )
        if not ok:
            return
        try:
            records_service.close_request(self.store, self.session, record.ref, reason)
        except Exception as exc:
            show_error(self, self.tr("Clôture de la demande"), exc)
            return
        self._after_save(record.ref)

    @Slot()
    def _on_reopen_button_clicked(self) -> None:
        record = self.selected_record()
        if record is None or self.store is None:
            return
        try:
            records_service.reopen_request(self.store, self.session, record.ref)
        except Exception as exc:
            show_error(self, self.tr("Réouverture de la demande"), exc)
            return
        self._after_save(record.ref)
