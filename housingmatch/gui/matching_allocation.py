"""Rapprochement › Répartition: the batch allocation of every open unit, with the legal shares."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from housingmatch.domain.model import Unit, typology_name
from housingmatch.gui.columns import fit_columns
from housingmatch.gui.communes import commune_name
from housingmatch.gui.jobs import Job, show_error
from housingmatch.gui.matching_common import (
    MAX_PROPOSED,
    make_table,
    score_text,
    short_name,
)
from housingmatch.gui.models import PAYLOAD_ROLE, Row, RowsModel, sorted_proxy
from housingmatch.matching.results import RankedCandidate
from housingmatch.services import proposals
from housingmatch.services.background import (
    allocate_work,
)
from housingmatch.services.records import PersonInfo


class AllocationViewMixin:
    """The *Répartition* view of :class:`MatchingPage` (its widgets live on the page)."""

    def _build_allocation_view(self) -> QWidget:
        page = QWidget(self)
        self.allocate_button = QPushButton(
            QCoreApplication.translate("MatchingPage", "Calculer la répartition"), page
        )
        self.save_allocation_button = QPushButton(
            QCoreApplication.translate(
                "MatchingPage", "Garder les lignes choisies comme propositions (brouillons)"
            ),
            page,
        )
        self.save_allocation_button.setEnabled(False)
        self.allocation_label = QLabel(
            QCoreApplication.translate(
                "MatchingPage",
                "Suggestion : des candidats distincts pour chaque logement ouvert, qui maximisent "
                "le total des scores. Retirez un candidat d'une ligne avant de la garder si besoin.",
            ),
            page,
        )
        self.allocation_label.setWordWrap(True)
        # The legal shares the batch may be asked to meet (brief §2.4, §2.5), in percent.
        self.min_priority_spin = QSpinBox(page)
        self.min_first_quartile_spin = QSpinBox(page)
        for spin in (self.min_priority_spin, self.min_first_quartile_spin):
            spin.setRange(0, 100)
            spin.setSuffix(" %")
            spin.setSpecialValueText(QCoreApplication.translate("MatchingPage", "aucune"))
        self.shares_label = QLabel(page)
        self.shares_label.setWordWrap(True)
        shares_row = QHBoxLayout()
        shares_row.addWidget(
            QLabel(
                QCoreApplication.translate("MatchingPage", "Part minimale DALO/prioritaires"), page
            )
        )
        shares_row.addWidget(self.min_priority_spin)
        shares_row.addWidget(
            QLabel(
                QCoreApplication.translate("MatchingPage", "Part minimale 1er quartile hors QPV"),
                page,
            )
        )
        shares_row.addWidget(self.min_first_quartile_spin)
        shares_row.addStretch(1)
        self.allocation_model = RowsModel(
            [
                QCoreApplication.translate("MatchingPage", "Logement"),
                QCoreApplication.translate("MatchingPage", "Commune"),
                QCoreApplication.translate("MatchingPage", "Typologie"),
                QCoreApplication.translate("MatchingPage", "Candidat 1"),
                QCoreApplication.translate("MatchingPage", "Candidat 2"),
                QCoreApplication.translate("MatchingPage", "Candidat 3"),
                QCoreApplication.translate("MatchingPage", "Éligibles"),
            ],
            self,
            right_aligned=(6,),
        )
        self.allocation_view = make_table(page, multi=True)
        self.allocation_view.setModel(sorted_proxy(self.allocation_model, self))
        self.remove_candidate_button = QPushButton(
            QCoreApplication.translate("MatchingPage", "Retirer un candidat de la ligne…"), page
        )
        self.remove_candidate_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.allocate_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_candidate_button)
        buttons.addWidget(self.save_allocation_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.allocation_label)
        layout.addLayout(shares_row)
        layout.addWidget(self.shares_label)
        layout.addWidget(self.allocation_view, 1)
        layout.addLayout(buttons)
        self.allocate_button.clicked.connect(self._on_allocate_button_clicked)
        self.save_allocation_button.clicked.connect(self._on_save_allocation_button_clicked)
        self.remove_candidate_button.clicked.connect(self._on_remove_candidate_button_clicked)
        self.allocation_view.selectionModel().selectionChanged.connect(
            self._on_allocation_selection_changed
        )
        self._allocation: dict[str, list[RankedCandidate]] = {}
        self._allocation_people: dict[str, PersonInfo] = {}
        self._allocation_info: Any = None
        return page

    # -- slots: allocation -------------------------------------------------------------------------
    def start_allocation(self) -> Job | None:
        """Compute the batch suggestion over all open units (in the background)."""
        if self.store is None or self.store.path is None:
            return None
        self.allocate_button.setEnabled(False)
        return self.jobs.start(
            QCoreApplication.translate("MatchingPage", "Répartition des logements ouverts"),
            allocate_work,
            self.store.path,
            self.session,
            self.ranking_date(),
            MAX_PROPOSED,
            min_priority=self.min_priority_spin.value() / 100,
            min_first_quartile=self.min_first_quartile_spin.value() / 100,
            on_done=self._on_allocation_done,
            on_cancelled=lambda: self.allocate_button.setEnabled(True),
            on_failed=lambda _exc: self.allocate_button.setEnabled(True),
        )

    def _on_allocation_done(
        self, result: tuple[Any, dict[str, PersonInfo], dict[str, Unit]]
    ) -> None:
        allocation, people, units = result
        self.allocate_button.setEnabled(True)
        self._allocation_info = allocation
        self._allocation_people = people
        self._allocation = {item.unit_ref: list(item.candidates) for item in allocation.units}
        self._allocation_units = units
        self._allocation_counts = {item.unit_ref: item.eligible_count for item in allocation.units}
        self._fill_allocation()
        self.shares_label.setText(self.shares_text(allocation))
        self.save_allocation_button.setEnabled(bool(self._allocation))
        self.allocation_ready.emit()

    def shares_text(self, allocation: Any) -> str:
        """Return what the shares asked of the batch gave and what they cost (empty: none asked)."""
        shares = getattr(allocation, "shares", None)
        if shares is None:
            return ""
        parts = []
        if shares.priority_share:
            parts.append(
                QCoreApplication.translate(
                    "MatchingPage",
                    "DALO/prioritaires : {reached} place(s) pour {required} exigée(s)",
                ).format(reached=shares.priority_reached, required=shares.priority_required)
            )
        if shares.first_quartile_share:
            parts.append(
                QCoreApplication.translate("MatchingPage", "1er quartile hors QPV : {reached} place(s) pour {required} exigée(s)")
                .format(reached=shares.first_quartile_reached, required=shares.first_quartile_required)
            )  # fmt: skip
        parts.append(
            QCoreApplication.translate("MatchingPage", "score perdu par les parts : {lost} (sans les parts {plain}, avec {kept})").format(
                lost=score_text(shares.score_lost), plain=score_text(shares.unconstrained_total),
                kept=score_text(shares.constrained_total),
            )
        )  # fmt: skip
        parts += [
            QCoreApplication.translate("MatchingPage", "impossible à tenir : {what}").format(what=s)
            for s in shares.shortfalls
        ]
        return " ; ".join(parts)

    def _fill_allocation(self) -> None:
        rows = []
        for unit_ref, candidates in self._allocation.items():
            unit = self._allocation_units.get(unit_ref)
            names = []
            tips: list[str | None] = []
            for c in candidates[:MAX_PROPOSED]:
                info = self._allocation_people.get(c.ref)
                # Three candidates side by side fit 1280 px with the first name as an initial;
                # the tooltip has the whole name and the score.
                names.append(f"{c.ref} {short_name(info.name)}" if info else c.ref)
                tips.append(
                    f"{c.ref} — {info.name}, {info.employer} ({score_text(c.score)} pts)"
                    if info
                    else None
                )
            names += [""] * (MAX_PROPOSED - len(names))
            tips += [None] * (MAX_PROPOSED - len(tips))
            rows.append(
                Row(
                    (
                        unit_ref,
                        commune_name(unit.commune) if unit else "",
                        typology_name(unit.typology) if unit else "",
                        *names,
                        str(self._allocation_counts.get(unit_ref, 0)),
                    ),
                    (unit_ref, "", 0, *names, self._allocation_counts.get(unit_ref, 0)),
                    payload=unit_ref,
                    tooltips=(None, None, None, *tips, None),
                )
            )
        self.allocation_model.set_rows(rows)
        fit_columns(self.allocation_view, range(6))

    def allocation_rows(self) -> dict[str, list[str]]:
        """Return the suggestion as it stands: request references per unit."""
        return {u: [c.ref for c in cs] for u, cs in self._allocation.items()}

    def selected_allocation_units(self) -> list[str]:
        """Return the units of the selected allocation rows."""
        proxy = self.allocation_view.model()
        return [
            proxy.index(i.row(), 0).data(PAYLOAD_ROLE)
            for i in self.allocation_view.selectionModel().selectedRows()
        ]

    def remove_allocated(self, unit_ref: str, request_ref: str) -> None:
        """Take one candidate out of a unit's suggestion (the advisor's edit)."""
        self._allocation[unit_ref] = [
            c for c in self._allocation.get(unit_ref, []) if c.ref != request_ref
        ]
        self._fill_allocation()

    @Slot()
    def _on_allocation_selection_changed(self) -> None:
        self.remove_candidate_button.setEnabled(len(self.selected_allocation_units()) == 1)

    @Slot()
    def _on_remove_candidate_button_clicked(self) -> None:
        units = self.selected_allocation_units()
        if len(units) != 1:
            return
        refs = [c.ref for c in self._allocation.get(units[0], [])]
        if not refs:
            return
        ref, ok = QInputDialog.getItem(
            self,
            QCoreApplication.translate("MatchingPage", "Retirer un candidat"),
            QCoreApplication.translate("MatchingPage", "Candidat à retirer de {u} :").format(
                u=units[0]
            ),
            refs,
            0,
            False,
        )
        if ok and ref:
            self.remove_allocated(units[0], ref)

    def save_allocation(self, unit_refs: list[str] | None = None) -> int:
        """Keep the suggestion of the given (default: selected, else all) units as drafts."""
        if self.store is None or self._allocation_info is None:
            return 0
        refs = unit_refs or self.selected_allocation_units() or list(self._allocation)
        saved = 0
        for unit_ref in refs:
            candidates = self._allocation.get(unit_ref, [])
            if not candidates:
                continue
            try:
                proposals.save_allocation_draft(
                    self.store,
                    self.session,
                    unit_ref,
                    self._allocation_info.on,
                    [c.ref for c in candidates[:MAX_PROPOSED]],
                )
            except Exception as exc:
                show_error(self, QCoreApplication.translate("MatchingPage", "Propositions"), exc)
                break
            saved += 1
        if saved:
            QMessageBox.information(
                self,
                QCoreApplication.translate("MatchingPage", "Propositions"),
                QCoreApplication.translate(
                    "MatchingPage", "%n proposition(s) gardée(s) en brouillon.", "", saved
                ),
            )
        return saved

    @Slot()
    def _on_allocate_button_clicked(self) -> None:
        self.start_allocation()

    @Slot()
    def _on_save_allocation_button_clicked(self) -> None:
        self.save_allocation()
