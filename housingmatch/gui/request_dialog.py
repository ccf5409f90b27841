"""The request editor: the Designer form ``ui/request_dialog.ui`` with live checks and facts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from enum import StrEnum
from functools import partial

from PySide6.QtCore import QLocale, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from housingmatch.domain.model import (
    Applicant,
    CurrentHousing,
    Employer,
    Household,
    Mobilite,
    ModeTransport,
    Motif,
    PrioriteL441,
    Request,
    RequestStatus,
    SituationLogement,
    TypeContrat,
    Wishes,
    Workplace,
    label,
)
from housingmatch.domain.session import Session
from housingmatch.gui.communes import (
    CommuneCompleter,
    commune_label,
    resolve_commune,
    show_understood,
)
from housingmatch.gui.formats import edited_date, french_date, to_qdate
from housingmatch.gui.forms.ui_request_dialog import Ui_RequestDialog
from housingmatch.gui.jobs import show_error
from housingmatch.gui.record_dialog import RecordDialog
from housingmatch.rules.permissions import Action, allowed
from housingmatch.rules.validation import FieldProblem, validate_request
from housingmatch.services.database import Store
from housingmatch.services.facts import RequestFacts, request_facts
from housingmatch.services.records import ValidationFailed, save_request

INVALID_STYLE = "background-color: #fdecea; border: 1px solid #c0392b;"


def _english() -> bool:
    return QLocale().language() == QLocale.Language.English


def parse_amount(text: str) -> float | None:
    """Read an amount as typed in the window's language ("1 234,50"; "1,234.50" in English).

    None when empty; ValueError if unreadable.
    """
    cleaned = text.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    cleaned = cleaned.replace("€", "")
    cleaned = cleaned.replace(",", "") if _english() else cleaned.replace(",", ".")
    if not cleaned:
        return None
    return float(cleaned)


def format_amount(value: float | None) -> str:
    """Write an amount in the window's language (French by default), without useless decimals."""
    if value is None:
        return ""
    if _english():
        text = QLocale().toString(float(value), "f", 2)
        return text[:-3] if text.endswith(".00") else text
    text = f"{value:,.2f}".replace(",", "\u202f").replace(".", ",")
    return text[:-3] if text.endswith(",00") else text


def _fill_combo(combo: QComboBox, codes: type[StrEnum], empty: str | None = None) -> None:
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for code in codes:
        combo.addItem(label(code), code.value)


def _set_combo(combo: QComboBox, value: object) -> None:
    index = combo.findData(value.value if isinstance(value, StrEnum) else value)
    combo.setCurrentIndex(max(index, 0))


def _fill_checklist(widget: QListWidget, codes: type[StrEnum]) -> None:
    widget.clear()
    for code in codes:
        item = QListWidgetItem(label(code), widget)
        item.setData(Qt.ItemDataRole.UserRole, code.value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)


def _checked(widget: QListWidget) -> list[str]:
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


def _set_checked(widget: QListWidget, values: set[str]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        checked = item.data(Qt.ItemDataRole.UserRole) in values
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def blank_request() -> Request:
    """Return the starting point of a new request (filed today, one person)."""
    today = date.today()
    return Request(
        ref="",
        filing_date=today,
        applicant=Applicant("", "", date(today.year - 30, 1, 1)),
        household=Household(persons=1, fiscal_income=0.0),
        employer=Employer(""),
        workplace=Workplace(""),
        contract=TypeContrat.CDI,
        housing=CurrentHousing("", SituationLogement.LOCATAIRE_PRIVE),
    )


class RequestDialog(RecordDialog):
    """Edit or create one request; save goes through the records service (audited)."""

    def __init__(
        self,
        store: Store,
        session: Session,
        request: Request | None,
        parent: QWidget | None = None,
    ) -> None:
        """Show ``request`` (None: a new one) in the form."""
        super().__init__(parent)
        self.ui = Ui_RequestDialog()
        self.ui.setupUi(self)
        self.store = store
        self.session = session
        self.original = request
        self.saved: Request | None = None
        self.problems: list[FieldProblem] = []
        self.facts: RequestFacts | None = None
        self._loading = True
        self._dirty = False
        ui = self.ui
        self.save_button = ui.button_box.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Enregistrer"))
        # A role that may not edit reads the form; the service would refuse the save anyway.
        self.save_button.setVisible(allowed(session, Action.EDIT_RECORDS))
        ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))

        _fill_combo(ui.contract_combo, TypeContrat)
        _fill_combo(ui.mobility_combo, Mobilite)
        _fill_combo(ui.transport_combo, ModeTransport, "—")
        _fill_combo(ui.situation_combo, SituationLogement)
        for combo in (ui.typology_min_combo, ui.typology_max_combo):
            combo.addItem("—", None)
            for rooms in range(1, 7):
                combo.addItem(f"T{rooms}", rooms)
        _fill_checklist(ui.motifs_list, Motif)
        _fill_checklist(ui.l441_list, PrioriteL441)
        for edit in (ui.work_commune_edit, ui.home_commune_edit, ui.wished_commune_edit):
            CommuneCompleter(edit, self)
        for edit in (ui.work_commune_edit, ui.home_commune_edit):
            edit.editingFinished.connect(partial(show_understood, edit))

        # Field (template column) -> widget that shows it, for inline marks.
        self.field_widgets: dict[str, QWidget] = {
            "ref_demande": ui.ref_edit,
            "numero_unique": ui.unique_number_edit,
            "date_depot": ui.filing_date_edit,
            "date_renouvellement": ui.renewal_date_edit,
            "nom": ui.last_name_edit,
            "prenom": ui.first_name_edit,
            "date_naissance": ui.birth_date_edit,
            "email": ui.email_edit,
            "telephone": ui.phone_edit,
            "adresse": ui.address_edit,
            "nb_personnes": ui.persons_spin,
            "nb_personnes_a_charge": ui.dependants_spin,
            "date_naissance_conjoint": ui.partner_birth_date_edit,
            "revenu_fiscal_reference": ui.fiscal_income_edit,
            "revenus_mensuels": ui.monthly_income_edit,
            "revenu_recent": ui.recent_income_edit,
            "ressources_propres": ui.own_income_edit,
            "nb_moins_14_ans": ui.children_under_14_edit,
            "employeur": ui.employer_edit,
            "siret": ui.siret_edit,
            "date_mobilite": ui.mobility_date_edit,
            "commune_travail": ui.work_commune_edit,
            "latitude_travail": ui.work_latitude_edit,
            "longitude_travail": ui.work_longitude_edit,
            "commune_residence": ui.home_commune_edit,
            "loyer_actuel": ui.current_rent_edit,
            "communes_souhaitees": ui.wished_communes_list,
            "typologie_min": ui.typology_min_combo,
            "typologie_max": ui.typology_max_combo,
            "loyer_max": ui.max_rent_edit,
        }
        self._tab_titles = [ui.sections_tabs.tabText(i) for i in range(ui.sections_tabs.count())]

        self._load(request or blank_request())
        self.setWindowTitle(
            self.tr("Demande {ref}").format(ref=request.ref)
            if request
            else self.tr("Nouvelle demande")
        )
        if request is not None:
            ui.ref_edit.setReadOnly(True)  # the reference identifies the record
        self._connect()
        self._loading = False
        self.refresh()

    # -- typed pop-and-return API -------------------------------------------------------------
    @classmethod
    def edit(
        cls, parent: QWidget | None, store: Store, session: Session, request: Request
    ) -> Request | None:
        """Show the editor on ``request``; return the saved request, or None if cancelled."""
        dialog = cls(store, session, request, parent)
        dialog.exec()
        return dialog.saved

    @classmethod
    def create(cls, parent: QWidget | None, store: Store, session: Session) -> Request | None:
        """Show an empty editor; return the created request, or None if cancelled."""
        dialog = cls(store, session, None, parent)
        dialog.exec()
        return dialog.saved

    # -- form <-> request ------------------------------------------------------------------------
    def _load(self, r: Request) -> None:
        ui = self.ui
        ui.ref_edit.setText(r.ref)
        ui.unique_number_edit.setText(r.unique_number or "")
        ui.filing_date_edit.setDate(to_qdate(r.filing_date))
        ui.renewal_check.setChecked(r.renewal_date is not None)
        ui.renewal_date_edit.setDate(to_qdate(r.renewal_date or r.filing_date))
        ui.last_name_edit.setText(r.applicant.last_name)
        ui.first_name_edit.setText(r.applicant.first_name)
        ui.birth_date_edit.setDate(to_qdate(r.applicant.birth_date))
        ui.email_edit.setText(r.applicant.email or "")
        ui.phone_edit.setText(r.applicant.phone or "")
        ui.address_edit.setText(r.applicant.address or "")
        h = r.household
        ui.persons_spin.setValue(h.persons)
        ui.dependants_spin.setValue(h.dependants)
        ui.partner_check.setChecked(h.partner_birth_date is not None)
        ui.partner_birth_date_edit.setDate(to_qdate(h.partner_birth_date or r.applicant.birth_date))
        ui.disability_check.setChecked(h.disability)
        ui.fiscal_income_edit.setText(format_amount(h.fiscal_income))
        if "revenu_fiscal_reference" in r.to_complete:
            # A forum intake has no income from the tax notice yet: blank, so the advisor
            # types it before the request is complete (rules.intake).
            ui.fiscal_income_edit.setText("")
            ui.fiscal_income_edit.setPlaceholderText(self.tr("à compléter (saisie au forum)"))
        if "commune_residence" in r.to_complete:
            ui.home_commune_edit.setPlaceholderText(self.tr("à compléter (saisie au forum)"))
        ui.monthly_income_edit.setText(format_amount(h.monthly_income))
        ui.recent_income_edit.setText(format_amount(h.recent_income))
        ui.own_income_edit.setText(format_amount(h.own_income))
        ui.children_under_14_edit.setText(
            "" if h.children_under_14 is None else str(h.children_under_14)
        )
        ui.employer_edit.setText(r.employer.name)
        ui.siret_edit.setText(r.employer.siret or "")
        _set_combo(ui.contract_combo, r.contract)
        _set_combo(ui.mobility_combo, r.mobility)
        ui.mobility_date_check.setChecked(r.mobility_date is not None)
        ui.mobility_date_edit.setDate(to_qdate(r.mobility_date))
        ui.work_commune_edit.setText(commune_label(r.workplace.commune))
        _set_combo(ui.transport_combo, r.workplace.transport)
        ui.work_latitude_edit.setText(
            "" if r.workplace.latitude is None else str(r.workplace.latitude)
        )
        ui.work_longitude_edit.setText(
            "" if r.workplace.longitude is None else str(r.workplace.longitude)
        )
        ui.home_commune_edit.setText(commune_label(r.housing.commune))
        _set_combo(ui.situation_combo, r.housing.situation)
        ui.current_rent_edit.setText(format_amount(r.housing.rent))
        _set_checked(ui.motifs_list, {m.value for m in r.motifs})
        ui.wished_communes_list.clear()
        for code in r.wishes.communes:
            item = QListWidgetItem(commune_label(code), ui.wished_communes_list)
            item.setData(Qt.ItemDataRole.UserRole, code)
        _set_combo(ui.typology_min_combo, r.wishes.typology_min)
        _set_combo(ui.typology_max_combo, r.wishes.typology_max)
        ui.max_rent_edit.setText(format_amount(r.wishes.max_rent))
        ui.pmr_check.setChecked(r.wishes.needs_pmr)
        ui.lift_check.setChecked(r.wishes.needs_lift)
        ui.dalo_check.setChecked(r.dalo)
        _set_checked(ui.l441_list, {p.value for p in r.l441})
        self._sync_optional_dates()

    def _sync_optional_dates(self) -> None:
        ui = self.ui
        ui.renewal_date_edit.setEnabled(ui.renewal_check.isChecked())
        ui.partner_birth_date_edit.setEnabled(ui.partner_check.isChecked())
        ui.mobility_date_edit.setEnabled(ui.mobility_date_check.isChecked())

    def form_request(self) -> tuple[Request | None, list[FieldProblem]]:
        """Return the request the form describes and what cannot be read in it."""
        ui = self.ui
        unreadable: list[FieldProblem] = []

        def amount(field: str, edit: QLineEdit) -> float | None:
            try:
                return parse_amount(edit.text())
            except ValueError:
                unreadable.append(
                    FieldProblem(
                        field, self.tr("Montant illisible : écrivez par exemple 1 234,50.")
                    )
                )
                return None

        def number(field: str, edit: QLineEdit) -> float | None:
            try:
                return parse_amount(edit.text())
            except ValueError:
                unreadable.append(FieldProblem(field, self.tr("Nombre illisible.")))
                return None

        def commune(field: str, edit: QLineEdit) -> str:
            text = edit.text().strip()
            if not text:
                return ""
            try:
                return resolve_commune(text)
            except ValueError as exc:
                unreadable.append(FieldProblem(field, str(exc)))
                return ""

        def whole(field: str, edit: QLineEdit) -> int | None:
            text = edit.text().strip()
            if not text:
                return None
            if not text.isdigit():
                unreadable.append(FieldProblem(field, "Indiquez un nombre entier de personnes."))
                return None
            return int(text)

        fiscal = amount("revenu_fiscal_reference", ui.fiscal_income_edit)
        base = self.original or blank_request()
        request = replace(
            base,
            ref=ui.ref_edit.text().strip(),
            unique_number=ui.unique_number_edit.text().strip() or None,
            filing_date=edited_date(ui.filing_date_edit),
            renewal_date=edited_date(ui.renewal_date_edit)
            if ui.renewal_check.isChecked()
            else None,
            applicant=Applicant(
                last_name=ui.last_name_edit.text().strip(),
                first_name=ui.first_name_edit.text().strip(),
                birth_date=edited_date(ui.birth_date_edit),
                email=ui.email_edit.text().strip() or None,
                phone=ui.phone_edit.text().strip() or None,
                address=ui.address_edit.text().strip() or None,
            ),
            household=Household(
                persons=ui.persons_spin.value(),
                fiscal_income=fiscal if fiscal is not None else 0.0,
                dependants=ui.dependants_spin.value(),
                partner_birth_date=edited_date(ui.partner_birth_date_edit)
                if ui.partner_check.isChecked()
                else None,
                disability=ui.disability_check.isChecked(),
                monthly_income=amount("revenus_mensuels", ui.monthly_income_edit),
                recent_income=amount("revenu_recent", ui.recent_income_edit),
                own_income=amount("ressources_propres", ui.own_income_edit),
                children_under_14=whole("nb_moins_14_ans", ui.children_under_14_edit),
            ),
            employer=Employer(
                name=ui.employer_edit.text().strip(), siret=ui.siret_edit.text().strip() or None
            ),
            workplace=Workplace(
                commune=commune("commune_travail", ui.work_commune_edit),
                latitude=number("latitude_travail", ui.work_latitude_edit),
                longitude=number("longitude_travail", ui.work_longitude_edit),
                transport=ModeTransport(ui.transport_combo.currentData())
                if ui.transport_combo.currentData()
                else None,
            ),
            contract=TypeContrat(ui.contract_combo.currentData()),
            housing=CurrentHousing(
                commune=commune("commune_residence", ui.home_commune_edit),
                situation=SituationLogement(ui.situation_combo.currentData()),
                rent=amount("loyer_actuel", ui.current_rent_edit),
            ),
            wishes=Wishes(
                communes=tuple(
                    ui.wished_communes_list.item(i).data(Qt.ItemDataRole.UserRole)
                    for i in range(ui.wished_communes_list.count())
                ),
                typology_min=ui.typology_min_combo.currentData(),
                typology_max=ui.typology_max_combo.currentData(),
                max_rent=amount("loyer_max", ui.max_rent_edit),
                needs_pmr=ui.pmr_check.isChecked(),
                needs_lift=ui.lift_check.isChecked(),
            ),
            mobility=Mobilite(ui.mobility_combo.currentData()),
            mobility_date=edited_date(ui.mobility_date_edit)
            if ui.mobility_date_check.isChecked()
            else None,
            motifs=tuple(Motif(v) for v in _checked(ui.motifs_list)),
            dalo=ui.dalo_check.isChecked(),
            l441=tuple(PrioriteL441(v) for v in _checked(ui.l441_list)),
        )
        if fiscal is None and not unreadable:
            unreadable.append(
                FieldProblem(
                    "revenu_fiscal_reference",
                    self.tr("Le revenu fiscal de référence est obligatoire."),
                )
            )
        return request, unreadable

    # -- checks and facts ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Check the form, mark the fields in error and recompute the facts."""
        request, problems = self.form_request()
        assert request is not None
        problems = problems + validate_request(request)
        self.problems = problems
        self._mark(problems)
        self.save_button.setEnabled(not problems)
        self._show_facts(request)

    def _mark(self, problems: list[FieldProblem]) -> None:
        by_field: dict[str, list[str]] = {}
        for p in problems:
            by_field.setdefault(p.field, []).append(p.message)
        tabs = self.ui.sections_tabs
        bad_tabs: set[int] = set()
        for name, widget in self.field_widgets.items():
            messages = by_field.get(name)
            widget.setStyleSheet(INVALID_STYLE if messages else "")
            widget.setToolTip("\n".join(messages) if messages else "")
            if messages:
                for i in range(tabs.count()):
                    if tabs.widget(i).isAncestorOf(widget):
                        bad_tabs.add(i)
        for i, title in enumerate(self._tab_titles):
            tabs.setTabText(i, f"{title} ⚠" if i in bad_tabs else title)
        if problems:
            self.ui.problems_label.setText("\n".join(f"• {p.message}" for p in problems))
            self.ui.problems_label.setStyleSheet("color: #a93226;")
        else:
            self.ui.problems_label.setText(
                self.tr("Aucun problème : la demande peut être enregistrée.")
            )
            self.ui.problems_label.setStyleSheet("color: #1e8449;")

    def _show_facts(self, request: Request) -> None:
        ui = self.ui
        status = self.original.status if self.original else RequestStatus.ACTIVE
        try:
            facts = request_facts(self.store, self.session, request, date.today())
        except Exception as exc:  # a half-typed form may not be computable yet
            self.facts = None
            for value in (
                ui.category_value,
                ui.groups_value,
                ui.financings_value,
                ui.income_value,
            ):
                value.setText("—")
            ui.seniority_value.setText("—")
            ui.expiry_value.setText(str(exc) if not isinstance(exc, AssertionError) else "—")
            ui.status_value.setText(label(status))
            return
        self.facts = facts
        # The status on the day (computed in the core): a lapsed request reads "Expirée".
        ui.status_value.setText(facts.status_label if self.original else label(status))
        ui.category_value.setText(facts.category_label)
        ui.groups_value.setText(", ".join(facts.group_labels) or self.tr("aucun"))
        ui.income_value.setText(facts.income_explanation)
        lines = []
        for f in facts.financings:
            name = label(f.financing)
            if f.ceiling is None:
                lines.append(self.tr("{f} : plafond inconnu").format(f=name))
                continue
            mark = "✔" if f.eligible else "✘"
            text = self.tr("{mark} {f} : plafond {amount} € ({year})").format(
                mark=mark, f=name, amount=format_amount(f.ceiling), year=f.year_used
            )
            if f.warning:
                text += " *"
            lines.append(text)
        warnings = sorted({f.warning for f in facts.financings if f.warning})
        if warnings:
            lines.append(self.tr("* plafonds d'une année antérieure (voir l'infobulle)"))
        ui.financings_value.setText("\n".join(lines))
        ui.financings_value.setToolTip("\n".join(warnings))
        years, months = divmod(facts.seniority_months, 12)
        if years:
            seniority = self.tr("{m} mois (%n an(s) et {r} mois)", "", years).format(
                m=facts.seniority_months, r=months
            )
        else:
            seniority = self.tr("{m} mois").format(m=facts.seniority_months)
        ui.seniority_value.setText(seniority)
        expiry = french_date(facts.expiry)
        ui.expiry_value.setText(
            self.tr("expirée depuis le {d}").format(d=expiry)
            if facts.expired
            else self.tr("le {d}").format(d=expiry)
        )

    # -- wiring ------------------------------------------------------------------------------------
    def _connect(self) -> None:
        ui = self.ui
        ui.button_box.accepted.connect(self._on_button_box_accepted)
        ui.button_box.rejected.connect(self.reject)
        for widget in self.findChildren(QLineEdit):
            widget.textChanged.connect(self._on_form_changed)
        for widget in self.findChildren(QDateEdit):
            widget.dateChanged.connect(self._on_form_changed)
        for widget in self.findChildren(QSpinBox):
            widget.valueChanged.connect(self._on_form_changed)
        for widget in self.findChildren(QComboBox):
            widget.currentIndexChanged.connect(self._on_form_changed)
        for widget in self.findChildren(QCheckBox):
            widget.toggled.connect(self._on_form_changed)
        for widget in (ui.motifs_list, ui.l441_list):
            widget.itemChanged.connect(self._on_form_changed)
        ui.add_wished_button.clicked.connect(self._on_add_wished_button_clicked)
        ui.remove_wished_button.clicked.connect(self._on_remove_wished_button_clicked)
        ui.wished_commune_edit.returnPressed.connect(self._on_add_wished_button_clicked)

    @Slot()
    def _on_form_changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self._sync_optional_dates()
        self.refresh()

    @Slot()
    def _on_add_wished_button_clicked(self) -> None:
        edit = self.ui.wished_commune_edit
        text = edit.text().strip()
        if not text:
            return
        try:
            code = resolve_commune(text)
        except ValueError as exc:
            edit.setStyleSheet(INVALID_STYLE)
            edit.setToolTip(str(exc))
            self.ui.problems_label.setText(str(exc))
            return
        edit.setStyleSheet("")
        edit.setToolTip("")
        existing = {
            self.ui.wished_communes_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.ui.wished_communes_list.count())
        }
        if code not in existing:
            item = QListWidgetItem(commune_label(code), self.ui.wished_communes_list)
            item.setData(Qt.ItemDataRole.UserRole, code)
        edit.clear()
        self._on_form_changed()

    @Slot()
    def _on_remove_wished_button_clicked(self) -> None:
        for item in self.ui.wished_communes_list.selectedItems():
            self.ui.wished_communes_list.takeItem(self.ui.wished_communes_list.row(item))
        self._on_form_changed()

    @Slot()
    def _on_button_box_accepted(self) -> None:
        self.save()

    def save(self) -> bool:
        """Validate and save through the records service; close the dialog on success."""
        self.refresh()
        request, unreadable = self.form_request()
        if unreadable or request is None:
            self._refuse(unreadable)
            return False
        try:
            self.saved = save_request(
                self.store,
                self.session,
                request,
                original_ref=self.original.ref if self.original else None,
            )
        except ValidationFailed as exc:
            self._refuse(exc.problems)
            return False
        except Exception as exc:
            show_error(self, self.tr("Enregistrement de la demande"), exc)
            return False
        self._dirty = False
        self.accept()
        return True

    def _refuse(self, problems: list[FieldProblem]) -> None:
        self._mark(problems)
        self.save_button.setEnabled(False)

    # -- closing -----------------------------------------------------------------------------------
    def unsaved_question(self) -> str:
        """Return the question asked when closing with unsaved changes."""
        return self.tr("La demande a été modifiée. Enregistrer les modifications ?")
