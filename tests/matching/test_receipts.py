"""A ranking receipt replays to the ranking it kept, from its columns as from rebuilt requests."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import housingmatch.matching.receipts as receipts
from housingmatch.domain.model import Request, Unit
from housingmatch.matching.engine import MatchingEngine
from housingmatch.matching.index import CandidateIndex
from housingmatch.paths import resource
from tests.matching.builders import ON, PLACES, context, make_request, make_unit
from tests.matching.strategies import pools, units
from tests.matching.test_index import _same_arrays

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DATES = st.sampled_from([ON, date(2026, 1, 1), date(2025, 9, 30)])


def _ceiling_rows() -> list[tuple[int, str, str, str, float]]:
    path = resource("reference", "plafonds.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(line for line in handle if not line.startswith("#"))
        return [
            (int(r["year"]), r["zone"], r["financing"], r["household_category"],
             float(r["amount_eur"]))
            for r in reader
            if r["amount_eur"]
        ]  # fmt: skip


ROWS = _ceiling_rows()


def _incomplete(pool: list[Request], data: st.DataObject) -> list[Request]:
    """Mark some requests as forum intakes still to complete (an input of the ranking too)."""
    marks = data.draw(st.lists(st.booleans(), min_size=len(pool), max_size=len(pool)))
    return [
        replace(r, to_complete=("revenu_fiscal_reference",)) if m else r
        for r, m in zip(pool, marks, strict=True)
    ]


@SETTINGS
@given(pool=pools(), unit=units(), on=DATES, data=st.data())
def test_a_receipt_replays_from_its_columns_as_from_its_requests(
    pool: list[Request], unit: Unit, on: date, data: st.DataObject
) -> None:
    pool = _incomplete(pool, data)
    ctx = context()
    ranking = MatchingEngine(ctx, pool).rank(unit, on)
    blob = receipts.build_receipt(ranking, unit, pool, ctx, ROWS)
    receipt = receipts.read_receipt(blob)
    columns = receipts.index_columns(receipt.request_columns)
    assert columns is not None  # the column path
    # Its index equals the one built from the requests, column by column (any input mapped
    # to the wrong field shows here, even where the ranking would hide it).
    from_columns = CandidateIndex.from_columns(*columns, PLACES)
    from_requests = CandidateIndex.build(list(receipt.requests), PLACES)
    _same_arrays(from_columns.to_arrays(), from_requests.to_arrays())
    assert from_columns.row_of == from_requests.row_of
    again = receipts.replay(receipt, PLACES)
    assert receipts.differences(receipt.result, receipts.result_of(again)) == []
    assert list(again.ranked) == list(ranking.ranked)
    assert list(again.excluded) == list(ranking.excluded)
    # The same replay through one rebuilt Request per household (older receipts' path).
    rebuilt = MatchingEngine(ctx, list(receipt.requests)).rank(unit, on)
    assert list(rebuilt.ranked) == list(again.ranked)


def test_a_receipt_missing_an_input_column_replays_from_rebuilt_requests() -> None:
    pool = [make_request("D1"), make_request("D2", dalo=True), make_request("D3", persons=3)]
    unit = make_unit()
    ctx = context()
    ranking = MatchingEngine(ctx, pool).rank(unit, ON)
    receipt = receipts.read_receipt(receipts.build_receipt(ranking, unit, pool, ctx, ROWS))
    older = replace(
        receipt,
        request_columns={k: v for k, v in receipt.request_columns.items() if k != "to_complete"},
    )
    assert receipts.index_columns(older.request_columns) is None
    again = receipts.replay(older, PLACES)
    assert receipts.differences(receipt.result, receipts.result_of(again)) == []
