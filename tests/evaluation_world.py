"""Constructed years of attributions for the evaluation tests, built through the real workflow.

Every lease goes the way an advisor records it: a proposal from the unit's ranking, the
contacts, sending to the CALEOL, the decisions, the tenant's acceptance and the lease.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from housingmatch.domain.model import PrioriteL441, Request
from housingmatch.domain.proposal import ContactOutcome, Decision, DeviationCode, NonAttributionCode
from housingmatch.domain.session import Session
from housingmatch.services import matching, proposals
from housingmatch.store import Store
from tests.builders import make_request, make_unit

DIJON_METROPOLE = "242100410"
L441 = (PrioriteL441.MAL_LOGE_DEFAVORISE,)


def lease(store: Store, session: Session, unit_ref: str, ref: str, on: date) -> int:
    """Record, through the services, the lease of ``unit_ref`` to ``ref`` on ``on``; return its proposal."""
    ranking_day = on - timedelta(days=30)
    ranking = matching.rank_unit(store, session, unit_ref, ranking_day)
    others = [c.ref for c in ranking.ranked if c.ref != ref][:2]
    refs = [ref, *others]
    first = ranking.ranked[0].ref if ranking.ranked else ref
    reason = (
        {}
        if first == ref
        else {
            "deviation_code": DeviationCode.AUTRE,
            "deviation_text": "Construit pour l'essai.",
        }
    )
    p = proposals.create_proposal(
        store, session, unit_ref, refs, on=ranking_day, ranking=ranking, **reason
    )
    for candidate in refs:
        p = proposals.record_contact(
            store, session, p.id, candidate, ContactOutcome.JOINT, on=ranking_day
        )
    sent = ranking_day + timedelta(days=1)
    commission = ranking_day + timedelta(days=10)
    p = proposals.send_proposal(store, session, p.id, commission, on=sent)
    p = proposals.record_decision(store, session, p.id, ref, Decision.ATTRIBUE, 1, on=commission)
    for other in others:
        p = proposals.record_decision(
            store, session, p.id, other, Decision.NON_ATTRIBUE,
            code=NonAttributionCode.AUTRE, on=commission,
        )  # fmt: skip
    p = proposals.record_answer(store, session, p.id, ref, True, on=commission + timedelta(days=2))
    p = proposals.record_lease(store, session, p.id, ref, on=on)
    return p.id


def constructed_year(
    store: Store, session: Session, extra: Sequence[Request] = ()
) -> dict[str, str]:
    """Fill a store with 2026's leases: 8 units (2 in QPV), DALO, L441-1, unknown quartiles.

    ``extra`` requests are saved before the leases (they are ranked, never attributed).
    Returns the tenant of each unit. Resources per UC: 9 000 €/UC for the first-quartile
    households (below the 10 000 € threshold entered below), 24 000 €/UC for the others;
    no monthly resources recorded: quartile unknown.
    """
    fellows = [make_request(f"AUTRE-{i:02d}", tie_breaker=100 + i) for i in range(1, 7)]
    tenants = {
        # unit: (request, lease day)
        "LOG-01": (make_request("DEM-DALO", dalo=True, monthly_income=750.0), date(2026, 2, 10)),
        "LOG-02": (make_request("DEM-L441", l441=L441, monthly_income=2000.0), date(2026, 3, 5)),
        "LOG-03": (
            make_request("DEM-HANDI", disability=True, monthly_income=2000.0),
            date(2026, 4, 2),
        ),
        "LOG-04": (make_request("DEM-Q1", monthly_income=750.0), date(2026, 4, 20)),
        "LOG-05": (make_request("DEM-INCONNU", monthly_income=None), date(2026, 5, 12)),
        "LOG-06": (make_request("DEM-AUTRE", monthly_income=2000.0), date(2026, 5, 30)),
        "LOG-Q1": (make_request("DEM-QPV-Q1", monthly_income=750.0), date(2026, 3, 15)),
        "LOG-Q2": (make_request("DEM-QPV-Q2", monthly_income=2000.0), date(2026, 6, 1)),
    }
    store.requests.save_many(
        [*fellows, *extra, *(r for r, _ in tenants.values())], "essai", "essai"
    )
    for unit in tenants:
        qpv = "Grésilles" if unit.startswith("LOG-Q") else None
        store.units.save(make_unit(unit, qpv=qpv), "essai")
    for unit, (request, on) in tenants.items():
        lease(store, session, unit, request.ref, on)
    return {unit: request.ref for unit, (request, _) in tenants.items()}
