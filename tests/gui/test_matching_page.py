import threading
from datetime import date

import pytest

from housingmatch.gui.main_window import MATCHING
from housingmatch.matching.results import EXCLUSION_LABELS
from housingmatch.services import local_session
from housingmatch.services.matching import allocate, candidate_units, rank_unit
from housingmatch.services.proposals import open_proposal_for_unit
from tests.builders import SUPERVISOR


def rank_in_window(window, qtbot, unit_ref):
    page = window.matching_page
    window.show_page(MATCHING)
    with qtbot.waitSignal(page.candidates_ranked, timeout=30000):
        assert page.select_unit(unit_ref) is not None
    return page


def test_ranking_shows_the_engine_order(app_window, qtbot):
    page = rank_in_window(app_window, qtbot, "LOG-0001")
    engine = rank_unit(app_window.store, SUPERVISOR, "LOG-0001", page.ranking_date())
    assert len(engine.ranked) >= 3
    assert page.ranked_refs() == [c.ref for c in engine.ranked]
    assert page.result_tabs.tabText(0) == f"Candidats ({len(engine.ranked)})"
    # The first candidate is selected and its points are explained by part.
    html = page.detail_browser.toPlainText()
    assert engine.ranked[0].ref in html
    assert "Proximité domicile-travail" in html


def test_excluded_tab_shows_the_engine_reasons(app_window, qtbot):
    page = rank_in_window(app_window, qtbot, "LOG-0002")
    engine = rank_unit(app_window.store, SUPERVISOR, "LOG-0002", page.ranking_date())
    assert engine.excluded
    shown = {
        page.excluded_model.row(r).values[0]: page.excluded_model.row(r).values[2]
        for r in range(page.excluded_model.rowCount())
    }
    assert set(shown) == {e.ref for e in engine.excluded}
    for excluded in engine.excluded:
        for code in excluded.codes:
            assert EXCLUSION_LABELS[code] in shown[excluded.ref]
    counts = {
        page.counts_model.row(r).values[0]: int(page.counts_model.row(r).values[1])
        for r in range(page.counts_model.rowCount())
    }
    expected = {}
    for excluded in engine.excluded:
        for code in excluded.codes:
            expected[EXCLUSION_LABELS[code]] = expected.get(EXCLUSION_LABELS[code], 0) + 1
    assert counts == expected
    assert page.result_tabs.tabText(1) == f"Exclues ({len(engine.excluded)})"


def test_why_not_higher_compares_with_the_candidate_above(app_window, qtbot):
    page = rank_in_window(app_window, qtbot, "LOG-0001")
    page.candidates_view.selectRow(2)
    assert page.compare_button.isEnabled()
    dialog = page.compare_dialog()
    qtbot.addWidget(dialog)
    engine = rank_unit(app_window.store, SUPERVISOR, "LOG-0001", page.ranking_date())
    assert dialog.comparison.above == engine.ranked[1].ref
    assert dialog.comparison.below == engine.ranked[2].ref
    assert dialog.model.rowCount() == len(dialog.comparison.differences)


def test_up_to_three_candidates_become_a_draft_proposal(app_window, qtbot):
    page = rank_in_window(app_window, qtbot, "LOG-0001")
    view = page.candidates_view
    view.selectRow(0)
    model = view.selectionModel()
    from PySide6.QtCore import QItemSelectionModel

    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    model.select(page.candidates_proxy.index(1, 0), flags)
    assert page.draft_button.isEnabled()
    with qtbot.waitSignal(page.draft_saved, timeout=2000):
        page.draft_button.click()
    draft = open_proposal_for_unit(app_window.store, SUPERVISOR, "LOG-0001")
    engine = rank_unit(app_window.store, SUPERVISOR, "LOG-0001", page.ranking_date())
    assert [c.request_ref for c in draft.listed] == [c.ref for c in engine.ranked[:2]]
    assert [c.engine_rank for c in draft.listed] == [1, 2]
    assert "en préparation" in page.draft_label.text()


def test_skipping_a_better_candidate_needs_a_reason(app_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Candidat injoignable", True))
    page = rank_in_window(app_window, qtbot, "LOG-0001")
    page.candidates_view.selectRow(1)
    assert page.save_draft()
    draft = open_proposal_for_unit(app_window.store, local_session(), "LOG-0001")
    assert draft.deviation_text == "Candidat injoignable"


def test_reverse_view_lists_the_open_units_a_request_fits(app_window, qtbot):
    page = app_window.matching_page
    with qtbot.waitSignal(page.units_found, timeout=30000):
        page.find_units("DEM-0001")
    expected = candidate_units(app_window.store, SUPERVISOR, "DEM-0001", page.ranking_date())
    shown = [page.reverse_model.row(r).values[0] for r in range(page.reverse_model.rowCount())]
    assert shown == [o.unit_ref for o in expected.options]


def test_batch_allocation_is_an_editable_suggestion(app_window, qtbot):
    page = app_window.matching_page
    with qtbot.waitSignal(page.allocation_ready, timeout=30000):
        page.start_allocation()
    expected = allocate(app_window.store, SUPERVISOR, page.ranking_date(), per_unit=3)
    rows = page.allocation_rows()
    assert rows == {u.unit_ref: [c.ref for c in u.candidates] for u in expected.units}
    unit_ref = next(u for u, refs in rows.items() if refs)
    removed = rows[unit_ref][0]
    page.remove_allocated(unit_ref, removed)
    assert removed not in page.allocation_rows()[unit_ref]
    assert page.save_allocation([unit_ref]) == 1
    draft = open_proposal_for_unit(app_window.store, local_session(), unit_ref)
    assert removed not in [c.request_ref for c in draft.listed]


def test_batch_allocation_with_a_minimum_share_shows_what_it_costs(app_window, qtbot):
    page = app_window.matching_page
    page.min_priority_spin.setValue(50)
    with qtbot.waitSignal(page.allocation_ready, timeout=30000):
        page.start_allocation()
    expected = allocate(
        app_window.store, SUPERVISOR, page.ranking_date(), per_unit=3, min_priority=0.5
    )
    assert page.allocation_rows() == {
        u.unit_ref: [c.ref for c in u.candidates] for u in expected.units
    }
    shares = expected.shares
    text = page.shares_label.text()
    assert text.startswith(
        f"DALO/prioritaires : {shares.priority_reached} place(s) pour "
        f"{shares.priority_required} exigée(s)"
    )
    assert "score perdu par les parts" in text
    # one DALO household among eight requests: the share cannot be met, and it is said
    assert "impossible à tenir" in text


@pytest.mark.parametrize("ref", ["LOG-0001"])
def test_ranking_runs_in_the_background(app_window, qtbot, ref):
    page = app_window.matching_page
    job = page.select_unit(ref)
    assert job is not None and not page.rank_button.isEnabled()
    with qtbot.waitSignal(job.signals.finished, timeout=30000):
        pass
    qtbot.waitUntil(lambda: page.rank_button.isEnabled())
    assert page.ranking_date() == date.today()


def test_a_replaced_ranking_that_finishes_last_is_not_shown(app_window, qtbot, monkeypatch):
    from housingmatch.gui import matching_page

    real = matching_page.rank_unit_work
    release = threading.Event()

    def first_unit_is_slow(db_path, session, unit_ref, on, progress, cancelled):
        if unit_ref == "LOG-0001":
            release.wait(20)
        return real(
            db_path, session, unit_ref, on, progress, lambda: False
        )  # cancel asked too late

    monkeypatch.setattr(matching_page, "rank_unit_work", first_unit_is_slow)
    page = app_window.matching_page
    slow = page.select_unit("LOG-0001")
    with qtbot.waitSignal(page.candidates_ranked, timeout=30000):
        page.select_unit("LOG-0002")
    release.set()
    qtbot.waitUntil(lambda: slow.done, timeout=30000)
    assert page.current_unit_ref() == "LOG-0002"
    assert page.view_data.ranking.unit_ref == "LOG-0002"
    assert page.summary_label.text().startswith("LOG-0002")


def test_par_demande_finds_a_request_by_name_with_the_table_search(app_window, qtbot):
    page = app_window.matching_page
    qtbot.waitUntil(lambda: app_window.requests_page.model.total_count() == 8, timeout=30000)
    with qtbot.waitSignal(page.units_found, timeout=30000) as found:
        page.find_units("lefevre jea")  # typo'd, accents left out, words in any case
    assert found.args == ["DEM-0002"]
    assert page.request_combo.itemData(0) == "DEM-0002"
    assert "DEM-0002 (LEFÈVRE Jean)" in page.reverse_label.text()


def test_par_demande_says_when_nothing_matches(app_window, qtbot):
    page = app_window.matching_page
    qtbot.waitUntil(lambda: app_window.requests_page.model.total_count() == 8, timeout=30000)
    assert page.find_units("zorglub quux") is None
    assert page.reverse_label.text() == "Aucun résultat pour « zorglub quux »."
    assert page.reverse_model.rowCount() == 0


def test_five_group_badges_are_not_cut(app_window, qtbot):
    from datetime import date as day
    from datetime import timedelta

    from housingmatch.domain.model import Mobilite, PrioriteL441, SituationLogement
    from tests.builders import CHENOVE, make_request
    from tests.gui.test_screenshots import cut_texts

    today = day.today()
    young = day(today.year - 25, 1, 10)
    request = make_request(
        "DEM-2026-000999",
        dalo=True,
        l441=(PrioriteL441.SANS_LOGEMENT,),
        mobility=Mobilite.EMBAUCHE,
        mobility_date=today - timedelta(days=10),
        birth_date=young,
        housing=make_request().housing.__class__(CHENOVE, SituationLogement.SANS_LOGEMENT, None),
    )
    app_window.store.requests.save_many([request], "test", "test")
    page = rank_in_window(app_window, qtbot, "LOG-0001")
    shown = [page.candidates_model.row(r) for r in range(page.candidates_model.rowCount())]
    mine = next(row for row in shown if row.values[1] == "DEM-2026-000999")
    assert len(mine.payload.groups) == 5
    assert cut_texts(page) == []
    assert "priorité légale en points (additive)" in page.summary_label.text()
