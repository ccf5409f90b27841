import numpy as np
from PySide6.QtCore import Qt

from housingmatch.domain.text import fold
from housingmatch.gui.models import ColumnSpec, RecordTableModel, Row, RowsModel, TableProxyModel
from housingmatch.gui.search import SearchIndex


def test_record_model_passes_the_model_tester(qtmodeltester):
    model = RecordTableModel(
        [ColumnSpec("Nom", str, str), ColumnSpec("Longueur", lambda s: str(len(s)), len)]
    )
    names = ["Dupont", "Lefèvre", "Martin", "Chenôve"]
    model.set_records(names, [fold(n) for n in names])
    qtmodeltester.check(model)
    model.set_search("lefevre")
    assert model.rowCount() == 1
    qtmodeltester.check(model)
    model.set_search("")
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [model.record(r) for r in range(4)] == ["Lefèvre", "Chenôve", "Dupont", "Martin"]
    model.set_filter_mask(np.array([True, False, True, False]))
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_table_proxy_forwards_sort(qtmodeltester):
    model = RecordTableModel([ColumnSpec("Nom", str, str)])
    model.set_records(["b", "c", "a"], ["b", "c", "a"])
    proxy = TableProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["a", "b", "c"]
    qtmodeltester.check(proxy)


def test_rows_model_passes_the_model_tester(qtmodeltester):
    model = RowsModel(["A", "B"])
    model.set_rows([Row(("x", "1"), ("x", 1)), Row(("y", "2"), ("y", 2))])
    qtmodeltester.check(model)


def test_every_model_of_the_window_passes_the_model_tester(app_window, qtmodeltester):
    from housingmatch.gui.models import RowsModel as Rows

    models = [app_window.requests_page.model, app_window.units_page.model]
    models += app_window.findChildren(Rows)
    assert len(models) >= 8
    for model in models:
        qtmodeltester.check(model)


def test_search_index_accents_typos_and_numbers():
    keys = [
        fold(k) for k in ["Dupont Marie DEM-0001", "Lefèvre Jean DEM-0002", "Durand Paul DEM-0003"]
    ]
    index = SearchIndex(keys)
    assert list(index.match("dupon").nonzero()[0]) == [0]
    assert list(index.match("LEFEVRE").nonzero()[0]) == [1]
    assert list(index.match("durnad").nonzero()[0]) == [2]
    assert list(index.match("0003").nonzero()[0]) == [2]
    assert index.match("   ") is None
    assert not index.match("zzzzzz").any()


def test_search_scores_put_the_nearest_word_first():
    keys = [fold(k) for k in ["Duponchel Anne", "Martin Dupont", "Dupont Marie", "Durand Paul"]]
    index = SearchIndex(keys)
    scores = index.scores("dupon")
    assert scores[1] == scores[2] > scores[0] > 0 == scores[3]
    assert index.scores("dupon anne").nonzero()[0].tolist() == [0]


def test_search_index_follows_a_changed_or_added_row():
    index = SearchIndex([fold("Dupont Marie"), fold("Durand Paul")])
    index.update(0, fold("Zola Marie"))
    assert not index.match("dupont").any()
    assert index.match("zola").nonzero()[0].tolist() == [0]
    assert index.append(fold("Lefèvre Jean")) == 2
    assert index.match("lefevre").nonzero()[0].tolist() == [2]
    assert index.match("marie").nonzero()[0].tolist() == [0]


def test_record_model_orders_by_match_quality_and_takes_single_records(qtmodeltester):
    model = RecordTableModel([ColumnSpec("Nom", str, str)], record_key=str)
    names = ["Duponchel", "Dupuis", "Dupont"]
    model.set_records(names, [fold(n) for n in names])
    model.set_search("dupon")
    assert [model.record(r) for r in range(model.rowCount())] == ["Dupont", "Duponchel"]
    assert model.add_record("Dupond", "dupond", None) == 1  # ties keep the records' order
    assert [model.record(r) for r in range(model.rowCount())] == [
        "Dupont",
        "Dupond",
        "Duponchel",
    ]
    qtmodeltester.check(model)
    assert model.replace_record(model.position_of("Duponchel"), "Martin", "martin", None) == 2
    assert model.index(2, 0).data() == "Martin"
    model.set_search("dupon")
    assert [model.record(r) for r in range(model.rowCount())] == ["Dupont", "Dupond"]
    model.sort(0, Qt.SortOrder.AscendingOrder)
    model.set_search("")
    assert [model.record(r) for r in range(model.rowCount())] == [
        "Dupond",
        "Dupont",
        "Dupuis",
        "Martin",
    ]
    qtmodeltester.check(model)
