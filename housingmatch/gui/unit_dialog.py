"""The unit editor: the Designer form ``ui/unit_dialog.ui`` with live checks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import partial

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QLineEdit,
    QWidget,
)

from housingmatch.domain.model import Financement, Unit, UnitStatus, label
from housingmatch.domain.session import Session
from housingmatch.gui.communes import (
    CommuneCompleter,
    commune_label,
    resolve_commune,
    show_understood,
)
from housingmatch.gui.formats import edited_date, to_qdate
from housingmatch.gui.forms.ui_unit_dialog import Ui_UnitDialog
from housingmatch.gui.jobs import show_error
from housingmatch.gui.record_dialog import RecordDialog
from housingmatch.gui.request_dialog import INVALID_STYLE, format_amount, parse_amount
from housingmatch.rules.permissions import Action, allowed
from housingmatch.rules.validation import FieldProblem, validate_unit
from housingmatch.services.database import Store
from housingmatch.services.facts import unit_record
from housingmatch.services.records import ValidationFailed, save_unit


def blank_unit() -> Unit:
    """Return the starting point of a new unit."""
    return Unit(
        ref="",
        landlord="",
        commune="",
        typology=2,
        surface=0.0,
        financing=Financement.PLUS,
        rent=0.0,
    )


class UnitDialog(RecordDialog):
    """Edit or create one unit; save goes through the records service (audited).

    Signals:
        unit_saved(ref): the unit was saved.
    """

    unit_saved = Signal(str)

    def __init__(
        self,
        store: Store,
        session: Session,
        unit: Unit | None,
        parent: QWidget | None = None,
    ) -> None:
        """Show ``unit`` (None: a new one) in the form."""
        super().__init__(parent)
        self.ui = Ui_UnitDialog()
        self.ui.setupUi(self)
        self.store = store
        self.session = session
        self.original = unit
        self.saved: Unit | None = None
        self.problems: list[FieldProblem] = []
        self._loading = True
        self._dirty = False
        ui = self.ui
        self.save_button = ui.button_box.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Enregistrer"))
        # A role that may not edit reads the form; the service would refuse the save anyway.
        self.save_button.setVisible(allowed(session, Action.EDIT_RECORDS))
        ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        for rooms in range(1, 7):
            ui.typology_combo.addItem(f"T{rooms}", rooms)
        for financing in Financement:
            ui.financing_combo.addItem(label(financing), financing.value)
        for status in UnitStatus:
            ui.status_combo.addItem(label(status), status.value)
        CommuneCompleter(ui.commune_edit, self)
        ui.commune_edit.editingFinished.connect(partial(show_understood, ui.commune_edit))
        self.field_widgets: dict[str, QWidget] = {
            "ref_logement": ui.ref_edit,
            "bailleur": ui.landlord_edit,
            "commune": ui.commune_edit,
            "latitude": ui.latitude_edit,
            "longitude": ui.longitude_edit,
            "typologie": ui.typology_combo,
            "surface_m2": ui.surface_edit,
            "etage": ui.floor_edit,
            "loyer_hors_charges": ui.rent_edit,
            "charges": ui.charges_edit,
        }
        self._load(unit or blank_unit())
        self.setWindowTitle(
            self.tr("Logement {ref}").format(ref=unit.ref) if unit else self.tr("Nouveau logement")
        )
        if unit is not None:
            ui.ref_edit.setReadOnly(True)
        self._connect()
        self._loading = False
        self.refresh()

    @classmethod
    def edit(
        cls, parent: QWidget | None, store: Store, session: Session, unit: Unit
    ) -> Unit | None:
        """Show the editor on ``unit``; return the saved unit, or None if cancelled."""
        dialog = cls(store, session, unit, parent)
        dialog.exec()
        return dialog.saved

    @classmethod
    def create(cls, parent: QWidget | None, store: Store, session: Session) -> Unit | None:
        """Show an empty editor; return the created unit, or None if cancelled."""
        dialog = cls(store, session, None, parent)
        dialog.exec()
        return dialog.saved

    def _load(self, u: Unit) -> None:
        ui = self.ui
        ui.ref_edit.setText(u.ref)
        ui.landlord_edit.setText(u.landlord)
        ui.programme_edit.setText(u.programme or "")
        ui.address_edit.setText(u.address or "")
        ui.commune_edit.setText(commune_label(u.commune))
        ui.latitude_edit.setText("" if u.latitude is None else str(u.latitude))
        ui.longitude_edit.setText("" if u.longitude is None else str(u.longitude))
        ui.qpv_edit.setText(u.qpv or "")
        ui.status_combo.setCurrentIndex(max(ui.status_combo.findData(u.status.value), 0))
        ui.typology_combo.setCurrentIndex(
            max(ui.typology_combo.findData(min(max(u.typology, 1), 6)), 0)
        )
        ui.surface_edit.setText(format_amount(u.surface) if u.surface else "")
        ui.floor_edit.setText("" if u.floor is None else str(u.floor))
        ui.lift_check.setChecked(u.lift)
        ui.pmr_check.setChecked(u.accessible_pmr)
        ui.financing_combo.setCurrentIndex(max(ui.financing_combo.findData(u.financing.value), 0))
        ui.rent_edit.setText(format_amount(u.rent) if u.rent else "")
        ui.charges_edit.setText(format_amount(u.charges) if u.charges else "")
        ui.available_check.setChecked(u.available_on is not None)
        ui.available_date_edit.setDate(to_qdate(u.available_on))
        ui.deadline_check.setChecked(u.proposal_deadline is not None)
        ui.deadline_date_edit.setDate(to_qdate(u.proposal_deadline))
        ui.reserved_employer_edit.setText(u.reserved_employer or "")
        self._sync_optional_dates()

    def _sync_optional_dates(self) -> None:
        ui = self.ui
        ui.available_date_edit.setEnabled(ui.available_check.isChecked())
        ui.deadline_date_edit.setEnabled(ui.deadline_check.isChecked())

    def form_unit(self) -> tuple[Unit, list[FieldProblem]]:
        """Return the unit the form describes and what cannot be read in it."""
        ui = self.ui
        unreadable: list[FieldProblem] = []

        def amount(field: str, edit: QLineEdit, required: bool = False) -> float | None:
            try:
                value = parse_amount(edit.text())
            except ValueError:
                unreadable.append(
                    FieldProblem(field, self.tr("Nombre illisible : écrivez par exemple 45,5."))
                )
                return None
            if value is None and required:
                unreadable.append(FieldProblem(field, self.tr("Cette valeur est obligatoire.")))
            return value

        commune = ""
        text = ui.commune_edit.text().strip()
        if not text:
            unreadable.append(FieldProblem("commune", self.tr("La commune est obligatoire.")))
        else:
            try:
                commune = resolve_commune(text)
            except ValueError as exc:
                unreadable.append(FieldProblem("commune", str(exc)))
        floor: int | None = None
        if ui.floor_edit.text().strip():
            try:
                floor = int(ui.floor_edit.text().strip())
            except ValueError:
                unreadable.append(FieldProblem("etage", self.tr("L'étage est un nombre entier.")))
        unit = replace(
            self.original or blank_unit(),
            ref=ui.ref_edit.text().strip(),
            landlord=ui.landlord_edit.text().strip(),
            programme=ui.programme_edit.text().strip() or None,
            address=ui.address_edit.text().strip() or None,
            commune=commune,
            latitude=amount("latitude", ui.latitude_edit),
            longitude=amount("longitude", ui.longitude_edit),
            qpv=ui.qpv_edit.text().strip() or None,
            status=UnitStatus(ui.status_combo.currentData()),
            typology=int(ui.typology_combo.currentData()),
            surface=amount("surface_m2", ui.surface_edit, required=True) or 0.0,
            floor=floor,
            lift=ui.lift_check.isChecked(),
            accessible_pmr=ui.pmr_check.isChecked(),
            financing=Financement(ui.financing_combo.currentData()),
            rent=amount("loyer_hors_charges", ui.rent_edit, required=True) or 0.0,
            charges=amount("charges", ui.charges_edit) or 0.0,
            available_on=edited_date(ui.available_date_edit)
            if ui.available_check.isChecked()
            else None,
            proposal_deadline=edited_date(ui.deadline_date_edit)
            if ui.deadline_check.isChecked()
            else None,
            reserved_employer=ui.reserved_employer_edit.text().strip() or None,
        )
        return unit, unreadable

    def refresh(self) -> None:
        """Check the form, mark the fields in error and show the computed values."""
        unit, unreadable = self.form_unit()
        problems = unreadable + validate_unit(unit)
        self.problems = problems
        by_field: dict[str, list[str]] = {}
        for p in problems:
            by_field.setdefault(p.field, []).append(p.message)
        for name, widget in self.field_widgets.items():
            messages = by_field.get(name)
            widget.setStyleSheet(INVALID_STYLE if messages else "")
            widget.setToolTip("\n".join(messages) if messages else "")
        ui = self.ui
        if problems:
            ui.problems_label.setText("\n".join(f"• {p.message}" for p in problems))
            ui.problems_label.setStyleSheet("color: #a93226;")
        else:
            ui.problems_label.setText(self.tr("Aucun problème : le logement peut être enregistré."))
            ui.problems_label.setStyleSheet("color: #1e8449;")
        self.save_button.setEnabled(not problems)
        ui.total_rent_value.setText(f"{format_amount(unit.total_rent)} €")
        if unit.commune:
            computed = unit_record(self.store, self.session, unit, date.today())["calcul"]
            ui.zone_value.setText(computed.get("zone_abc") or "—")
            ui.metropole_value.setText(
                self.tr("oui") if computed.get("dijon_metropole") else self.tr("non")
            )
        else:
            ui.zone_value.setText("—")
            ui.metropole_value.setText("—")

    def _connect(self) -> None:
        ui = self.ui
        ui.button_box.accepted.connect(self._on_button_box_accepted)
        ui.button_box.rejected.connect(self.reject)
        for widget in self.findChildren(QLineEdit):
            widget.textChanged.connect(self._on_form_changed)
        for widget in self.findChildren(QDateEdit):
            widget.dateChanged.connect(self._on_form_changed)
        for widget in self.findChildren(QComboBox):
            widget.currentIndexChanged.connect(self._on_form_changed)
        for widget in self.findChildren(QCheckBox):
            widget.toggled.connect(self._on_form_changed)

    @Slot()
    def _on_form_changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self._sync_optional_dates()
        self.refresh()

    @Slot()
    def _on_button_box_accepted(self) -> None:
        self.save()

    def save(self) -> bool:
        """Validate and save through the records service; close on success."""
        unit, unreadable = self.form_unit()
        if unreadable:
            self.refresh()
            return False
        try:
            self.saved = save_unit(
                self.store,
                self.session,
                unit,
                original_ref=self.original.ref if self.original else None,
            )
        except ValidationFailed:
            self.refresh()
            return False
        except Exception as exc:
            show_error(self, self.tr("Enregistrement du logement"), exc)
            return False
        self._dirty = False
        self.unit_saved.emit(self.saved.ref)
        self.accept()
        return True

    def unsaved_question(self) -> str:
        """Return the question asked when closing with unsaved changes."""
        return self.tr("Le logement a été modifié. Enregistrer les modifications ?")
