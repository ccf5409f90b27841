"""The review's flags and explanations: pure functions over a proposal and the facts around it.

The services gather the facts (the receipt's ranking, the replay's differences, the unit's
deadline, the rule set in force on the ranking date, the requests' states); these functions
only decide what a supervisor should look at, and say it in French.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from housingmatch.domain.proposal import (
    DEVIATION_LABELS,
    EXCEPTION_LABELS,
    ContactOutcome,
    EventKind,
    Proposal,
)
from housingmatch.domain.review import Flag, RankedLine, ReviewFlag

#: The answer delay the law gives a candidate (CCH R441-10): ten days at least.
MIN_ANSWER_DAYS = 10
#: The candidates a proposal must count, save an exception (CCH R441-3).
MIN_CANDIDATES = 3


@dataclass(frozen=True, slots=True)
class ReviewFacts:
    """What the services know around a proposal, for its flags.

    ``in_force_hash`` is the rule set in force on the ranking date (None: none was);
    ``ruleset_names`` names rule sets by hash; ``replay_differences`` is None when the receipt
    was not replayed, ``replay_error`` when it could not be (no receipt, unreadable);
    ``closed_requests`` maps the listed candidates whose request is closed to the reason.
    """

    unit_deadline: date | None = None
    in_force_hash: str | None = None
    ruleset_names: Mapping[str, str] = field(default_factory=dict)
    replay_differences: Sequence[str] | None = None
    replay_error: str | None = None
    closed_requests: Mapping[str, str] = field(default_factory=dict)
    min_candidates: int = MIN_CANDIDATES


def _day(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else "—"


def _points(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ranks(ranks: Sequence[int]) -> str:
    words = [str(r) for r in ranks]
    if len(words) == 1:
        return f"rang {words[0]}"
    return f"rangs {', '.join(words[:-1])} et {words[-1]}"


def deviation_reason(proposal: Proposal) -> str:
    """Return the proposal's recorded deviation as "label : text", or a French "none"."""
    if proposal.deviation_code is None:
        return "aucun motif enregistré"
    text = (proposal.deviation_text or "").strip().rstrip(".")
    label = DEVIATION_LABELS[proposal.deviation_code]
    return f"{label} : {text}" if text else label


def sent_list(proposal: Proposal) -> tuple[str, ...]:
    """Return the candidates as sent to the CALEOL (the last sending), else the current list."""
    for event in reversed(proposal.events):
        sent = event.details.get("candidats")
        if event.kind is EventKind.ENVOI and isinstance(sent, list):
            return tuple(str(r) for r in sent)
    return tuple(c.request_ref for c in proposal.listed)


def skipped_by_choice(proposal: Proposal) -> list[int]:
    """Return the engine ranks above the lowest chosen one that no record of the proposal explains.

    A rank is explained when its candidate is listed or kept with a withdrawal, an
    unreachable contact or a release (those appear under their own flag).
    """
    chosen = [c.engine_rank for c in proposal.candidates if c.engine_rank is not None and (
        c.listed or c.request_ref in sent_list(proposal))]  # fmt: skip
    if not chosen:
        return []
    explained = {c.engine_rank for c in proposal.candidates if c.engine_rank is not None}
    return [r for r in range(1, max(chosen) + 1) if r not in explained]


def rank_skipped(proposal: Proposal) -> Flag | None:
    """Flag better-ranked requests left out by the advisor's choice, with the recorded reason."""
    skipped = skipped_by_choice(proposal)
    if not skipped:
        return None
    return Flag(
        ReviewFlag.RANG_SAUTE,
        f"{_upper_first(_ranks(skipped))} du classement du {_day(proposal.ranking_date)} non "
        f"retenu{'s' if len(skipped) > 1 else ''} ; motif : {deviation_reason(proposal)}.",
    )


def fewer_than_three(proposal: Proposal, minimum: int = MIN_CANDIDATES) -> Flag | None:
    """Flag a list of fewer candidates than the law asks, naming the exception recorded."""
    count = len(sent_list(proposal))
    if count >= minimum:
        return None
    exception = (
        f"exception : {EXCEPTION_LABELS[proposal.exception]}"
        if proposal.exception is not None
        else "aucune exception enregistrée"
    )
    return Flag(
        ReviewFlag.MOINS_DE_TROIS,
        f"{count} candidat{'s' if count > 1 else ''} "
        f"{'proposé' if count <= 1 else 'proposés'} au lieu de {minimum} ; {exception}.",
    )


def late_sending(proposal: Proposal, deadline: date | None) -> Flag | None:
    """Flag a proposal sent to the CALEOL after the unit's proposal deadline."""
    if proposal.sent_on is None or deadline is None or proposal.sent_on <= deadline:
        return None
    late = (proposal.sent_on - deadline).days
    return Flag(
        ReviewFlag.ENVOI_TARDIF,
        f"Envoyée le {_day(proposal.sent_on)}, après la date limite de proposition du "
        f"{_day(deadline)} ({late} jour{'s' if late > 1 else ''} de retard).",
    )


def short_answer_delay(proposal: Proposal, minimum: int = MIN_ANSWER_DAYS) -> Flag | None:
    """Flag an offer whose answer deadline leaves the candidate fewer than ten days."""
    short = []
    for c in proposal.candidates:
        if c.notified_on is None or c.answer_deadline is None:
            continue
        days = (c.answer_deadline - c.notified_on).days
        if days < minimum:
            short.append(
                f"{c.request_ref} avisé le {_day(c.notified_on)}, réponse attendue au "
                f"{_day(c.answer_deadline)} ({days} jour{'s' if days > 1 else ''})"
            )
    if not short:
        return None
    return Flag(
        ReviewFlag.DELAI_REPONSE_COURT,
        f"Délai de réponse inférieur à {minimum} jours : {' ; '.join(short)}.",
    )


def parked_or_withdrawn(
    proposal: Proposal, closed_requests: Mapping[str, str] | None = None
) -> Flag | None:
    """Flag candidates who withdrew, were unreachable, were parked, or whose request closed."""
    notes = []
    for c in proposal.candidates:
        if c.contact is ContactOutcome.DESISTE or c.withdrawal_code is not None:
            why = c.withdrawal_code.label.lower() if c.withdrawal_code else "sans motif"
            rank = f" (rang {c.engine_rank})" if c.engine_rank is not None else ""
            notes.append(f"{c.request_ref}{rank} s'est désisté : {why}")
        elif c.contact is ContactOutcome.INJOIGNABLE and not c.listed:
            notes.append(f"{c.request_ref} injoignable, retiré de la liste")
        if c.parked_until is not None:
            notes.append(f"{c.request_ref} mis en attente jusqu'au {_day(c.parked_until)}")
    listed = set(sent_list(proposal))
    for ref, reason in sorted((closed_requests or {}).items()):
        if ref in listed:
            notes.append(f"la demande {ref} est close ({reason})")
    if not notes:
        return None
    return Flag(ReviewFlag.CANDIDAT_SUSPENDU_OU_RETIRE, _upper_first(" ; ".join(notes)) + ".")


def rules_not_in_force(
    proposal: Proposal, in_force_hash: str | None, names: Mapping[str, str] | None = None
) -> Flag | None:
    """Flag a ranking made with a rule set other than the one in force on its date."""
    if in_force_hash is not None and proposal.ruleset_hash == in_force_hash:
        return None
    names = names or {}
    used = names.get(proposal.ruleset_hash, proposal.ruleset_hash[:12])
    if in_force_hash is None:
        then = "aucun jeu de règles approuvé n'était en vigueur ce jour-là"
    else:
        then = f"les règles en vigueur ce jour-là étaient {names.get(in_force_hash, in_force_hash[:12])}"
    return Flag(
        ReviewFlag.REGLES_HORS_VIGUEUR,
        f"Classement du {_day(proposal.ranking_date)} fait avec les règles {used} ; {then}.",
    )


def not_replayable(differences: Sequence[str] | None, error: str | None) -> Flag | None:
    """Flag a receipt that is missing, unreadable, or no longer gives the ranking it kept."""
    if error:
        return Flag(ReviewFlag.RECU_NON_REJOUABLE, error)
    if not differences:
        return None
    shown = "; ".join(differences[:3])
    more = f" (et {len(differences) - 3} autres)" if len(differences) > 3 else ""
    return Flag(
        ReviewFlag.RECU_NON_REJOUABLE,
        f"Le reçu rejoué ne redonne pas le classement conservé : {shown}{more}.",
    )


def review_flags(proposal: Proposal, facts: ReviewFacts) -> tuple[Flag, ...]:
    """Return every flag of a proposal, in the order of :class:`ReviewFlag`."""
    found = (
        rank_skipped(proposal),
        fewer_than_three(proposal, facts.min_candidates),
        late_sending(proposal, facts.unit_deadline),
        short_answer_delay(proposal),
        parked_or_withdrawn(proposal, facts.closed_requests),
        rules_not_in_force(proposal, facts.in_force_hash, facts.ruleset_names),
        not_replayable(facts.replay_differences, facts.replay_error),
    )
    return tuple(f for f in found if f is not None)


# -- the ranking of the day beside the choice ------------------------------------------------
RankedTuple = tuple[str, int, float, tuple[float, ...]]


def _note(proposal: Proposal, ref: str) -> str:
    c = proposal.candidate(ref)
    if c is None:
        return f"non retenu ; motif : {deviation_reason(proposal)}"
    if c.withdrawal_code is not None or c.contact is ContactOutcome.DESISTE:
        why = c.withdrawal_code.label.lower() if c.withdrawal_code else "sans motif"
        return f"désisté : {why}"
    if c.release_code is not None:
        return c.release_code.label.lower()
    if c.contact is ContactOutcome.INJOIGNABLE and not c.listed:
        return "injoignable, retiré de la liste"
    if not c.listed:
        return "retiré de la liste"
    return ""


def ranking_lines(
    proposal: Proposal,
    ranked: Sequence[RankedTuple],
    part_labels: Sequence[str],
    below: int = 3,
) -> tuple[RankedLine, ...]:
    """Return the receipt's ranking down to ``below`` lines after the lowest chosen request."""
    chosen = set(sent_list(proposal)) | {c.request_ref for c in proposal.listed}
    positions = {c.request_ref: c.position for c in proposal.candidates}
    last = max((i for i, r in enumerate(ranked) if r[0] in chosen), default=-1)
    out = []
    for ref, rank, score, parts in ranked[: max(last + 1 + below, below)]:
        is_chosen = ref in chosen
        above_last = last >= 0 and rank < ranked[last][1]
        out.append(
            RankedLine(
                rank=rank,
                request_ref=ref,
                score=score,
                parts=tuple(zip(part_labels, parts, strict=False)),
                chosen=is_chosen,
                position=positions.get(ref) if is_chosen else None,
                note="" if is_chosen or not above_last else _note(proposal, ref),
            )
        )
    return tuple(out)


def above_chosen(lines: Sequence[RankedLine]) -> tuple[str, ...]:
    """Return, for each chosen request, who ranked above it unchosen and by which parts."""
    out = []
    for line in lines:
        if not line.chosen:
            continue
        for above in lines:
            if above.rank >= line.rank or above.chosen:
                continue
            mine = dict(line.parts)
            gaps = [
                (label, points - mine.get(label, 0.0))
                for label, points in above.parts
                if abs(points - mine.get(label, 0.0)) >= 0.05
            ]
            gaps.sort(key=lambda g: -g[1])
            parts = ", ".join(
                f"{label.lower()} {'+' if gap > 0 else '−'}{_points(abs(gap))}"
                for label, gap in gaps
            )
            why = f" ; {above.note}" if above.note else ""
            out.append(
                f"{above.request_ref} (rang {above.rank}, {_points(above.score)} pts) est classé "
                f"au-dessus de {line.request_ref} (rang {line.rank}, {_points(line.score)} pts) : "
                f"{parts or 'mêmes points, départagés par la règle d’égalité du classement'}{why}."
            )
    return tuple(out)
