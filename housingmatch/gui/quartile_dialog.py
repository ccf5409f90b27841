"""The *Référence › Seuils du premier quartile* form: list and enter thresholds per EPCI."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from housingmatch.domain.session import Session
from housingmatch.errors import UserError
from housingmatch.gui.formats import french_int
from housingmatch.gui.models import Row, RowsModel
from housingmatch.services import reference as reference_service
from housingmatch.services.database import Store


class QuartileDialog(QDialog):
    """Lists the first-quartile thresholds entered and records a new one."""

    saved = Signal()

    def __init__(self, store: Store, session: Session, parent: QWidget | None = None) -> None:
        """Build the form over a store, for the person signed in."""
        super().__init__(parent)
        self.store = store
        self.session = session
        self.setWindowTitle(self.tr("Seuils du premier quartile"))
        self.resize(620, 420)
        intro = QLabel(
            self.tr(
                "Seuil de ressources des demandeurs du premier quartile, en euros par unité de "
                "consommation et par an, publié chaque année par arrêté pour chaque EPCI. Tant "
                "qu'il manque, le statut « premier quartile » est « inconnu »."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.model = RowsModel(
            [self.tr("EPCI"), self.tr("SIREN"), self.tr("Année"), self.tr("Seuil (€/UC)")],
            self,
            right_aligned=(2, 3),
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.epci_edit = QLineEdit(self)
        self.epci_edit.setObjectName("epci_edit")
        self.epci_edit.setPlaceholderText(self.tr("SIREN à 9 chiffres, p. ex. 242100410"))
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("year_spin")
        self.year_spin.setRange(reference_service.MIN_YEAR, reference_service.MAX_YEAR)
        self.year_spin.setValue(date.today().year)
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setObjectName("amount_edit")
        self.amount_edit.setPlaceholderText(self.tr("euros par unité de consommation et par an"))
        self.save_button = QPushButton(self.tr("Enregistrer le seuil"), self)
        self.save_button.setObjectName("save_button")
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("EPCI (SIREN)"), self.epci_edit)
        form.addRow(self.tr("Année"), self.year_spin)
        form.addRow(self.tr("Seuil"), self.amount_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.refresh()

    def refresh(self) -> None:
        """Reread the thresholds entered (a small table: read on the GUI thread)."""
        rows = []
        for e in reference_service.quartile_thresholds(self.store, self.session):
            name = e.epci_name or reference_service.epci_label(e.epci)
            rows.append(
                Row(
                    (name, e.epci, str(e.year), french_int(round(e.amount))),
                    (name, e.epci, e.year, e.amount),
                    payload=e,
                )
            )
        self.model.set_rows(rows)

    @Slot()
    def _on_save_button_clicked(self) -> None:
        text = self.amount_edit.text().replace("\u202f", "").replace(" ", "").replace(",", ".")
        try:
            try:
                amount = float(text)
            except ValueError:
                raise UserError(
                    self.tr("Montant illisible : écrivez par exemple 10 500.")
                ) from None
            # Until accounts exist (issue 9), the window acts as the local user.
            entry = reference_service.set_quartile_threshold(
                self.store, self.session, self.epci_edit.text(), self.year_spin.value(), amount
            )
        except UserError as exc:
            self.message_label.setStyleSheet("color: #a93226;")
            self.message_label.setText(str(exc))
            return
        name = entry.epci_name or reference_service.epci_label(entry.epci)
        self.message_label.setStyleSheet("color: #1e8449;")
        self.message_label.setText(
            self.tr("Seuil {y} de {n} enregistré.").format(y=entry.year, n=name)
        )
        self.refresh()
        self.saved.emit()
