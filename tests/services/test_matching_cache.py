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

    def refuse(store):
        raise AssertionError("the index was rebuilt")

    return lambda: monkeypatch.setattr(matching, "_requests_with_tie_breakers", refuse)


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
