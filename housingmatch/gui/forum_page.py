"""The *Forum* workspace: a keyboard-first quick intake, the aids checker and the offers to show.

At a company forum the advisor types the few facts a stand allows (Tab from field to field,
Enter saves, Ctrl+Enter saves and starts the next person); the request is saved *incomplète*
and completed at the office. Beside the form, the aids checker is pre-filled from it and the
open units matching the person's wishes are listed without any personal data.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from housingmatch.domain.model import LABELS, Mobilite, SituationLogement, TypeContrat
from housingmatch.domain.session import Session
from housingmatch.gui.aids_dialog import AidsChecker
from housingmatch.gui.communes import CommuneCompleter
from housingmatch.gui.jobs import JobRunner, error_text
from housingmatch.rules.permissions import Action, allowed
from housingmatch.services import forum
from housingmatch.services.database import Store

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class IntakeForm(QWidget):
    """The quick intake fields; Enter anywhere in it saves, Ctrl+Enter saves and clears."""

    save_requested = Signal(bool)  # True: start the next intake after saving

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build the fields in their Tab order."""
        super().__init__(parent)
        self.last_name = QLineEdit(self)
        self.first_name = QLineEdit(self)
        self.birth_date = QLineEdit(self)
        self.birth_date.setPlaceholderText(self.tr("JJ/MM/AAAA"))
        self.email = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.employer = QLineEdit(self)
        self.work_commune = QLineEdit(self)
        self.work_commune.setPlaceholderText(self.tr("nom, code postal ou code INSEE"))
        CommuneCompleter(self.work_commune, self)
        self.persons = QSpinBox(self)
        self.persons.setRange(1, 20)
        self.income_band = QComboBox(self)
        for band in forum.IncomeBand:
            self.income_band.addItem(forum.INCOME_BAND_LABELS[band], band)
        self.situation = QComboBox(self)
        for situation in SituationLogement:
            self.situation.addItem(LABELS[situation], situation)
        self.contract = QComboBox(self)
        for contract in TypeContrat:
            self.contract.addItem(LABELS[contract], contract)
        self.mobility = QComboBox(self)
        for mobility in Mobilite:
            self.mobility.addItem(LABELS[mobility], mobility)
        self.mobility_date = QLineEdit(self)
        self.mobility_date.setPlaceholderText(self.tr("JJ/MM/AAAA (embauche, mutation…)"))
        self.wished_communes = QLineEdit(self)
        self.wished_communes.setPlaceholderText(self.tr("communes séparées par des virgules"))
        self.typology_min = QComboBox(self)
        self.typology_max = QComboBox(self)
        for box in (self.typology_min, self.typology_max):
            box.addItem(self.tr("indifférent"), None)
            for rooms in range(1, 7):
                box.addItem(f"T{rooms}", rooms)
        self.max_rent = QLineEdit(self)
        self.max_rent.setPlaceholderText(self.tr("€ par mois, charges comprises"))

        typologies = QHBoxLayout()
        typologies.setContentsMargins(0, 0, 0, 0)
        typologies.addWidget(self.typology_min)
        typologies.addWidget(QLabel(self.tr("à"), self))
        typologies.addWidget(self.typology_max)
        form = QFormLayout(self)
        rows: tuple[tuple[str, QWidget | QHBoxLayout], ...] = (
            (self.tr("&Nom"), self.last_name),
            (self.tr("&Prénom"), self.first_name),
            (self.tr("Date de &naissance"), self.birth_date),
            (self.tr("&Courriel"), self.email),
            (self.tr("&Téléphone"), self.phone),
            (self.tr("&Employeur"), self.employer),
            (self.tr("Commune de tra&vail"), self.work_commune),
            (self.tr("Personnes au &foyer"), self.persons),
            (self.tr("&Revenus du foyer"), self.income_band),
            (self.tr("&Situation de logement"), self.situation),
            (self.tr("C&ontrat"), self.contract),
            (self.tr("&Mobilité"), self.mobility),
            (self.tr("Date de la mo&bilité"), self.mobility_date),
            (self.tr("Communes so&uhaitées"), self.wished_communes),
            (self.tr("Typologie"), typologies),
            (self.tr("&Loyer maximal"), self.max_rent),
        )
        for text, field in rows:
            form.addRow(text, field)
        self.fields: tuple[QWidget, ...] = (
            self.last_name,
            self.first_name,
            self.birth_date,
            self.email,
            self.phone,
            self.employer,
            self.work_commune,
            self.persons,
            self.income_band,
            self.situation,
            self.contract,
            self.mobility,
            self.mobility_date,
            self.wished_communes,
            self.typology_min,
            self.typology_max,
            self.max_rent,
        )
        for before, after in zip(self.fields, self.fields[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Save on Enter (the fields pass it up); Ctrl+Enter saves and starts the next."""
        if event.key() in _ENTER:
            control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self.save_requested.emit(control)
            event.accept()
            return
        super().keyPressEvent(event)

    def intake(self, on: date) -> forum.Intake:
        """Return what the form says (typed text is read and checked by the service)."""

        def code(box: QComboBox) -> object:
            return box.currentData()

        communes = self.wished_communes.text().replace(";", ",").split(",")
        return forum.Intake(
            last_name=self.last_name.text(),
            first_name=self.first_name.text(),
            birth_date=self.birth_date.text(),
            email=self.email.text() or None,
            phone=self.phone.text() or None,
            employer=self.employer.text(),
            work_commune=self.work_commune.text(),
            persons=self.persons.value(),
            income_band=forum.IncomeBand(code(self.income_band)),
            housing_situation=SituationLogement(code(self.situation)),
            contract=TypeContrat(code(self.contract)),
            mobility=Mobilite(code(self.mobility)),
            mobility_date=self.mobility_date.text(),
            wished_communes=tuple(c.strip() for c in communes if c.strip()),
            typology_min=self.typology_min.currentData(),
            typology_max=self.typology_max.currentData(),
            max_rent=self.max_rent.text(),
            on=on,
        )

    def clear(self) -> None:
        """Empty every field for the next person and put the cursor on the name."""
        for field in self.fields:
            if isinstance(field, QLineEdit):
                field.clear()
                field.setToolTip("")
            elif isinstance(field, QComboBox):
                field.setCurrentIndex(0)
            elif isinstance(field, QSpinBox):
                field.setValue(1)
        self.last_name.setFocus()

    def mark(self, problem_fields: set[str]) -> None:
        """Outline the fields a refusal names (template field names)."""
        names = {
            "nom": self.last_name,
            "prenom": self.first_name,
            "date_naissance": self.birth_date,
            "email": self.email,
            "telephone": self.phone,
            "employeur": self.employer,
            "commune_travail": self.work_commune,
            "nb_personnes": self.persons,
            "date_mobilite": self.mobility_date,
            "communes_souhaitees": self.wished_communes,
            "typologie_min": self.typology_min,
            "typologie_max": self.typology_max,
            "loyer_max": self.max_rent,
        }
        for name, widget in names.items():
            widget.setStyleSheet("border: 2px solid #c0392b;" if name in problem_fields else "")


class OffersTable(QTableWidget):
    """The open units to show an employee: commune, typology, rent, financing, QPV."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build the empty table."""
        super().__init__(0, 6, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Commune"),
                self.tr("Typologie"),
                self.tr("Surface"),
                self.tr("Loyer CC"),
                self.tr("Financement"),
                self.tr("QPV"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.offers: list[forum.Offer] = []

    def show_offers(self, offers: list[forum.Offer]) -> None:
        """Fill the table, cheapest first (the service's order)."""
        self.offers = offers
        self.setRowCount(len(offers))
        for row, offer in enumerate(offers):
            cells = (
                offer.commune,
                offer.typology,
                f"{offer.surface:.0f} m²",
                f"{offer.monthly_rent:.0f} €",
                offer.financing,
                self.tr("oui") if offer.qpv else self.tr("non"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(row, column, item)


class ForumPage(QWidget):
    """Quick intake on the left; the aids checker and the offers to show on the right."""

    intake_saved = Signal(str)

    def __init__(
        self, jobs: JobRunner, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        """Build the workspace; call :meth:`set_store` to use it."""
        super().__init__(parent)
        self.jobs = jobs
        self.store: Store | None = None
        self.session: Session | None = None
        self._today = today
        self.saved_ref: str | None = None  # the intake on screen, once saved

        self.form = IntakeForm(self)
        self.form.save_requested.connect(self._on_form_save_requested)
        self.save_button = QPushButton(self.tr("Enregistrer (Entrée)"), self)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.next_button = QPushButton(self.tr("Enregistrer et suivante (Ctrl+Entrée)"), self)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.new_button = QPushButton(self.tr("Nouvelle fiche"), self)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        for button in (self.save_button, self.next_button, self.new_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stays in the form
        self.message = QLabel(self)
        self.message.setObjectName("forum_message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        restart = QHBoxLayout()
        restart.addStretch(1)
        restart.addWidget(self.new_button)
        intake_box = QGroupBox(self.tr("Fiche rapide (saisie au forum, à compléter à l'agence)"))
        intake_layout = QVBoxLayout(intake_box)
        intake_layout.addWidget(self.form)
        intake_layout.addLayout(buttons)
        intake_layout.addLayout(restart)
        intake_layout.addWidget(self.message)
        intake_layout.addStretch(1)

        self.aids = AidsChecker(self, today, stacked=True)
        self.offers = OffersTable(self)
        self.offers_label = QLabel(self)
        offers_widget = QWidget(self)
        offers_layout = QVBoxLayout(offers_widget)
        offers_layout.addWidget(self.offers_label)
        offers_layout.addWidget(self.offers, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.aids, self.tr("Aides"))
        self.tabs.addTab(offers_widget, self.tr("Offres à montrer"))

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(intake_box)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 740])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        # The aids and offers follow the form a moment after typing stops.
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(250)
        self._follow.timeout.connect(self.refresh_beside)
        for field in self.form.fields:
            if isinstance(field, QLineEdit):
                field.textEdited.connect(self._on_form_edited)
            elif isinstance(field, QComboBox):
                field.currentIndexChanged.connect(self._on_form_edited)
            elif isinstance(field, QSpinBox):
                field.valueChanged.connect(self._on_form_edited)

    # -- data ----------------------------------------------------------------------------------
    @property
    def today(self) -> date:
        """Return the day of the intake (today unless a test fixed it)."""
        return self._today or date.today()

    def set_store(self, store: Store, session: Session) -> None:
        """Work on ``store`` as ``session``; show every open unit until wishes are typed."""
        self.store, self.session = store, session
        can_save = allowed(session, Action.EDIT_RECORDS)
        for widget in (self.save_button, self.next_button):
            widget.setEnabled(can_save)
        self.refresh_beside()

    def focus_intake(self) -> None:
        """Put the cursor on the first field (the window opens on it with ``--forum``)."""
        self.form.last_name.setFocus()

    @Slot()
    def refresh_beside(self) -> None:
        """Pre-fill the aids checker from the form and list the offers matching the wishes."""
        self._follow.stop()
        intake = self.form.intake(self.today)
        birth = _quiet_day(intake.birth_date)
        moved = _quiet_day(intake.mobility_date)
        rent = _quiet_amount(intake.max_rent)
        # A one-person household's income band is the person's own pay: an estimate.
        salary = forum.INCOME_BAND_MONTHLY[intake.income_band] if intake.persons == 1 else None
        self.aids.prefill(
            birth_date=birth,
            contract=intake.contract,
            mobility=intake.mobility,
            mobility_date=moved,
            net_salary=salary,
            rent=rent,
        )
        if self.store is None or self.session is None:
            return
        try:
            communes = forum.resolve_communes(list(intake.wished_communes))
        except Exception:  # a commune being typed: keep the offers of the last readable wishes
            return
        offers = forum.current_offers(
            self.store,
            self.session,
            communes=communes,
            typology_min=intake.typology_min,
            typology_max=intake.typology_max,
            max_rent=rent,
        )
        self.offers.show_offers(offers)
        self.offers_label.setText(
            self.tr("%n logement(s) ouvert(s) correspondant aux souhaits", "", len(offers))
        )

    def hideEvent(self, event: QHideEvent) -> None:
        """Stop following the form while hidden (the window may be closing its database)."""
        self._follow.stop()
        super().hideEvent(event)

    # -- saving --------------------------------------------------------------------------------
    def save(self, next_one: bool = False) -> str | None:
        """Save the intake on screen (incomplète); return its reference, or None if refused."""
        if self.store is None or self.session is None:
            return None
        try:
            ref = forum.save_intake(
                self.store, self.session, self.form.intake(self.today), ref=self.saved_ref
            )
        except forum.IntakeRefused as refused:
            self.form.mark({p.field for p in refused.problems})
            self._say(str(refused), error=True)
            return None
        except Exception as exc:
            self._say(error_text(exc), error=True)
            return None
        self.form.mark(set())
        self.intake_saved.emit(ref)
        if next_one:
            self.saved_ref = None
            self.form.clear()
            self.refresh_beside()
            self._say(
                self.tr("Fiche {ref} enregistrée (incomplète). Fiche suivante.").format(ref=ref)
            )
        else:
            self.saved_ref = ref
            self._say(
                self.tr(
                    "Fiche {ref} enregistrée (incomplète) : à compléter à l'agence "
                    "(revenu fiscal de référence, commune de résidence)."
                ).format(ref=ref)
            )
        return ref

    def start_next(self) -> None:
        """Leave the intake on screen as it is saved and start a blank one."""
        self.saved_ref = None
        self.form.mark(set())
        self.form.clear()
        self._say("")
        self.refresh_beside()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c0392b;" if error else "color: #1e8449;")

    @Slot(bool)
    def _on_form_save_requested(self, next_one: bool) -> None:
        self.save(next_one)

    @Slot()
    def _on_save_button_clicked(self) -> None:
        self.save(False)

    @Slot()
    def _on_next_button_clicked(self) -> None:
        self.save(True)

    @Slot()
    def _on_new_button_clicked(self) -> None:
        self.start_next()

    @Slot()
    def _on_form_edited(self) -> None:
        self._follow.start()


def _quiet_day(value: date | str | None) -> date | None:
    """Return a date typed so far, or None while it is not one yet (no message)."""
    if value is None or isinstance(value, date):
        return value
    return forum.read_day(value)


def _quiet_amount(value: float | str | None) -> float | None:
    """Return an amount typed so far, or None while it is not one yet."""
    if value is None or isinstance(value, float | int):
        return None if value is None else float(value)
    return forum.read_amount(value)
