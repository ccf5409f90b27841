"""Rapprochement › Par demande: the open units one request fits, best first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from housingmatch.domain.model import Unit, label, typology_name
from housingmatch.gui.columns import fit_columns
from housingmatch.gui.communes import commune_name
from housingmatch.gui.delegates import PartsBarDelegate
from housingmatch.gui.jobs import Job
from housingmatch.gui.matching_common import (
    make_table,
    minutes_text,
    score_text,
)
from housingmatch.gui.models import Row, RowsModel, sorted_proxy
from housingmatch.gui.request_dialog import format_amount
from housingmatch.rules.groups import GROUP_LABELS
from housingmatch.services.background import (
    candidate_units_work,
)


class RequestViewMixin:
    """The *Par demande* view of :class:`MatchingPage` (its widgets live on the page)."""

    def _build_request_view(self) -> QWidget:
        page = QWidget(self)
        self.request_combo = QComboBox(page)
        self.request_combo.setEditable(True)
        self.request_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.request_combo.lineEdit().setPlaceholderText(
            QCoreApplication.translate("MatchingPage", "référence de la demande")
        )
        self.request_combo.setMinimumContentsLength(30)
        self.find_units_button = QPushButton(
            QCoreApplication.translate("MatchingPage", "Chercher les logements ouverts"), page
        )
        top = QHBoxLayout()
        top.addWidget(QLabel(QCoreApplication.translate("MatchingPage", "Demande"), page))
        top.addWidget(self.request_combo, 1)
        top.addWidget(self.find_units_button)
        self.reverse_label = QLabel(page)
        self.reverse_label.setWordWrap(True)
        self.reverse_model = RowsModel(
            [
                QCoreApplication.translate("MatchingPage", "Logement"),
                QCoreApplication.translate("MatchingPage", "Commune"),
                QCoreApplication.translate("MatchingPage", "Typologie"),
                QCoreApplication.translate("MatchingPage", "Financement"),
                QCoreApplication.translate("MatchingPage", "Loyer CC"),
                QCoreApplication.translate("MatchingPage", "Score"),
                QCoreApplication.translate("MatchingPage", "Points par partie"),
                QCoreApplication.translate("MatchingPage", "Trajet"),
            ],
            self,
            right_aligned=(4, 5, 7),
        )
        self.reverse_view = make_table(page)
        self.reverse_view.setModel(sorted_proxy(self.reverse_model, self))
        self.reverse_view.setItemDelegateForColumn(6, PartsBarDelegate(self.reverse_view))
        self.reverse_model.column_payloads = {6: lambda o: o.parts}
        self.reverse_view.horizontalHeader().resizeSection(6, 170)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.reverse_label)
        layout.addWidget(self.reverse_view, 1)
        self.find_units_button.clicked.connect(self._on_find_units_button_clicked)
        self.request_combo.lineEdit().returnPressed.connect(self._on_find_units_button_clicked)
        return page

    # -- slots: request view ----------------------------------------------------------------------
    def find_units(self, request_ref: str) -> Job | None:
        """Show the open units a request fits, best first (in the background)."""
        if self.store is None or self.store.path is None or not request_ref.strip():
            return None
        self.mode_tabs.setCurrentIndex(1)
        ref = self._resolve_request(request_ref.strip())
        if ref is None:
            self.reverse_model.set_rows([])
            self.reverse_label.setText(
                QCoreApplication.translate(
                    "MatchingPage", "Aucun résultat pour « {text} »."
                ).format(text=request_ref.strip())
            )
            return None
        self.reverse_label.setText(
            QCoreApplication.translate("MatchingPage", "Recherche en cours…")
        )
        return self.jobs.start(
            QCoreApplication.translate("MatchingPage", "Logements pour une demande"),
            candidate_units_work,
            self.store.path,
            self.session,
            ref,
            self.ranking_date(),
            on_done=self._on_units_found,
        )

    def _on_units_found(self, result: tuple[Any, dict[str, Unit]]) -> None:
        found, units = result
        top = max((o.score for o in found.options), default=1.0)
        rows = []
        for option in found.options:
            unit = units.get(option.unit_ref)
            rows.append(
                Row(
                    (
                        option.unit_ref,
                        commune_name(unit.commune) if unit else "",
                        typology_name(unit.typology) if unit else "",
                        label(unit.financing) if unit else "",
                        f"{format_amount(unit.total_rent)} €" if unit else "",
                        score_text(option.score),
                        "",
                        minutes_text(option.commute_minutes),
                    ),
                    (
                        option.unit_ref,
                        "",
                        unit.typology if unit else 0,
                        "",
                        unit.total_rent if unit else 0,
                        option.score,
                        option.score,
                        option.commute_minutes or 0.0,
                    ),
                    payload=option,
                )
            )
        self.reverse_model.set_rows(rows)
        fit_columns(self.reverse_view, (0, 1, 2, 3, 4))
        delegate = self.reverse_view.itemDelegateForColumn(6)
        if isinstance(delegate, PartsBarDelegate):
            delegate.scale = max(top, 1.0)
        groups = ", ".join(GROUP_LABELS[g] for g in found.groups) or QCoreApplication.translate(
            "MatchingPage", "aucun groupe prioritaire"
        )
        names = dict(self.request_finder(found.request_ref)) if self.request_finder else {}
        who = found.request_ref
        if names.get(found.request_ref):
            who = f"{found.request_ref} ({names[found.request_ref]})"
        self.reverse_label.setText(
            QCoreApplication.translate(
                "MatchingPage",
                "{ref} : éligible à %n logement(s) ouvert(s), exclue de {x}. Groupes : {g}.",
                "",
                len(found.options),
            ).format(ref=who, x=len(found.not_eligible), g=groups)
        )
        self.units_found.emit(found.request_ref)

    def _resolve_request(self, text: str) -> str | None:
        """Return the reference meant by ``text``: a reference, or the best match of a name.

        The matches are offered in the picker; None when a search finds nothing.
        """
        matches = self.request_finder(text) if self.request_finder is not None else []
        if any(ref.casefold() == text.casefold() for ref, _ in matches) or (
            not matches and any(c.isdigit() for c in text)
        ):
            self.request_combo.setEditText(text)
            return text  # a reference (an unknown one is reported by the search itself)
        if not matches:
            return None
        self.request_combo.blockSignals(True)
        self.request_combo.clear()
        for ref, name in matches:
            self.request_combo.addItem(f"{ref} — {name}", ref)
        self.request_combo.setCurrentIndex(0)
        self.request_combo.blockSignals(False)
        return matches[0][0]

    @Slot()
    def _on_find_units_button_clicked(self) -> None:
        combo = self.request_combo
        index = combo.currentIndex()
        if index >= 0 and combo.currentText() == combo.itemText(index):
            self.find_units(str(combo.itemData(index)))
        else:
            self.find_units(combo.currentText())
