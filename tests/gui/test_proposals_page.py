"""The Propositions workspace and the matching page's proposal actions, on the real window."""

from datetime import date, timedelta

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QInputDialog

from housingmatch.domain.proposal import ProposalState, RefusalReason, WithdrawalCode
from housingmatch.gui.main_window import PROPOSALS
from housingmatch.services import local_session
from housingmatch.services.matching import rank_unit
from housingmatch.services.proposals import open_proposal_for_unit
from tests.gui.test_matching_page import rank_in_window


def _select_rows(page, rows):
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    page.candidates_view.clearSelection()
    for row in rows:
        page.candidates_view.selectionModel().select(page.candidates_proxy.index(row, 0), flags)


def _action(page, ref, text):
    return next(a for a in page.candidate_actions(ref) if a.text() == text)


def test_the_whole_life_from_the_window(app_window, qtbot, monkeypatch):
    matching = rank_in_window(app_window, qtbot, "LOG-0001")
    ranked = [
        c.ref
        for c in rank_unit(
            app_window.store, app_window.session, "LOG-0001", matching.ranking_date()
        ).ranked
    ]
    a, b, c, d = ranked[:4]
    _select_rows(matching, [0, 1])
    with qtbot.waitSignal(matching.draft_saved, timeout=2000):
        matching.draft_button.click()
    # a second "Proposer" adds to the proposal, it never replaces it
    _select_rows(matching, [2])
    assert matching.save_draft()
    p = open_proposal_for_unit(app_window.store, local_session(), "LOG-0001")
    assert [x.request_ref for x in p.listed] == [a, b, c]
    # the right-click actions move a candidate in the list being built
    assert [x.text() for x in matching.proposal_actions] == [
        "Ajouter à la proposition", "Retirer", "Monter", "Descendre",
    ]  # fmt: skip
    _select_rows(matching, [2])
    matching.proposal_actions[2].trigger()
    p = open_proposal_for_unit(app_window.store, local_session(), "LOG-0001")
    assert [x.request_ref for x in p.listed] == [a, c, b]
    assert "Ajouter" in matching.draft_button.toolTip()

    app_window.show_page(PROPOSALS)
    page = app_window.proposals_page
    page.select_proposal(p.id)
    assert "Le contact de" in page.send_button.toolTip() and not page.send_button.isEnabled()
    # b withdraws (its reason picked in a list): d, next ranked, replaces it
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *args, **k: (WithdrawalCode.LOGE_AILLEURS.label, True))  # fmt: skip
    _action(page, b, "Se désiste…").trigger()
    assert [x.request_ref for x in page.current.listed] == [a, c, d]
    for ref in (a, c, d):
        _action(page, ref, "Joint et intéressé").trigger()
    assert page.send_button.isEnabled()
    commission = date.today() + timedelta(days=3)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **k: (commission.isoformat(), True))
    page.send_button.click()
    assert page.current.state is ProposalState.ENVOYEE
    assert not _action(page, a, "Joint et intéressé").isEnabled()  # contacts are over
    ranks = iter([1, 2])
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args, **k: (next(ranks), True))
    _action(page, a, "Attribué au rang…").trigger()
    _action(page, c, "Attribué au rang…").trigger()
    _action(page, d, "Irrecevable").trigger()
    assert page.current.state is ProposalState.DECIDEE
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *args, **k: (RefusalReason.LOYER_TROP_ELEVE.label, True))  # fmt: skip
    _action(page, a, "Refuse l'offre…").trigger()
    _action(page, c, "Accepte l'offre").trigger()
    _action(page, c, "Bail signé").trigger()
    assert page.current.state is ProposalState.BAIL_SIGNE
    assert "Bail signé" in page.title.text()
    assert page.timeline.count() == len(page.current.events) == 14
    shown = [page.list_model.row(r).values[2] for r in range(page.list_model.rowCount())]
    assert "Bail signé" in shown
    app_window.proposals_page.grab()  # paints without error


def test_a_large_pool_keeps_the_proposal_in_a_background_job(app_window, qtbot, monkeypatch):
    from housingmatch.gui import matching_draft as module

    monkeypatch.setattr(module, "BACKGROUND_RECEIPT_POOL", 0)
    page = rank_in_window(app_window, qtbot, "LOG-0001")
    _select_rows(page, [0, 1, 2])
    with qtbot.waitSignal(page.draft_saved, timeout=30000):
        assert page.save_draft()
    p = open_proposal_for_unit(app_window.store, local_session(), "LOG-0001")
    assert len(p.listed) == 3
    assert "n° " in page.draft_label.text()


def test_an_r441_3_exception_is_recorded_from_the_window(app_window, qtbot, monkeypatch):
    from housingmatch.domain.proposal import ExceptionCode
    from housingmatch.services import proposals as svc

    ranked = rank_unit(app_window.store, app_window.session, "LOG-0001", date.today()).ranked
    p = svc.create_proposal(
        app_window.store, app_window.session, "LOG-0001", [ranked[0].ref], date.today(),
        exception=None,
    )  # fmt: skip
    app_window.show_page(PROPOSALS)
    page = app_window.proposals_page
    page.refresh()
    page.select_proposal(p.id)
    assert page.exception_button.isEnabled()
    assert "au moins 3" in " ".join(svc.problems_before_sending(app_window.store, page.current))
    label = ExceptionCode.DALO_PREFET.label
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **k: (label, True))
    page.exception_button.click()
    kept = svc.get_proposal(app_window.store, app_window.session, p.id)
    assert kept.exception is ExceptionCode.DALO_PREFET
    assert "au moins 3" not in " ".join(svc.problems_before_sending(app_window.store, kept))
