"""Table models: one ``QAbstractTableModel`` per view, fed plain rows from the services.

Two kinds:

- :class:`RecordTableModel` for the large tables (requests, units): the records are kept as
  given (summaries), display strings are made lazily and cached per row, and sorting,
  filtering and quick search are computed in bulk with numpy over the whole column. A
  Python ``filterAcceptsRow`` or ``lessThan`` is called once per row (or per comparison);
  measured at about 1.4 µs per call, it would cost ~140 ms per keystroke at 100 000 rows.
  :class:`TableProxyModel` sits on top and forwards sorting to the source. With a search
  typed and no sort column chosen, the best matches come first. After a save, one record
  is replaced (``dataChanged``) or added (``rowsInserted``) without resetting the table.
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
    the sort, the filter mask or the search changes. A record replaced or added after a save
    stays shown where it is until the next such change, even if it no longer matches.
    """

    def __init__(
        self,
        columns: Sequence[ColumnSpec[T]],
        parent: Any = None,
        record_key: Callable[[T], Any] | None = None,
    ) -> None:
        """Create an empty model with these columns; ``record_key`` identifies a record."""
        super().__init__(parent)
        self.columns = list(columns)
        self._record_key = record_key
        self._records: list[T] = []
        self._positions: dict[Any, int] | None = None
        self._revision = 0
        self._index: SearchIndex | None = None
        self._search_keys: list[str] = []
        self._query = ""
        self._search_scores: np.ndarray | None = None
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
        self._positions = None
        self._revision += 1
        self._search_keys = list(search_keys)
        self._index = None
        self._search_scores = None
        self._filter_mask = None
        self._sort_keys.clear()
        self._row_cache.clear()
        self._order = self._sorted_order()
        self._visible = self._order.copy()
        self.endResetModel()
        if self._query:
            # The query typed before a reload still applies (the index is rebuilt for it).
            self.set_search(self._query)

    def revision(self) -> int:
        """Return a number that changes whenever a record is loaded, replaced or added."""
        return self._revision

    def set_search_index(self, index: SearchIndex, revision: int | None = None) -> None:
        """Use a search index built elsewhere over the records of ``revision``.

        An index built before a record was replaced or added is dropped (it would be stale).
        """
        if revision is not None and revision != self._revision:
            return
        if index.size == len(self._records):
            self._index = index
            if self._query:
                self.set_search(self._query)

    def has_search_index(self) -> bool:
        """Tell whether the quick-search index is ready."""
        return self._index is not None

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

    def position_of(self, key: Any) -> int | None:
        """Return the position in :meth:`records` of the record with this key, or None."""
        if self._record_key is None:
            raise TypeError("this model was created without a record_key")
        if self._positions is None:
            self._positions = {self._record_key(r): i for i, r in enumerate(self._records)}
        return self._positions.get(key)

    def visible_row(self, position: int) -> int:
        """Return the row showing the record at ``position``, or -1 if it is not shown."""
        rows = np.flatnonzero(self._visible == position)
        return int(rows[0]) if rows.size else -1

    # -- one record after a save ------------------------------------------------------------
    def replace_record(
        self, position: int, record: T, search_key: str, filter_mask: np.ndarray | None
    ) -> int:
        """Replace one record in place (``dataChanged``); return its row, or -1 if not shown.

        ``filter_mask`` is the filter over the records as they now are; the row stays where
        it is, and the sort, filter and search apply to its new values from their next change.
        """
        old_key = self._record_key(self._records[position]) if self._record_key else None
        self._records[position] = record
        self._search_keys[position] = search_key
        if self._positions is not None:
            self._positions.pop(old_key, None)
            self._positions[self._record_key(record)] = position  # type: ignore[misc]
        if self._index is not None:
            self._index.update(position, search_key)
        self._record_changed(filter_mask)
        # Keep the full order sorted: move the record to where its new values belong.
        rest = self._order[self._order != position]
        self._order = np.insert(rest, self._insert_position(rest, position), position)
        row = self.visible_row(position)
        if row >= 0:
            self._row_cache.pop(row, None)
            self.dataChanged.emit(
                self.index(row, 0),
                self.index(row, len(self.columns) - 1),
                [Qt.ItemDataRole.DisplayRole],
            )
        return row

    def add_record(self, record: T, search_key: str, filter_mask: np.ndarray | None) -> int:
        """Add a record and show it where the current order puts it (``rowsInserted``).

        ``filter_mask`` covers the records with the new one last. Return its row.
        """
        position = len(self._records)
        self._records.append(record)
        self._search_keys.append(search_key)
        if self._positions is not None and self._record_key is not None:
            self._positions[self._record_key(record)] = position
        if self._index is not None:
            self._index.append(search_key)
        self._record_changed(filter_mask)
        self._order = np.insert(self._order, self._insert_position(self._order, position), position)
        row = self._insert_position(self._visible, position, by_relevance=True)
        self.beginInsertRows(QModelIndex(), row, row)
        self._visible = np.insert(self._visible, row, position)
        self._row_cache.clear()
        self.endInsertRows()
        return row

    def _record_changed(self, filter_mask: np.ndarray | None) -> None:
        self._revision += 1
        self._sort_keys.clear()  # dense ranks are recomputed at the next sort
        self._filter_mask = filter_mask
        if self._query.strip():
            if self._index is None:
                self._index = SearchIndex(self._search_keys)
            self._search_scores = self._index.scores(self._query)

    def _precedes(self, a: int, b: int, by_relevance: bool) -> bool:
        """Tell whether record ``a`` comes before record ``b`` in the table's order."""
        if self._sort_column >= 0:
            spec = self.columns[self._sort_column]
            ka, kb = spec.sort_key(self._records[a]), spec.sort_key(self._records[b])
            if ka != kb:
                ascending = self._sort_order == Qt.SortOrder.AscendingOrder
                return bool(ka < kb) if ascending else bool(ka > kb)
        elif by_relevance and self._search_scores is not None:
            sa, sb = self._search_scores[a], self._search_scores[b]
            if sa != sb:
                return bool(sa > sb)
        return a < b

    def _insert_position(
        self, positions: np.ndarray, position: int, by_relevance: bool = False
    ) -> int:
        """Return where ``position`` goes in the ordered ``positions`` (binary search)."""
        low, high = 0, len(positions)
        while low < high:
            middle = (low + high) // 2
            if self._precedes(int(positions[middle]), position, by_relevance):
                low = middle + 1
            else:
                high = middle
        return low

    # -- filtering and search --------------------------------------------------------------
    def set_filter_mask(self, mask: np.ndarray | None) -> None:
        """Show only the records where ``mask`` is true (None shows all)."""
        self._filter_mask = mask
        self._refresh_visible()

    def set_search(self, query: str) -> None:
        """Show only the records matching the quick search ``query`` (typos tolerated).

        Without a sort column chosen, the best matches come first.
        """
        self._query = query
        if not query.strip():
            self._search_scores = None
        else:
            if self._index is None:
                self._index = SearchIndex(self._search_keys)
            self._search_scores = self._index.scores(query)
        self._refresh_visible()

    def best_matches(self, query: str, limit: int = 20) -> list[T]:
        """Return the records matching ``query`` best first (the table's own search)."""
        if not query.strip() or not self._records:
            return []
        if self._index is None:
            self._index = SearchIndex(self._search_keys)
        scores = self._index.scores(query)
        if scores is None:
            return []
        rows = np.flatnonzero(scores > 0)
        best = rows[np.argsort(-scores[rows], kind="stable")][:limit]
        return [self._records[int(i)] for i in best]

    def _refresh_visible(self) -> None:
        scores = self._search_scores
        mask = None if scores is None else scores > 0
        if self._filter_mask is not None:
            mask = self._filter_mask if mask is None else mask & self._filter_mask
        visible = self._order if mask is None else self._order[mask[self._order]]
        if scores is not None and self._sort_column < 0:
            # No sort chosen: best matches first, the order of the records among equals.
            visible = visible[np.argsort(-scores[visible], kind="stable")]
        self.beginResetModel()
        self._row_cache.clear()
        self._visible = visible
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
