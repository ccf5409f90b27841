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
    Candidate,
    ContactOutcome,
    DeviationCode,
    EventKind,
    ExceptionCode,
    Proposal,
    ProposalEvent,
    ProposalState,
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
