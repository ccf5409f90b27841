from housingmatch.gui.main_window import UNITS
from housingmatch.gui.unit_dialog import UnitDialog


def test_saving_a_unit_refreshes_only_its_row(app_window, qtmodeltester, monkeypatch):
    page = app_window.units_page
    app_window.show_page(UNITS)
    resets, changed = [], []
    page.model.modelReset.connect(lambda: resets.append(True))
    page.model.dataChanged.connect(lambda top, _bottom, _roles=(): changed.append(top.row()))

    def exec_(dialog):
        dialog.ui.surface_edit.setText("80")
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(UnitDialog, "exec", exec_)
    row = page.model.row_of(lambda u: u.ref == "LOG-0002")
    page.edit_unit("LOG-0002")
    assert resets == [] and changed == [row]
    assert page.model.index(row, 4).data() == "80 m²"
    assert page.selected_record().surface == 80.0
    qtmodeltester.check(page.model)


def test_creating_a_unit_inserts_its_row_in_the_sorted_table(app_window, monkeypatch):
    page = app_window.units_page
    page.view.sortByColumn(0, page.view.horizontalHeader().sortIndicatorOrder().DescendingOrder)
    inserted = []
    page.model.rowsInserted.connect(lambda _parent, first, _last: inserted.append(first))

    def exec_(dialog):
        ui = dialog.ui
        ui.ref_edit.setText("LOG-0000")
        ui.landlord_edit.setText("Orvitis")
        ui.commune_edit.setText("Talant")
        ui.surface_edit.setText("52")
        ui.rent_edit.setText("410")
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(UnitDialog, "exec", exec_)
    page.new_unit()
    refs = [page.model.record(r).ref for r in range(page.model.rowCount())]
    assert refs == ["LOG-0003", "LOG-0002", "LOG-0001", "LOG-0000"]
    assert inserted == [3]
    assert page.selected_record().ref == "LOG-0000"
    page.search_edit.setText("orvitis")
    page.apply_search_now()
    assert [page.model.record(r).ref for r in range(page.model.rowCount())] == ["LOG-0000"]


def test_editing_a_unit_that_is_gone_says_so(app_window, no_modal_boxes):
    app_window.units_page.edit_unit("LOG-9999")
    assert no_modal_boxes == [
        ("critical", "Logement: Aucun logement n'a la référence « LOG-9999 ».")
    ]
