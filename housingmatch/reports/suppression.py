"""Statistical disclosure control of a published count table: primary and secondary suppression.

A table of household counts is published with its row totals, column totals and grand total
(convention art. 2.2: aggregated data for the observatory, no personal data). Every cell or
total under the threshold (5 households, zero included: "no cell under 5") is suppressed
(primary suppression). Publishing the totals could then give a suppressed cell back by
subtraction, so more cells are suppressed (secondary suppression) until no suppressed value
can be computed from what is published. The check is exact: for each suppressed value a linear
program (scipy's HiGHS) finds the smallest and largest value consistent with every published
figure and non-negative counts; a value pinned down to fewer than ``threshold`` possible
values (the interval between its smallest and largest is narrower than 5 households) is
exposed, and one more cell of its row or column is suppressed. The cells chosen are the smallest ones, so as
little information as possible is lost, and those closing a loop with cells already hidden
(a rectangle of four cells protects a lone small one).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog

#: Cells and totals with fewer households than this are never published.
THRESHOLD = 5


@dataclass(frozen=True, slots=True)
class ProtectedTable:
    """A count table ready to publish: ``None`` where a value is suppressed."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[int | None, ...], ...]
    row_totals: tuple[int | None, ...]
    column_totals: tuple[int | None, ...]
    total: int | None

    def published_values(self) -> list[int]:
        """Return every number this table shows (cells and totals)."""
        values = [v for row in self.cells for v in row if v is not None]
        values += [v for v in self.row_totals if v is not None]
        values += [v for v in self.column_totals if v is not None]
        if self.total is not None:
            values.append(self.total)
        return values

    @property
    def suppressed_count(self) -> int:
        """Return how many cells (not totals) are suppressed."""
        return sum(v is None for row in self.cells for v in row)


class _Layout:
    """The table as one vector: cells row by row, then row totals, column totals, total."""

    def __init__(self, counts: np.ndarray) -> None:
        self.n_rows, self.n_cols = counts.shape
        self.values = np.concatenate(
            [counts.ravel(), counts.sum(axis=1), counts.sum(axis=0), [counts.sum()]]
        ).astype(float)
        self.cell = lambda r, c: r * self.n_cols + c
        self.row_total = lambda r: self.n_rows * self.n_cols + r
        self.col_total = lambda c: self.n_rows * self.n_cols + self.n_rows + c
        self.grand = self.n_rows * self.n_cols + self.n_rows + self.n_cols
        equations = []
        for r in range(self.n_rows):
            equations.append(([self.cell(r, c) for c in range(self.n_cols)], self.row_total(r)))
        for c in range(self.n_cols):
            equations.append(([self.cell(r, c) for r in range(self.n_rows)], self.col_total(c)))
        equations.append(([self.row_total(r) for r in range(self.n_rows)], self.grand))
        equations.append(([self.col_total(c) for c in range(self.n_cols)], self.grand))
        self.equations = equations

    def lines_of(self, index: int) -> list[list[int]]:
        """Return the equations (as index lists, parts and total) that ``index`` stands in."""
        return [
            [*parts, total] for parts, total in self.equations if index in parts or index == total
        ]


def _bounds(layout: _Layout, hidden: set[int], target: int) -> tuple[float, float]:
    """Return the smallest and largest value of ``target`` consistent with what is published."""
    variables = sorted(hidden)
    position = {v: i for i, v in enumerate(variables)}
    a_eq, b_eq = [], []
    for parts, total in layout.equations:
        involved = [p for p in parts if p in hidden] + ([total] if total in hidden else [])
        if not involved:
            continue
        row = np.zeros(len(variables))
        rhs = 0.0
        for p in parts:
            if p in hidden:
                row[position[p]] += 1
            else:
                rhs -= layout.values[p]
        if total in hidden:
            row[position[total]] -= 1
        else:
            rhs += layout.values[total]
        a_eq.append(row)
        b_eq.append(rhs)
    objective = np.zeros(len(variables))
    objective[position[target]] = 1
    options = {
        "A_eq": np.array(a_eq),
        "b_eq": np.array(b_eq),
        "bounds": (0, None),
        "method": "highs",
    }
    low = linprog(objective, **options)
    high = linprog(-objective, **options)
    lowest = low.fun if low.status == 0 else 0.0
    highest = -high.fun if high.status == 0 else float("inf")
    return lowest, highest


def _exposed(layout: _Layout, hidden: set[int], protection: int) -> int | None:
    """Return a suppressed value that the published figures pin down too closely, if any."""
    for target in sorted(hidden):
        low, high = _bounds(layout, hidden, target)
        if high - low < protection:
            return target
    return None


def _cost(layout: _Layout, hidden: set[int], index: int) -> tuple[bool, int, float, int]:
    """Order the values that could be hidden next: cells before totals, then those closing a
    loop with values already hidden (fewer suppressions in all), then the smallest."""
    is_total = index >= layout.n_rows * layout.n_cols
    closes = sum(1 for line in layout.lines_of(index) if hidden & set(line))
    return is_total, -closes, layout.values[index], index


def protect(
    rows: Sequence[str],
    columns: Sequence[str],
    counts: Sequence[Sequence[int]],
    threshold: int = THRESHOLD,
    hidden_row_totals: frozenset[str] = frozenset(),
    hide_total: bool = False,
) -> ProtectedTable:
    """Return the table with every value under ``threshold`` and every exposed value hidden.

    ``hidden_row_totals`` and ``hide_total`` hide totals that another published table, which
    shows the same totals, had to hide (linked tables must hide them alike).
    """
    matrix = np.asarray(counts, dtype=np.int64).reshape(len(rows), len(columns))
    if (matrix < 0).any():
        raise ValueError("counts must be non-negative")
    layout = _Layout(matrix)
    hidden = {i for i, v in enumerate(layout.values) if v < threshold}
    hidden |= {layout.row_total(r) for r, name in enumerate(rows) if name in hidden_row_totals}
    if hide_total:
        hidden.add(layout.grand)
    while True:
        exposed = _exposed(layout, hidden, threshold)
        if exposed is None:
            break
        # Hide one more value beside it, in its row or column (see _cost for which).
        candidates = [
            i for line in layout.lines_of(exposed) for i in line if i not in hidden and i != exposed
        ]
        if not candidates:
            # Its own row and column are all hidden: what pins it comes from further away.
            candidates = [
                i
                for parts, total in layout.equations
                if hidden & {*parts, total}
                for i in (*parts, total)
                if i not in hidden
            ]
        hidden.add(min(candidates, key=lambda i: _cost(layout, hidden, i)))

    def shown(i: int) -> int | None:
        return None if i in hidden else int(layout.values[i])

    n_rows, n_cols = matrix.shape
    return ProtectedTable(
        rows=tuple(rows),
        columns=tuple(columns),
        cells=tuple(tuple(shown(layout.cell(r, c)) for c in range(n_cols)) for r in range(n_rows)),
        row_totals=tuple(shown(layout.row_total(r)) for r in range(n_rows)),
        column_totals=tuple(shown(layout.col_total(c)) for c in range(n_cols)),
        total=shown(layout.grand),
    )


def exposed_values(
    table: ProtectedTable, counts: Sequence[Sequence[int]], threshold: int = THRESHOLD
) -> list[tuple[str, str]]:
    """Return the suppressed values of ``table`` that its published figures pin down.

    A value is pinned down when the figures leave it fewer than ``threshold`` possible values.

    An audit independent of how the table was protected: (row, column) names, with "Total"
    for a margin. Empty when the table is safe.
    """
    matrix = np.asarray(counts, dtype=np.int64).reshape(len(table.rows), len(table.columns))
    layout = _Layout(matrix)
    hidden = set()
    names: dict[int, tuple[str, str]] = {}
    for r, row in enumerate(table.cells):
        for c, value in enumerate(row):
            names[layout.cell(r, c)] = (table.rows[r], table.columns[c])
            if value is None:
                hidden.add(layout.cell(r, c))
    for r, value in enumerate(table.row_totals):
        names[layout.row_total(r)] = (table.rows[r], "Total")
        if value is None:
            hidden.add(layout.row_total(r))
    for c, value in enumerate(table.column_totals):
        names[layout.col_total(c)] = ("Total", table.columns[c])
        if value is None:
            hidden.add(layout.col_total(c))
    names[layout.grand] = ("Total", "Total")
    if table.total is None:
        hidden.add(layout.grand)
    found = []
    for target in sorted(hidden):
        low, high = _bounds(layout, hidden, target)
        if high - low < threshold:
            found.append(names[target])
    return found
