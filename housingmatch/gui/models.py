"""Table models: one ``QAbstractTableModel`` per view, fed plain rows from the services.

Two kinds:

- :class:`RecordTableModel` for the large tables (requests, units): the records are kept as
  given (summaries), display strings are made lazily and cached per row, and sorting,
  filtering and quick search are computed in bulk with numpy over the whole column. A
  Python ``filterAcceptsRow`` or ``lessThan`` is called once per row (or per comparison);
  measured at about 1.4 µs per call, it would cost ~140 ms per keystroke at 100 000 rows.
  :class:`TableProxyModel` sits on top and forwards sorting to the source.
- :class:`RowsModel` for short tables (dashboard, candidates, excluded, allocation): rows of
  display values with sort keys under ``SORT_ROLE``, sorted by a plain
  ``QSortFilterProxyModel``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from housingmatch.gui.search import SearchIndex

T = TypeVar("T")

SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
PAYLOAD_ROLE = int(Qt.ItemDataRole.UserRole) + 2

_ROW_CACHE_SIZE = 4096
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class ColumnSpec(Generic[T]):
    """A column of a record table: title, display text and sort key of a record."""

    title: str
    display: Callable[[T], str]
    sort_key: Callable[[T], Any]
    align_right: bool = False
    tooltip: str | None = None
    width: int = 110


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """A lazy table over many records, with bulk sort, filter and quick search.

    The model shows ``records[visible[row]]``; ``visible`` is recomputed with numpy when
    the sort, the filter mask or the search changes.
    """

    def __init__(self, columns: Sequence[ColumnSpec[T]], parent: Any = None) -> None:
        """Create an empty model with these columns."""
        super().__init__(parent)
        self.columns = list(columns)
        self._records: list[T] = []
        self._index: SearchIndex | None = None
        self._search_keys: list[str] = []
        self._query = ""
        self._search_mask: np.ndarray | None = None
        self._filter_mask: np.ndarray | None = None
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._order = np.zeros(0, dtype=np.int64)
        self._visible = np.zeros(0, dtype=np.int64)
        self._sort_keys: dict[int, np.ndarray] = {}
        self._row_cache: dict[int, tuple[str, ...]] = {}

    # -- feeding ----------------------------------------------------------------------------
    def set_records(self, records: Sequence[T], search_keys: Sequence[str]) -> None:
        """Replace the records (and their folded search keys); keeps sort, drops the index."""
        self.beginResetModel()
        self._records = list(records)
        self._search_keys = list(search_keys)
        self._index = None
        self._search_mask = None
        self._filter_mask = None
        self._sort_keys.clear()
        self._row_cache.clear()
        self._order = self._sorted_order()
        self._visible = self._order.copy()
        self.endResetModel()
        if self._query:
            # The query typed before a reload still applies (the index is rebuilt for it).
            self.set_search(self._query)

    def search_keys(self) -> list[str]:
        """Return the folded search keys (for building the index off the GUI thread)."""
        return list(self._search_keys)

    def set_search_index(self, index: SearchIndex) -> None:
        """Use a search index built elsewhere (it must index the current records)."""
        if index.size == len(self._records):
            self._index = index
            if self._query:
                self.set_search(self._query)

    def has_search_index(self) -> bool:
        """Tell whether the quick-search index is ready."""
        return self._index is not None

    def records(self) -> list[T]:
        """Return every record (not only the visible ones)."""
        return self._records

    def record(self, row: int) -> T:
        """Return the record shown at ``row``."""
        return self._records[int(self._visible[row])]

    def row_of(self, predicate: Callable[[T], bool]) -> int:
        """Return the visible row of the first record matching ``predicate``, or -1."""
        for row, i in enumerate(self._visible):
            if predicate(self._records[int(i)]):
                return row
        return -1

    def total_count(self) -> int:
        """Return the number of records, shown or not."""
        return len(self._records)

    # -- filtering and search --------------------------------------------------------------
    def set_filter_mask(self, mask: np.ndarray | None) -> None:
        """Show only the records where ``mask`` is true (None shows all)."""
        self._filter_mask = mask
        self._refresh_visible()

    def set_search(self, query: str) -> None:
        """Show only the records matching the quick search ``query`` (typos tolerated)."""
        self._query = query
        if not query.strip():
            self._search_mask = None
        else:
            if self._index is None:
                self._index = SearchIndex(self._search_keys)
            self._search_mask = self._index.match(query)
        self._refresh_visible()

    def query(self) -> str:
        """Return the quick-search text applied."""
        return self._query

    def _refresh_visible(self) -> None:
        mask: np.ndarray | None = None
        for part in (self._filter_mask, self._search_mask):
            if part is not None:
                mask = part if mask is None else mask & part
        self.beginResetModel()
        self._row_cache.clear()
        self._visible = self._order if mask is None else self._order[mask[self._order]]
        self.endResetModel()

    # -- sorting -----------------------------------------------------------------------------
    def _column_keys(self, column: int) -> np.ndarray:
        keys = self._sort_keys.get(column)
        if keys is None:
            spec = self.columns[column]
            raw = [spec.sort_key(r) for r in self._records]
            # A dense rank of the keys (all str or all numbers, per column spec).
            _, keys = np.unique(np.asarray(raw), return_inverse=True)
            keys = keys.reshape(-1)
            self._sort_keys[column] = keys
        return keys

    def _sorted_order(self) -> np.ndarray:
        n = len(self._records)
        if self._sort_column < 0 or self._sort_column >= len(self.columns) or n == 0:
            return np.arange(n, dtype=np.int64)
        keys = self._column_keys(self._sort_column)
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            keys = -keys
        return np.argsort(keys, kind="stable").astype(np.int64)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort all records by a column (vectorised, stable)."""
        self._sort_column = column
        self._sort_order = order
        self._order = self._sorted_order()
        self._refresh_visible()

    # -- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of visible rows (0 under a valid parent: a flat table)."""
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns (0 under a valid parent)."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Return the column titles."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.columns[section].tooltip
        return None

    def _display_row(self, row: int) -> tuple[str, ...]:
        cached = self._row_cache.get(row)
        if cached is None:
            if len(self._row_cache) >= _ROW_CACHE_SIZE:
                self._row_cache.clear()
            record = self._records[int(self._visible[row])]
            cached = tuple(spec.display(record) for spec in self.columns)
            self._row_cache[row] = cached
        return cached

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the display text, alignment or record of a cell."""
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display_row(index.row())[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[index.column()].align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PAYLOAD_ROLE:
            return self.record(index.row())
        return None


class TableProxyModel(QSortFilterProxyModel):
    """The proxy of a record table: sorting is forwarded to the source's bulk sort."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the source model by ``column``; the proxy keeps the source order."""
        source = self.sourceModel()
        if isinstance(source, RecordTableModel):
            source.sort(column, order)
        else:
            super().sort(column, order)


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a short table: display texts, sort keys, and what the row stands for."""

    values: tuple[str, ...]
    sort_keys: tuple[Any, ...] = ()
    payload: Any = None
    tooltips: tuple[str | None, ...] = ()


class RowsModel(QAbstractTableModel):
    """A short table of prepared rows (sorted by a standard ``QSortFilterProxyModel``)."""

    def __init__(
        self, headers: Sequence[str], parent: Any = None, right_aligned: Sequence[int] = ()
    ) -> None:
        """Create an empty table with these column titles."""
        super().__init__(parent)
        self.headers = list(headers)
        self._rows: list[Row] = []
        self._right = set(right_aligned)
        # Per-column views of the row payload, for delegates that paint a cell from data
        # (e.g. the score parts of a candidate): {column: function(payload) -> value}.
        self.column_payloads: dict[int, Callable[[Any], Any]] = {}

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        """Return the rows, in model order."""
        return list(self._rows)

    def row(self, row: int) -> Row:
        """Return one row."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of rows (0 under a valid parent)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns (0 under a valid parent)."""
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Return the column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the display text, sort key, tooltip or payload of a cell."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if not 0 <= column < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.values[column] if column < len(row.values) else ""
        if role == SORT_ROLE:
            if column < len(row.sort_keys):
                return row.sort_keys[column]
            return row.values[column] if column < len(row.values) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltips[column] if column < len(row.tooltips) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PAYLOAD_ROLE:
            view = self.column_payloads.get(column)
            return row.payload if view is None else view(row.payload)
        return None


def sorted_proxy(model: RowsModel, parent: Any = None) -> QSortFilterProxyModel:
    """Return a standard proxy that sorts ``model`` by its sort keys."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(model)
    return proxy
