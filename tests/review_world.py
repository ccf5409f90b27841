"""Proposals for the review's tests, built through the real workflow services, dated in the past.

``build`` makes one proposal per situation the review flags (and a clean one), each on its own
unit, by two advisors; it returns their ids by name.
"""

from __future__ import annotations

from datetime import date, timedelta

from housingmatch.domain.proposal import (
    ContactOutcome,
    Decision,
    DeviationCode,
    ExceptionCode,
    NonAttributionCode,
    RefusalReason,
    WithdrawalCode,
)
from housingmatch.domain.session import Role
from housingmatch.services import matching
from housingmatch.services import proposals as svc
from housingmatch.store import Store
from tests.builders import ADVISOR, make_request, make_session, make_unit

ON = date(2026, 6, 15)
COMMISSION = date(2026, 6, 25)
OTHER = make_session(Role.CONSEILLER, "conseil2")
UNITS = {
    "clean": "LOG-0001",
    "skipped": "LOG-0002",
    "fewer": "LOG-0003",
    "late": "LOG-0004",
    "withdrawn": "LOG-0005",
    "old_rules": "LOG-0006",
    "other": "LOG-0007",
}


def fill(store: Store) -> None:
    """Store the units and twelve requests (ranked by their tie-breaker)."""
    for name, ref in UNITS.items():
        extra = {"proposal_deadline": date(2026, 6, 10)} if name == "late" else {}
        landlord = "Autre Bailleur" if name == "other" else "Exemple Habitat"
        store.units.save(make_unit(ref, landlord=landlord, **extra), "test")
    store.requests.save_many(
        [make_request(f"D{i:02d}", tie_breaker=i, filing_date=date(2025, 9, 1))
         for i in range(1, 13)],
        "test",
        "essai",
    )  # fmt: skip


def _top(store: Store, unit: str, on: date, n: int = 6) -> list[str]:
    return [c.ref for c in matching.rank_unit(store, ADVISOR, unit, on).top(n)]


def _send(store, session, pid, on=ON, commission=COMMISSION):
    p = svc.get_proposal(store, session, pid)
    for c in p.listed:
        if c.contact is None:
            svc.record_contact(store, session, pid, c.request_ref, ContactOutcome.JOINT, on=on)
    return svc.send_proposal(store, session, pid, commission, on=on)


def _lease(store, session, p, on=COMMISSION):
    """Decide (first attributed, the others not), the first accepts, the lease is signed."""
    first, *others = [c.request_ref for c in p.listed]
    p = svc.record_decision(store, session, p.id, first, Decision.ATTRIBUE, 1, on=on)
    for ref in others:
        p = svc.record_decision(
            store, session, p.id, ref, Decision.NON_ATTRIBUE,
            code=NonAttributionCode.AUTRE_CANDIDAT_PRIORITAIRE, on=on,
        )  # fmt: skip
    p = svc.record_answer(store, session, p.id, first, True, on=on + timedelta(days=3))
    return svc.record_lease(store, session, p.id, first, on=on + timedelta(days=10))


def build(store: Store) -> dict[str, int]:
    """Build the proposals (after :func:`fill`) and return their ids by situation."""
    ids: dict[str, int] = {}
    # a clean one: the three best, sent in time, leased
    top = _top(store, UNITS["clean"], ON)
    p = svc.create_proposal(store, ADVISOR, UNITS["clean"], top[:3], on=ON)
    ids["clean"] = _lease(store, ADVISOR, _send(store, ADVISOR, p.id)).id
    # rank 2 skipped, with its coded reason; refused by the first, then sans suite
    top = _top(store, UNITS["skipped"], ON)
    p = svc.create_proposal(
        store, ADVISOR, UNITS["skipped"], [top[0], top[2], top[3]], on=ON,
        deviation_code=DeviationCode.DOSSIER_INCOMPLET,
        deviation_text="Avis d'imposition manquant",
    )  # fmt: skip
    p = _send(store, ADVISOR, p.id)
    p = svc.record_decision(store, ADVISOR, p.id, top[0], Decision.ATTRIBUE, 1, on=COMMISSION)
    for ref in (top[2], top[3]):
        p = svc.record_decision(
            store, ADVISOR, p.id, ref, Decision.NON_ATTRIBUE,
            code=NonAttributionCode.DOSSIER_INCOMPLET, on=COMMISSION,
        )  # fmt: skip
    p = svc.record_answer(
        store, ADVISOR, p.id, top[0], False, RefusalReason.LOYER_TROP_ELEVE, on=date(2026, 6, 29)
    )
    ids["skipped"] = p.id
    # two candidates, DALO exception
    top = _top(store, UNITS["fewer"], ON)
    p = svc.create_proposal(
        store, ADVISOR, UNITS["fewer"], top[:2], on=ON, exception=ExceptionCode.DALO_PREFET
    )
    ids["fewer"] = _send(store, ADVISOR, p.id).id
    # sent after the unit's deadline (10 June)
    top = _top(store, UNITS["late"], ON)
    p = svc.create_proposal(store, ADVISOR, UNITS["late"], top[:3], on=ON)
    ids["late"] = _send(store, ADVISOR, p.id).id
    # the second one withdraws and is replaced
    top = _top(store, UNITS["withdrawn"], ON)
    p = svc.create_proposal(store, ADVISOR, UNITS["withdrawn"], top[:3], on=ON)
    svc.record_contact(
        store, ADVISOR, p.id, top[1], ContactOutcome.DESISTE, WithdrawalCode.LOGE_AILLEURS, on=ON
    )
    ids["withdrawn"] = _send(store, ADVISOR, p.id).id
    # ranked in 2025, before any rule set was in force (2026-01-01)
    old = date(2025, 12, 15)
    top = _top(store, UNITS["old_rules"], old)
    p = svc.create_proposal(store, ADVISOR, UNITS["old_rules"], top[:3], on=old)
    ids["old_rules"] = _send(store, ADVISOR, p.id, on=old, commission=date(2025, 12, 22)).id
    # another advisor's clean proposal, with another landlord
    top = _top(store, UNITS["other"], ON)
    p = svc.create_proposal(store, OTHER, UNITS["other"], top[:3], on=ON)
    ids["other"] = _send(store, OTHER, p.id).id
    return ids
