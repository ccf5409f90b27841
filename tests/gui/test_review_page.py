"""The *Contrôle* workspace on the real window: flagged proposals, filters, the ranking of the
day beside the choice, the sign-off dialog, the audit report, and what an advisor sees."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from housingmatch.domain.proposal import DeviationCode, ExceptionCode
from housingmatch.domain.review import ReviewFilter, ReviewFlag, Verdict
from housingmatch.gui.main_window import PROPOSALS, REVIEW, MainWindow
from housingmatch.gui.review_models import (
    COL_FLAGS,
    COL_ID,
    COL_VERDICT,
    RANK_COL_CHOSEN,
    RANK_COL_REF,
)
from housingmatch.rules.permissions import PermissionDenied
from housingmatch.services import proposals
from housingmatch.services import review as review_svc
from housingmatch.services.matching import rank_unit
from housingmatch.store import Store
from tests.builders import ADVISOR, LONGVIC, SUPERVISOR

PASSWORD = "s3cret-superviseur"
COMMENT = "Le rang 1 est écarté sans pièce au dossier : à justifier."


def build_proposals(store: Store) -> tuple[int, int]:
    """Make, as the advisor, a clean proposal and one that skips rank 1 with one candidate."""
    today = date.today()
    first = [c.ref for c in rank_unit(store, ADVISOR, "LOG-0001", today).ranked]
    clean = proposals.create_proposal(store, ADVISOR, "LOG-0001", first[:3], today)
    third = [c.ref for c in rank_unit(store, ADVISOR, "LOG-0003", today).ranked]
    flagged = proposals.create_proposal(
        store, ADVISOR, "LOG-0003", [third[1]], today,
        exception=ExceptionCode.INSUFFISANCE,
        deviation_code=DeviationCode.DOSSIER_INCOMPLET,
        deviation_text="Dossier du premier classé à mettre à jour",
    )  # fmt: skip
    return clean.id or 0, flagged.id or 0


@pytest.fixture
def review_window(app_window, qtbot):
    """The supervisor's window on the Contrôle workspace, its table loaded."""
    ids = build_proposals(app_window.store)
    page = app_window.review_page
    with qtbot.waitSignal(page.rows_loaded, timeout=30000):
        app_window.show_page(REVIEW)
    return app_window, page, ids


def _shown_ids(page) -> list[int]:
    return sorted(int(page.proxy.index(r, COL_ID).data()) for r in range(page.proxy.rowCount()))


def _cell(page, proposal_id: int, column: int) -> str:
    return str(page.proxy.index(page.row_of(proposal_id), column).data())


def test_a_supervisor_sees_the_flagged_proposals_and_a_filter_narrows_them(review_window, qtbot):
    window, page, (clean, flagged) = review_window
    assert window.current_page() == REVIEW
    assert window.page_actions[REVIEW].shortcut().toString() == "Ctrl+6"
    assert _shown_ids(page) == [clean, flagged]
    assert ReviewFlag.RANG_SAUTE.label in _cell(page, flagged, COL_FLAGS)
    assert ReviewFlag.MOINS_DE_TROIS.label in _cell(page, flagged, COL_FLAGS)
    assert ReviewFlag.RANG_SAUTE.label not in _cell(page, clean, COL_FLAGS)
    assert page.count_label.text().startswith("2 propositions, 1 à revoir")

    # the other filters narrow the table at once, without reading the period again
    with qtbot.assertNotEmitted(page.rows_loaded):
        page.flag_combo.setCurrentIndex(page.flag_combo.findData(ReviewFlag.RANG_SAUTE))
    assert _shown_ids(page) == [flagged]
    assert page.count_label.text().startswith("1 proposition, 1 à revoir")
    page.flag_combo.setCurrentIndex(0)
    assert _shown_ids(page) == [clean, flagged]
    # communes are offered by name, filtered by code
    assert page.commune_combo.itemText(page.commune_combo.findData(LONGVIC)) == "Longvic"
    page.commune_combo.setCurrentIndex(page.commune_combo.findData(LONGVIC))
    assert _shown_ids(page) == [flagged]
    assert page.advisor_combo.findData(ADVISOR.user) > 0
    page.commune_combo.setCurrentIndex(0)
    page.advisor_combo.setCurrentIndex(page.advisor_combo.findData(ADVISOR.user))
    assert _shown_ids(page) == [clean, flagged]

    # the period filter: nothing was proposed last year
    last_year = date.today().year - 1
    with qtbot.waitSignal(page.rows_loaded, timeout=30000):
        page.set_period(date(last_year, 1, 1), date(last_year, 12, 31))
    assert _shown_ids(page) == []


def test_the_table_sorts_by_any_column(review_window):
    _window, page, (clean, flagged) = review_window
    page.view.sortByColumn(COL_FLAGS, Qt.SortOrder.DescendingOrder)
    assert int(page.proxy.index(0, COL_ID).data()) == flagged  # most flags first
    page.view.sortByColumn(COL_FLAGS, Qt.SortOrder.AscendingOrder)
    assert int(page.proxy.index(0, COL_ID).data()) == clean
    page.view.sortByColumn(COL_ID, Qt.SortOrder.AscendingOrder)
    assert int(page.proxy.index(0, COL_ID).data()) == min(clean, flagged)


def test_selecting_a_proposal_shows_its_ranking_with_the_chosen_marked(review_window, qtbot):
    window, page, (_clean, flagged) = review_window
    with qtbot.waitSignal(page.detail_shown, timeout=30000):
        page.view.selectRow(page.row_of(flagged))
    detail = review_svc.review_detail(window.store, SUPERVISOR, flagged)
    shown = page.detail.ranking_model
    assert shown.rowCount() == len(detail.ranking)
    chosen = [line.request_ref for line in detail.ranking if line.chosen]
    marked = [
        shown.row(r).values[RANK_COL_REF]
        for r in range(shown.rowCount())
        if shown.row(r).values[RANK_COL_CHOSEN]
    ]
    assert marked == chosen and len(chosen) == 1
    # the chosen row is painted apart, the one above it is not
    chosen_row = next(
        r for r in range(shown.rowCount()) if shown.row(r).values[RANK_COL_REF] == chosen[0]
    )
    background = Qt.ItemDataRole.BackgroundRole
    assert shown.index(chosen_row, 0).data(background) is not None
    assert shown.index(0, 0).data(background) is None  # rank 1, skipped
    # who was above the chosen one, and why, part by part
    above = page.detail.above_text.toPlainText()
    assert detail.above_chosen and all(s.split()[0] in above for s in detail.above_chosen)
    assert "Rang sauté" in page.detail.flags_label.text() or (
        ReviewFlag.RANG_SAUTE.label in page.detail.flags_label.text()
    )
    assert page.detail.timeline.count() == len(detail.timeline) > 0
    assert page.detail.audit_model.rowCount() == len(detail.audit) > 0
    assert page.detail.replay_text.toPlainText()


def test_a_sign_off_through_the_dialog_shows_the_verdict(review_window, qtbot, no_modal_boxes):
    _window, page, (_clean, flagged) = review_window
    with qtbot.waitSignal(page.detail_shown, timeout=30000):
        page.view.selectRow(page.row_of(flagged))
    assert page.detail.send_back_button.isEnabled()
    page.detail.send_back_button.click()
    dialog = page.sign_off_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.comment_edit.setPlainText(COMMENT)
    dialog.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(page.signed, timeout=30000):
        dialog.ok_button.click()
    assert not no_modal_boxes
    assert _cell(page, flagged, COL_VERDICT) == "À revoir"
    assert COMMENT in page.detail.sign_off_label.text()
    assert page.detail.sign_offs_list.count() == 1
    assert page.count_label.text().startswith("2 propositions, 1 à revoir")
    # what the table shows is what the services kept
    kept = review_svc.sign_offs_for(_window.store, SUPERVISOR, [flagged])[flagged]
    assert [(s.verdict, s.comment) for s in kept] == [(Verdict.A_REVOIR, COMMENT)]


def test_a_wrong_password_is_said_and_nothing_is_signed(review_window, qtbot, no_modal_boxes):
    window, page, (clean, _flagged) = review_window
    review_svc.sign_off(window.store, SUPERVISOR, clean, Verdict.VALIDEE, "", PASSWORD)
    with qtbot.waitSignal(page.detail_shown, timeout=30000):
        page.view.selectRow(page.row_of(clean))
    dialog = page.open_sign_off(Verdict.A_REVOIR)
    dialog.comment_edit.setPlainText(COMMENT)
    dialog.password_edit.setText("pas le bon")
    assert not dialog.sign()
    assert dialog.isVisible()
    assert no_modal_boxes and no_modal_boxes[-1][0] == "critical"
    after = review_svc.sign_offs_for(window.store, SUPERVISOR, [clean])
    assert COMMENT not in str(after)


def test_the_audit_report_is_written_in_the_background(
    review_window, qtbot, tmp_path, no_modal_boxes, monkeypatch
):
    _window, page, _ids = review_window
    pdf, xlsx = tmp_path / "rapport.pdf", tmp_path / "rapport.xlsx"
    answers = iter([(str(pdf), ""), (str(xlsx), "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: next(answers))
    with qtbot.waitSignal(page.report_written, timeout=60000):
        page.report_button.click()
    assert pdf.stat().st_size > 0 and xlsx.stat().st_size > 0
    said = no_modal_boxes[-1]
    assert said[0] == "information" and str(pdf) in said[1] and str(xlsx) in said[1]
    assert page.report_button.isEnabled()


def _advisor_window(qtbot, db_path: Path, settings) -> MainWindow:
    window = MainWindow(Store.open(db_path), ADVISOR, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_an_advisor_cannot_open_the_workspace(qtbot, sample_db, settings):
    window = _advisor_window(qtbot, sample_db, settings)
    try:
        assert window.side_bar.item(REVIEW).isHidden()
        assert not window.page_actions[REVIEW].isVisible()
        window.show_page(PROPOSALS)
        window.show_page(REVIEW)
        assert window.current_page() == PROPOSALS
        with pytest.raises(PermissionDenied):
            review_svc.review_rows(window.store, ADVISOR, ReviewFilter())
    finally:
        window.jobs.wait()
        window.store.close()


def test_the_advisor_reads_the_comment_on_their_proposal(qtbot, sample_db, settings):
    with Store.open(sample_db) as store:
        _clean, flagged = build_proposals(store)
        review_svc.sign_off(store, SUPERVISOR, flagged, Verdict.A_REVOIR, COMMENT, PASSWORD)
    window = _advisor_window(qtbot, sample_db, settings)
    try:
        window.show_page(PROPOSALS)
        page = window.proposals_page
        page.select_proposal(flagged)
        text = page.review_label.text()
        assert text.startswith("Contrôle : à revoir") and COMMENT in text
        page.select_proposal(_clean)
        assert page.review_label.text() == ""
    finally:
        window.jobs.wait()
        window.store.close()


def test_a_detail_read_in_the_background_shows_the_newest_selection(review_window, qtbot):
    _window, page, (clean, flagged) = review_window
    first = page.show_proposal(clean)
    with qtbot.waitSignal(page.detail_shown, timeout=30000) as shown:
        second = page.show_proposal(flagged)
    assert first is not None and second is not None
    qtbot.waitUntil(lambda: first.done and second.done, timeout=30000)
    assert shown.args == [flagged]
    assert page.detail.detail.row.proposal_id == flagged
