"""The Logements workspace: every unit in a lazy table, quick search, filters, editor."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QWidget

from housingmatch.domain.model import Financement, Unit, UnitStatus, label, typology_name
from housingmatch.domain.session import Session
from housingmatch.domain.text import fold
from housingmatch.gui.communes import CommuneCompleter, commune_key, commune_name, resolve_commune
from housingmatch.gui.formats import french_date
from housingmatch.gui.jobs import JobRunner, show_error
from housingmatch.gui.models import ColumnSpec
from housingmatch.gui.record_page import RecordPage
from housingmatch.gui.request_dialog import format_amount
from housingmatch.gui.unit_dialog import UnitDialog
from housingmatch.rules.permissions import Action, allowed
from housingmatch.services import records as records_service
from housingmatch.services.database import Store


def unit_columns() -> list[ColumnSpec[Unit]]:
    """Return the columns of the units table."""
    return [
        ColumnSpec(
            QCoreApplication.translate("UnitsPage", "Référence"),
            lambda u: u.ref,
            lambda u: u.ref,
            width=130,
        ),
        ColumnSpec(
            QCoreApplication.translate("UnitsPage", "Bailleur"),
            lambda u: u.landlord,
            lambda u: u.landlord.casefold(),
            width=130,
        ),
        ColumnSpec(
            QCoreApplication.translate("UnitsPage", "Commune"),
            lambda u: commune_name(u.commune),
            lambda u: commune_key(u.commune),
            width=170,
        ),
        ColumnSpec(
            QCoreApplication.translate("UnitsPage", "Typologie"),
            lambda u: typology_name(u.typology),
            lambda u: u.typology,
            width=80,
        ),
        ColumnSpec(
            QCoreApplication.translate("UnitsPage", "Surface"),
            lambda u: f"{format_amount(u.surface)} m²",
            lambda u: u.surface,
            align_right=True,
        ),
        ColumnSpec(
            QCoreApplication.translate("UnitsPage", "Financement"),
            lambda u: label(u.financing),
            lambda u: u.financing.value,
        ),
        ColumnSpec(
            QCoreApplication.translate("UnitsPage", "Loyer CC"),
            lambda u: f"{format_amount(u.total_rent)} €",
            lambda u: u.total_rent,
            align_right=True,
            tooltip=QCoreApplication.translate("UnitsPage", "Loyer charges comprises, par mois"),
            width=90,
        ),
        ColumnSpec(
            QCoreApplication.translate("UnitsPage", "QPV"),
            lambda u: QCoreApplication.translate("UnitsPage", "oui") if u.qpv else "",
            lambda u: int(bool(u.qpv)),
            width=50,
        ),
        ColumnSpec(
            QCoreApplication.translate("UnitsPage", "Date limite"),
            lambda u: french_date(u.proposal_deadline),
            lambda u: u.proposal_deadline.isoformat() if u.proposal_deadline else "9999",
            tooltip=QCoreApplication.translate(
                "UnitsPage", "Date limite de proposition au bailleur"
            ),
        ),
        ColumnSpec(
            QCoreApplication.translate("UnitsPage", "Statut"),
            lambda u: label(u.status),
            lambda u: u.status.value,
            width=75,
        ),
    ]


class UnitsPage(RecordPage):
    """Lists units; search by reference, landlord, programme, address or commune.

    Signals:
        rank_unit_requested(ref): the user asked to rank candidates for a unit.
    """

    settings_key = "units_page"
    rank_unit_requested = Signal(str)

    def __init__(self, jobs: JobRunner, parent: QWidget | None = None) -> None:
        """Build the page; call :meth:`set_store` to fill it."""
        super().__init__(jobs, unit_columns(), parent)
        self.search_edit.setPlaceholderText(
            self.tr("Rechercher un logement : référence, bailleur, programme, adresse, commune…")
        )
        self.status_filter = self.add_filter_combo(
            self.tr("Statut"), [(self.tr("Tous"), None)] + [(label(s), s.value) for s in UnitStatus]
        )
        self.financing_filter = self.add_filter_combo(
            self.tr("Financement"),
            [(self.tr("Tous"), None)] + [(label(f), f.value) for f in Financement],
        )
        self.typology_filter = self.add_filter_combo(
            self.tr("Typologie"), [(self.tr("Toutes"), None)] + [(f"T{n}", n) for n in range(1, 7)]
        )
        self.commune_filter = self.add_filter_edit(self.tr("Commune"), self.tr("nom ou code"))
        CommuneCompleter(self.commune_filter, self)
        self.new_button = self.add_button(self.tr("Nouveau logement"), self._on_new_button_clicked)
        self.edit_button = self.add_button(
            self.tr("Modifier…"), self._on_edit_button_clicked, needs_selection=True
        )
        self.rank_button = self.add_button(
            self.tr("Classer les candidats"), self._on_rank_button_clicked, needs_selection=True
        )

    @staticmethod
    def record_count(store: Store, session: Session) -> int:
        """Return the number of units."""
        return records_service.unit_count(store, session)

    @staticmethod
    def read_records(store: Store, session: Session) -> tuple[Sequence[Any], Sequence[str]]:
        """Return every unit and its search key."""
        units = records_service.list_units(store, session)
        return units, [UnitsPage.search_key(u) for u in units]

    @staticmethod
    def read_record(store: Store, session: Session, ref: str) -> Unit | None:
        """Return one unit (to refresh its row after a save)."""
        return records_service.find_unit(store, session, ref)

    def apply_permissions(self, session: Session) -> None:
        """Hide editing from a role that may not edit, ranking from one that may not rank."""
        edit = allowed(session, Action.EDIT_RECORDS)
        self.new_button.setVisible(edit)
        self.edit_button.setVisible(edit)
        self.rank_button.setVisible(allowed(session, Action.RANK))

    @staticmethod
    def search_key(record: Any) -> str:
        """Return the search key of a unit: reference, landlord, programme, address, commune."""
        u: Unit = record
        words = (u.ref, u.landlord, u.programme, u.address, u.reserved_employer)
        return fold(" ".join(x or "" for x in words)) + " " + commune_key(u.commune)

    @staticmethod
    def filter_columns(records: Sequence[Any]) -> dict[str, np.ndarray]:
        """Return the filtered fields as numpy columns."""
        return {
            "status": np.array([u.status.value for u in records], dtype=object),
            "financing": np.array([u.financing.value for u in records], dtype=object),
            "typology": np.array([u.typology for u in records], dtype=np.int16),
            "commune": np.array([u.commune for u in records], dtype=object),
        }

    def filter_mask(self) -> np.ndarray | None:
        """Combine the filter bar into one mask."""
        cols = self._cols
        if not cols:
            return None
        parts = []
        if self.status_filter.currentData():
            parts.append(cols["status"] == self.status_filter.currentData())
        if self.financing_filter.currentData():
            parts.append(cols["financing"] == self.financing_filter.currentData())
        if self.typology_filter.currentData():
            parts.append(cols["typology"] == self.typology_filter.currentData())
        text = self.commune_filter.text().strip()
        if text:
            try:
                parts.append(cols["commune"] == resolve_commune(text))
                self.commune_filter.setStyleSheet("")
                self.commune_filter.setToolTip("")
            except ValueError as exc:
                self.commune_filter.setStyleSheet("border: 1px solid #c0392b;")
                self.commune_filter.setToolTip(str(exc))
        if not parts:
            return None
        mask = parts[0]
        for part in parts[1:]:
            mask = mask & part
        return mask

    def new_unit(self) -> None:
        """Open an empty unit editor; save creates the unit."""
        assert self.store is not None
        saved = UnitDialog.create(self, self.store, self.session)
        if saved is not None:
            self._after_save(saved.ref)

    def edit_unit(self, ref: str) -> None:
        """Open the editor of one unit by reference."""
        assert self.store is not None
        try:
            unit = records_service.get_unit(self.store, self.session, ref)
        except Exception as exc:
            show_error(self, self.tr("Logement"), exc)
            return
        saved = UnitDialog.edit(self, self.store, self.session, unit)
        if saved is not None:
            self._after_save(saved.ref)

    def open_record(self, record: Any) -> None:
        """Edit the double-clicked unit."""
        self.edit_unit(record.ref)

    def _after_save(self, ref: str) -> None:
        self.refresh_record(ref)
        self.records_changed.emit()

    @Slot()
    def _on_new_button_clicked(self) -> None:
        self.new_unit()

    @Slot()
    def _on_edit_button_clicked(self) -> None:
        record = self.selected_record()
        if record is not None:
            self.edit_unit(record.ref)

    @Slot()
    def _on_rank_button_clicked(self) -> None:
        record = self.selected_record()
        if record is not None:
            self.rank_unit_requested.emit(record.ref)
