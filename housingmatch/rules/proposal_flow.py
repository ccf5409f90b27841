"""The life of a proposal as rules: which transition is valid in which state, and its effect.

Each transition is a pure function taking a :class:`Proposal` and returning the new one with
one more event; an invalid transition raises :class:`FlowError` with one French sentence and
changes nothing. Services load the proposal, call one of these and store the result.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from functools import cache

from housingmatch.domain.proposal import (
    Answer,
    Candidate,
    ContactOutcome,
    Decision,
    DeviationCode,
    EventKind,
    ExceptionCode,
    NonAttributionCode,
    Proposal,
    ProposalEvent,
    ProposalState,
    RefusalReason,
    ReleaseCode,
    WithdrawalCode,
)
from housingmatch.errors import UserError


class FlowError(UserError):
    """A transition that is not valid for the proposal; nothing was changed."""


class DeviationReasonNeeded(FlowError):
    """Better-ranked candidates are left out and no coded reason with a text was given."""

    def __init__(self, skipped: list[int]) -> None:
        """Keep the skipped ranks and say which in French."""
        self.skipped = skipped
        ranks = ", ".join(map(str, skipped))
        super().__init__(
            f"Des candidats mieux classés ne sont pas retenus (rang {ranks}) : "
            "indiquez le motif codé et le texte de l'écart au classement."
        )


@dataclass(frozen=True, slots=True)
class ProposalRules:
    """The rule-set data of the workflow (defaults when the rule set has no [proposals])."""

    min_candidates: int = 3
    max_candidates: int = 5
    answer_days: int = 10
    park_days: int = 30
    proposal_delay_months: int = 1
    at_risk_days: int = 7


class FlowAction(StrEnum):
    """What an advisor can do to a proposal."""

    EDIT = "EDIT"
    CONTACT = "CONTACT"
    SEND = "SEND"
    ADJOURN = "ADJOURN"
    DECIDE = "DECIDE"
    ANSWER = "ANSWER"
    LEASE = "LEASE"

    @property
    def label(self) -> str:
        """Return the French label (a button's text)."""
        return ACTION_LABELS[self]


ACTION_LABELS: dict[FlowAction, str] = {
    FlowAction.EDIT: "Modifier la liste",
    FlowAction.CONTACT: "Enregistrer un contact",
    FlowAction.SEND: "Envoyer à la CALEOL",
    FlowAction.ADJOURN: "Ajourner",
    FlowAction.DECIDE: "Enregistrer la décision",
    FlowAction.ANSWER: "Enregistrer la réponse",
    FlowAction.LEASE: "Enregistrer le bail",
}

#: Which action is valid in which state.
ALLOWED: dict[ProposalState, frozenset[FlowAction]] = {
    ProposalState.PREPARATION: frozenset({FlowAction.EDIT, FlowAction.CONTACT, FlowAction.SEND}),
    ProposalState.ENVOYEE: frozenset({FlowAction.DECIDE, FlowAction.ADJOURN}),
    ProposalState.AJOURNEE: frozenset({FlowAction.SEND}),
    ProposalState.DECIDEE: frozenset({FlowAction.ANSWER, FlowAction.LEASE}),
    ProposalState.BAIL_SIGNE: frozenset(),
    ProposalState.SANS_SUITE: frozenset(),
}

_REFUSALS: dict[FlowAction, str] = {
    FlowAction.EDIT: "la liste ne se modifie plus une fois la proposition envoyée",
    FlowAction.CONTACT: "les contacts s'enregistrent avant l'envoi à la CALEOL",
    FlowAction.SEND: "seule une proposition en préparation ou ajournée peut être envoyée",
    FlowAction.ADJOURN: "seule une proposition envoyée, sans décision, peut être ajournée",
    FlowAction.DECIDE: (
        "la décision de la CALEOL s'enregistre sur une proposition envoyée (et pas encore décidée)"
    ),
    FlowAction.ANSWER: "la réponse d'un candidat suit la décision de la CALEOL",
    FlowAction.LEASE: "un bail suit la décision de la CALEOL et l'acceptation du candidat",
}


def check_action(proposal: Proposal, action: FlowAction) -> None:
    """Raise FlowError in French unless ``action`` is valid in the proposal's state."""
    if action not in ALLOWED[proposal.state]:
        raise FlowError(
            f"Action impossible : la proposition {proposal.id or ''} est « "
            f"{proposal.state.label} » et {_REFUSALS[action]}.".replace("  ", " ")
        )


def allowed_actions(proposal: Proposal) -> tuple[FlowAction, ...]:
    """Return the actions valid in the proposal's state, in display order."""
    return tuple(a for a in FlowAction if a in ALLOWED[proposal.state])


# -- dates -----------------------------------------------------------------------------
@cache
def _french_holidays(year: int) -> frozenset[date]:
    import holidays  # loaded on first use: building the command line must stay instant

    return frozenset(holidays.France(years=year).keys())


def is_working_day(day: date) -> bool:
    """Return whether a day is neither a weekend nor a French public holiday."""
    return day.weekday() < 5 and day not in _french_holidays(day.year)


def answer_deadline(notified_on: date, days: int = 10) -> date:
    """Return the last day to answer an offer notified on ``notified_on`` (CCH R441-10).

    The delay counts from the day after notification (CPC art. 641) and a deadline falling
    on a weekend or public holiday is carried to the next working day (CPC art. 642).
    """
    if days < 10:
        raise FlowError("Le délai de réponse à une offre ne peut être inférieur à 10 jours.")
    deadline = notified_on + timedelta(days=days)
    while not is_working_day(deadline):
        deadline += timedelta(days=1)
    return deadline


def add_months(day: date, months: int) -> date:
    """Return the same day ``months`` later (the month's last day when it has fewer days)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def unit_proposal_deadline(notice_on: date, explicit: date | None, months: int = 1) -> date:
    """Return the date by which candidates must be proposed for a vacant unit (brief §1.5)."""
    return explicit if explicit is not None else add_months(notice_on, months)


# -- the ordered list ------------------------------------------------------------------------
def skipped_ranks(proposal: Proposal) -> list[int]:
    """Return the engine ranks above the lowest listed one that nothing in the proposal explains.

    A rank is explained when its candidate is listed, or kept with a withdrawal, an
    unreachable contact or a release (the gap is justified by that record).
    """
    listed = [c.engine_rank for c in proposal.listed if c.engine_rank is not None]
    if not listed:
        return []
    explained = {c.engine_rank for c in proposal.candidates if c.engine_rank is not None}
    return [r for r in range(1, max(listed) + 1) if r not in explained]


def _unexplained_gap(proposal: Proposal) -> list[int]:
    skipped = skipped_ranks(proposal)
    if skipped and (proposal.deviation_code is None or not (proposal.deviation_text or "")):
        return skipped
    return []


def _event(
    proposal: Proposal,
    kind: EventKind,
    on: date,
    actor: str,
    summary: str,
    **details: object,
) -> Proposal:
    event = ProposalEvent(kind, on, actor, summary, dict(details))
    return replace(proposal, events=(*proposal.events, event))


def _renumber(candidates: Sequence[Candidate]) -> tuple[Candidate, ...]:
    listed = sorted((c for c in candidates if c.listed), key=lambda c: c.position or 0)
    places = {c.request_ref: i for i, c in enumerate(listed, start=1)}
    return tuple(replace(c, position=places[c.request_ref]) if c.listed else c for c in candidates)


def _justified(proposal: Proposal, code: DeviationCode | None, text: str | None) -> Proposal:
    text = (text or "").strip() or None
    if code is None and text is None:
        return proposal
    if code is None:
        raise FlowError("Le motif de l'écart au classement doit être choisi dans la liste codée.")
    if text is None:
        raise FlowError("Le motif de l'écart au classement doit être précisé par un texte.")
    return replace(proposal, deviation_code=code, deviation_text=text)


def _checked_list(proposal: Proposal, rules: ProposalRules) -> Proposal:
    listed = proposal.listed
    refs = [c.request_ref for c in proposal.candidates]
    if len(set(refs)) != len(refs):
        raise FlowError("Un même candidat ne peut figurer deux fois dans une proposition.")
    if len(listed) > rules.max_candidates:
        raise FlowError(
            f"Une proposition compte au plus {rules.max_candidates} candidats "
            "(maximum des règles en vigueur)."
        )
    gap = _unexplained_gap(proposal)
    if gap:
        raise DeviationReasonNeeded(gap)
    return proposal


def create(
    unit_ref: str,
    entries: Sequence[tuple[str, int | None]],
    on: date,
    ranking_date: date,
    ruleset_hash: str,
    actor: str,
    rules: ProposalRules,
    exception: ExceptionCode | None = None,
    deviation_code: DeviationCode | None = None,
    deviation_text: str | None = None,
) -> Proposal:
    """Return a new proposal in preparation with these candidates (ref, engine rank), in order."""
    if not entries:
        raise FlowError("Une proposition compte au moins un candidat.")
    proposal = Proposal(
        id=None,
        unit_ref=unit_ref,
        state=ProposalState.PREPARATION,
        created_on=on,
        ranking_date=ranking_date,
        ruleset_hash=ruleset_hash,
        advisor=actor,
        candidates=tuple(Candidate(ref, i, rank) for i, (ref, rank) in enumerate(entries, start=1)),
        exception=exception,
    )
    proposal = _checked_list(_justified(proposal, deviation_code, deviation_text), rules)
    return _event(
        proposal,
        EventKind.CREATION,
        on,
        actor,
        f"Proposition préparée : {len(entries)} candidat(s)",
        candidats=[ref for ref, _ in entries],
        rangs_moteur=[rank for _, rank in entries],
        exception=exception.value if exception else None,
        ecart=proposal.deviation_code.value if proposal.deviation_code else None,
    )


def add_candidate(
    proposal: Proposal,
    ref: str,
    engine_rank: int | None,
    on: date,
    actor: str,
    rules: ProposalRules,
    deviation_code: DeviationCode | None = None,
    deviation_text: str | None = None,
) -> Proposal:
    """Return the proposal with a candidate added at the end of the list."""
    check_action(proposal, FlowAction.EDIT)
    existing = proposal.candidate(ref)
    if existing is not None:
        if existing.listed:
            raise FlowError(f"La demande « {ref} » figure déjà dans la proposition.")
        raise FlowError(
            f"La demande « {ref} » a quitté cette proposition ({_why_out(existing)}) : "
            "elle ne peut y revenir."
        )
    place = len(proposal.listed) + 1
    changed = replace(
        proposal, candidates=(*proposal.candidates, Candidate(ref, place, engine_rank))
    )
    changed = _checked_list(_justified(changed, deviation_code, deviation_text), rules)
    return _event(
        changed, EventKind.AJOUT, on, actor, f"{ref} ajouté en position {place}", demande=ref
    )


def _why_out(candidate: Candidate) -> str:
    if candidate.release_code is not None:
        return candidate.release_code.label.lower()
    if candidate.contact is not None:
        return candidate.contact.label.lower()
    return "retirée"


def remove_candidate(
    proposal: Proposal,
    ref: str,
    on: date,
    actor: str,
    rules: ProposalRules,
    deviation_code: DeviationCode | None = None,
    deviation_text: str | None = None,
) -> Proposal:
    """Return the proposal without this candidate (kept on record when contacted)."""
    check_action(proposal, FlowAction.EDIT)
    current = proposal.candidate(ref)
    if current is None or not current.listed:
        raise FlowError(f"La demande « {ref} » n'est pas dans la liste de la proposition.")
    if current.contact is None:
        rest = tuple(c for c in proposal.candidates if c.request_ref != ref)
    else:  # its contact outcome stays on record and justifies the gap
        rest = tuple(
            replace(c, position=None) if c.request_ref == ref else c for c in proposal.candidates
        )
    changed = replace(proposal, candidates=_renumber(rest))
    changed = _checked_list(_justified(changed, deviation_code, deviation_text), rules)
    return _event(changed, EventKind.RETRAIT, on, actor, f"{ref} retiré de la liste", demande=ref)


def move_candidate(proposal: Proposal, ref: str, delta: int, on: date, actor: str) -> Proposal:
    """Return the proposal with a candidate moved up (delta < 0) or down the list."""
    check_action(proposal, FlowAction.EDIT)
    order = [c.request_ref for c in proposal.listed]
    if ref not in order:
        raise FlowError(f"La demande « {ref} » n'est pas dans la liste de la proposition.")
    i = order.index(ref)
    j = i + delta
    if not 0 <= j < len(order):
        raise FlowError(
            f"La demande « {ref} » est déjà {'en tête' if delta < 0 else 'en fin'} de liste."
        )
    order.insert(j, order.pop(i))
    places = {r: k for k, r in enumerate(order, start=1)}
    candidates = tuple(
        replace(c, position=places[c.request_ref]) if c.listed else c for c in proposal.candidates
    )
    changed = replace(proposal, candidates=candidates)
    return _event(
        changed, EventKind.ORDRE, on, actor, f"{ref} passe en position {j + 1}", ordre=order
    )


def justify(
    proposal: Proposal,
    on: date,
    actor: str,
    exception: ExceptionCode | None,
    deviation_code: DeviationCode | None,
    deviation_text: str | None,
) -> Proposal:
    """Return the proposal with its R441-3 exception and deviation reason set."""
    check_action(proposal, FlowAction.EDIT)
    changed = replace(proposal, exception=exception)
    changed = _justified(changed, deviation_code, deviation_text)
    return _event(
        changed,
        EventKind.JUSTIFICATION,
        on,
        actor,
        "Justification enregistrée",
        exception=exception.value if exception else None,
        ecart=changed.deviation_code.value if changed.deviation_code else None,
    )


def record_contact(
    proposal: Proposal,
    ref: str,
    outcome: ContactOutcome,
    on: date,
    actor: str,
    rules: ProposalRules,
    withdrawal_code: WithdrawalCode | None = None,
    replacement: tuple[str, int | None] | None = None,
) -> Proposal:
    """Return the proposal with a candidate's contact outcome.

    A candidate who withdraws leaves the list (kept on record: the withdrawal justifies the
    gap) and ``replacement``, the next ranked request, joins it at the end.
    """
    check_action(proposal, FlowAction.CONTACT)
    current = proposal.candidate(ref)
    if current is None or not current.listed:
        raise FlowError(f"La demande « {ref} » n'est pas dans la liste de la proposition.")
    if outcome is ContactOutcome.DESISTE and withdrawal_code is None:
        raise FlowError("Un désistement s'enregistre avec son motif codé.")
    if outcome is not ContactOutcome.DESISTE and withdrawal_code is not None:
        raise FlowError("Un motif de désistement ne s'enregistre qu'avec un désistement.")
    updated = replace(current, contact=outcome, withdrawal_code=withdrawal_code)
    if outcome is ContactOutcome.DESISTE:
        updated = replace(updated, position=None)
    candidates = [updated if c.request_ref == ref else c for c in proposal.candidates]
    summary = f"{ref} : {outcome.label.lower()}"
    if outcome is ContactOutcome.DESISTE and replacement is not None:
        new_ref, rank = replacement
        if proposal.candidate(new_ref) is None:
            candidates.append(Candidate(new_ref, 10_000, rank))
            summary += f", remplacé par {new_ref} (rang {rank})"
    changed = replace(proposal, candidates=_renumber(candidates))
    changed = _checked_list(changed, rules)
    return _event(
        changed,
        EventKind.CONTACT,
        on,
        actor,
        summary,
        demande=ref,
        resultat=outcome.value,
        motif=withdrawal_code.value if withdrawal_code else None,
        remplacant=replacement[0] if outcome is ContactOutcome.DESISTE and replacement else None,
    )


def problems_before_sending(
    proposal: Proposal, rules: ProposalRules, eligible_count: int | None = None
) -> list[str]:
    """Return, in French, what keeps the proposal from being sent (empty when it can be)."""
    if FlowAction.SEND not in ALLOWED[proposal.state]:
        return [f"La proposition est « {proposal.state.label} »."]
    problems = []
    listed = proposal.listed
    if not listed:
        problems.append("La liste ne compte aucun candidat.")
    if len(listed) < rules.min_candidates and proposal.exception is None:
        problems.append(
            f"La liste compte {len(listed)} candidat(s) : il en faut au moins "
            f"{rules.min_candidates} (CCH R441-3), sauf exception enregistrée (nombre "
            "insuffisant de candidats, désignation DALO par le préfet, PLAI adapté)."
        )
    if (
        proposal.exception is ExceptionCode.INSUFFISANCE
        and eligible_count is not None
        and eligible_count >= rules.min_candidates
        and len(listed) < rules.min_candidates
    ):
        problems.append(
            f"L'exception « nombre insuffisant » ne vaut pas : {eligible_count} demandes sont "
            "éligibles à ce logement."
        )
    if len(listed) > rules.max_candidates:
        problems.append(f"La liste dépasse le maximum de {rules.max_candidates} candidats.")
    gap = _unexplained_gap(proposal)
    if gap:
        problems.append(
            f"Des candidats mieux classés ne sont pas retenus (rang {', '.join(map(str, gap))}) "
            "sans motif d'écart."
        )
    for c in listed:
        if c.release_code is not None:
            problems.append(f"{c.request_ref} a signé un bail ailleurs : retirez-le de la liste.")
        elif c.contact is None:
            problems.append(f"Le contact de {c.request_ref} n'est pas enregistré.")
        elif c.contact is ContactOutcome.INJOIGNABLE:
            problems.append(f"{c.request_ref} est injoignable : joignez-le ou retirez-le.")
    return problems


def send(
    proposal: Proposal,
    on: date,
    commission_date: date,
    actor: str,
    rules: ProposalRules,
    eligible_count: int | None = None,
) -> Proposal:
    """Return the proposal sent to the CALEOL on ``on`` for its commission of ``commission_date``."""
    check_action(proposal, FlowAction.SEND)
    problems = problems_before_sending(proposal, rules, eligible_count)
    if problems:
        raise FlowError("La proposition ne peut pas être envoyée : " + problems[0])
    if commission_date < on:
        raise FlowError("La date de la commission ne peut précéder la date d'envoi.")
    again = proposal.state is ProposalState.AJOURNEE
    changed = replace(
        proposal, state=ProposalState.ENVOYEE, sent_on=on, commission_date=commission_date
    )
    return _event(
        changed,
        EventKind.ENVOI,
        on,
        actor,
        f"{'Nouvel envoi' if again else 'Envoyée'} à la CALEOL du {commission_date:%d/%m/%Y}",
        commission=commission_date.isoformat(),
        candidats=[c.request_ref for c in proposal.listed],
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
