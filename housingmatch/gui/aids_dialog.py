"""The aids checker of a forum: a keyboard-first form and the answers, updated as one types.

Nothing is stored: the advisor asks, types, and reads Visale, Mobili-Jeune, Avance Loca-Pass
and Mobili-Pass answered *éligible*, *non éligible* or *à vérifier* with the reasons and the
facts still to ask. Every field starts "non renseigné", which never counts for or against the
person (the rules are in ``rules/aids.py``).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from html import escape
from typing import TypeVar

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from housingmatch.domain.model import LABELS, Mobilite, TypeContrat
from housingmatch.gui.formats import edited_date
from housingmatch.services.forum import AidAnswer, AidCase, Secteur, Verdict, check_aids

_UNSET = QDate(1900, 1, 1)
E = TypeVar("E", bound=StrEnum)
_COLOURS = {
    Verdict.ELIGIBLE: "#1b7f3b",
    Verdict.NON_ELIGIBLE: "#a12626",
    Verdict.A_VERIFIER: "#9a6700",
}


def _choice(parent: QWidget, items: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox(parent)
    box.addItem(parent.tr("— non renseigné —"), None)
    for text, value in items:
        box.addItem(text, value)
    return box


def _amount(parent: QWidget, maximum: float, suffix: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(-1, maximum)
    box.setDecimals(0)
    box.setSingleStep(10)
    box.setValue(-1)
    box.setSpecialValueText(parent.tr("non renseigné"))
    box.setSuffix(suffix)
    return box


def _day(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setMinimumDate(_UNSET)
    edit.setSpecialValueText(parent.tr("non renseignée"))
    edit.setDate(_UNSET)
    edit.setCalendarPopup(True)
    return edit


class AidsChecker(QWidget):
    """The aids form and its answers, shared by the dialog and the Forum workspace."""

    def __init__(
        self, parent: QWidget | None = None, today: date | None = None, stacked: bool = False
    ) -> None:
        """Build the form; ``today`` is the day of the check (today by default).

        ``stacked`` lays the fields out in two columns above the answers (a narrow pane).
        """
        super().__init__(parent)
        self._today = today or date.today()

        form_widget = QWidget(self)
        form = QFormLayout(form_widget)
        grid = QGridLayout()
        self.birth = _day(self)
        self.secteur = _choice(
            self,
            [
                (self.tr("Privé (non agricole)"), Secteur.PRIVE),
                (self.tr("Agricole"), Secteur.AGRICOLE),
                (self.tr("Public"), Secteur.PUBLIC),
            ],
        )
        self.company_size = QSpinBox(self)
        self.company_size.setRange(0, 500_000)
        self.company_size.setSpecialValueText(self.tr("non renseigné"))
        self.contract = _choice(self, [(LABELS[c], c) for c in TypeContrat])
        self.mobility = _choice(self, [(LABELS[m], m) for m in Mobilite])
        self.mobility_date = _day(self)
        self.net_salary = _amount(self, 100_000, " €")
        self.gross_salary = _amount(self, 100_000, " €")
        self.rent = _amount(self, 10_000, " €")
        self.move_km = _amount(self, 2_000, " km")
        self.trip_minutes = _amount(self, 1_000, " min")
        yes_no = [(self.tr("oui"), True), (self.tr("non"), False)]
        self.double_rent = _choice(self, yes_no)
        self.student = _choice(self, yes_no)
        self.scholarship = _choice(self, yes_no)
        self.job_seeking = _choice(self, yes_no)
        self.move_in = _day(self)
        rows = (
            (self.tr("&Date de naissance"), self.birth),
            (self.tr("&Secteur de l'employeur"), self.secteur),
            (self.tr("&Effectif de l'entreprise"), self.company_size),
            (self.tr("&Contrat"), self.contract),
            (self.tr("&Mobilité"), self.mobility),
            (self.tr("Date de la mobilité"), self.mobility_date),
            (self.tr("Salaire &net mensuel"), self.net_salary),
            (self.tr("Salaire &brut mensuel"), self.gross_salary),
            (self.tr("&Loyer visé (charges comprises)"), self.rent),
            (self.tr("Distance du déménagement"), self.move_km),
            (self.tr("&Trajet vers le travail"), self.trip_minutes),
            (self.tr("Double loyer"), self.double_rent),
            (self.tr("Étudiant"), self.student),
            (self.tr("Boursier"), self.scholarship),
            (self.tr("En recherche d'emploi"), self.job_seeking),
            (self.tr("Date d'&entrée dans le logement"), self.move_in),
        )
        for index, (text, widget) in enumerate(rows):
            if stacked:  # two fields a line: left column first, then right
                if isinstance(widget, QComboBox):  # narrow lists leave the labels whole
                    widget.setSizeAdjustPolicy(
                        QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                    )
                    widget.setMinimumContentsLength(9)
                line, side = index % ((len(rows) + 1) // 2), index // ((len(rows) + 1) // 2)
                label = QLabel(text, form_widget)
                label.setBuddy(widget)
                grid.addWidget(label, line, side * 2)
                grid.addWidget(widget, line, side * 2 + 1)
            else:
                form.addRow(text, widget)
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._on_field_changed)
            elif isinstance(widget, QDateEdit):
                widget.dateChanged.connect(self._on_field_changed)
            else:
                widget.valueChanged.connect(self._on_field_changed)  # type: ignore[attr-defined]

        self.answers = QTextBrowser(self)
        self.answers.setObjectName("aids_answers")
        self.answers.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.form_widget = form_widget
        if stacked:
            grid.setColumnStretch(1, 1)
            grid.setColumnStretch(3, 1)
            form.addRow(grid)
            stack = QVBoxLayout(self)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.addWidget(form_widget, 0)
            stack.addWidget(self.answers, 1)
        else:
            body = QHBoxLayout(self)
            body.setContentsMargins(0, 0, 0, 0)
            body.addWidget(form_widget, 0)
            body.addWidget(self.answers, 1)
        self._on_field_changed()

    def prefill(
        self,
        birth_date: date | None = None,
        contract: TypeContrat | None = None,
        mobility: Mobilite | None = None,
        mobility_date: date | None = None,
        net_salary: float | None = None,
        rent: float | None = None,
    ) -> None:
        """Fill the fields an intake already knows (None leaves a field as it is)."""
        if birth_date is not None:
            self.birth.setDate(QDate(birth_date.year, birth_date.month, birth_date.day))
        for box, value in ((self.contract, contract), (self.mobility, mobility)):
            if value is not None:
                box.setCurrentIndex(max(box.findData(value), 0))
        if mobility_date is not None:
            self.mobility_date.setDate(
                QDate(mobility_date.year, mobility_date.month, mobility_date.day)
            )
        for spin, amount in ((self.net_salary, net_salary), (self.rent, rent)):
            if amount is not None:
                spin.setValue(amount)

    def case(self) -> AidCase:
        """Return what the form says of the person (unset fields are None)."""

        def day(edit: QDateEdit) -> date | None:
            return None if edit.date() == _UNSET else edited_date(edit)

        def amount(box: QDoubleSpinBox) -> float | None:
            return None if box.value() < 0 else float(box.value())

        def code(box: QComboBox, kind: type[E]) -> E | None:
            # Qt hands enum members back as plain strings: make them enum members again.
            value = box.currentData()
            return None if value is None else kind(value)

        return AidCase(
            on=self._today,
            birth_date=day(self.birth),
            secteur=code(self.secteur, Secteur),
            company_size=self.company_size.value() or None,
            contract=code(self.contract, TypeContrat),
            mobility=code(self.mobility, Mobilite),
            mobility_date=day(self.mobility_date),
            net_monthly_salary=amount(self.net_salary),
            gross_monthly_salary=amount(self.gross_salary),
            rent=amount(self.rent),
            move_km=amount(self.move_km),
            trip_minutes=amount(self.trip_minutes),
            double_rent=self.double_rent.currentData(),
            student=self.student.currentData(),
            scholarship=self.scholarship.currentData(),
            job_seeking=self.job_seeking.currentData(),
            move_in_date=day(self.move_in),
        )

    def current_answers(self) -> list[AidAnswer]:
        """Return the answers for what the form says now."""
        return check_aids(self.case())

    @Slot()
    def _on_field_changed(self) -> None:
        parts = []
        for answer in self.current_answers():
            colour = _COLOURS[answer.verdict]
            parts.append(
                f"<h3>{escape(answer.label)} : "
                f"<span style='color:{colour}'>{escape(answer.verdict.label)}</span></h3>"
            )
            parts.append(
                "<ul>" + "".join(f"<li>{escape(r)}</li>" for r in answer.reasons) + "</ul>"
            )
            if answer.to_ask:
                parts.append(
                    "<p><b>"
                    + self.tr("À demander :")
                    + "</b> "
                    + escape(", ".join(answer.to_ask))
                    + ".</p>"
                )
            if answer.verdict is not Verdict.NON_ELIGIBLE:
                parts.append(f"<p>{escape(answer.amount)}.</p>")
                if answer.note:
                    parts.append(f"<p><i>{escape(answer.note)}</i></p>")
        self.answers.setHtml("".join(parts))


class AidsDialog(QDialog):
    """Check the Action Logement aids for the person in front of the advisor."""

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        """Build the dialog around the checker; ``today`` is the day of the check."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Vérifier les aides Action Logement"))
        self.resize(1000, 640)
        self.checker = AidsChecker(self, today)
        # The fields most used, on the dialog itself (tests, the screenshot tour).
        self.birth = self.checker.birth
        self.secteur = self.checker.secteur
        self.net_salary = self.checker.net_salary
        self.rent = self.checker.rent
        self.answers = self.checker.answers
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.checker, 1)
        layout.addWidget(buttons)
        self.checker.birth.setFocus()

    def case(self) -> AidCase:
        """Return what the form says of the person (unset fields are None)."""
        return self.checker.case()

    def current_answers(self) -> list[AidAnswer]:
        """Return the answers for what the form says now."""
        return self.checker.current_answers()
