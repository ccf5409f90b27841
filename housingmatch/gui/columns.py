"""Column widths of the short tables: whole references and names, never "LOG-2026-00…"."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QTableView


def fit_columns(view: QTableView, columns: Iterable[int]) -> None:
    """Widen ``columns`` to their content and header (never narrower than they are).

    ``sizeHintForColumn`` asks each row's delegate (badges included) and reads at most the
    header's ``resizeContentsPrecision`` rows (1 000 by default), so a long table stays quick.
    """
    header = view.horizontalHeader()
    model = view.model()
    if model is None:
        return
    for column in columns:
        if column >= model.columnCount():
            continue
        needed = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
        if needed > header.sectionSize(column):
            header.resizeSection(column, needed)
