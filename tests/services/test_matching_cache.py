"""The engine is shared by the connections to one database and follows their changes."""

from datetime import date

import pytest

from housingmatch.services import matching
from housingmatch.store import PendingEntry, Store
from tests.builders import SUPERVISOR, make_request, make_unit

ON = date(2026, 6, 15)


@pytest.fixture
def no_rebuild(monkeypatch):
    """Make any full rebuild of the index fail the test."""

    def refuse(store, context):
        raise AssertionError("the index was rebuilt")

    return lambda: monkeypatch.setattr(matching, "_index_from_database", refuse)


def refs(ranking):
    return [c.ref for c in ranking.ranked]


def test_connections_to_one_file_share_the_engine(db_path):
    with Store.open(db_path) as one, Store.open(db_path) as two:
        one.requests.save(make_request("A"), "t")
        assert matching.engine_for(one) is matching.engine_for(two)
        matching.forget(one)


def test_changes_from_another_connection_are_caught_up(db_path, no_rebuild):
    with Store.open(db_path) as gui, Store.open(db_path) as worker:
        gui.units.save(make_unit(), "t")
        gui.requests.save_many(
            [make_request("A", tie_breaker=1), make_request("B", tie_breaker=2)], "t", "essai"
        )
        before = matching.rank_unit(gui, SUPERVISOR, "LOG-0001", ON)
        assert refs(before) == ["A", "B"]
        no_rebuild()

        worker.requests.save(make_request("B", dalo=True, tie_breaker=2), "t")
        worker.requests.save(make_request("C", tie_breaker=3), "t")

        assert refs(matching.rank_unit(gui, SUPERVISOR, "LOG-0001", ON)) == ["B", "A", "C"]
        # The ranking handed out earlier still reads the engine it came from.
        assert refs(before) == ["A", "B"] and not before.ranked[1].groups
        matching.forget(gui)


def test_reference_data_changes_rebuild_the_engine(db_path):
    with Store.open(db_path) as store:
        store.requests.save(make_request("A"), "t")
        engine = matching.engine_for(store)
        store.audit.append("t", [PendingEntry("load", "reference", "plafonds", {})])
        assert matching.engine_for(store) is not engine
        matching.forget(store)


# -- the column cache beside the database ---------------------------------------------------
def _fill(store):
    store.units.save(make_unit(), "t")
    store.requests.save_many(
        [make_request(r, tie_breaker=i) for i, r in enumerate("ABCD")], "t", "essai"
    )


def _arrays_equal(a, b):
    import numpy as np

    assert sorted(a) == sorted(b)
    for name in a:
        np.testing.assert_array_equal(a[name], b[name], err_msg=name)


def test_a_cold_start_reads_the_cache_equal_to_a_fresh_index(db_path, no_rebuild):
    import stat

    with Store.open(db_path) as store:
        _fill(store)
        fresh = matching.engine_for(store)
        expected = matching.rank_unit(store, SUPERVISOR, "LOG-0001", ON)
        path = matching.index_cache_path(store)
        assert path is not None and path.exists()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        matching.forget(store)  # as a new process would start
        no_rebuild()
        cached = matching.engine_for(store)
        assert cached is not fresh
        _arrays_equal(cached.index.to_arrays(), fresh.index.to_arrays())
        again = matching.rank_unit(store, SUPERVISOR, "LOG-0001", ON)
        assert list(again.ranked) == list(expected.ranked)
        assert list(again.excluded) == list(expected.excluded)
        matching.forget(store)


def test_a_request_edited_after_caching_makes_the_cache_stale(db_path, monkeypatch):
    with Store.open(db_path) as store:
        _fill(store)
        matching.engine_for(store)
        matching.forget(store)
        store.requests.save(make_request("D", dalo=True, tie_breaker=3), "t")
        rebuilt = []
        real = matching._index_from_database
        monkeypatch.setattr(
            matching, "_index_from_database", lambda s, c: rebuilt.append(1) or real(s, c)
        )
        assert refs(matching.rank_unit(store, SUPERVISOR, "LOG-0001", ON))[0] == "D"
        assert rebuilt == [1]  # the stale cache was not used
        matching.forget(store)
        assert refs(matching.rank_unit(store, SUPERVISOR, "LOG-0001", ON))[0] == "D"
        assert rebuilt == [1]  # the rebuilt index was cached again
        matching.forget(store)


def test_a_write_that_bypassed_the_audit_log_makes_the_cache_stale(db_path, monkeypatch):
    import sqlite3

    with Store.open(db_path) as store:
        _fill(store)
        assert refs(matching.rank_unit(store, SUPERVISOR, "LOG-0001", ON))[0] != "D"
        matching.forget(store)
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE requests SET dalo = 1, updated_at = '2999-01-01' WHERE ref = 'D'")
    conn.close()
    with Store.open(db_path) as store:
        assert refs(matching.rank_unit(store, SUPERVISOR, "LOG-0001", ON))[0] == "D"
        matching.forget(store)


def test_a_damaged_cache_is_rebuilt(db_path):
    with Store.open(db_path) as store:
        _fill(store)
        expected = refs(matching.rank_unit(store, SUPERVISOR, "LOG-0001", ON))
        matching.forget(store)
        path = matching.index_cache_path(store)
        path.write_bytes(b"\0" * 100)
        assert refs(matching.rank_unit(store, SUPERVISOR, "LOG-0001", ON)) == expected
        matching.forget(store)
