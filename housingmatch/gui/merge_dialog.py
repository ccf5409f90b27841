"""The review queue of a forum package: possible duplicates, both records side by side.

For each pair the advisor sees the office request and the forum record field by field, the
differing fields highlighted, and decides: *Lier* (the forum's values, ticked field by field,
complete the office request), *Garder séparées* (the forum record becomes a request of its
own), *Délier* (undo a link). *Appliquer* links the sure pairs (same unique number). Every
decision is the merge service's (audited, reversible); the queue is read in a background job.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from housingmatch.domain.labels import code_label, field_label
from housingmatch.domain.merge import MergePair, MergeState
from housingmatch.domain.session import Session
from housingmatch.gui.communes import commune_label
from housingmatch.gui.jobs import Job, JobRunner, show_error
from housingmatch.services.background import apply_merges_work, merge_pairs_work
from housingmatch.services.database import Store

_DIFFERENT = QColor("#fff2b3")  # a differing field: the advisor's eye goes there first
_IDENTITY = frozenset({"nom", "prenom", "date_naissance", "numero_unique"})
_STATE_COLOURS = {
    MergeState.EN_ATTENTE: "#9a6700",
    MergeState.LIEE: "#1b7f3b",
    MergeState.SEPAREE: "#555555",
}


def _text(value: Any, field: str = "") -> str:
    """Return a template value as an advisor reads it (commune names, code labels)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if field in ("commune_residence", "commune_travail"):
        return commune_label(str(value))
    if field == "communes_souhaitees":
        return ", ".join(commune_label(c) for c in str(value).split("|"))
    if isinstance(value, str):
        return code_label(field, value)
    return str(value)


class MergeDialog(QDialog):
    """The possible duplicates of the imported packages and the decision on each.

    Signals:
        loaded(count): the queue was read (``count`` pairs).
        decided(pair_id): a pair was linked, kept separate or unlinked.
    """

    loaded = Signal(int)
    decided = Signal(int)

    def __init__(
        self, store: Store, session: Session, jobs: JobRunner, parent: QWidget | None = None
    ) -> None:
        """Build the queue over ``store``; call :meth:`load` to read it."""
        super().__init__(parent)
        self.store = store
        self.session = session
        self.jobs = jobs
        self.pairs: list[MergePair] = []
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Doublons possibles à examiner"))
        self.resize(1180, 700)

        self.pairs_table = QTableWidget(0, 4, self)
        self.pairs_table.setObjectName("pairs_table")
        self.pairs_table.setHorizontalHeaderLabels(
            [
                self.tr("Score"),
                self.tr("État"),
                self.tr("Demande du bureau"),
                self.tr("Fiche du forum"),
            ]
        )
        self.pairs_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pairs_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pairs_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pairs_table.verticalHeader().setVisible(False)
        self.pairs_table.horizontalHeader().setStretchLastSection(True)
        self.pairs_table.itemSelectionChanged.connect(self._on_pairs_table_selection_changed)

        self.fields_table = QTableWidget(0, 3, self)
        self.fields_table.setObjectName("fields_table")
        self.fields_table.setHorizontalHeaderLabels(
            [
                self.tr("Champ"),
                self.tr("Demande du bureau"),
                self.tr("Fiche du forum (à reprendre)"),
            ]
        )
        self.fields_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fields_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields_table.verticalHeader().setVisible(False)
        header = self.fields_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.pair_label = QLabel(self)
        self.pair_label.setWordWrap(True)
        self.hint_label = QLabel(
            self.tr(
                "Champs surlignés : ils diffèrent. Cochez (Espace) les valeurs du forum à "
                "reprendre, puis Lier (Alt+L)."
            ),
            self,
        )
        self.hint_label.setWordWrap(True)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.pair_label)
        right_layout.addWidget(self.fields_table, 1)
        right_layout.addWidget(self.hint_label)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.pairs_table)
        splitter.addWidget(right)
        splitter.setSizes([560, 620])

        self.link_button = QPushButton(self.tr("&Lier"), self)
        self.separate_button = QPushButton(self.tr("&Garder séparées"), self)
        self.unlink_button = QPushButton(self.tr("&Délier"), self)
        self.apply_button = QPushButton(self.tr("&Appliquer les liaisons sûres"), self)
        self.apply_button.setToolTip(
            self.tr("Lie les paires en attente qui ont le même numéro unique")
        )
        self.link_button.clicked.connect(self._on_link_button_clicked)
        self.separate_button.clicked.connect(self._on_separate_button_clicked)
        self.unlink_button.clicked.connect(self._on_unlink_button_clicked)
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        self.message = QLabel(self)
        self.message.setObjectName("merge_message")
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        for button in (self.link_button, self.separate_button, self.unlink_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.apply_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(close)
        # From the fields back to the pairs, without the mouse.
        QShortcut(QKeySequence("Ctrl+Up"), self, activated=self._previous_pair)
        QShortcut(QKeySequence("Ctrl+Down"), self, activated=self._next_pair)
        self._update_buttons()

    # -- reading -------------------------------------------------------------------------------
    def load(self) -> Job | None:
        """Read the queue in a background job (it reads the office requests of every pair)."""
        if self.store.path is None:
            from housingmatch.services import merge

            self._show_pairs(merge.merge_pairs(self.store, self.session))
            return None
        self.message.setText(self.tr("Lecture des doublons possibles…"))
        self.job = self.jobs.start(
            self.tr("Doublons possibles"),
            merge_pairs_work,
            self.store.path,
            self.session,
            on_done=self._show_pairs,
        )
        return self.job

    def _show_pairs(self, pairs: list[MergePair], keep: int | None = None) -> None:
        self.pairs = pairs
        waiting = sum(1 for p in pairs if p.state is MergeState.EN_ATTENTE)
        self.message.setText(
            self.tr("%n doublon(s) possible(s) en attente de décision", "", waiting)
        )
        table = self.pairs_table
        table.blockSignals(True)
        table.setRowCount(len(pairs))
        for row, pair in enumerate(pairs):
            state = QTableWidgetItem(pair.state.label)
            state.setForeground(QBrush(QColor(_STATE_COLOURS[pair.state])))
            score = QTableWidgetItem(f"{pair.score:.2f}")
            score.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells = (
                score,
                state,
                QTableWidgetItem(f"{pair.office_ref} — {pair.office_name}"),
                QTableWidgetItem(f"{pair.forum_ref} — {pair.forum_name}"),
            )
            for column, item in enumerate(cells):
                item.setData(Qt.ItemDataRole.UserRole, pair.id)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        table.blockSignals(False)
        rows = [i for i, p in enumerate(pairs) if p.id == keep]
        if pairs:
            table.selectRow(rows[0] if rows else 0)
        # The same row selected again emits nothing: show its new state in any case.
        self._show_pair(self.selected_pair())
        self.loaded.emit(len(pairs))

    def selected_pair(self) -> MergePair | None:
        """Return the pair selected in the queue."""
        row = self.pairs_table.currentRow()
        return self.pairs[row] if 0 <= row < len(self.pairs) else None

    def _show_pair(self, pair: MergePair | None) -> None:
        table = self.fields_table
        table.setRowCount(0)
        if pair is None:
            self.pair_label.setText(self.tr("Aucun doublon possible."))
            self._update_buttons()
            return
        self.pair_label.setText(
            self.tr(
                "« {office} » ({oname}) et « {forum} » ({fname}) : score {score}, {state}. "
                "Raisons : {reasons}."
            ).format(
                reasons=" ; ".join(pair.reasons),
                score=f"{pair.score:.2f}",
                office=pair.office_ref,
                oname=pair.office_name,
                forum=pair.forum_ref,
                fname=pair.forum_name,
                state=pair.state.label,
            )
        )
        rows: list[tuple[str, str, Any, Any, bool]] = [
            ("ref_demande", field_label("ref_demande"), pair.office_ref, pair.forum_ref, False),
            ("nom", self.tr("Nom et prénom"), pair.office_name, pair.forum_name, False),
        ]
        rows += [(d.field, d.label, d.office, d.forum, True) for d in pair.differing]
        linked = set(pair.linked_fields)
        # An incomplete intake's placeholders (and the list of them) are not values to take.
        pending = {"a_completer"} | {
            name
            for d in pair.differing
            if d.field == "a_completer" and d.forum
            for name in str(d.forum).split("|")
        }
        table.setRowCount(len(rows))
        for row, (name, label, office, forum, differs) in enumerate(rows):
            items = (
                QTableWidgetItem(label),
                QTableWidgetItem(_text(office, name)),
                QTableWidgetItem(_text(forum, name)),
            )
            items[0].setData(Qt.ItemDataRole.UserRole, name)
            if differs and name in pending:
                items[2].setText(self.tr("à compléter (saisie au forum)"))
                items[2].setForeground(QBrush(QColor("#777777")))
            elif differs:
                for item in items:
                    item.setBackground(QBrush(_DIFFERENT))
                pick = items[2]
                pick.setFlags(pick.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                if pair.state is MergeState.LIEE:
                    checked = name in linked
                else:
                    # A forum's spelling of a name or birth date is a typo, not news (as the
                    # merge service's default): the advisor ticks it to take it.
                    checked = forum not in (None, "") and name not in _IDENTITY

                pick.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            for column, item in enumerate(items):
                table.setItem(row, column, item)
        table.resizeColumnToContents(0)
        self._update_buttons()

    def chosen_fields(self) -> list[str]:
        """Return the fields ticked to take from the forum record."""
        out = []
        for row in range(self.fields_table.rowCount()):
            pick = self.fields_table.item(row, 2)
            checkable = pick is not None and pick.flags() & Qt.ItemFlag.ItemIsUserCheckable
            if checkable and pick.checkState() == Qt.CheckState.Checked:
                name = self.fields_table.item(row, 0).data(Qt.ItemDataRole.UserRole)
                out.append(str(name))
        return out

    def _update_buttons(self) -> None:
        pair = self.selected_pair()
        waiting = pair is not None and pair.state is MergeState.EN_ATTENTE
        self.link_button.setEnabled(waiting)
        self.separate_button.setEnabled(waiting)
        self.unlink_button.setEnabled(pair is not None and pair.state is MergeState.LIEE)
        self.apply_button.setEnabled(any(p.state is MergeState.EN_ATTENTE for p in self.pairs))

    # -- deciding ------------------------------------------------------------------------------
    def link(self) -> MergePair | None:
        """Link the selected pair, taking the ticked forum values."""
        from housingmatch.services import merge

        pair = self.selected_pair()
        if pair is None:
            return None
        return self._decide(
            lambda: merge.link(
                self.store, self.session, pair.office_ref, pair.forum_ref, self.chosen_fields()
            )
        )

    def separate(self) -> MergePair | None:
        """Keep the selected pair's records apart."""
        from housingmatch.services import merge

        pair = self.selected_pair()
        if pair is None:
            return None
        return self._decide(
            lambda: merge.separate(self.store, self.session, pair.office_ref, pair.forum_ref)
        )

    def unlink(self) -> MergePair | None:
        """Undo the selected pair's link (the office values it replaced come back)."""
        from housingmatch.services import merge

        pair = self.selected_pair()
        if pair is None:
            return None
        return self._decide(
            lambda: merge.unlink(self.store, self.session, pair.office_ref, pair.forum_ref)
        )

    def apply(self) -> Job | None:
        """Link the sure pairs in a background job, then read the queue again."""
        if self.store.path is None:
            from housingmatch.services import merge

            merge.apply_merges(self.store, self.session)
            return self.load()
        self.apply_button.setEnabled(False)
        self.job = self.jobs.start(
            self.tr("Liaisons sûres"),
            apply_merges_work,
            self.store.path,
            self.session,
            on_done=lambda _linked: self.load(),
        )
        return self.job

    def _decide(self, call: Any) -> MergePair | None:
        try:
            done: MergePair = call()
        except Exception as exc:
            show_error(self, self.tr("Doublons possibles"), exc)
            return None
        self.pairs = [done if p.id == done.id else p for p in self.pairs]
        self._show_pairs(self.pairs, keep=done.id)
        self.decided.emit(done.id)
        return done

    # -- keys and buttons ----------------------------------------------------------------------
    def _previous_pair(self) -> None:
        self.pairs_table.selectRow(max(self.pairs_table.currentRow() - 1, 0))

    def _next_pair(self) -> None:
        self.pairs_table.selectRow(min(self.pairs_table.currentRow() + 1, len(self.pairs) - 1))

    @Slot()
    def _on_pairs_table_selection_changed(self) -> None:
        self._show_pair(self.selected_pair())

    @Slot()
    def _on_link_button_clicked(self) -> None:
        self.link()

    @Slot()
    def _on_separate_button_clicked(self) -> None:
        self.separate()

    @Slot()
    def _on_unlink_button_clicked(self) -> None:
        self.unlink()

    @Slot()
    def _on_apply_button_clicked(self) -> None:
        self.apply()
