"""What the Rapprochement views share: cell texts, tables, and the part-by-part comparison."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from housingmatch.domain.model import Unit, label, typology_name
from housingmatch.gui.columns import fit_columns
from housingmatch.gui.communes import commune_name
from housingmatch.gui.models import Row, RowsModel
from housingmatch.gui.request_dialog import format_amount
from housingmatch.matching.explain import compare
from housingmatch.matching.results import RankedCandidate
from housingmatch.rules.proposal_flow import ProposalRules
from housingmatch.services.records import PersonInfo

# The batch allocation suggests the legal minimum per unit (CCH R441-3: three).
MAX_PROPOSED = ProposalRules().min_candidates


def points_text(value: float) -> str:
    """Return points without trailing zeros, French decimal comma (``12,5``)."""
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def score_text(value: float) -> str:
    """Return a score with two decimals, so that a column of scores lines up."""
    return f"{value:.2f}".replace(".", ",")


def minutes_text(value: float | None) -> str:
    """Return a trip in whole minutes, or nothing when unknown."""
    return "" if value is None else f"{round(value):d} min"


def short_name(name: str) -> str:
    """Return ``LACROIX L.`` for ``LACROIX Laurent`` (the name as is when it has one word)."""
    last, _, first = name.rpartition(" ")
    return f"{last} {first[0]}." if last and first else name


def unit_text(unit: Unit) -> str:
    """Return a unit as the unit picker shows it: reference, commune, typology, rent, status."""
    return (
        f"{unit.ref} — {commune_name(unit.commune)}, {typology_name(unit.typology)} "
        f"{label(unit.financing)}, {format_amount(unit.total_rent)} € CC ({label(unit.status)})"
    )


def make_table(parent: QWidget, multi: bool = False) -> QTableView:
    """Return a read-only, sortable table selecting whole rows (several with ``multi``)."""
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class CompareDialog(QDialog):
    """Why one candidate is above another: the parts that separate them."""

    def __init__(
        self,
        above: RankedCandidate,
        below: RankedCandidate,
        people: dict[str, PersonInfo],
        parent: QWidget | None = None,
    ) -> None:
        """Show the comparison of two ranked candidates."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pourquoi pas plus haut ?"))
        self.comparison = compare(above, below)
        first = self.comparison.above
        second = self.comparison.below

        def who(ref: str) -> str:
            info = people.get(ref)
            return f"{ref} ({info.name})" if info else ref

        upper = above if above.ref == first else below
        lower = below if upper is above else above
        intro = QLabel(
            self.tr(
                "<b>{a}</b> (rang {ra}, {sa} pts) est classé devant <b>{b}</b> (rang {rb}, {sb} pts)."
            ).format(
                a=escape(who(first)),
                ra=upper.rank,
                sa=points_text(upper.score),
                b=escape(who(second)),
                rb=lower.rank,
                sb=points_text(lower.score),
            ),
            self,
        )
        intro.setWordWrap(True)
        self.model = RowsModel(
            [self.tr("Partie du score"), first, second, self.tr("Écart")],
            self,
            right_aligned=(1, 2, 3),
        )
        self.model.set_rows(
            [
                Row(
                    (
                        d.label,
                        points_text(d.above),
                        points_text(d.below),
                        f"{'+' if d.delta >= 0 else ''}{points_text(d.delta)}",
                    ),
                    (d.label, d.above, d.below, d.delta),
                )
                for d in self.comparison.differences
            ]
        )
        view = make_table(self)
        view.setModel(self.model)
        view.horizontalHeader().setStretchLastSection(False)
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        fit_columns(view, (1, 2, 3))
        tie = QLabel(self.comparison.tie_reason or "", self)
        tie.setWordWrap(True)
        if not self.comparison.differences and not self.comparison.tie_reason:
            tie.setText(self.tr("Les deux candidats ont exactement les mêmes points."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(view, 1)
        layout.addWidget(tie)
        layout.addWidget(buttons)
        self.resize(720, 360)
