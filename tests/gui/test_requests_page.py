from dataclasses import replace

import pytest

from housingmatch.gui.main_window import REQUESTS
from housingmatch.gui.request_dialog import RequestDialog
from housingmatch.services.records import get_request
from tests.builders import SUPERVISOR


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
    dialog = RequestDialog(
        store, SUPERVISOR, get_request(store, SUPERVISOR, "DEM-0001"), app_window
    )
    qtbot.addWidget(dialog)
    dialog.ui.employer_edit.setText("Nouvelle Entreprise")
    dialog.ui.persons_spin.setValue(2)
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.save_button.click()
    saved = get_request(store, SUPERVISOR, "DEM-0001")
    assert saved.employer.name == "Nouvelle Entreprise"
    assert saved.household.persons == 2
    entries = store.audit.entries("demande", "DEM-0001")
    assert store.audit.count() == before + 1
    assert "nb_personnes" in entries[-1].details["changes"]


def test_validation_error_blocks_saving_and_says_why(app_window, qtbot):
    store = app_window.store
    dialog = RequestDialog(
        store, SUPERVISOR, get_request(store, SUPERVISOR, "DEM-0002"), app_window
    )
    qtbot.addWidget(dialog)
    dialog.ui.persons_spin.setValue(2)
    dialog.ui.dependants_spin.setValue(2)
    assert not dialog.save_button.isEnabled()
    assert "personnes à charge" in dialog.ui.problems_label.text()
    assert dialog.ui.dependants_spin.toolTip()
    assert "⚠" in dialog.ui.sections_tabs.tabText(1)
    assert not dialog.save()
    assert get_request(store, SUPERVISOR, "DEM-0002").household.dependants == 0
    dialog.ui.dependants_spin.setValue(1)
    assert dialog.save_button.isEnabled()


def test_email_and_siret_are_checked_inline(app_window, qtbot):
    dialog = RequestDialog(
        app_window.store,
        SUPERVISOR,
        get_request(app_window.store, SUPERVISOR, "DEM-0003"),
        app_window,
    )
    qtbot.addWidget(dialog)
    dialog.ui.email_edit.setText("pas-une-adresse")
    dialog.ui.siret_edit.setText("12345678901234")
    fields = {p.field for p in dialog.problems}
    assert {"email", "siret"} <= fields
    assert dialog.ui.email_edit.styleSheet()


def test_computed_fields_follow_the_form(app_window, qtbot):
    dialog = RequestDialog(
        app_window.store,
        SUPERVISOR,
        get_request(app_window.store, SUPERVISOR, "DEM-0001"),
        app_window,
    )
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
    dialog = RequestDialog(
        app_window.store,
        SUPERVISOR,
        get_request(app_window.store, SUPERVISOR, "DEM-0004"),
        app_window,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.last_name_edit.setText("Durant")
    dialog.reject()
    assert dialog.isVisible()  # "Annuler" in the question keeps the editor open
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        dialog.reject()
    assert len(asked) == 2
    assert "modifiée" in asked[0]
    assert get_request(app_window.store, SUPERVISOR, "DEM-0004").applicant.last_name == "Durand"


def test_closing_without_changes_does_not_ask(app_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked"))
    dialog = RequestDialog(
        app_window.store,
        SUPERVISOR,
        get_request(app_window.store, SUPERVISOR, "DEM-0004"),
        app_window,
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        dialog.ui.button_box.rejected.emit()


def test_creating_a_request(app_window, qtbot):
    dialog = RequestDialog(app_window.store, SUPERVISOR, None, app_window)
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
    created = get_request(app_window.store, SUPERVISOR, "DEM-0100")
    assert created.household.fiscal_income == 21000
    assert created.workplace.commune == "21166"


class ModelEvents:
    """Records the structural signals of a model (a reset means the table was reloaded)."""

    def __init__(self, model):
        self.resets = 0
        self.changed: list[int] = []
        self.inserted: list[int] = []
        model.modelReset.connect(self._on_reset)
        model.dataChanged.connect(lambda top, _bottom, _roles=(): self.changed.append(top.row()))
        model.rowsInserted.connect(lambda _parent, first, _last: self.inserted.append(first))

    def _on_reset(self):
        self.resets += 1


def fill_and_save(monkeypatch, fill):
    """Make the modal editor fill its form and press "Enregistrer" instead of waiting."""

    def exec_(dialog):
        fill(dialog.ui)
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(RequestDialog, "exec", exec_)


def row_names(page):
    return [page.model.record(r).last_name for r in range(page.model.rowCount())]


def test_saving_a_request_refreshes_only_its_row(app_window, qtmodeltester, monkeypatch):
    page = app_window.requests_page
    page.view.sortByColumn(1, page.view.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    before = row_names(page)
    row = before.index("Dupont")
    events = ModelEvents(page.model)
    fill_and_save(monkeypatch, lambda ui: ui.last_name_edit.setText("Zola"))
    page.edit_request("DEM-0001")
    assert events.resets == 0 and events.inserted == []
    assert events.changed == [row]
    # The row stays where it was, shows the new name and stays selected.
    assert page.model.index(row, 1).data() == "ZOLA"
    assert page.selected_record().ref == "DEM-0001"
    assert row_names(page)[:row] == before[:row]
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    # The sort, the search and the filters know the new values.
    page.view.sortByColumn(1, page.view.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    assert row_names(page)[-1] == "Zola"
    page.search_edit.setText("zola")
    page.apply_search_now()
    assert row_names(page) == ["Zola"]
    page.search_edit.setText("dupont")
    page.apply_search_now()
    assert row_names(page) == []


def test_closing_a_request_updates_its_row_and_the_status_filter(app_window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    page = app_window.requests_page
    assert page.select_where(lambda s: s.ref == "DEM-0004")
    events = ModelEvents(page.model)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Relogé", True))
    page.close_button.click()
    assert events.resets == 0 and len(events.changed) == 1
    assert page.selected_record().status.value != "ACTIVE"
    # Still shown until the filters change, then the "Active" filter hides it.
    assert "Durand" in row_names(page)
    page.status_filter.setCurrentIndex(0)
    assert "Durand" in row_names(page)
    page.status_filter.setCurrentIndex(1)
    assert "Durand" not in row_names(page)
    assert page.count_label.text() == "7 sur 8"


def test_creating_a_request_inserts_one_row(app_window, qtbot, qtmodeltester, monkeypatch):
    page = app_window.requests_page
    page.search_edit.setText("nouveau")
    page.apply_search_now()
    assert page.model.rowCount() == 0
    events = ModelEvents(page.model)

    def fill(ui):
        ui.ref_edit.setText("DEM-0100")
        ui.last_name_edit.setText("Nouveau")
        ui.first_name_edit.setText("Alex")
        ui.employer_edit.setText("Atelier")
        ui.fiscal_income_edit.setText("21 000")
        ui.work_commune_edit.setText("Chenôve")
        ui.home_commune_edit.setText("Dijon")

    fill_and_save(monkeypatch, fill)
    page.new_request()
    assert events.resets == 0
    assert events.inserted == [0]
    assert row_names(page) == ["Nouveau"]
    assert page.selected_record().ref == "DEM-0100"
    assert page.model.total_count() == 9
    qtmodeltester.check(page.model)
    page.search_edit.clear()
    page.apply_search_now()
    assert page.model.rowCount() == 9
    assert page.count_label.text() == "9 fiches"


def test_best_matches_come_first_without_a_sort_column(app_window):
    from housingmatch.services.records import get_request, save_request

    store = app_window.store
    page = app_window.requests_page
    # Weaker matches of "dupon" before the Dupont rows in the table's own order.
    for ref, change in [
        ("DEM-0002", lambda r: replace(r, applicant=replace(r.applicant, last_name="Duponchel"))),
        ("DEM-0003", lambda r: replace(r, employer=replace(r.employer, name="Duponteil SARL"))),
        ("DEM-0007", lambda r: replace(r, applicant=replace(r.applicant, last_name="Dupont"))),
    ]:
        save_request(
            store,
            SUPERVISOR,
            change(get_request(store, SUPERVISOR, ref)),
            original_ref=ref,
        )
        page.refresh_record(ref)
    page.search_edit.setText("dupon")
    page.apply_search_now()
    refs = [page.model.record(r).ref for r in range(page.model.rowCount())]
    assert refs == ["DEM-0001", "DEM-0007", "DEM-0002", "DEM-0003"]
    # A sort column chosen by the user wins over the match quality.
    page.view.sortByColumn(0, page.view.horizontalHeader().sortIndicatorOrder().DescendingOrder)
    refs = [page.model.record(r).ref for r in range(page.model.rowCount())]
    assert refs == ["DEM-0007", "DEM-0003", "DEM-0002", "DEM-0001"]


def test_a_wished_commune_mark_is_cleared_once_a_commune_is_added(app_window, qtbot):
    dialog = RequestDialog(app_window.store, SUPERVISOR, None, app_window)
    qtbot.addWidget(dialog)
    edit = dialog.ui.wished_commune_edit
    edit.setText("Pas une commune du tout")
    dialog.ui.add_wished_button.click()
    assert edit.styleSheet() and edit.toolTip()
    edit.setText("Talant")
    dialog.ui.add_wished_button.click()
    assert dialog.ui.wished_communes_list.count() == 1
    assert edit.styleSheet() == "" and edit.toolTip() == ""


def test_a_search_without_result_says_so(app_window, qtbot):
    page = app_window.requests_page
    qtbot.waitUntil(lambda: page.model.total_count() == 8, timeout=30000)
    page.search_edit.setText("zorglub")
    page.apply_search_now()
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "Aucun résultat sur 8 fiches"


def test_a_lapsed_request_reads_expiree_in_the_table_model_filter_and_status_bar(app_window, qtbot):
    from datetime import date, timedelta

    from housingmatch.gui.models import RecordTableModel
    from housingmatch.gui.requests_page import RequestsPage, request_columns
    from housingmatch.services.records import request_summaries
    from tests.builders import make_request

    store = app_window.store
    lapsed = make_request("DEM-LAPSED", filing_date=date.today() - timedelta(days=400))
    lapsed = replace(lapsed, applicant=replace(lapsed.applicant, last_name="Ancien"))
    store.requests.save(lapsed, "test")
    summaries = request_summaries(store, SUPERVISOR)
    model = RecordTableModel(request_columns())
    model.set_records(summaries, [s.ref for s in summaries])
    status_column = [c.title for c in request_columns()].index("Statut")
    shown = {
        model.record(r).ref: model.index(r, status_column).data() for r in range(model.rowCount())
    }
    assert shown["DEM-LAPSED"] == "Expirée"
    assert shown["DEM-0001"] == "Active"
    columns = RequestsPage.filter_columns(summaries)
    refs = [s.ref for s in summaries]
    assert columns["status"][refs.index("DEM-LAPSED")] == "EXPIREE"
    app_window.refresh_status()
    assert "1 expirées" in app_window.counts_label.text()


def test_the_editor_records_a_recent_income_and_explains_the_income_compared(app_window, qtbot):
    store = app_window.store
    dialog = RequestDialog(
        store, SUPERVISOR, get_request(store, SUPERVISOR, "DEM-0001"), app_window
    )
    qtbot.addWidget(dialog)
    fiscal = get_request(store, SUPERVISOR, "DEM-0001").household.fiscal_income
    dialog.ui.recent_income_edit.setText(str(int(fiscal * 0.9)))
    assert "inférieur d'au moins 10 %" in dialog.ui.income_value.text()
    dialog.ui.children_under_14_edit.setText("x")
    assert not dialog.save_button.isEnabled()
    dialog.ui.children_under_14_edit.setText("")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.save_button.click()
    assert get_request(store, SUPERVISOR, "DEM-0001").household.recent_income == int(fiscal * 0.9)


def test_an_incomplete_intake_is_completed_in_the_editor(app_window, qtbot):
    from housingmatch.domain.model import SituationLogement, TypeContrat
    from housingmatch.services import forum

    store = app_window.store
    intake = forum.Intake(
        last_name="Forum",
        first_name="Essai",
        birth_date="01/02/1995",
        employer="Acme",
        work_commune="Dijon",
        persons=1,
        income_band=forum.IncomeBand.MOINS_1500,
        housing_situation=SituationLogement.HEBERGE_FAMILLE,
        contract=TypeContrat.CDI,
    )
    ref = forum.save_intake(store, SUPERVISOR, intake)
    dialog = RequestDialog(store, SUPERVISOR, get_request(store, SUPERVISOR, ref), app_window)
    qtbot.addWidget(dialog)
    assert dialog.ui.status_value.text() == "Incomplète"
    # the income is blank, not 0: the advisor must type it from the tax notice
    assert dialog.ui.fiscal_income_edit.text() == ""
    assert not dialog.save_button.isEnabled()
    dialog.ui.fiscal_income_edit.setText("14 500")
    dialog.ui.home_commune_edit.setText("Chenôve")
    assert dialog.save_button.isEnabled(), dialog.ui.problems_label.text()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.save_button.click()
    saved = get_request(store, SUPERVISOR, ref)
    assert saved.to_complete == () and saved.household.fiscal_income == 14_500
