import pytest

from housingmatch.domain.session import Role, Session
from housingmatch.gui.main_window import DASHBOARD, MATCHING, REQUESTS, UNITS, MainWindow
from housingmatch.services import local_session
from housingmatch.services.database import open_store
from housingmatch.store import Store
from tests.builders import ADMIN, ADVISOR, SUPERVISOR


def test_window_starts_on_the_database(app_window):
    assert "base.sqlite" in app_window.windowTitle()
    assert "8 demandes" in app_window.counts_label.text()
    assert "3 logements" in app_window.counts_label.text()
    assert app_window.ruleset_label.text().startswith("Règles")
    assert app_window.requests_page.model.total_count() == 8


def test_workspace_shortcuts_switch_pages(app_window, qtbot):
    for number, action in enumerate(app_window.page_actions):
        assert action.shortcut().toString() == f"Ctrl+{number + 1}"
        action.trigger()
        assert app_window.current_page() == number
    assert {DASHBOARD, REQUESTS, UNITS, MATCHING} == {0, 1, 2, 3}


def test_ui_state_is_remembered(app_window, settings, sample_db, qtbot):
    app_window.show_page(UNITS)
    app_window.close()
    store = Store.open(sample_db)
    again = MainWindow(store, SUPERVISOR, settings)
    qtbot.addWidget(again)
    assert again.current_page() == UNITS
    again.store.close()


def test_about_names_version_and_sources(app_window, no_modal_boxes):
    app_window.about_action.trigger()
    kind, text = no_modal_boxes[-1]
    assert kind == "about"
    assert "HousingMatch 0." in text
    assert "Sources" in text


def test_candidate_index_is_prepared_in_the_background(app_window, qtbot, monkeypatch):
    from housingmatch.gui import main_window
    from housingmatch.services import matching
    from housingmatch.store import Store

    monkeypatch.setattr(main_window, "PREPARE_MATCHING_FROM", 1)
    matching.forget(app_window.store)
    job = app_window.prepare_matching(app_window.store.requests.count())
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=20_000)
    # Another connection (a ranking job) finds the index ready: no rebuild.
    monkeypatch.setattr(matching, "_index_from_database", lambda store, context: 1 / 0)
    with Store.open(app_window.store.path) as other:
        assert len(matching.engine_for(other).index) == app_window.store.requests.count()


def test_small_databases_are_not_prepared_ahead(app_window):
    assert app_window.prepare_matching(10) is None


def test_only_the_newest_dashboard_computation_is_shown(app_window, qtbot, monkeypatch):
    from housingmatch.gui import dashboard as dashboard_module

    page = app_window.dashboard_page
    monkeypatch.setattr(dashboard_module, "BACKGROUND_LOAD_RECORDS", 0)
    shown = []
    monkeypatch.setattr(page, "show_dashboard", lambda board, rows=None: shown.append(board))
    page.set_store(app_window.store, app_window.session)
    first = page._job
    page.set_store(app_window.store, app_window.session)
    second = page._job
    assert first is not second and first is not None
    qtbot.waitUntil(lambda: first.done and second.done, timeout=20_000)
    assert len(shown) == 1


def test_only_a_unit_change_rereads_the_units_of_the_matching_page(app_window, monkeypatch):
    calls = []
    monkeypatch.setattr(
        app_window.matching_page, "set_store", lambda store, session: calls.append(store)
    )
    app_window.requests_page.records_changed.emit()
    assert calls == []
    app_window.units_page.records_changed.emit()
    assert calls == [app_window.store]


def _window(qtbot, path, session, settings):
    store = open_store(path)
    window = MainWindow(store, session, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize(
    ("session", "shown"),
    [
        (Session("lea", Role.CONSEILLER, "Léa Martin"), "Connecté : Léa Martin (conseiller)"),
        (Session("sam", Role.SUPERVISEUR), "Connecté : sam (superviseur)"),
    ],
)
def test_the_status_bar_names_who_is_working(qtbot, sample_db, settings, session, shown):
    window = _window(qtbot, sample_db, session, settings)
    try:
        assert window.session_label.text() == shown
    finally:
        window.jobs.wait()
        window.store.close()


def test_a_database_without_accounts_shows_the_local_user(qtbot, sample_db, settings):
    window = _window(qtbot, sample_db, local_session(), settings)
    try:
        assert "base sans comptes" in window.session_label.text()
        assert window.new_request_action.isVisible()  # its one user does everything
    finally:
        window.jobs.wait()
        window.store.close()


def test_an_administrator_sees_accounts_but_cannot_edit_nor_rank(qtbot, sample_db, settings):
    window = _window(qtbot, sample_db, ADMIN, settings)
    try:
        assert window.accounts_action.isVisible()
        assert not window.new_request_action.isVisible()
        assert window.requests_page.new_button.isHidden()
        assert window.side_bar.item(MATCHING).isHidden()
    finally:
        window.jobs.wait()
        window.store.close()


def test_an_advisor_sees_editing_but_not_accounts(qtbot, sample_db, settings):
    window = _window(qtbot, sample_db, ADVISOR, settings)
    try:
        assert not window.accounts_action.isVisible()
        assert window.new_request_action.isVisible()
        assert not window.requests_page.new_button.isHidden()
        assert not window.side_bar.item(MATCHING).isHidden()
    finally:
        window.jobs.wait()
        window.store.close()


def test_about_is_french_with_version_sources_and_licence(app_window):
    from housingmatch import __version__

    text = app_window.about_text()
    assert f"HousingMatch {__version__}" in text
    assert "Plafonds de ressources" in text and "2026" in text
    assert "GPL-3.0-or-later" in text and "Licence" in text
    assert "**" not in text and "`" not in text and "##" not in text


def test_window_title_names_the_application_once(app_window):
    assert app_window.windowTitle().count("HousingMatch") == 1
