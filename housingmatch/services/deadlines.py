"""Deadlines of the commission workflow for the dashboard, each with the next action."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from housingmatch.domain.model import UnitStatus
from housingmatch.domain.proposal import ProposalState
from housingmatch.domain.session import Session
from housingmatch.rules import proposal_flow as flow
from housingmatch.rules.permissions import Action, require
from housingmatch.services import proposals as svc
from housingmatch.store import Store


class DeadlineKind(StrEnum):
    """Which list a deadline belongs to."""

    UNIT_AT_RISK = "UNIT_AT_RISK"
    DECISION_MISSING = "DECISION_MISSING"
    ANSWER_DUE = "ANSWER_DUE"
    UNIT_DEADLINE = "UNIT_DEADLINE"

    @property
    def label(self) -> str:
        """Return the French label."""
        return {
            DeadlineKind.UNIT_AT_RISK: "Logement en risque de perte",
            DeadlineKind.DECISION_MISSING: "Commission sans décision saisie",
            DeadlineKind.ANSWER_DUE: "Réponse attendue",
            DeadlineKind.UNIT_DEADLINE: "Date limite de proposition",
        }[self]


@dataclass(frozen=True, slots=True)
class DeadlineItem:
    """One line of the dashboard's deadlines."""

    kind: DeadlineKind
    unit_ref: str
    due: date
    next_action: str
    proposal_id: int | None = None
    request_ref: str | None = None


def proposal_deadlines(store: Store, session: Session, on: date) -> list[DeadlineItem]:
    """Return the workflow's deadlines on a date, most urgent list first, then by date.

    A unit's deadline is its notice date (the day it was recorded) plus the convention's
    delay (rule set, default one month) unless the unit states its own; a unit is at risk
    when no proposal was sent and that deadline falls within the rule set's days.
    """
    require(session, Action.READ)
    rules = svc.proposal_rules(store)
    notices = store.proposals.unit_notice_dates()
    proposals = store.proposals.all()
    by_unit: dict[str, list] = {}
    for p in proposals:
        by_unit.setdefault(p.unit_ref, []).append(p)
    items: list[DeadlineItem] = []
    for unit in store.units.all():
        if unit.status not in (UnitStatus.OUVERT, UnitStatus.PROPOSE):
            continue
        notice = notices.get(unit.ref, on)
        due = flow.unit_proposal_deadline(
            notice, unit.proposal_deadline, rules.proposal_delay_months
        )
        mine = by_unit.get(unit.ref, [])
        sent = any(p.sent_on is not None and p.state is not ProposalState.SANS_SUITE for p in mine)
        if sent:
            continue
        preparing = next((p for p in mine if p.state is ProposalState.PREPARATION), None)
        if preparing is not None:
            action = f"Proposition n° {preparing.id} : {svc.next_action(store, preparing, on)}"
        else:
            action = "Classer les candidats et préparer la proposition"
        at_risk = due <= on + timedelta(days=rules.at_risk_days)
        kind = DeadlineKind.UNIT_AT_RISK if at_risk else DeadlineKind.UNIT_DEADLINE
        items.append(DeadlineItem(kind, unit.ref, due, action, preparing.id if preparing else None))
    for p in proposals:
        if p.state is ProposalState.ENVOYEE and p.commission_date and p.commission_date < on:
            items.append(DeadlineItem(DeadlineKind.DECISION_MISSING, p.unit_ref, p.commission_date,
                                      svc.next_action(store, p, on), p.id))  # fmt: skip
        offeree = p.offeree if p.state is ProposalState.DECIDEE else None
        if offeree is not None and offeree.answer_deadline is not None:
            items.append(DeadlineItem(DeadlineKind.ANSWER_DUE, p.unit_ref, offeree.answer_deadline,
                                      svc.next_action(store, p, on), p.id, offeree.request_ref))  # fmt: skip
    order = list(DeadlineKind)
    items.sort(key=lambda i: (order.index(i.kind), i.due, i.unit_ref))
    return items
