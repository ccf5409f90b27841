"""The commission workflow through its services: the whole life, the refusals, the receipts."""

from datetime import date, timedelta

import pytest

from housingmatch.domain.model import RequestStatus, UnitStatus
from housingmatch.domain.proposal import (
    ContactOutcome,
    Decision,
    DeviationCode,
    ExceptionCode,
    NonAttributionCode,
    ProposalState,
    RefusalReason,
    WithdrawalCode,
)
from housingmatch.errors import UserError
from housingmatch.matching.results import Exclusion
from housingmatch.services import local_session, matching
from housingmatch.services import proposals as svc
from tests.builders import make_request, make_unit

ON = date(2026, 6, 15)
S = local_session()


@pytest.fixture
def store(fresh_store):
    fresh_store.units.save(make_unit(), "t")
    fresh_store.units.save(make_unit("LOG-0002"), "t")
    fresh_store.requests.save_many(
        [make_request(f"D{i}", tie_breaker=i) for i in range(1, 8)], "t", "essai"
    )
    return fresh_store


def _top(store, n, unit="LOG-0001"):
    return [c.ref for c in matching.rank_unit(store, S, unit, ON).top(n)]


def _contact_all(store, p):
    for c in p.listed:
        if c.contact is None:
            p = svc.record_contact(store, S, p.id, c.request_ref, ContactOutcome.JOINT, on=ON)
    return p


def test_the_whole_life_withdrawal_two_attributed_first_refuses_second_signs(store):
    d1, d2, d3, d4 = _top(store, 4)
    p = svc.create_proposal(store, S, "LOG-0001", [d1, d2, d3], on=ON)
    assert p.state is ProposalState.PREPARATION
    p = svc.record_contact(
        store, S, p.id, d2, ContactOutcome.DESISTE, WithdrawalCode.LOGE_AILLEURS, on=ON
    )
    # the withdrawal brings the next ranked one and justifies the gap by itself
    assert [c.request_ref for c in p.listed] == [d1, d3, d4]
    assert svc.problems_before_sending(store, p)  # contacts missing
    p = _contact_all(store, p)
    assert svc.problems_before_sending(store, p) == []
    with pytest.raises(UserError, match="proposition envoyée"):
        svc.record_decision(store, S, p.id, d1, Decision.ATTRIBUE, 1, on=ON)
    p = svc.send_proposal(store, S, p.id, date(2026, 6, 25), on=ON)
    assert store.units.get("LOG-0001").status is UnitStatus.PROPOSE
    p = svc.record_decision(store, S, p.id, d1, Decision.ATTRIBUE, 1, on=date(2026, 6, 25))
    p = svc.record_decision(store, S, p.id, d3, Decision.ATTRIBUE, 2, on=date(2026, 6, 25))
    p = svc.record_decision(
        store,
        S,
        p.id,
        d4,
        Decision.NON_ATTRIBUE,
        code=NonAttributionCode.DOSSIER_INCOMPLET,
        on=date(2026, 6, 25),
    )
    assert p.state is ProposalState.DECIDEE
    assert p.offeree.request_ref == d1
    # notified Thursday 25 June: 10 days → Sunday 5 July → Monday 6 July
    assert p.offeree.answer_deadline == date(2026, 7, 6)
    with pytest.raises(UserError, match="pas accepté"):
        svc.record_lease(store, S, p.id, d1, on=date(2026, 6, 30))
    p = svc.record_answer(
        store, S, p.id, d1, False, RefusalReason.TRAJET_TROP_LONG, on=date(2026, 6, 30), park=True
    )
    assert p.offeree.request_ref == d3
    p = svc.record_answer(store, S, p.id, d3, True, on=date(2026, 7, 2))
    with pytest.raises(UserError, match="pas été attribué"):
        svc.record_lease(store, S, p.id, d4, on=date(2026, 7, 10))
    p = svc.record_lease(store, S, p.id, d3, on=date(2026, 7, 10))
    assert p.state is ProposalState.BAIL_SIGNE
    assert store.units.get("LOG-0001").status is UnitStatus.ATTRIBUE
    request = store.requests.get(d3)
    assert request.status is RequestStatus.ATTRIBUEE and request.close_reason == "satisfaite"
    # one audit entry per transition
    entries = store.audit.entries(entity="proposition", entity_ref=str(p.id))
    assert len(entries) == len(p.events) == 12
    # the refusal is shown beside the request, and the request is parked
    notes = svc.refusal_notes(store, S, [d1])[d1]
    assert notes and "a refusé un logement" in notes[0] and "trajet" in notes[0]
    again = matching.rank_unit(store, S, "LOG-0002", date(2026, 7, 1))
    assert Exclusion.REQUEST_PARKED in again.exclusion(d1).codes
    later = matching.rank_unit(store, S, "LOG-0002", date(2026, 8, 15))
    assert later.candidate(d1) is not None


def test_a_second_proposal_for_a_unit_is_refused_and_nothing_is_replaced(store):
    d1, _, d3 = _top(store, 3)
    p = svc.create_proposal(
        store,
        S,
        "LOG-0001",
        [d1, d3],
        on=ON,
        exception=ExceptionCode.DALO_PREFET,
        deviation_code=DeviationCode.AUTRE,
        deviation_text="Dossier à compléter",
    )
    with pytest.raises(UserError, match="déjà la proposition"):
        svc.create_proposal(store, S, "LOG-0001", _top(store, 3), on=ON)
    kept = svc.get_proposal(store, S, p.id)
    assert kept.deviation_text == "Dossier à compléter"
    assert [c.request_ref for c in kept.listed] == [d1, d3]


def test_leaving_out_a_better_ranked_candidate_needs_a_code_and_a_text(store):
    d1, _, d3 = _top(store, 3)
    with pytest.raises(svc.DeviationReasonNeeded, match="rang 2"):
        svc.create_proposal(store, S, "LOG-0001", [d1, d3], on=ON)
    with pytest.raises(UserError, match="texte"):
        svc.create_proposal(
            store, S, "LOG-0001", [d1, d3], on=ON, deviation_code=DeviationCode.AUTRE
        )
    assert svc.list_proposals(store, S) == []


def test_fewer_than_three_need_an_exception_and_insufficiency_must_be_true(store):
    d1, d2 = _top(store, 2)
    p = svc.create_proposal(store, S, "LOG-0001", [d1, d2], on=ON)
    p = _contact_all(store, p)
    with pytest.raises(UserError, match="au moins 3"):
        svc.send_proposal(store, S, p.id, date(2026, 6, 25), on=ON)
    p = svc.justify(store, S, p.id, ExceptionCode.INSUFFISANCE, None, None, on=ON)
    with pytest.raises(UserError, match="insuffisant"):
        svc.send_proposal(store, S, p.id, date(2026, 6, 25), on=ON)
    p = svc.justify(store, S, p.id, ExceptionCode.PLAI_ADAPTE, None, None, on=ON)
    assert (
        svc.send_proposal(store, S, p.id, date(2026, 6, 25), on=ON).state is ProposalState.ENVOYEE
    )


def test_a_lease_releases_the_requests_other_pending_proposals(store):
    top1 = _top(store, 3)
    top2 = _top(store, 3, "LOG-0002")
    p = _contact_all(store, svc.create_proposal(store, S, "LOG-0001", top1, on=ON))
    other = svc.create_proposal(store, S, "LOG-0002", top2, on=ON)
    p = svc.send_proposal(store, S, p.id, ON, on=ON)
    for i, ref in enumerate(top1, start=1):
        p = svc.record_decision(store, S, p.id, ref, Decision.ATTRIBUE, i, on=ON)
    p = svc.record_answer(store, S, p.id, top1[0], True, on=ON)
    svc.record_lease(store, S, p.id, top1[0], on=ON)
    other = svc.get_proposal(store, S, other.id)
    assert other.flag and top1[0] in other.flag
    assert top1[0] not in [c.request_ref for c in other.listed]
    assert other.candidate(top1[0]).release_code is not None
    with pytest.raises(UserError, match="déjà attribué"):
        svc.record_lease(store, S, p.id, top1[0], on=ON)


def test_no_answer_by_the_deadline_is_a_refusal(store):
    top = _top(store, 3)
    p = _contact_all(store, svc.create_proposal(store, S, "LOG-0001", top, on=ON))
    p = svc.send_proposal(store, S, p.id, ON, on=ON)
    for i, ref in enumerate(top, start=1):
        p = svc.record_decision(store, S, p.id, ref, Decision.ATTRIBUE, i, on=ON)
    deadline = p.offeree.answer_deadline
    with pytest.raises(UserError, match="court jusqu"):
        svc.record_answer(store, S, p.id, top[0], False, RefusalReason.SANS_REPONSE, on=deadline)
    with pytest.raises(UserError, match="expiré"):
        svc.record_answer(store, S, p.id, top[0], True, on=deadline + timedelta(days=1))
    svc.record_lapsed_answers(store, S, on=deadline + timedelta(days=1))
    p = svc.get_proposal(store, S, p.id)
    assert p.candidate(top[0]).refusal_code is RefusalReason.SANS_REPONSE
    assert p.offeree.request_ref == top[1]


def test_catalogue_has_about_twenty_tagged_refusal_reasons():
    refus = svc.reasons_catalogue()["refus"]
    assert 18 <= len(refus) <= 25
    assert {v["cote"] for v in refus.values()} == {"candidat", "bailleur", "réservataire"}
    assert {v["attribut"] for v in refus.values()} >= {
        "loyer",
        "étage",
        "trajet",
        "quartier",
        "typologie",
        "date",
    }
