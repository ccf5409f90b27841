"""The convention's evaluation on the recorded data: attributions, obligations, fairness, export.

An attribution is a lease recorded through the commission workflow (``proposal lease``): the
proposal in state *Bail signé* and its tenant's ``leased_on``. What the obligations need of
it is taken as it was on the day of the lease: the household's DALO flag, L441-1 criteria
(a disabled member counts as L441-1 a) and resources come from the request's audit entry
written by the lease (its values after the change), so a later edit does not rewrite last
year's figures; the current record is used only when that entry cannot be read (a request
anonymised since: its key is gone, and anonymising keeps the priority flags). The quartile
status goes by the first-quartile threshold of the EPCI of the unit's commune for the year of
the lease (``reference quartile``, else the rule set's table): *inconnu* when there is none
or when the household's monthly resources are not recorded, never guessed.

The computations are Qt-free functions of :mod:`housingmatch.reports`; this module only
gathers their inputs through the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from housingmatch.domain.model import (
    PrioriteL441,
    Request,
    RequestStatus,
    Unit,
)
from housingmatch.domain.proposal import Answer, Proposal, ProposalState
from housingmatch.domain.session import Session
from housingmatch.errors import UserError
from housingmatch.files import atomic_path
from housingmatch.geo import default_gazetteer
from housingmatch.matching.receipts import read_result
from housingmatch.reports.fairness import GroupFigures, Subject, age_band, household_type
from housingmatch.reports.fairness import fairness as fairness_figures
from housingmatch.reports.fairness import warnings as fairness_warnings
from housingmatch.reports.obligations import Attribution, Obligation, Quartile, obligations
from housingmatch.rules.dates import expiry_date
from housingmatch.rules.groups import (
    Group,
    QuartileStatus,
    first_quartile_status,
    legal_priorities,
    priority_groups,
    resources_per_unit,
)
from housingmatch.rules.household import age_on
from housingmatch.rules.permissions import Action, require
from housingmatch.rules.ruleset import RuleSet
from housingmatch.services import matching
from housingmatch.store import Store

_QUARTILE = {
    QuartileStatus.PREMIER_QUARTILE: Quartile.PREMIER,
    QuartileStatus.AUTRES_QUARTILES: Quartile.AUTRES,
    QuartileStatus.INCONNU: Quartile.INCONNU,
}


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise UserError(f"La période est vide : le {end:%d/%m/%Y} précède le {start:%d/%m/%Y}.")


def year_period(year: int) -> tuple[date, date]:
    """Return the first and last day of a civil year (a French error for a bad year)."""
    if not 1990 <= year <= 2100:
        raise UserError(
            f"L'année {year} n'est pas plausible : indiquez une année sur quatre chiffres."
        )
    return date(year, 1, 1), date(year, 12, 31)


@dataclass(frozen=True, slots=True)
class _Lease:
    proposal: Proposal
    request_ref: str
    signed_on: date


def _leases(store: Store, start: date, end: date) -> list[_Lease]:
    """Return the leases signed from ``start`` to ``end`` (inclusive), in date order."""
    found = []
    for p in store.proposals.all(ProposalState.BAIL_SIGNE):
        tenant = p.tenant
        if tenant is None or tenant.leased_on is None:
            continue
        if start <= tenant.leased_on <= end:
            found.append(_Lease(p, tenant.request_ref, tenant.leased_on))
    found.sort(key=lambda lease: (lease.signed_on, lease.proposal.id or 0))
    return found


def _codes(text: Any) -> tuple[PrioriteL441, ...]:
    """Return the L441-1 criteria of an audit value ("A|B"), unknown codes left out."""
    out = []
    for part in str(text or "").split("|"):
        try:
            out.append(PrioriteL441(part))
        except ValueError:
            continue
    return tuple(out)


def _as_of_lease(store: Store, request: Request, proposal_id: int | None) -> Request:
    """Return the request with the priority and resources its lease entry recorded."""
    source = f"bail, proposition {proposal_id}"
    entries = store.audit.entries(entity="demande", entity_ref=request.ref)
    after = next(
        (
            e.details["after"]
            for e in reversed(entries)
            if e.details.get("source") == source and isinstance(e.details.get("after"), dict)
        ),
        None,
    )
    if after is None:
        return request  # anonymised since (its values are sealed for good): the record
    household = request.household
    try:
        household = replace(
            household,
            persons=int(after.get("nb_personnes", household.persons)),
            dependants=int(after.get("nb_personnes_a_charge", household.dependants) or 0),
            disability=bool(after.get("handicap", household.disability)),
            monthly_income=(
                None if after.get("revenus_mensuels") is None else float(after["revenus_mensuels"])
            ),
            children_under_14=(
                None if after.get("nb_moins_14_ans") is None else int(after["nb_moins_14_ans"])
            ),
        )
    except (TypeError, ValueError):
        return request
    return replace(
        request,
        household=household,
        dalo=bool(after.get("dalo", request.dalo)),
        l441=_codes(after.get("prioritaire_l441")),
    )


class _Thresholds:
    """The first-quartile threshold of a unit's EPCI for a year: entered, else the rules'."""

    def __init__(self, store: Store, rules: RuleSet) -> None:
        self._entered = {(t.epci, t.year): t.amount for t in store.reference.quartile_thresholds()}
        self._rules = rules
        self._gazetteer = default_gazetteer()

    def epci(self, unit: Unit) -> str | None:
        return self._gazetteer.epci(unit.commune)

    def of(self, unit: Unit, year: int) -> float | None:
        epci = self.epci(unit)
        if epci is None:
            return None
        found = self._entered.get((epci, year))
        return found if found is not None else self._rules.first_quartile_threshold(epci, year)


def _attributions(store: Store, start: date, end: date) -> list[Attribution]:
    leases = _leases(store, start, end)
    if not leases:
        return []
    thresholds = _Thresholds(store, matching.active_ruleset(store, end))
    requests = store.requests.get_many([lease.request_ref for lease in leases])
    out = []
    for lease in leases:
        unit = store.units.get(lease.proposal.unit_ref)
        request = requests.get(lease.request_ref)
        if unit is None or request is None:
            continue  # a record deleted outside the application: verify reports it
        request = _as_of_lease(store, request, lease.proposal.id)
        status = first_quartile_status(request, thresholds.of(unit, lease.signed_on.year))
        out.append(
            Attribution(
                unit_ref=unit.ref,
                request_ref=request.ref,
                signed_on=lease.signed_on,
                unit_in_qpv=bool(unit.qpv),
                dalo=request.dalo,
                l441=bool(legal_priorities(request)),
                quartile=_QUARTILE[status],
            )
        )
    return out


def attributions(store: Store, session: Session, start: date, end: date) -> list[Attribution]:
    """Return the attributions (leases signed) of a period, as the obligations count them."""
    require(session, Action.READ)
    _check_period(start, end)
    return _attributions(store, start, end)


def obligations_report(
    store: Store, session: Session, start: date, end: date, today: date | None = None
) -> list[Obligation]:
    """Return the three legal shares of a period as known on ``today`` (default: today).

    Read by advisors too (``Action.READ``): the dashboard's gauges and the matching page's
    header show them where the decisions are made; the figures name units, not persons.
    """
    require(session, Action.READ)
    _check_period(start, end)
    return obligations(_attributions(store, start, end), start, end, today or date.today())


def obligation_to_dict(item: Obligation) -> dict[str, Any]:
    """Return one obligation as the ``report obligations --json`` object."""
    share_range = item.share_range
    return {
        "kind": item.kind.value,
        "label": item.kind.label,
        "target": item.target,
        "numerator": item.numerator,
        "denominator": item.denominator,
        "share": item.share,
        "unknown_quartile": item.unknown,
        "share_range": list(share_range) if share_range else None,
        "met": item.met,
        "projected_total": item.projected_total,
        "gap": item.gap,
        "detail": item.detail,
        "counted": list(item.counted),
        "basis": list(item.basis),
    }


# -- fairness ------------------------------------------------------------------------------
def _in_period(day: date | None, start: date, end: date) -> bool:
    return day is not None and start <= day <= end


def _subjects(store: Store, start: date, end: date) -> list[Subject]:
    """Gather one subject per request of the period's pool (see :func:`fairness_subjects`)."""
    seen: dict[str, date] = {}  # request -> the day it counts from (its groups, its age)
    proposed: set[str] = set()
    attributed: dict[str, date] = {}
    offers: dict[str, int] = {}
    refusals: dict[str, int] = {}
    for p in store.proposals.all():
        if _in_period(p.created_on, start, end):
            blob = store.proposals.receipt(p.id or 0)
            if blob:
                for ref in read_result(blob).ranked_refs():
                    seen.setdefault(ref, p.ranking_date)
        for c in p.candidates:
            ref = c.request_ref
            if _in_period(p.sent_on, start, end) and (c.listed or c.decision is not None):
                proposed.add(ref)
                seen.setdefault(ref, p.ranking_date)
            if _in_period(c.notified_on, start, end):
                offers[ref] = offers.get(ref, 0) + 1
                if c.answer is Answer.REFUSE:
                    refusals[ref] = refusals.get(ref, 0) + 1
            if _in_period(c.leased_on, start, end) and c.leased_on is not None:
                attributed[ref] = c.leased_on
                seen[ref] = c.leased_on
    if not seen:
        return []
    rules = matching.active_ruleset(store, end)
    requests = store.requests.get_many(sorted(seen))
    out = []
    for ref, on in sorted(seen.items()):
        request = requests.get(ref)
        if request is None:
            continue
        leased = attributed.get(ref)
        groups = priority_groups(request, on, rules.groups)
        out.append(
            Subject(
                publics=frozenset(g.value for g in groups),
                age_band=age_band(age_on(request.applicant.birth_date, on)),
                household_type=household_type(
                    request.household.persons, request.household.dependants
                ),
                in_pool=True,
                proposed=ref in proposed,
                attributed=leased is not None,
                wait_days=(leased - request.filing_date).days if leased else None,
                offers=offers.get(ref, 0),
                refusals=refusals.get(ref, 0),
            )
        )
    return out


def fairness_subjects(store: Store, session: Session, start: date, end: date) -> list[Subject]:
    """Return the requests of a period's eligible pool as fairness counts them.

    The pool is every request ranked eligible for a unit whose proposal was started in the
    period (the ranking kept with the proposal), plus the households proposed or attributed
    in it. Publics and age are taken on the day of the ranking (of the lease for a tenant).
    No name and no protected ground leave this function.
    """
    require(session, Action.REPORTS)
    _check_period(start, end)
    return _subjects(store, start, end)


def fairness_margin(store: Store, on: date) -> float:
    """Return the rule set's fairness margin in force on a day (``[evaluation]``)."""
    return matching.active_ruleset(store, on).evaluation.fairness_margin


def fairness_report(
    store: Store, session: Session, start: date, end: date
) -> tuple[list[GroupFigures], list[str]]:
    """Return the fairness figures of a period and the warnings (the rule set's margin)."""
    require(session, Action.REPORTS)
    _check_period(start, end)
    rows = fairness_figures(_subjects(store, start, end), fairness_margin(store, end))
    return rows, fairness_warnings(rows)


def group_to_dict(row: GroupFigures) -> dict[str, Any]:
    """Return one fairness row as the ``report fairness --json`` object."""
    return {
        "dimension": row.dimension,
        "group": row.group,
        "pool": row.pool,
        "proposed": row.proposed,
        "attributed": row.attributed,
        "pool_share": row.pool_share,
        "proposal_share": row.proposal_share,
        "attribution_share": row.attribution_share,
        "gap": row.gap,
        "median_wait_days": row.median_wait_days,
        "refusal_rate": row.refusal_rate,
        "under_served": row.under_served,
    }


# -- observatory export ----------------------------------------------------------------------
#: Income bands of the observatory: yearly resources per consumption unit.
INCOME_BANDS = (
    "moins de 10 000 €/UC",
    "10 000 à 15 000 €/UC",
    "15 000 à 20 000 €/UC",
    "20 000 à 30 000 €/UC",
    "30 000 €/UC et plus",
    "non renseignées",
)
TYPOLOGIES = ("T1", "T2", "T3", "T4", "T5 et plus")
PUBLICS = tuple(g.value for g in Group)


def income_band(request: Request) -> str:
    """Return the observatory's income band of a household (resources per UC and year)."""
    per_unit = resources_per_unit(request)
    if per_unit is None:
        return INCOME_BANDS[-1]
    for limit, band in zip((10000, 15000, 20000, 30000), INCOME_BANDS, strict=False):
        if per_unit < limit:
            return band
    return INCOME_BANDS[4]


def _typology(n: int | None) -> str:
    if n is None or n <= 1:
        return TYPOLOGIES[0]
    return TYPOLOGIES[min(n, 5) - 1]


@dataclass(frozen=True, slots=True)
class ObservatoryExport:
    """What ``report observatoire`` wrote."""

    path: Path
    year: int
    demand: int
    attributions: int
    tables: int
    suppressed_cells: int


def _demand(requests: Iterable[Request], start: date, end: date) -> list[Request]:
    """Return the requests pending at some point of the period.

    Filed by its end, not closed before its start, and not lapsed before its start (a request
    not renewed lapses; see ``rules.dates``).
    """
    return [
        r
        for r in requests
        if r.filing_date <= end
        and (r.closed_on is None or r.closed_on >= start)
        and (r.status is not RequestStatus.ACTIVE or expiry_date(r) >= start)
    ]


def observatory_tables(store: Store, session: Session, year: int) -> list[Any]:
    """Return the protected observatory tables of a year (demand, then attributions)."""
    require(session, Action.REPORTS)
    from housingmatch.reports.observatory import CountedHousehold
    from housingmatch.reports.observatory import observatory_tables as build

    start, end = year_period(year)
    rules = matching.active_ruleset(store, end)
    gazetteer = default_gazetteer()

    def commune(code: str | None) -> str:
        found = gazetteer.get(code) if code else None
        return f"{found.nom} ({found.code_insee})" if found else "non renseignée"

    day = min(end, date.today()) if start <= date.today() else end
    demand = []
    for r in _demand(store.requests.all(), start, end):
        on = max(min(day, r.closed_on or day), start)
        groups = priority_groups(r, on, rules.groups)
        demand.append(
            CountedHousehold(
                commune=commune(r.wishes.communes[0] if r.wishes.communes else None),
                typology=_typology(r.wishes.typology_min),
                income_band=income_band(r),
                publics=frozenset(g.value for g in groups),
            )
        )
    leased = []
    leases = _leases(store, start, end)
    requests = store.requests.get_many([lease.request_ref for lease in leases])
    for lease in leases:
        unit = store.units.get(lease.proposal.unit_ref)
        request = requests.get(lease.request_ref)
        if unit is None or request is None:
            continue
        request = _as_of_lease(store, request, lease.proposal.id)
        groups = priority_groups(request, lease.signed_on, rules.groups)
        leased.append(
            CountedHousehold(
                commune=commune(unit.commune),
                typology=_typology(unit.typology),
                income_band=income_band(request),
                publics=frozenset(g.value for g in groups),
            )
        )
    return build("Demande", demand, TYPOLOGIES, INCOME_BANDS, PUBLICS) + build(
        "Attributions", leased, TYPOLOGIES, INCOME_BANDS, PUBLICS
    )


def observatory_export(store: Store, session: Session, year: int, path: Path) -> ObservatoryExport:
    """Write the observatory workbook of a year (aggregated counts, no cell under 5 households)."""
    require(session, Action.REPORTS)
    from housingmatch.reports.workbook import observatory_workbook

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(f"« {path.name} » : le classeur de l'observatoire doit finir par .xlsx.")
    tables = observatory_tables(store, session, year)
    book = observatory_workbook(
        tables,
        f"Observatoire de l'habitat : demande et attributions {year}",
        f"du 01/01/{year} au 31/12/{year}",
        date.today(),
    )
    with atomic_path(path, database=store.path) as temporary:
        book.save(temporary)
    demand = sum(sum(row) for row in tables[0].counts) if tables else 0
    half = len(tables) // 2
    leased = sum(sum(row) for row in tables[half].counts) if tables else 0
    return ObservatoryExport(
        path=path,
        year=year,
        demand=demand,
        attributions=leased,
        tables=len(tables),
        suppressed_cells=sum(t.table.suppressed_count for t in tables),
    )


def period_label(start: date, end: date) -> str:
    """Return "du 01/01/2026 au 31/12/2026"."""
    return f"du {start:%d/%m/%Y} au {end:%d/%m/%Y}"
