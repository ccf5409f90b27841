import pytest

from housingmatch.gui.main_window import REQUESTS
from housingmatch.gui.request_dialog import RequestDialog
from housingmatch.services.records import get_request


def shown_names(page):
    return {page.model.record(row).last_name for row in range(page.model.rowCount())}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("dupon", {"Dupont"}),
        ("lefevre", {"Lefèvre"}),
        ("LEFÈVRE jean", {"Lefèvre"}),
        ("dupnt", {"Dupont"}),
    ],
)
def test_search_tolerates_typos_and_accents(app_window, qtbot, typed, expected):
    page = app_window.requests_page
    app_window.show_page(REQUESTS)
    with qtbot.waitSignal(page.search_applied, timeout=2000) as blocker:
        qtbot.keyClicks(page.search_edit, typed)
    assert blocker.args[0] == typed
    assert shown_names(page) == expected


def test_search_finds_communes_and_references(app_window, qtbot):
    page = app_window.requests_page
    page.search_edit.setText("chenove")
    page.apply_search_now()
    assert shown_names(page) == {"Lefèvre", "Dupuis", "Moreau"}
    page.search_edit.setText("0007")
    page.apply_search_now()
    assert shown_names(page) == {"Petit"}


def test_filters_combine_with_search(app_window):
    page = app_window.requests_page
    page.priority_filter.setCurrentIndex(page.priority_filter.findData("DALO"))
    assert shown_names(page) == {"Durand"}
    page.reset_filters_button.click()
    assert page.model.rowCount() == 8


def test_sorting_by_name(app_window):
    page = app_window.requests_page
    page.view.sortByColumn(1, page.view.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    names = [page.model.record(r).last_name for r in range(page.model.rowCount())]
    assert names == sorted(names, key=str.casefold)


def test_editing_a_request_saves_it_with_an_audit_entry(app_window, qtbot):
    store = app_window.store
    before = store.audit.count()
    dialog = RequestDialog(store, get_request(store, "DEM-0001"), app_window)
    qtbot.addWidget(dialog)
    dialog.ui.employer_edit.setText("Nouvelle Entreprise")
    dialog.ui.persons_spin.setValue(2)
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.save_button.click()
    saved = get_request(store, "DEM-0001")
    assert saved.employer.name == "Nouvelle Entreprise"
    assert saved.household.persons == 2
    entries = store.audit.entries("demande", "DEM-0001")
    assert store.audit.count() == before + 1
    assert "nb_personnes" in entries[-1].details["changes"]


def test_validation_error_blocks_saving_and_says_why(app_window, qtbot):
    store = app_window.store
    dialog = RequestDialog(store, get_request(store, "DEM-0002"), app_window)
    qtbot.addWidget(dialog)
    dialog.ui.persons_spin.setValue(2)
    dialog.ui.dependants_spin.setValue(2)
    assert not dialog.save_button.isEnabled()
    assert "personnes à charge" in dialog.ui.problems_label.text()
    assert dialog.ui.dependants_spin.toolTip()
    assert "⚠" in dialog.ui.sections_tabs.tabText(1)
    assert not dialog.save()
    assert get_request(store, "DEM-0002").household.dependants == 0
    dialog.ui.dependants_spin.setValue(1)
    assert dialog.save_button.isEnabled()


def test_email_and_siret_are_checked_inline(app_window, qtbot):
    dialog = RequestDialog(app_window.store, get_request(app_window.store, "DEM-0003"), app_window)
    qtbot.addWidget(dialog)
    dialog.ui.email_edit.setText("pas-une-adresse")
    dialog.ui.siret_edit.setText("12345678901234")
    fields = {p.field for p in dialog.problems}
    assert {"email", "siret"} <= fields
    assert dialog.ui.email_edit.styleSheet()


def test_computed_fields_follow_the_form(app_window, qtbot):
    dialog = RequestDialog(app_window.store, get_request(app_window.store, "DEM-0001"), app_window)
    qtbot.addWidget(dialog)
    assert "catégorie 1" in dialog.ui.category_value.text()
    dialog.ui.persons_spin.setValue(4)
    assert "catégorie 4" in dialog.ui.category_value.text()
    assert "PLUS" in dialog.ui.financings_value.text()
    assert "mois" in dialog.ui.seniority_value.text()
    assert dialog.ui.expiry_value.text() != "—"


def test_closing_with_unsaved_changes_asks(app_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return (
            QMessageBox.StandardButton.Cancel
            if len(asked) == 1
            else QMessageBox.StandardButton.Discard
        )

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog = RequestDialog(app_window.store, get_request(app_window.store, "DEM-0004"), app_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.last_name_edit.setText("Durant")
    dialog.reject()
    assert dialog.isVisible()  # "Annuler" in the question keeps the editor open
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        dialog.reject()
    assert len(asked) == 2
    assert "modifiée" in asked[0]
    assert get_request(app_window.store, "DEM-0004").applicant.last_name == "Durand"


def test_closing_without_changes_does_not_ask(app_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked"))
    dialog = RequestDialog(app_window.store, get_request(app_window.store, "DEM-0004"), app_window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        dialog.ui.button_box.rejected.emit()


def test_creating_a_request(app_window, qtbot):
    dialog = RequestDialog(app_window.store, None, app_window)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # empty names, no employer
    ui = dialog.ui
    ui.ref_edit.setText("DEM-0100")
    ui.last_name_edit.setText("Nouveau")
    ui.first_name_edit.setText("Alex")
    ui.employer_edit.setText("Atelier")
    ui.fiscal_income_edit.setText("21 000")
    ui.work_commune_edit.setText("Chenôve")
    ui.home_commune_edit.setText("Dijon")
    assert dialog.problems == []
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.save_button.click()
    created = get_request(app_window.store, "DEM-0100")
    assert created.household.fiscal_income == 21000
    assert created.workplace.commune == "21166"
