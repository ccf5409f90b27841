"""Suppression: nothing under 5 is shown, and no hidden value can be computed back."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from housingmatch.reports.suppression import THRESHOLD, ProtectedTable, exposed_values, protect

COMMUNES = ("Dijon", "Chenôve", "Longvic")
TYPES = ("T1-T2", "T3", "T4+")


def test_a_lone_small_cell_takes_a_neighbour_with_it():
    counts = [[40, 3, 25], [30, 20, 10], [12, 9, 15]]
    table = protect(COMMUNES, TYPES, counts)
    assert table.cells[0][1] is None
    # Dijon's total (68) is published, so another Dijon cell and another T3 cell are hidden too.
    assert sum(v is None for v in table.cells[0]) >= 2
    assert sum(table.cells[r][1] is None for r in range(3)) >= 2
    assert exposed_values(table, counts) == []
    assert table.row_totals[0] == 68 and table.total == 164


def test_primary_suppression_alone_is_caught_by_the_audit():
    counts = [[40, 3, 25], [30, 20, 10], [12, 9, 15]]
    naive = ProtectedTable(
        COMMUNES,
        TYPES,
        ((40, None, 25), (30, 20, 10), (12, 9, 15)),
        (68, 60, 36),
        (82, 32, 50),
        164,
    )
    assert exposed_values(naive, counts) == [("Dijon", "T3")]


def test_a_small_total_is_hidden_and_zero_counts_as_small():
    counts = [[2, 0, 1], [30, 20, 10], [12, 9, 15]]
    table = protect(COMMUNES, TYPES, counts)
    assert table.row_totals[0] is None and table.cells[0] == (None, None, None)
    assert min(table.published_values()) >= THRESHOLD


def test_a_big_table_stays_mostly_published():
    counts = np.full((8, 5), 50)
    counts[2, 3] = 1
    table = protect([f"C{i}" for i in range(8)], [f"T{j}" for j in range(5)], counts.tolist())
    assert table.suppressed_count == 4  # the small cell and the three that close its rectangle
    assert table.total == int(counts.sum())


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 4).flatmap(
        lambda rows: st.integers(1, 4).flatmap(
            lambda cols: st.lists(
                st.lists(st.integers(0, 30), min_size=cols, max_size=cols),
                min_size=rows,
                max_size=rows,
            )
        )
    )
)
def test_any_table_is_published_safely(counts):
    rows = [f"R{i}" for i in range(len(counts))]
    cols = [f"C{j}" for j in range(len(counts[0]))]
    table = protect(rows, cols, counts)
    assert all(v >= THRESHOLD for v in table.published_values())
    for r, row in enumerate(table.cells):
        for c, value in enumerate(row):
            assert value is None or value == counts[r][c]
    assert exposed_values(table, counts) == []
