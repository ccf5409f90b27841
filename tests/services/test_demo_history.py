"""The demonstration's year of commissions: played through the workflow, audited, reproducible."""

from collections import Counter
from datetime import date

import pytest

from housingmatch.domain.model import RequestStatus, UnitStatus
from housingmatch.domain.proposal import ProposalState
from housingmatch.domain.session import Role, Session
from housingmatch.services import audit
from housingmatch.services.demo import create_demo_accounts, generate_demo
from housingmatch.services.replay import replay_proposal
from housingmatch.store import Store
from tests.builders import SUPERVISOR

ON = date(2026, 11, 20)


def _demo(path, history: int = 16) -> Store:
    """A demo set up by its administrator, as `demo` does on a database it creates."""
    store = Store.open(path)
    create_demo_accounts(store)
    admin = Session("admin", Role.ADMINISTRATEUR)
    generate_demo(store, admin, 400, 20, seed=3, on=ON, history=history)
    return store


@pytest.fixture(scope="module")
def played(tmp_path_factory) -> Store:
    return _demo(tmp_path_factory.mktemp("history") / "demo.sqlite")


def test_the_history_plays_whole_commissions_up_to_the_lease(played) -> None:
    proposals = played.proposals.all()
    assert len(proposals) == 16
    states = Counter(p.state for p in proposals)
    assert states[ProposalState.BAIL_SIGNE] >= 8
    for p in proposals:
        assert p.created_on <= ON and played.proposals.receipt(p.id) is not None
        assert len(p.candidates) >= 3
        if p.state is ProposalState.BAIL_SIGNE:
            lessee = next(c for c in p.candidates if c.leased_on is not None)
            request = played.requests.get(lessee.request_ref)
            assert request is not None and request.status is RequestStatus.ATTRIBUEE
            unit = played.units.get(p.unit_ref)
            assert unit is not None and unit.status is UnitStatus.ATTRIBUE
    # Played by the demonstration advisor, not the administrator who set the database up.
    assert {p.advisor for p in proposals} == {"conseil"}


def test_every_candidate_was_filed_before_the_vacancy_it_was_proposed_for(played) -> None:
    for p in played.proposals.all():
        for c in p.candidates:
            request = played.requests.get(c.request_ref)
            assert request is not None and request.filing_date <= p.created_on


def test_the_history_keeps_the_audit_whole_and_its_receipts_replay(played) -> None:
    report = audit.verify_database(played, SUPERVISOR)
    assert report.ok, report.findings
    for p in played.proposals.all()[:4]:
        assert replay_proposal(played, SUPERVISOR, p.id).identical


def test_the_same_seed_gives_the_same_history(tmp_path, played) -> None:
    again = _demo(tmp_path / "again.sqlite")
    assert [(p.unit_ref, p.state, [c.request_ref for c in p.candidates])
            for p in again.proposals.all()] == [
        (p.unit_ref, p.state, [c.request_ref for c in p.candidates])
        for p in played.proposals.all()
    ]  # fmt: skip


def test_no_unit_of_the_past_lingers_open_and_the_shares_have_a_threshold(played) -> None:
    history = [
        u for u in played.units.all() if u.ref.endswith(tuple(f"{n:05d}" for n in range(21, 37)))
    ]
    assert len(history) == 16
    for unit in history:
        if unit.status is UnitStatus.OUVERT:  # only a recent vacancy may still be open
            assert unit.available_on is not None and (ON - unit.available_on).days < 60 - 45
    # The demonstration's illustrative first-quartile threshold: the gauges count households.
    assert {(t.epci, t.year) for t in played.reference.quartile_thresholds()} >= {
        ("242100410", ON.year - 1),
        ("242100410", ON.year),
    }
