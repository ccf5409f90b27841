"""The common frame of the Demandes and Logements workspaces: search, filters, table, actions."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QByteArray,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from housingmatch.domain.session import Session
from housingmatch.gui.formats import french_int
from housingmatch.gui.jobs import Job, JobRunner
from housingmatch.gui.models import ColumnSpec, RecordTableModel, TableProxyModel
from housingmatch.gui.search import SearchIndex
from housingmatch.services import local_session
from housingmatch.services.background import load_records_work
from housingmatch.services.database import Store

# Wait this long after a keystroke before searching: typing "dupont" searches once, not six
# times; short enough to feel immediate.
SEARCH_DEBOUNCE_MS = 60
# Above this many records, reading them (about 2.5 s at 100 000 requests) runs in a job.
BACKGROUND_LOAD_RECORDS = 2_000


Loaded = tuple[Sequence[Any], Sequence[str], dict[str, np.ndarray]]


def build_search_index(
    db_path: Path | None, keys: Sequence[str], progress: Any, cancelled: Any
) -> SearchIndex:
    """Build the quick-search index of a table (work function of a background job)."""
    progress(0, 1)
    index = SearchIndex(keys)
    progress(1, 1)
    return index


def record_ref(record: Any) -> str:
    """Return the reference that identifies a record of a table."""
    return str(record.ref)


class CountLabel(QLabel):
    """How many records the table shows, beside the search box ("Aucun résultat" included).

    Its own class, so that its messages keep one translation context: ``self.tr`` in the
    page would look them up under each subclass's name.
    """

    def show_count(self, shown: int, total: int) -> None:
        """Say how many of ``total`` records are shown."""
        if shown == total:
            self.setText(self.tr("%Ln fiche(s)", "", total))
        elif shown == 0:
            self.setText(self.tr("Aucun résultat sur %Ln fiche(s)", "", total))
        else:
            self.setText(
                self.tr("{shown} sur {total}").format(
                    shown=french_int(shown), total=french_int(total)
                )
            )


class RecordPage(QWidget):
    """A searchable, filterable, sortable table of records with action buttons.

    Subclasses give the columns, load the records, compute the filter mask and act.

    Signals:
        records_changed(): records were created or changed from this page.
        records_loaded(count): the table shows the records of the store.
        search_applied(query, visible): the quick search was applied.
    """

    records_changed = Signal()
    records_loaded = Signal(int)
    search_applied = Signal(str, int)

    settings_key = "records"

    def __init__(
        self, jobs: JobRunner, columns: Sequence[ColumnSpec[Any]], parent: QWidget | None
    ) -> None:
        """Build the search box, filter bar, table and button row."""
        super().__init__(parent)
        self.jobs = jobs
        self.store: Store | None = None
        self.session: Session = local_session()
        self.model: RecordTableModel[Any] = RecordTableModel(columns, self, record_ref)
        self.proxy = TableProxyModel(self)
        self.proxy.setSourceModel(self.model)

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self.count_label = CountLabel(self)
        self.filter_bar = QHBoxLayout()
        self.filter_bar.setSpacing(6)
        self.reset_filters_button = QPushButton(self.tr("Effacer les filtres"), self)

        self.view = QTableView(self)
        self.view.setObjectName("records_view")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        for column, spec in enumerate(columns):
            header.resizeSection(column, spec.width)

        self.button_bar = QHBoxLayout()
        self.button_bar.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        filters = QHBoxLayout()
        filters.addLayout(self.filter_bar)
        filters.addStretch(1)
        filters.addWidget(self.reset_filters_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.button_bar)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._filter_widgets: list[QWidget] = []
        self._load_job: Job | None = None
        self._cols: dict[str, np.ndarray] = {}

        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self.reset_filters_button.clicked.connect(self._on_reset_filters_button_clicked)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)

    # -- for subclasses ------------------------------------------------------------------------
    def add_filter_combo(self, caption: str, choices: Sequence[tuple[str, Any]]) -> QComboBox:
        """Add a labelled combo box to the filter bar; its data is the filter value."""
        combo = QComboBox(self)
        for text, value in choices:
            combo.addItem(text, value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_bar.addWidget(QLabel(caption, self))
        self.filter_bar.addWidget(combo)
        combo.currentIndexChanged.connect(self._on_filter_changed)
        self._filter_widgets.append(combo)
        return combo

    def add_filter_edit(self, caption: str, placeholder: str) -> QLineEdit:
        """Add a labelled line edit to the filter bar (applied when editing finishes)."""
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        edit.setMinimumWidth(170)
        self.filter_bar.addWidget(QLabel(caption, self))
        self.filter_bar.addWidget(edit)
        edit.editingFinished.connect(self._on_filter_changed)
        edit.textChanged.connect(self._on_filter_edit_text_changed)
        self._filter_widgets.append(edit)
        return edit

    def add_button(self, text: str, slot: Any, needs_selection: bool = False) -> QPushButton:
        """Add an action button at the bottom right."""
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        button.setProperty("needs_selection", needs_selection)
        if needs_selection:
            button.setEnabled(False)
        self.button_bar.addWidget(button)
        return button

    @staticmethod
    def read_records(store: Store, session: Session) -> tuple[Sequence[Any], Sequence[str]]:
        """Return the records of ``store`` and their folded search keys (any thread)."""
        raise NotImplementedError

    @staticmethod
    def record_count(store: Store, session: Session) -> int:
        """Return how many records the table will hold."""
        raise NotImplementedError

    @staticmethod
    def read_record(store: Store, session: Session, ref: str) -> Any | None:
        """Return the record of the table with this reference, as read by read_records."""
        raise NotImplementedError

    @staticmethod
    def search_key(record: Any) -> str:
        """Return the folded search key of one record (as read_records gives it)."""
        raise NotImplementedError

    def filter_mask(self) -> np.ndarray | None:
        """Return the mask of the filter bar over the records (None: no filter)."""
        return None

    @staticmethod
    def filter_columns(records: Sequence[Any]) -> dict[str, np.ndarray]:
        """Return the filtered fields of the records as numpy columns (any thread)."""
        return {}

    def open_record(self, record: Any) -> None:
        """Open the editor of a record (double-click)."""

    # -- public ----------------------------------------------------------------------------------
    def apply_permissions(self, session: Session) -> None:
        """Hide the buttons the session's role may not use (the services refuse anyway)."""

    def set_store(self, store: Store, session: Session) -> None:
        """Load (or reload) the records of ``store``; keeps search, filters and selection.

        A large table is read in a background job; the rows appear when it is done.
        """
        self.store = store
        self.session = session
        if self._load_job is not None and not self._load_job.done:
            self._load_job.cancel()
        if store.path is not None and self.record_count(store, session) > BACKGROUND_LOAD_RECORDS:
            self.count_label.setText(self.tr("Chargement…"))
            self._load_job = self.jobs.start(
                self.tr("Chargement des fiches"),
                load_records_work,
                store.path,
                session,
                type(self).read_records,
                type(self).filter_columns,
                on_done=self.show_records,
            )
            return
        records, keys = self.read_records(store, session)
        self.show_records((records, keys, self.filter_columns(records)))

    def show_records(self, loaded: Loaded) -> None:
        """Show records read by :meth:`read_records`; keeps search, filters and selection."""
        records, keys, self._cols = loaded
        selected = self.selected_record()
        self.model.set_records(records, keys)
        self.model.set_filter_mask(self.filter_mask())
        self._update_count()
        self._update_buttons()
        if selected is not None:
            self.select_where(lambda r: r.ref == selected.ref)
        self._build_index_in_background(keys)
        self.records_loaded.emit(len(records))

    def refresh_record(self, ref: str) -> int:
        """Show the saved state of one record without reloading the table; return its row.

        An existing row is updated in place, a new record is inserted where the order puts
        it; the record is selected. While the table is still loading, it is reloaded instead.
        """
        store = self.store
        if store is None:
            return -1
        if self._load_job is not None and not self._load_job.done:
            self.set_store(store, self.session)  # the job may have read it before the save
            return -1
        record = self.read_record(store, self.session, ref)
        if record is None:
            self.set_store(store, self.session)
            return -1
        fresh = self.filter_columns([record])
        position = self.model.position_of(ref)
        if position is None:
            self._cols = {
                name: np.concatenate([self._cols[name], values]) if name in self._cols else values
                for name, values in fresh.items()
            }
            row = self.model.add_record(record, self.search_key(record), self.filter_mask())
        else:
            cols = {}
            for name, values in fresh.items():
                column = self._cols[name].copy()  # a filter mask may share the old array
                column[position] = values[0]
                cols[name] = column
            self._cols = cols
            row = self.model.replace_record(
                position, record, self.search_key(record), self.filter_mask()
            )
        self._update_count()
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.view.selectRow(index.row())
            self.view.scrollTo(index)
        self._update_buttons()
        return row

    def focus_search(self) -> None:
        """Put the cursor in the search box, text selected."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def apply_search_now(self) -> None:
        """Apply the search box without waiting for the debounce timer."""
        self._search_timer.stop()
        self._on_search_timer_timeout()

    def selected_record(self) -> Any | None:
        """Return the selected record, or None."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record(self.proxy.mapToSource(rows[0]).row())

    def select_where(self, predicate: Any) -> bool:
        """Select and show the first visible record matching ``predicate``."""
        row = self.model.row_of(predicate)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.selectRow(index.row())
        self.view.scrollTo(index)
        return True

    def restore_state(self, settings: QSettings) -> None:
        """Restore column widths and order."""
        state = settings.value(f"{self.settings_key}/header")
        if isinstance(state, QByteArray):
            self.view.horizontalHeader().restoreState(state)

    def save_state(self, settings: QSettings) -> None:
        """Remember column widths and order."""
        settings.setValue(f"{self.settings_key}/header", self.view.horizontalHeader().saveState())

    # -- internals -------------------------------------------------------------------------------
    def _build_index_in_background(self, keys: Sequence[str]) -> None:
        if self.model.has_search_index() or not keys:
            return
        self.jobs.start(
            self.tr("Index de recherche"),
            build_search_index,
            None,
            keys,
            on_done=partial(self._on_search_index_built, self.model.revision()),
            show_progress=False,
        )

    def _on_search_index_built(self, revision: int, index: SearchIndex) -> None:
        self.model.set_search_index(index, revision)

    def _update_count(self) -> None:
        self.count_label.show_count(self.model.rowCount(), self.model.total_count())

    def _update_buttons(self) -> None:
        has = self.selected_record() is not None
        for i in range(self.button_bar.count()):
            widget = self.button_bar.itemAt(i).widget()
            if widget is not None and widget.property("needs_selection"):
                widget.setEnabled(has)

    @Slot(str)
    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    @Slot()
    def _on_search_timer_timeout(self) -> None:
        query = self.search_edit.text()
        self.model.set_search(query)
        self._update_count()
        self._update_buttons()
        self.search_applied.emit(query, self.model.rowCount())

    @Slot()
    def _on_filter_changed(self) -> None:
        self.model.set_filter_mask(self.filter_mask())
        self._update_count()
        self._update_buttons()

    @Slot(str)
    def _on_filter_edit_text_changed(self, text: str) -> None:
        if not text:
            self._on_filter_changed()

    @Slot()
    def _on_reset_filters_button_clicked(self) -> None:
        for widget in self._filter_widgets:
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(0)
            elif isinstance(widget, QLineEdit):
                widget.clear()
            widget.blockSignals(False)
        self._on_filter_changed()

    @Slot(QModelIndex)
    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        self.open_record(self.model.record(self.proxy.mapToSource(index).row()))

    @Slot()
    def _on_selection_changed(self) -> None:
        self._update_buttons()
