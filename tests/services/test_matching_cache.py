"""The cached engine follows changes made through other connections without a rebuild."""

from datetime import date

from housingmatch.services import matching
from housingmatch.store import Store
from tests.builders import make_request, make_unit

ON = date(2026, 6, 15)


def test_changes_from_another_connection_are_caught_up(db_path):
    with Store.open(db_path) as gui, Store.open(db_path) as worker:
        gui.units.save(make_unit(), "t")
        gui.requests.save_many(
            [make_request("A", tie_breaker=1), make_request("B", tie_breaker=2)], "t", "essai"
        )
        engine = matching.engine_for(gui)
        assert [c.ref for c in matching.rank_unit(gui, "LOG-0001", ON).ranked] == ["A", "B"]

        worker.requests.save(make_request("B", dalo=True, tie_breaker=2), "t")
        worker.requests.save(make_request("C", tie_breaker=3), "t")

        ranking = matching.rank_unit(gui, "LOG-0001", ON)
        assert matching.engine_for(gui) is engine  # caught up, not rebuilt
        assert [c.ref for c in ranking.ranked] == ["B", "A", "C"]


def test_reference_data_changes_rebuild_the_engine(db_path):
    with Store.open(db_path) as store:
        store.requests.save(make_request("A"), "t")
        engine = matching.engine_for(store)
        from housingmatch.store import PendingEntry

        store.audit.append("t", [PendingEntry("load", "reference", "plafonds", {})])
        assert matching.engine_for(store) is not engine
