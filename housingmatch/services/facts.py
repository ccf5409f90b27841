"""Computed facts of a request or a unit: category, ceilings, groups, validity, seniority."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from housingmatch.domain.fields import request_fields, unit_fields
from housingmatch.domain.model import Financement, Request, Unit, label
from housingmatch.domain.session import Session
from housingmatch.geo import default_gazetteer
from housingmatch.matching.eligibility import MatchingContext
from housingmatch.rules.ceilings import CeilingError, CeilingTable, default_ceiling_table
from housingmatch.rules.dates import (
    DAY_STATUS_LABELS,
    expiry_date,
    is_active,
    is_expired,
    request_status_on,
    seniority_months,
)
from housingmatch.rules.groups import (
    GROUP_LABELS,
    QUARTILE_LABELS,
    Group,
    first_quartile_status,
    l441_is_automatic,
    legal_priorities,
    priority_groups,
    resources_per_unit,
)
from housingmatch.rules.household import HouseholdCategory, ceiling_row, household_category
from housingmatch.rules.income import counted_income
from housingmatch.rules.permissions import Action, require
from housingmatch.rules.ruleset import RuleSet, default_ruleset
from housingmatch.rules.zones import AUTRES_REGIONS
from housingmatch.services.matching import active_ruleset, matching_context
from housingmatch.store import Store

# A request has no unit yet: the financings shown for it use the zones of Dijon (B1,
# "autres régions"); a ranking uses the zones of the unit's commune.
DEFAULT_ZONE_ABC = "B1"
DEFAULT_SOCIAL_ZONE = AUTRES_REGIONS


def _rules_and_ceilings(
    store: Store | None,
) -> tuple[RuleSet, CeilingTable, MatchingContext | None]:
    """Return the active rule set, ceiling table and context (shipped ones without a store)."""
    if store is None:
        rules = default_ruleset()
        return rules, default_ceiling_table(), None
    rules = active_ruleset(store)
    context = matching_context(store, rules)
    return rules, context.ceilings, context


def wished_epci(request: Request) -> str | None:
    """Return the EPCI of the wished communes when they all belong to one, else None.

    The first-quartile status goes by the EPCI of the unit's commune; before a unit is
    chosen it is only known when every wished commune is in the same EPCI.
    """
    gaz = default_gazetteer()
    found = {gaz.epci(code) for code in request.wishes.communes}
    return found.pop() if len(found) == 1 else None


@dataclass(frozen=True, slots=True)
class FinancingFact:
    """Whether the household fits under one financing's ceiling."""

    financing: Financement
    ceiling: int | None
    year_used: int | None
    eligible: bool | None
    warning: str | None


@dataclass(frozen=True, slots=True)
class RequestFacts:
    """What the application computes from a request on a date."""

    on: date
    category: HouseholdCategory
    expiry: date
    expired: bool
    active: bool
    seniority_months: int
    groups: tuple[str, ...]
    group_labels: tuple[str, ...]
    financings: tuple[FinancingFact, ...]
    quartile: str
    resources_per_uc: float | None
    l441: tuple[str, ...] = ()
    l441_automatic: bool = False
    income_explanation: str = ""
    status: str = "ACTIVE"
    status_label: str = "Active"

    @property
    def category_label(self) -> str:
        """Return the category in French."""
        return self.category.label


L441_AUTOMATIC_NOTE = " — a) handicap, automatique"


def _group_label(group: Group, request: Request) -> str:
    """Return a group's label; L441-1 says when code a comes from the disability flag."""
    text = GROUP_LABELS[group]
    if group is Group.PRIORITAIRE_L441 and l441_is_automatic(request):
        text += L441_AUTOMATIC_NOTE
    return text


def request_facts(
    store: Store | None,
    session: Session,
    request: Request,
    on: date,
    zone_abc: str = DEFAULT_ZONE_ABC,
) -> RequestFacts:
    """Return the computed facts of a request on a date (works for an unsaved request)."""
    require(session, Action.READ)
    rules, table, context = _rules_and_ceilings(store)
    category = household_category(request.household, request.applicant.birth_date, on)
    financings = []
    income = counted_income(request)
    for financing in Financement:
        row = ceiling_row(
            request.household, request.applicant.birth_date, on, financing == Financement.PLI
        )
        try:
            lookup = table.ceiling(
                on.year,
                financing,
                row.category,
                row.extra_persons,
                zone_abc,
                DEFAULT_SOCIAL_ZONE,
            )
        except CeilingError as exc:
            financings.append(FinancingFact(financing, None, None, None, str(exc)))
            continue
        financings.append(
            FinancingFact(
                financing,
                lookup.amount,
                lookup.year_used,
                income.amount <= lookup.amount,
                lookup.warning,
            )
        )
    groups = priority_groups(request, on, rules.groups)
    epci = wished_epci(request)
    threshold = (
        context.quartile_threshold(epci, on.year)
        if context is not None
        else rules.first_quartile_threshold(epci, on.year)
    )
    quartile = first_quartile_status(request, threshold)
    return RequestFacts(
        on=on,
        category=category,
        expiry=expiry_date(request),
        expired=is_expired(request, on),
        active=is_active(request, on),
        seniority_months=seniority_months(request, on),
        groups=tuple(g.value for g in groups),
        group_labels=tuple(_group_label(g, request) for g in groups),
        financings=tuple(financings),
        quartile=QUARTILE_LABELS[quartile],
        resources_per_uc=resources_per_unit(request),
        l441=tuple(code.value for code in legal_priorities(request)),
        l441_automatic=l441_is_automatic(request),
        income_explanation=income.explanation,
        status=request_status_on(request, on).value,
        status_label=DAY_STATUS_LABELS[request_status_on(request, on)],
    )


def _commune(code: str | None) -> dict[str, Any] | None:
    if not code:
        return None
    commune = default_gazetteer().get(code)
    return {"code_insee": code, "nom": commune.nom if commune else None}


def request_record(store: Store, session: Session, request: Request, on: date) -> dict[str, Any]:
    """Return a request as stored, with its resolved communes and computed fields."""
    facts = request_facts(store, session, request, on)
    return {
        "demande": request_fields(request),
        "communes": {
            "commune_residence": _commune(request.housing.commune),
            "commune_travail": _commune(request.workplace.commune),
            "communes_souhaitees": [_commune(c) for c in request.wishes.communes],
        },
        "calcul": {
            "date": on.isoformat(),
            "categorie_menage": facts.category.category,
            "personnes_supplementaires": facts.category.extra_persons,
            "jeune_menage": facts.category.jeune_menage,
            "categorie_libelle": facts.category.label,
            "statut_du_jour": facts.status,
            "statut_du_jour_libelle": facts.status_label,
            "date_expiration": facts.expiry.isoformat(),
            "expiree": facts.expired,
            "active": facts.active,
            "anciennete_mois": facts.seniority_months,
            "groupes_prioritaires": list(facts.groups),
            "priorites_l441": list(facts.l441),
            "l441_handicap_automatique": facts.l441_automatic,
            "revenu_retenu": facts.income_explanation,
            "premier_quartile": facts.quartile,
            "ressources_par_uc": facts.resources_per_uc,
            "plafonds": [
                {
                    "financement": f.financing.value,
                    "plafond": f.ceiling,
                    "annee_plafond": f.year_used,
                    "eligible": f.eligible,
                    "avertissement": f.warning,
                }
                for f in facts.financings
            ],
        },
    }


def unit_record(store: Store | None, session: Session, unit: Unit, on: date) -> dict[str, Any]:
    """Return a unit as stored, with its resolved commune and computed fields."""
    require(session, Action.READ)
    gaz = default_gazetteer()
    zone = gaz.zone_abc(unit.commune)
    return {
        "logement": unit_fields(unit),
        "communes": {"commune": _commune(unit.commune)},
        "calcul": {
            "date": on.isoformat(),
            "typologie": f"T{unit.typology}",
            "loyer_charges_comprises": round(unit.total_rent, 2),
            "zone_abc": zone,
            "dijon_metropole": gaz.in_dijon_metropole(unit.commune),
            "en_qpv": unit.qpv is not None,
            "financement": label(unit.financing),
        },
    }
