"""Sign-offs and kept replays in the store: audited, ordered, replaced in place."""

from datetime import UTC, datetime

from housingmatch.domain.review import SignOff, Verdict
from housingmatch.services import proposals as svc
from tests import review_world as world
from tests.builders import ADVISOR


def _proposal(store):
    world.fill(store)
    top = world._top(store, "LOG-0001", world.ON)
    return svc.create_proposal(store, ADVISOR, "LOG-0001", top[:3], on=world.ON).id


def test_sign_offs_are_audited_and_read_back_oldest_first(fresh_store):
    pid = _proposal(fresh_store)
    at = datetime(2026, 7, 1, 9, 30, tzinfo=UTC)
    first = fresh_store.reviews.add(
        SignOff(pid, Verdict.A_REVOIR, "À revoir", "sup", at, "h1"), None
    )
    later = datetime(2026, 7, 2, 9, 30, tzinfo=UTC)
    second = fresh_store.reviews.add(SignOff(pid, Verdict.VALIDEE, "Vu", "sup", later, "h2"), None)
    assert fresh_store.reviews.for_proposals([pid, 999]) == {pid: [first, second]}
    assert first.id is not None and first.at == at
    entries = fresh_store.audit.entries(entity="proposition", entity_ref=str(pid), action="signoff")
    assert [e.details["verdict"] for e in entries] == ["A_REVOIR", "VALIDEE"]
    assert [e.actor for e in entries] == ["sup", "sup"]


def test_a_kept_replay_is_replaced_and_tied_to_the_receipt_and_version(fresh_store):
    pid = _proposal(fresh_store)
    reviews = fresh_store.reviews
    assert reviews.cached_replay(pid, "d1", "1.0") is None
    reviews.keep_replay(pid, "d1", "1.0", ["x"])
    reviews.keep_replay(pid, "d1", "1.0", [])
    assert reviews.cached_replay(pid, "d1", "1.0") == []
    assert reviews.cached_replay(pid, "d2", "1.0") is None  # another receipt
    assert reviews.cached_replay(pid, "d1", "1.1") is None  # another version of the engine
