"""After sending: the CALEOL's decisions, the candidates' answers, the lease and what comes next.

The second half of a proposal's life as rules (the first, preparation and sending, is in
:mod:`housingmatch.rules.proposal_flow`): pure functions taking a :class:`Proposal` and
returning the new one with one more event, or raising :class:`FlowError` in French.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from housingmatch.domain.proposal import (
    Answer,
    Candidate,
    Decision,
    EventKind,
    NonAttributionCode,
    Proposal,
    ProposalState,
    RefusalReason,
    ReleaseCode,
)
from housingmatch.rules.proposal_flow import (
    FlowAction,
    FlowError,
    ProposalRules,
    _event,
    _renumber,
    answer_deadline,
    check_action,
    problems_before_sending,
)


def adjourn(proposal: Proposal, on: date, actor: str, text: str | None = None) -> Proposal:
    """Return the proposal adjourned by the CALEOL (it can be sent again)."""
    check_action(proposal, FlowAction.ADJOURN)
    if any(c.decision is not None for c in proposal.candidates):
        raise FlowError(
            "Des décisions sont déjà enregistrées : la proposition ne peut être ajournée."
        )
    changed = replace(proposal, state=ProposalState.AJOURNEE)
    return _event(changed, EventKind.AJOURNEMENT, on, actor, "Ajournée par la CALEOL", motif=text)


def _pending_decisions(proposal: Proposal) -> list[Candidate]:
    return [c for c in proposal.listed if c.decision is None and c.release_code is None]


def _offer_next(proposal: Proposal, on: date, rules: ProposalRules) -> Proposal:
    """Notify the next attributed candidate in the CALEOL's order, or close without tenant."""
    waiting = sorted(
        (
            c
            for c in proposal.listed
            if c.decision is not None
            and c.decision.attributes
            and c.notified_on is None
            and c.release_code is None
        ),
        key=lambda c: c.caleol_rank or 0,
    )
    if not waiting:
        return replace(proposal, state=ProposalState.SANS_SUITE, closed_on=on)
    first = waiting[0]
    offered = replace(first, notified_on=on, answer_deadline=answer_deadline(on, rules.answer_days))
    return replace(
        proposal,
        candidates=tuple(
            offered if c.request_ref == first.request_ref else c for c in proposal.candidates
        ),
    )


def decide(
    proposal: Proposal,
    ref: str,
    decision: Decision,
    on: date,
    actor: str,
    rules: ProposalRules,
    caleol_rank: int | None = None,
    code: NonAttributionCode | None = None,
) -> Proposal:
    """Return the proposal with the CALEOL's decision for one candidate.

    Once every listed candidate is decided, the offer goes to the first attributed one in the
    CALEOL's order (notified on the decision day); with none attributed the proposal closes.
    """
    check_action(proposal, FlowAction.DECIDE)
    current = proposal.candidate(ref)
    if current is None or not current.listed:
        raise FlowError(f"La demande « {ref} » n'est pas dans la liste envoyée à la CALEOL.")
    if current.release_code is not None:
        raise FlowError(f"{ref} a signé un bail ailleurs : sa place est libérée.")
    if current.decision is not None:
        raise FlowError(f"La décision pour {ref} est déjà enregistrée ({current.decision.label}).")
    if proposal.sent_on is not None and on < proposal.sent_on:
        raise FlowError("La décision ne peut précéder l'envoi de la proposition.")
    if decision.attributes:
        if caleol_rank is None or caleol_rank < 1:
            raise FlowError(
                "Une attribution s'enregistre avec le rang donné par la CALEOL (1, 2, …)."
            )
        taken = {c.caleol_rank for c in proposal.candidates if c.decision and c.decision.attributes}
        if caleol_rank in taken:
            raise FlowError(
                f"Le rang {caleol_rank} de la CALEOL est déjà donné à un autre candidat."
            )
        if code is not None:
            raise FlowError("Un motif de non-attribution ne va pas avec une attribution.")
    else:
        if caleol_rank is not None:
            raise FlowError("Seule une attribution porte un rang de la CALEOL.")
        if decision is Decision.NON_ATTRIBUE and code is None:
            raise FlowError("Une non-attribution s'enregistre avec son motif codé.")
    updated = replace(
        current, decision=decision, caleol_rank=caleol_rank, non_attribution_code=code
    )
    changed = replace(
        proposal,
        candidates=tuple(updated if c.request_ref == ref else c for c in proposal.candidates),
    )
    if not _pending_decisions(changed):
        changed = replace(changed, state=ProposalState.DECIDEE, decided_on=on)
        changed = _offer_next(changed, on, rules)
    label = decision.label + (f" au rang {caleol_rank}" if caleol_rank else "")
    return _event(
        changed,
        EventKind.DECISION,
        on,
        actor,
        f"{ref} : {label.lower()}",
        demande=ref,
        decision=decision.value,
        rang=caleol_rank,
        motif=code.value if code else None,
    )


def answer(
    proposal: Proposal,
    ref: str,
    accepted: bool,
    on: date,
    actor: str,
    rules: ProposalRules,
    code: RefusalReason | None = None,
    note: str | None = None,
    parked_until: date | None = None,
) -> Proposal:
    """Return the proposal with the answer of the candidate the offer is with.

    No answer by the deadline is a refusal (code SANS_REPONSE, accepted only once the
    deadline has passed); on a refusal the offer goes to the next attributed candidate.
    """
    check_action(proposal, FlowAction.ANSWER)
    current = proposal.candidate(ref)
    offeree = proposal.offeree
    if current is None or offeree is None or offeree.request_ref != ref:
        who = f" (elle est à {offeree.request_ref})" if offeree else ""
        raise FlowError(
            f"L'offre n'est pas faite à « {ref} »{who} : sa réponse ne s'enregistre pas."
        )
    assert current.notified_on is not None and current.answer_deadline is not None
    if on < current.notified_on:
        raise FlowError("La réponse ne peut précéder la notification de l'offre.")
    late = on > current.answer_deadline
    if accepted:
        if code is not None:
            raise FlowError("Un motif de refus ne va pas avec une acceptation.")
        if late:
            raise FlowError(
                f"Le délai de réponse de {ref} a expiré le {current.answer_deadline:%d/%m/%Y} : "
                "l'absence de réponse vaut refus."
            )
        updated = replace(current, answer=Answer.ACCEPTE, answered_on=on)
        summary = f"{ref} accepte l'offre"
    else:
        if code is None:
            raise FlowError("Un refus s'enregistre avec son motif codé.")
        if code is RefusalReason.SANS_REPONSE and not late:
            raise FlowError(
                f"Le délai de réponse de {ref} court jusqu'au {current.answer_deadline:%d/%m/%Y} : "
                "pas encore d'absence de réponse."
            )
        updated = replace(
            current,
            answer=Answer.REFUSE,
            refusal_code=code,
            refusal_note=note,
            answered_on=on,
            parked_until=parked_until,
        )
        summary = f"{ref} refuse : {code.label.lower()}"
    changed = replace(
        proposal,
        candidates=tuple(updated if c.request_ref == ref else c for c in proposal.candidates),
    )
    if not accepted:
        changed = _offer_next(changed, on, rules)
    return _event(
        changed,
        EventKind.REPONSE,
        on,
        actor,
        summary,
        demande=ref,
        reponse=updated.answer.value if updated.answer else None,
        motif=code.value if code else None,
        en_attente_jusquau=parked_until.isoformat() if parked_until else None,
    )


def lease(proposal: Proposal, ref: str, on: date, actor: str) -> Proposal:
    """Return the proposal closed by the lease signed by an attributed candidate who accepted."""
    check_action(proposal, FlowAction.LEASE)
    current = proposal.candidate(ref)
    if current is None or not current.listed:
        raise FlowError(f"La demande « {ref} » n'est pas candidate sur cette proposition.")
    if current.decision is None or not current.decision.attributes:
        raise FlowError(
            f"Le logement n'a pas été attribué à {ref} par la CALEOL : pas de bail possible."
        )
    if current.answer is not Answer.ACCEPTE:
        raise FlowError(f"{ref} n'a pas accepté l'offre : pas de bail possible.")
    if current.answered_on is not None and on < current.answered_on:
        raise FlowError("Le bail ne peut précéder l'acceptation de l'offre.")
    updated = replace(current, leased_on=on)
    changed = replace(
        proposal,
        state=ProposalState.BAIL_SIGNE,
        closed_on=on,
        candidates=tuple(updated if c.request_ref == ref else c for c in proposal.candidates),
    )
    return _event(changed, EventKind.BAIL, on, actor, f"Bail signé par {ref}", demande=ref)


def release(proposal: Proposal, ref: str, on: date, actor: str, rules: ProposalRules) -> Proposal:
    """Return the proposal with a request's place freed because it signed a lease elsewhere."""
    if proposal.state.closed:
        raise FlowError("Une proposition close ne change plus.")
    current = proposal.candidate(ref)
    if current is None or current.release_code is not None:
        raise FlowError(f"La demande « {ref} » n'a pas de place à libérer dans cette proposition.")
    code = ReleaseCode.BAIL_SIGNE_AILLEURS
    was_offeree = current.offered
    updated = replace(current, release_code=code)
    if proposal.state is ProposalState.PREPARATION:
        updated = replace(updated, position=None)
    candidates = _renumber([updated if c.request_ref == ref else c for c in proposal.candidates])
    flag = f"{ref} a signé un bail sur un autre logement : sa place est libérée."
    changed = replace(proposal, candidates=candidates, flag=flag)
    if proposal.state is ProposalState.ENVOYEE and not _pending_decisions(changed):
        changed = replace(changed, state=ProposalState.DECIDEE, decided_on=on)
        changed = _offer_next(changed, on, rules)
    elif proposal.state is ProposalState.DECIDEE and was_offeree:
        changed = _offer_next(changed, on, rules)
    return _event(changed, EventKind.LIBERATION, on, actor, flag, demande=ref, motif=code.value)


def next_action(proposal: Proposal, today: date, rules: ProposalRules) -> str:
    """Return, in French, what the advisor has to do next on the proposal."""
    state = proposal.state
    if state is ProposalState.PREPARATION:
        problems = problems_before_sending(proposal, rules)
        return problems[0] if problems else "Envoyer à la CALEOL"
    if state is ProposalState.AJOURNEE:
        return "Renvoyer à une prochaine commission"
    if state is ProposalState.ENVOYEE:
        pending = _pending_decisions(proposal)
        when = proposal.commission_date
        if when is not None and when < today:
            return f"Saisir la décision de la commission du {when:%d/%m/%Y} ({len(pending)} candidat(s))"
        return f"Attendre la commission du {when:%d/%m/%Y}" if when else "Attendre la commission"
    if state is ProposalState.DECIDEE:
        offeree = proposal.offeree
        if offeree is not None and offeree.answer_deadline is not None:
            if offeree.answer_deadline < today:
                return (
                    f"Délai expiré pour {offeree.request_ref} : enregistrer le refus (sans réponse)"
                )
            return (
                f"Réponse de {offeree.request_ref} attendue au {offeree.answer_deadline:%d/%m/%Y}"
            )
        accepted = [
            c for c in proposal.listed if c.answer is Answer.ACCEPTE and c.leased_on is None
        ]
        if accepted:
            return f"Enregistrer le bail de {accepted[0].request_ref}"
        return "Aucune action"
    return "Aucune action (close)"
