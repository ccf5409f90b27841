"""The supervisor's review of proposals: flags, verdicts, sign-offs and the rows of the workspace.

A *flag* is something a supervisor should look at on a proposal (a rank skipped, fewer than
three candidates, a late sending...); flags are computed by ``housingmatch.rules.review`` from
the proposal, its ranking receipt and the rule sets' validity, never stored. A *sign-off* is a
supervisor's verdict on one proposal, with a comment, tied to the audit checkpoint signed with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from housingmatch.domain.proposal import ProposalEvent


class ReviewFlag(StrEnum):
    """What the review draws a supervisor's attention to on a proposal."""

    RANG_SAUTE = "RANG_SAUTE"
    MOINS_DE_TROIS = "MOINS_DE_TROIS"
    ENVOI_TARDIF = "ENVOI_TARDIF"
    DELAI_REPONSE_COURT = "DELAI_REPONSE_COURT"
    CANDIDAT_SUSPENDU_OU_RETIRE = "CANDIDAT_SUSPENDU_OU_RETIRE"
    REGLES_HORS_VIGUEUR = "REGLES_HORS_VIGUEUR"
    RECU_NON_REJOUABLE = "RECU_NON_REJOUABLE"

    @property
    def label(self) -> str:
        """Return the French label."""
        return FLAG_LABELS[self]


FLAG_LABELS: dict[ReviewFlag, str] = {
    ReviewFlag.RANG_SAUTE: "Rang sauté",
    ReviewFlag.MOINS_DE_TROIS: "Moins de trois candidats",
    ReviewFlag.ENVOI_TARDIF: "Envoi après la date limite",
    ReviewFlag.DELAI_REPONSE_COURT: "Délai de réponse inférieur à 10 jours",
    ReviewFlag.CANDIDAT_SUSPENDU_OU_RETIRE: "Candidat suspendu ou désisté",
    ReviewFlag.REGLES_HORS_VIGUEUR: "Règles non en vigueur à la date du classement",
    ReviewFlag.RECU_NON_REJOUABLE: "Reçu de classement non rejouable",
}


@dataclass(frozen=True, slots=True)
class Flag:
    """One flag on a proposal, with a French sentence naming the ranks, the reason, the dates."""

    kind: ReviewFlag
    detail: str


class Verdict(StrEnum):
    """A supervisor's verdict on a proposal."""

    VALIDEE = "VALIDEE"
    A_REVOIR = "A_REVOIR"

    @property
    def label(self) -> str:
        """Return the French label."""
        return "validée" if self is Verdict.VALIDEE else "à revoir"


@dataclass(frozen=True, slots=True)
class SignOff:
    """A supervisor's verdict on a proposal, tied to the audit checkpoint signed with it."""

    proposal_id: int
    verdict: Verdict
    comment: str
    by: str
    at: datetime
    checkpoint_hash: str
    id: int | None = None


@dataclass(frozen=True, slots=True)
class ReviewFilter:
    """What the review lists (None: any). ``start``/``end`` bound the creation date, inclusive."""

    start: date | None = None
    end: date | None = None
    advisor: str | None = None
    landlord: str | None = None
    commune: str | None = None
    flag: ReviewFlag | None = None
    priority_group: str | None = None


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One proposal as the review workspace lists it."""

    proposal_id: int
    unit_ref: str
    landlord: str
    commune: str
    advisor: str
    created_on: date
    sent_on: date | None
    state: str
    candidates: int
    flags: tuple[Flag, ...]
    priority_groups: tuple[str, ...]
    sign_off: SignOff | None
    deviation: str = ""  # "code label : text" when the proposal records a deviation

    @property
    def flag_kinds(self) -> tuple[ReviewFlag, ...]:
        """Return the kinds of the row's flags, in order."""
        return tuple(f.kind for f in self.flags)


@dataclass(frozen=True, slots=True)
class RankedLine:
    """One line of the receipt's ranking of the day, beside the proposal's choice."""

    rank: int
    request_ref: str
    score: float
    parts: tuple[tuple[str, float], ...]  # (French part label, points), in display order
    chosen: bool
    position: int | None
    note: str  # why a better-ranked request is not chosen (withdrawal, release...), or ""


@dataclass(frozen=True, slots=True)
class ReviewDetail:
    """One proposal in full for the review.

    ``replay`` is the ``services.replay.ReplayReport`` of the receipt (None without receipt);
    ``audit`` holds ``services.audit.AuditRow`` items (the proposal's entries, oldest first).
    """

    row: ReviewRow
    ranking: tuple[RankedLine, ...]
    above_chosen: tuple[str, ...]
    replay: Any
    timeline: tuple[ProposalEvent, ...]
    audit: tuple[Any, ...]
    sign_offs: tuple[SignOff, ...]
    ranking_date: date | None = None
    ruleset_hash: str = ""
