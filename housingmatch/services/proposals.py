"""The commission workflow as use cases: every transition of a proposal is one audited call.

Each service takes ``(store, session, ...)``, checks the session's permission, loads the
proposal, applies one rule of :mod:`housingmatch.rules.proposal_flow` and stores the result
in one transaction (with the unit, request and other proposals it changes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from housingmatch.domain.model import RequestStatus, UnitStatus
from housingmatch.domain.proposal import (
    CONTACT_LABELS,
    DECISION_LABELS,
    DEVIATION_LABELS,
    EXCEPTION_LABELS,
    NON_ATTRIBUTION_LABELS,
    REFUSAL_INFO,
    STATE_LABELS,
    WITHDRAWAL_LABELS,
    ContactOutcome,
    Decision,
    DeviationCode,
    ExceptionCode,
    NonAttributionCode,
    Proposal,
    ProposalState,
    RefusalReason,
    UnitAttribute,
    WithdrawalCode,
)
from housingmatch.domain.session import Session
from housingmatch.errors import UserError
from housingmatch.matching.receipts import ReceiptResult, build_receipt, read_result
from housingmatch.matching.results import Exclusion, Ranking
from housingmatch.rules import proposal_flow as flow
from housingmatch.rules import proposal_outcome as outcome
from housingmatch.rules.permissions import Action, require
from housingmatch.rules.proposal_flow import (
    DeviationReasonNeeded,
    FlowAction,
    FlowError,
    ProposalRules,
)
from housingmatch.services import matching
from housingmatch.store import Store

__all__ = [
    "DeviationCode",
    "DeviationReasonNeeded",
    "FlowAction",
    "FlowError",
    "ProposalRules",
]

RELEASE_WHY = "bail signé sur un autre logement"


def proposal_rules(store: Store) -> ProposalRules:
    """Return the workflow's numbers of the active rule set."""
    return matching.active_ruleset(store).proposals


def get_proposal(store: Store, session: Session, proposal_id: int) -> Proposal:
    """Return a proposal, or raise a French error when there is none with this number."""
    require(session, Action.READ)
    found = store.proposals.get(proposal_id)
    if found is None:
        raise UserError(f"Aucune proposition n'a le numéro {proposal_id}.")
    return found


def list_proposals(
    store: Store, session: Session, state: ProposalState | None = None
) -> list[Proposal]:
    """Return every proposal (of one state when given), oldest first."""
    require(session, Action.READ)
    return store.proposals.all(state)


def open_proposal_for_unit(store: Store, session: Session, unit_ref: str) -> Proposal | None:
    """Return the unit's proposal that is not closed yet, if any."""
    require(session, Action.READ)
    for p in reversed(store.proposals.for_unit(unit_ref)):
        if not p.state.closed:
            return p
    return None


def result_of(store: Store, proposal: Proposal) -> ReceiptResult | None:
    """Return the ranking result kept with a proposal (its receipt), if any."""
    blob = store.proposals.receipt(proposal.id or 0)
    return read_result(blob) if blob else None


def allowed_actions(proposal: Proposal) -> tuple[FlowAction, ...]:
    """Return the actions the proposal's state allows."""
    return flow.allowed_actions(proposal)


def problems_before_sending(store: Store, proposal: Proposal) -> list[str]:
    """Return, in French, what keeps a proposal from being sent (empty when it can be)."""
    result = result_of(store, proposal)
    eligible = len(result.ranked) if result else None
    return flow.problems_before_sending(proposal, proposal_rules(store), eligible)


def next_action(store: Store, proposal: Proposal, today: date | None = None) -> str:
    """Return what the advisor has to do next on a proposal, in French."""
    return outcome.next_action(proposal, today or date.today(), proposal_rules(store))


# -- preparation ----------------------------------------------------------------------------
def _receipt_for(store: Store, ranking: Ranking) -> bytes:
    engine = matching.engine_for(store, ranking.on)
    unit = store.units.get(ranking.unit_ref)
    assert unit is not None
    refs = [c.ref for c in ranking.ranked] + [e.ref for e in ranking.excluded]
    found = store.requests.get_many(refs)  # the index keeps columns, not Request objects
    requests = [found[ref] for ref in refs if ref in found]
    rows = [(r.year, r.zone, r.financing, r.category, r.amount) for r in store.reference.ceilings()]
    return build_receipt(ranking, unit, requests, engine.context, rows)


def create_proposal(
    store: Store,
    session: Session,
    unit_ref: str,
    refs: Sequence[str],
    on: date | None = None,
    exception: ExceptionCode | None = None,
    deviation_code: DeviationCode | None = None,
    deviation_text: str | None = None,
    ranking: Ranking | None = None,
) -> Proposal:
    """Start a proposal for a unit from its ranking on ``on``; keep the ranking's receipt.

    A unit has at most one proposal that is not closed: a second one is refused (the
    advisor edits the existing one, nothing is replaced silently).
    """
    require(session, Action.PREPARE_PROPOSAL)
    on = on or date.today()
    unit = store.units.get(unit_ref)
    if unit is None:
        raise UserError(f"Aucun logement n'a la référence « {unit_ref} ».")
    if unit.status in (UnitStatus.ATTRIBUE, UnitStatus.RETIRE):
        raise FlowError(
            f"Le logement « {unit_ref} » est {unit.status.value.lower()} : pas de proposition."
        )
    existing = open_proposal_for_unit(store, session, unit_ref)
    if existing is not None:
        raise FlowError(
            f"Le logement « {unit_ref} » a déjà la proposition n° {existing.id} "
            f"({existing.state.label.lower()}) : modifiez-la plutôt que d'en créer une autre."
        )
    if ranking is None or ranking.unit_ref != unit_ref:
        ranking = matching.rank_unit(store, session, unit_ref, on)
    entries = []
    for ref in refs:
        candidate = ranking.candidate(ref)
        if candidate is None:
            raise FlowError(f"La demande « {ref} » n'est pas classée pour ce logement.")
        entries.append((ref, candidate.rank))
    rules = proposal_rules(store)
    proposal = flow.create(
        unit_ref, entries, on, ranking.on, ranking.ruleset.hash, session.user, rules,
        exception, deviation_code, deviation_text,
    )  # fmt: skip
    return store.proposals.save(proposal, session.user, receipt=_receipt_for(store, ranking))


def _load_for(store: Store, session: Session, proposal_id: int, action: Action) -> Proposal:
    require(session, action)
    return get_proposal(store, session, proposal_id)


def _ranked(store: Store, proposal: Proposal, ref: str) -> int:
    result = result_of(store, proposal)
    rank = result.rank_of(ref) if result else None
    if rank is None:
        raise FlowError(
            f"La demande « {ref} » n'est pas classée dans le classement de cette proposition."
        )
    return rank


def add_candidate(
    store: Store,
    session: Session,
    proposal_id: int,
    ref: str,
    on: date | None = None,
    deviation_code: DeviationCode | None = None,
    deviation_text: str | None = None,
) -> Proposal:
    """Add a ranked request at the end of a proposal's list."""
    p = _load_for(store, session, proposal_id, Action.PREPARE_PROPOSAL)
    flow.check_action(p, FlowAction.EDIT)
    rank = _ranked(store, p, ref)
    changed = flow.add_candidate(
        p, ref, rank, on or date.today(), session.user, proposal_rules(store),
        deviation_code, deviation_text,
    )  # fmt: skip
    return store.proposals.save(changed, session.user)


def remove_candidate(
    store: Store,
    session: Session,
    proposal_id: int,
    ref: str,
    on: date | None = None,
    deviation_code: DeviationCode | None = None,
    deviation_text: str | None = None,
) -> Proposal:
    """Take a candidate out of a proposal's list."""
    p = _load_for(store, session, proposal_id, Action.PREPARE_PROPOSAL)
    changed = flow.remove_candidate(
        p, ref, on or date.today(), session.user, proposal_rules(store),
        deviation_code, deviation_text,
    )  # fmt: skip
    return store.proposals.save(changed, session.user)


def move_candidate(
    store: Store, session: Session, proposal_id: int, ref: str, delta: int, on: date | None = None
) -> Proposal:
    """Move a candidate up (``delta`` < 0) or down the list."""
    p = _load_for(store, session, proposal_id, Action.PREPARE_PROPOSAL)
    changed = flow.move_candidate(p, ref, delta, on or date.today(), session.user)
    return store.proposals.save(changed, session.user)


def justify(
    store: Store,
    session: Session,
    proposal_id: int,
    exception: ExceptionCode | None,
    deviation_code: DeviationCode | None,
    deviation_text: str | None,
    on: date | None = None,
) -> Proposal:
    """Record the R441-3 exception and the reason for leaving out better-ranked candidates."""
    p = _load_for(store, session, proposal_id, Action.PREPARE_PROPOSAL)
    changed = flow.justify(
        p, on or date.today(), session.user, exception, deviation_code, deviation_text
    )
    return store.proposals.save(changed, session.user)


def _next_ranked(store: Store, proposal: Proposal) -> tuple[str, int] | None:
    """Return the best-ranked request of the proposal's ranking not yet in the proposal."""
    result = result_of(store, proposal)
    if result is None:
        return None
    taken = {c.request_ref for c in proposal.candidates}
    for ref, rank, *_ in result.ranked:
        if ref in taken:
            continue
        request = store.requests.get(ref)
        if request is None or request.status is not RequestStatus.ACTIVE:
            continue
        return ref, rank
    return None


def record_contact(
    store: Store,
    session: Session,
    proposal_id: int,
    ref: str,
    outcome: ContactOutcome,
    withdrawal_code: WithdrawalCode | None = None,
    on: date | None = None,
) -> Proposal:
    """Record a candidate's contact; one who withdraws is replaced by the next ranked request."""
    p = _load_for(store, session, proposal_id, Action.PREPARE_PROPOSAL)
    flow.check_action(p, FlowAction.CONTACT)
    rules = proposal_rules(store)
    replacement = _next_ranked(store, p) if outcome is ContactOutcome.DESISTE else None
    if replacement is not None and len(p.listed) > rules.max_candidates:
        replacement = None
    changed = flow.record_contact(
        p, ref, outcome, on or date.today(), session.user, rules, withdrawal_code, replacement
    )
    return store.proposals.save(changed, session.user)


def send_proposal(
    store: Store,
    session: Session,
    proposal_id: int,
    commission_date: date,
    on: date | None = None,
) -> Proposal:
    """Send a proposal to the CALEOL; the unit becomes *proposé*."""
    p = _load_for(store, session, proposal_id, Action.PREPARE_PROPOSAL)
    result = result_of(store, p)
    changed = flow.send(
        p, on or date.today(), commission_date, session.user, proposal_rules(store),
        len(result.ranked) if result else None,
    )  # fmt: skip
    with store.db.atomic():
        saved = store.proposals.save(changed, session.user)
        store.proposals.set_unit_status(p.unit_ref, UnitStatus.PROPOSE.value, session.user, "envoi")
    return saved


def adjourn_proposal(
    store: Store,
    session: Session,
    proposal_id: int,
    on: date | None = None,
    text: str | None = None,
) -> Proposal:
    """Record that the CALEOL adjourned the proposal."""
    p = _load_for(store, session, proposal_id, Action.RECORD_OUTCOME)
    return store.proposals.save(
        outcome.adjourn(p, on or date.today(), session.user, text), session.user
    )


def _after_close(store: Store, session: Session, p: Proposal) -> None:
    if p.state is ProposalState.SANS_SUITE:
        store.proposals.set_unit_status(
            p.unit_ref, UnitStatus.OUVERT.value, session.user, "sans suite"
        )


def record_decision(
    store: Store,
    session: Session,
    proposal_id: int,
    ref: str,
    decision: Decision,
    caleol_rank: int | None = None,
    code: NonAttributionCode | None = None,
    on: date | None = None,
) -> Proposal:
    """Record the CALEOL's decision for one candidate."""
    p = _load_for(store, session, proposal_id, Action.RECORD_OUTCOME)
    changed = outcome.decide(
        p, ref, decision, on or date.today(), session.user, proposal_rules(store), caleol_rank, code
    )
    with store.db.atomic():
        saved = store.proposals.save(changed, session.user)
        _after_close(store, session, saved)
    return saved


def _refusal_note(store: Store, p: Proposal, ref: str, code: RefusalReason, on: date) -> str:
    """Return the note shown on the request's next rankings ("a refusé un logement : …")."""
    info = REFUSAL_INFO[code]
    unit = store.units.get(p.unit_ref)
    detail = info.label.lower()
    if unit is not None and info.attribute is not None:
        attribute = info.attribute
        if attribute is UnitAttribute.TRAJET:
            result = result_of(store, p)
            minutes = next((r[4] for r in result.ranked if r[0] == ref), None) if result else None
            detail = f"trajet {minutes:.0f} min" if minutes is not None else "trajet"
        elif attribute is UnitAttribute.LOYER:
            detail = f"loyer {unit.total_rent:.0f} € charges comprises"
        elif attribute is UnitAttribute.ETAGE:
            floor = "rez-de-chaussée" if unit.floor == 0 else f"{unit.floor}e étage"
            detail = f"{floor if unit.floor is not None else 'étage'}{'' if unit.lift else ' sans ascenseur'}"
        elif attribute is UnitAttribute.QUARTIER:
            detail = f"quartier {unit.qpv}" if unit.qpv else f"quartier ({unit.commune})"
        elif attribute is UnitAttribute.TYPOLOGIE:
            detail = f"typologie T{unit.typology}"
        elif attribute is UnitAttribute.DATE:
            detail = (
                f"disponible le {unit.available_on:%d/%m/%Y}"
                if unit.available_on
                else "date d'entrée"
            )
    return f"a refusé un logement le {on:%d/%m/%Y} : {detail}"


def record_answer(
    store: Store,
    session: Session,
    proposal_id: int,
    ref: str,
    accepted: bool,
    code: RefusalReason | None = None,
    on: date | None = None,
    park: bool = False,
) -> Proposal:
    """Record the answer of the candidate the offer is with; a refusal may park the request."""
    p = _load_for(store, session, proposal_id, Action.RECORD_OUTCOME)
    on = on or date.today()
    rules = proposal_rules(store)
    flow.check_action(p, FlowAction.ANSWER)
    note = _refusal_note(store, p, ref, code, on) if (not accepted and code is not None) else None
    parked = (
        on + timedelta(days=rules.park_days)
        if (park and not accepted and rules.park_days)
        else None
    )
    if park and accepted:
        raise FlowError("Seul un refus peut mettre la demande en attente.")
    changed = outcome.answer(p, ref, accepted, on, session.user, rules, code, note, parked)
    with store.db.atomic():
        saved = store.proposals.save(changed, session.user)
        if parked is not None:
            store.proposals.park_request(ref, parked, session.user, f"refus, proposition {p.id}")
        _after_close(store, session, saved)
    if parked is not None:
        matching.requests_changed(store, [ref])
    return saved


def record_lapsed_answers(store: Store, session: Session, on: date | None = None) -> list[Proposal]:
    """Record as refusals (no answer) the offers whose deadline passed before ``on``."""
    require(session, Action.RECORD_OUTCOME)
    on = on or date.today()
    changed = []
    for p in store.proposals.all(ProposalState.DECIDEE):
        offeree = p.offeree
        while (
            offeree is not None
            and offeree.answer_deadline is not None
            and offeree.answer_deadline < on
        ):
            p = record_answer(store, session, p.id or 0, offeree.request_ref, False,
                              RefusalReason.SANS_REPONSE, on)  # fmt: skip
            changed.append(p)
            offeree = p.offeree if p.state is ProposalState.DECIDEE else None
    return changed


def record_lease(
    store: Store, session: Session, proposal_id: int, ref: str, on: date | None = None
) -> Proposal:
    """Record the lease: the unit is *attribué*, the request *satisfaite*, its other places freed.

    Refused when the unit already has a signed lease or the request was already attributed.
    """
    p = _load_for(store, session, proposal_id, Action.RECORD_OUTCOME)
    on = on or date.today()
    unit = store.units.get(p.unit_ref)
    if unit is None or unit.status is UnitStatus.ATTRIBUE:
        raise FlowError(
            f"Le logement « {p.unit_ref} » est déjà attribué : un seul bail par logement."
        )
    flow.check_action(p, FlowAction.LEASE)
    request = store.requests.get(ref)
    if request is None:
        raise UserError(f"Aucune demande n'a la référence « {ref} ».")
    if request.status is RequestStatus.ATTRIBUEE:
        raise FlowError(f"La demande « {ref} » est déjà satisfaite par un autre logement.")
    changed = outcome.lease(p, ref, on, session.user)
    rules = proposal_rules(store)
    with store.db.atomic():
        saved = store.proposals.save(changed, session.user)
        store.proposals.set_unit_status(p.unit_ref, UnitStatus.ATTRIBUE.value, session.user, "bail")
        store.requests.save(
            replace(
                request, status=RequestStatus.ATTRIBUEE, closed_on=on, close_reason="satisfaite"
            ),
            session.user,
            source=f"bail, proposition {p.id}",
        )
        for other in store.proposals.for_request(ref):
            if other.id == p.id or other.state.closed:
                continue
            candidate = other.candidate(ref)
            if candidate is None or candidate.release_code is not None:
                continue
            released = store.proposals.save(
                outcome.release(other, ref, on, session.user, rules), session.user
            )
            _after_close(store, session, released)
    matching.requests_changed(store, [ref])
    return saved


# -- what rankings show -------------------------------------------------------------------------
def refusal_notes(store: Store, session: Session, refs: Sequence[str]) -> dict[str, list[str]]:
    """Return, by request, the refusals to show beside it on its next rankings."""
    require(session, Action.READ)
    return store.proposals.refusals(refs)


def reasons_catalogue() -> dict[str, Any]:
    """Return every coded list of the workflow, with French labels (``proposal reasons``)."""
    return {
        "etats": {k.value: v for k, v in STATE_LABELS.items()},
        "exceptions": {k.value: v for k, v in EXCEPTION_LABELS.items()},
        "ecarts": {k.value: v for k, v in DEVIATION_LABELS.items()},
        "contacts": {k.value: v for k, v in CONTACT_LABELS.items()},
        "desistements": {k.value: v for k, v in WITHDRAWAL_LABELS.items()},
        "decisions": {k.value: v for k, v in DECISION_LABELS.items()},
        "non_attribution": {k.value: v for k, v in NON_ATTRIBUTION_LABELS.items()},
        "refus": {
            k.value: {
                "libelle": v.label,
                "cote": v.side.value,
                "attribut": v.attribute.value if v.attribute else None,
            }
            for k, v in REFUSAL_INFO.items()
        },
    }


def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def proposal_to_dict(proposal: Proposal, next_step: str | None = None) -> dict[str, Any]:
    """Return a proposal as the ``proposal show --json`` object."""
    return {
        "id": proposal.id,
        "unit": proposal.unit_ref,
        "state": proposal.state.value,
        "state_label": proposal.state.label,
        "advisor": proposal.advisor,
        "created_on": _day(proposal.created_on),
        "ranking_date": _day(proposal.ranking_date),
        "ruleset_hash": proposal.ruleset_hash,
        "exception": proposal.exception.value if proposal.exception else None,
        "deviation": (
            {"code": proposal.deviation_code.value, "text": proposal.deviation_text}
            if proposal.deviation_code
            else None
        ),
        "sent_on": _day(proposal.sent_on),
        "commission_date": _day(proposal.commission_date),
        "decided_on": _day(proposal.decided_on),
        "closed_on": _day(proposal.closed_on),
        "flag": proposal.flag,
        "next_action": next_step,
        "candidates": [
            {
                "ref_demande": c.request_ref,
                "position": c.position,
                "engine_rank": c.engine_rank,
                "contact": c.contact.value if c.contact else None,
                "withdrawal_code": c.withdrawal_code.value if c.withdrawal_code else None,
                "decision": c.decision.value if c.decision else None,
                "caleol_rank": c.caleol_rank,
                "non_attribution_code": c.non_attribution_code.value
                if c.non_attribution_code
                else None,
                "notified_on": _day(c.notified_on),
                "answer_deadline": _day(c.answer_deadline),
                "answer": c.answer.value if c.answer else None,
                "refusal_code": c.refusal_code.value if c.refusal_code else None,
                "refusal_note": c.refusal_note,
                "answered_on": _day(c.answered_on),
                "leased_on": _day(c.leased_on),
                "released": c.release_code.value if c.release_code else None,
                "parked_until": _day(c.parked_until),
            }
            for c in sorted(
                proposal.candidates, key=lambda c: (c.position is None, c.position or 0)
            )
        ],
        "deadlines": {
            "answer": next(
                (_day(c.answer_deadline) for c in proposal.candidates if c.offered), None
            ),
            "commission": _day(proposal.commission_date),
        },
        "events": [
            {"kind": e.kind.value, "on": e.on.isoformat(), "actor": e.actor, "summary": e.summary}
            for e in proposal.events
        ],
    }


# -- the matching page's "Proposer" ---------------------------------------------------------------
def save_draft(
    store: Store,
    session: Session,
    ranking: Ranking,
    refs: Sequence[str],
    deviation_text: str | None = None,
    deviation_code: DeviationCode = DeviationCode.AUTRE,
) -> Proposal:
    """Start the unit's proposal with these candidates, or add them to the one in preparation.

    An existing proposal is never replaced: the candidates not yet in it are added at the end.
    """
    text = (deviation_text or "").strip() or None
    code = deviation_code if text else None
    existing = open_proposal_for_unit(store, session, ranking.unit_ref)
    if existing is None:
        return create_proposal(
            store, session, ranking.unit_ref, refs, on=ranking.on, ranking=ranking,
            deviation_code=code, deviation_text=text,
        )  # fmt: skip
    proposal = existing
    for ref in refs:
        if proposal.candidate(ref) is None:
            proposal = add_candidate(store, session, proposal.id or 0, ref, ranking.on, code, text)
    return proposal


def save_allocation_draft(
    store: Store, session: Session, unit_ref: str, on: date, refs: Sequence[str]
) -> Proposal:
    """Start a unit's proposal from the batch allocation (its deviation reason is coded)."""
    return create_proposal(
        store, session, unit_ref, refs, on=on,
        deviation_code=DeviationCode.REPARTITION_GLOBALE,
        deviation_text="Répartition globale des logements ouverts : les candidats mieux classés "
        "sont proposés sur d'autres logements.",
    )  # fmt: skip


def ranking_notes(store: Store, session: Session, ranking: Ranking) -> dict[str, Any]:
    """Return what the workflow adds to a ranking's JSON: past refusals and parking end dates."""
    require(session, Action.READ)
    parked = {}
    refs = [e.ref for e in ranking.excluded if Exclusion.REQUEST_PARKED in e.codes]
    for request in store.requests.get_many(refs).values():
        if (
            request is not None
            and request.parked_until is not None
            and ranking.on < request.parked_until
        ):
            parked[request.ref] = request.parked_until.isoformat()
    return {
        "refusals": refusal_notes(store, session, [c.ref for c in ranking.ranked]),
        "parked_until": parked,
    }
