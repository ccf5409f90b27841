"""The candidate index written to plain arrays and read back is the same index."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings

from housingmatch.domain.model import Request, Unit
from housingmatch.matching.engine import MatchingEngine
from housingmatch.matching.index import CandidateIndex
from housingmatch.matching.places import TablePlaces, places_table
from tests.matching.builders import ON, context
from tests.matching.strategies import COMMUNES, pools, units

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _same_arrays(a: dict[str, np.ndarray], b: dict[str, np.ndarray]) -> None:
    assert sorted(a) == sorted(b)
    for name in a:
        assert a[name].dtype == b[name].dtype, name
        np.testing.assert_array_equal(a[name], b[name], err_msg=name)


@SETTINGS
@given(pool=pools(), unit=units())
def test_an_index_read_from_its_arrays_ranks_like_a_fresh_one(pool: list[Request], unit: Unit):
    ctx = context()
    fresh = MatchingEngine(ctx, pool)
    arrays = fresh.index.to_arrays()
    loaded = CandidateIndex.from_arrays(arrays, ctx.places)
    _same_arrays(loaded.to_arrays(), arrays)
    again = MatchingEngine.from_index(ctx, loaded).rank(unit, ON)
    expected = fresh.rank(unit, ON)
    assert list(again.ranked) == list(expected.ranked)
    assert list(again.excluded) == list(expected.excluded)


@SETTINGS
@given(pool=pools(), extra=pools(max_size=5), unit=units())
def test_a_loaded_index_follows_updates_like_a_fresh_one(
    pool: list[Request], extra: list[Request], unit: Unit
):
    ctx = context()
    loaded = MatchingEngine.from_index(
        ctx, CandidateIndex.from_arrays(MatchingEngine(ctx, pool).index.to_arrays(), ctx.places)
    )
    final = {r.ref: r for r in pool}
    for request in extra:
        loaded.upsert(request)
        final[request.ref] = request
    for ref in list(final)[::3]:
        assert loaded.remove(ref)
        del final[ref]
    fresh = MatchingEngine(ctx, list(final.values()))
    assert list(loaded.rank(unit, ON).ranked) == list(fresh.rank(unit, ON).ranked)
    assert list(loaded.rank(unit, ON).excluded) == list(fresh.rank(unit, ON).excluded)


def test_a_places_table_answers_like_its_source_and_asks_it_for_unknown_codes():
    source = context().places
    asked = []

    def factory():
        asked.append(True)
        return source

    table = TablePlaces(places_table(source, COMMUNES[:-2]), factory)
    for code in COMMUNES[:-2]:
        assert table.point(code) == source.point(code)
        assert table.zone_abc(code) == source.zone_abc(code)
        assert table.epci(code) == source.epci(code)
    assert not asked
    assert table.point(COMMUNES[-2]) == source.point(COMMUNES[-2])
    assert asked


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pool=pools())
def test_an_index_built_from_the_table_columns_equals_one_built_from_requests(
    pool: list[Request],
):
    from housingmatch.store import Store

    places = context().places
    with Store.memory() as store:
        store.requests.save_many(pool, "t", "essai")
        data = store.requests.index_columns()
        from_columns = CandidateIndex.from_columns(
            data.values, data.motifs, data.l441, data.communes, places
        )
        from_requests = CandidateIndex.build(store.requests.all(), places)
    _same_arrays(from_columns.to_arrays(), from_requests.to_arrays())
    assert from_columns.row_of == from_requests.row_of
    from_columns._thaw()  # the sets an update edits, made from the array lookups
    assert from_columns._wish_rows == {k: v for k, v in from_requests._wish_rows.items() if v}
    assert [set(w) for w in from_columns._row_wishes] == [set(w) for w in from_requests._row_wishes]
    assert from_columns._row_employer == from_requests._row_employer
