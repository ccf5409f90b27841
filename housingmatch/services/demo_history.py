"""A year of commission history for the demonstration database, played through the services.

Each historical unit falls vacant on a day of the past year, is ranked on that day, proposed
to the CALEOL with three candidates (sometimes with a rank skipped and its reason, sometimes
sent late), decided, answered (some refusals with their coded reasons) and leased. Everything
goes through the same services an advisor uses, so the receipts, the timelines, the audit
entries and the figures of the reports are those of real work; the most recent units stay in
progress (in preparation, sent, decided). Reproducible from the seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from housingmatch.domain.model import RequestStatus, UnitStatus
from housingmatch.domain.proposal import (
    ContactOutcome,
    Decision,
    DeviationCode,
    NonAttributionCode,
    ProposalState,
    RefusalReason,
)
from housingmatch.domain.session import Session
from housingmatch.errors import JobCancelled
from housingmatch.exchange.demo import generator
from housingmatch.rules.permissions import Action, require
from housingmatch.services import matching
from housingmatch.services import proposals as flow
from housingmatch.store import Store

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

#: Refusals drawn for the candidates who say no, with their weights (the frequent ones first).
_REFUSALS = (
    (RefusalReason.TRAJET_TROP_LONG, 4),
    (RefusalReason.LOYER_TROP_ELEVE, 3),
    (RefusalReason.QUARTIER, 3),
    (RefusalReason.ETAGE_INADAPTE, 1),
    (RefusalReason.LOGE_AILLEURS, 2),
    (RefusalReason.SANS_REPONSE, 1),
)

#: The reasons advisors give for leaving out a better-ranked request, with a note adding
#: what the coded label does not say.
_DEVIATIONS = (
    (DeviationCode.SOUHAIT_CANDIDAT, "Quartier écarté par le candidat lors de l'entretien."),
    (DeviationCode.PROPOSE_AILLEURS, "Proposition en cours chez le même bailleur."),
    (DeviationCode.INADAPTE_SITUATION, "Sans ascenseur, candidat à mobilité réduite."),
)


@dataclass(frozen=True, slots=True)
class HistorySummary:
    """What the history generation made."""

    units: int
    proposals: int
    leases: int
    in_progress: int


def _refusal(rng: random.Random) -> RefusalReason:
    reasons, weights = zip(*_REFUSALS, strict=True)
    return rng.choices(reasons, weights)[0]


def _choose(
    rng: random.Random, ranked: list[str]
) -> tuple[list[str], DeviationCode | None, str | None]:
    """Return the candidates an advisor proposes, with the reason when a rank is skipped."""
    if len(ranked) >= 4 and rng.random() < 0.15:
        code, text = rng.choice(_DEVIATIONS)
        skipped = rng.randrange(3)
        return [r for i, r in enumerate(ranked[:4]) if i != skipped], code, text
    return ranked[:3], None, None


def _play(
    store: Store, session: Session, rng: random.Random, unit_ref: str, vacant: date, today: date
) -> tuple[bool, bool]:
    """Play one unit's commission from its vacancy; return (proposed, leased)."""
    ranking = matching.rank_unit(store, session, unit_ref, vacant)
    ranked = [c.ref for c in ranking.top(4)]  # the ranking of that day: filed by then
    if len(ranked) < 3:
        return False, False
    refs, code, text = _choose(rng, ranked)
    p = flow.create_proposal(
        store, session, unit_ref, refs, vacant, deviation_code=code, deviation_text=text,
        ranking=ranking,
    )  # fmt: skip
    pid = p.id or 0
    contacted = vacant + timedelta(days=1)
    for ref in refs:
        flow.record_contact(store, session, pid, ref, ContactOutcome.JOINT, on=contacted)
    sent = vacant + timedelta(days=rng.choice((2, 3, 4, 6, 25 if rng.random() < 0.08 else 5)))
    if sent > today:
        return True, False
    commission = sent + timedelta(days=rng.choice((7, 10, 14)))
    flow.send_proposal(store, session, pid, commission, on=sent)
    if commission > today:
        return True, False
    for position, ref in enumerate(refs, start=1):
        if position == len(refs) and rng.random() < 0.15:
            flow.record_decision(
                store, session, pid, ref, Decision.NON_ATTRIBUE,
                code=NonAttributionCode.RESSOURCES_INSUFFISANTES, on=commission,
            )  # fmt: skip
        else:
            flow.record_decision(
                store, session, pid, ref, Decision.ATTRIBUE, position, on=commission
            )
    day = commission
    p = flow.get_proposal(store, session, pid)
    while p.state is ProposalState.DECIDEE and p.offeree is not None:
        day += timedelta(days=rng.randint(2, 8))
        if day > today:
            return True, False
        offeree = p.offeree.request_ref
        if rng.random() < 0.7:
            flow.record_answer(store, session, pid, offeree, True, on=day)
            signed = day + timedelta(days=rng.randint(7, 21))
            if signed > today:
                return True, False
            request = store.requests.get(offeree)
            if request is None or request.status is not RequestStatus.ACTIVE:
                return True, False
            flow.record_lease(store, session, pid, offeree, on=signed)
            return True, True
        reason = _refusal(rng)
        if reason is RefusalReason.SANS_REPONSE:
            deadline = p.offeree.answer_deadline
            day = (deadline or day) + timedelta(days=1)
            if day > today:
                return True, False
        p = flow.record_answer(store, session, pid, offeree, False, reason, on=day)
    return True, False


def generate_history(
    store: Store,
    session: Session,
    units: int,
    seed: int = 2026,
    on: date | None = None,
    first_number: int = 1,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> HistorySummary:
    """Add ``units`` units vacated over the past year and play their commissions (audited)."""
    require(session, Action.IMPORT_DATA)
    require(session, Action.PREPARE_PROPOSAL)
    require(session, Action.RECORD_OUTCOME)
    today = on or date.today()
    rng = random.Random(f"history-{seed}")
    gen = generator(seed + 1, today)
    made = []
    for i in range(units):
        vacant = today - timedelta(days=round(360 * (units - i) / max(units, 1)))
        unit = gen.unit(first_number + i)
        made.append(
            (
                replace(
                    unit,
                    available_on=vacant + timedelta(days=45),
                    proposal_deadline=vacant + timedelta(days=20),
                ),
                vacant,
            )
        )
    store.units.save_many([u for u, _ in made], session.user, "démonstration (historique)")
    proposed = leased = 0
    for done, (unit, vacant) in enumerate(made, start=1):
        if cancelled is not None and cancelled():
            raise JobCancelled()
        was_proposed, was_leased = _play(store, session, rng, unit.ref, vacant, today)
        stale = today - vacant > timedelta(days=60)
        now = store.units.get(unit.ref)
        if stale and now is not None and now.status is UnitStatus.OUVERT:
            # Its commission ended without a lease months ago: the reservation went back to
            # the landlord then (a unit does not stay "at risk" for a year).
            store.proposals.set_unit_status(
                unit.ref, UnitStatus.RETIRE.value, session.user, "démonstration : rendu au bailleur"
            )
        proposed += was_proposed
        leased += was_leased
        if progress is not None:
            progress(done, len(made))
    in_progress = sum(1 for p in store.proposals.all() if not p.state.closed)
    return HistorySummary(len(made), proposed, leased, in_progress)
