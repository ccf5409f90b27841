"""The dashboard's workflow deadlines: units at risk, missing decisions, answers due."""

from datetime import date, timedelta

from housingmatch.domain.proposal import ContactOutcome, Decision
from housingmatch.services import local_session, matching
from housingmatch.services import proposals as svc
from housingmatch.services.deadlines import DeadlineKind, proposal_deadlines
from tests.builders import make_request, make_unit

S = local_session()


def test_each_list_has_its_units_and_next_action(fresh_store):
    today = date.today()
    fresh_store.units.save(make_unit("LOG-0001", proposal_deadline=today + timedelta(days=3)), "t")
    fresh_store.units.save(make_unit("LOG-0002", proposal_deadline=today + timedelta(days=20)), "t")
    fresh_store.units.save(make_unit("LOG-0003", proposal_deadline=today + timedelta(days=2)), "t")
    fresh_store.requests.save_many(
        [make_request(f"D{i}", tie_breaker=i) for i in range(1, 7)], "t", "e"
    )
    top = [
        c.ref for c in matching.rank_unit(fresh_store, local_session(), "LOG-0003", today).top(3)
    ]
    p = svc.create_proposal(fresh_store, S, "LOG-0003", top, on=today - timedelta(days=9))
    for ref in top:
        p = svc.record_contact(
            fresh_store, S, p.id, ref, ContactOutcome.JOINT, on=today - timedelta(days=9)
        )
    p = svc.send_proposal(
        fresh_store, S, p.id, today - timedelta(days=2), on=today - timedelta(days=9)
    )
    board = proposal_deadlines(fresh_store, S, today)
    kinds = {(i.kind, i.unit_ref) for i in board}
    assert (DeadlineKind.UNIT_AT_RISK, "LOG-0001") in kinds
    assert (DeadlineKind.UNIT_DEADLINE, "LOG-0002") in kinds
    assert (DeadlineKind.DECISION_MISSING, "LOG-0003") in kinds
    assert not any(i.unit_ref == "LOG-0003" and i.kind is DeadlineKind.UNIT_AT_RISK for i in board)
    missing = next(i for i in board if i.kind is DeadlineKind.DECISION_MISSING)
    assert "décision" in missing.next_action
    for i, ref in enumerate(top, start=1):
        svc.record_decision(fresh_store, S, p.id, ref, Decision.ATTRIBUE, i, on=today)
    board = proposal_deadlines(fresh_store, S, today)
    due = next(i for i in board if i.kind is DeadlineKind.ANSWER_DUE)
    assert due.request_ref == top[0] and due.due >= today + timedelta(days=10)
    assert top[0] in due.next_action
