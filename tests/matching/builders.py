"""Test-data builders for matching: valid requests and units with overridable fields.

``make_request`` and ``make_unit`` take any field of the dataclass directly, plus shortcuts
for nested fields (``persons``, ``fiscal_income``, ``birth_date``, ``work_commune``,
``wished_communes``...). ``PLACES`` locates a few communes of Dijon Métropole and beyond.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from typing import Any

from housingmatch.domain.model import (
    Applicant,
    CurrentHousing,
    Employer,
    Financement,
    Household,
    ModeTransport,
    Request,
    SituationLogement,
    TypeContrat,
    Unit,
    Wishes,
    Workplace,
)
from housingmatch.matching.eligibility import MatchingContext
from housingmatch.matching.engine import MatchingEngine
from housingmatch.matching.places import StaticPlaces
from housingmatch.matching.reference import reference_rank
from housingmatch.matching.results import RankedCandidate, Ranking
from housingmatch.rules.ceilings import default_ceiling_table
from housingmatch.rules.ruleset import RuleSet, default_ruleset

DIJON = "21231"
CHENOVE = "21166"
LONGVIC = "21355"
QUETIGNY = "21515"
TALANT = "21617"
FENAY = "21263"
BEAUNE = "21054"
SEMUR = "21603"

POINTS = {
    DIJON: (47.3220, 5.0415),
    CHENOVE: (47.2918, 5.0055),
    LONGVIC: (47.2874, 5.0635),
    QUETIGNY: (47.3149, 5.1063),
    TALANT: (47.3368, 5.0049),
    FENAY: (47.2330, 5.0630),
    BEAUNE: (47.0260, 4.8400),
    SEMUR: (47.4917, 4.3336),
}
ZONES = {
    DIJON: "B1",
    CHENOVE: "B1",
    LONGVIC: "B1",
    QUETIGNY: "B1",
    TALANT: "B1",
    FENAY: "B2",
}
EPCIS = dict.fromkeys((DIJON, CHENOVE, LONGVIC, QUETIGNY, TALANT, FENAY), "242100410")

PLACES = StaticPlaces(POINTS, ZONES, EPCIS)

ON = date(2026, 6, 15)

_HOUSEHOLD = {f.name for f in fields(Household)}
_APPLICANT = {"last_name", "first_name", "birth_date"}
_WISHES = {f.name for f in fields(Wishes)}
_SHORTCUTS = {
    "work_commune": ("workplace", "commune"),
    "work_lat": ("workplace", "latitude"),
    "work_lon": ("workplace", "longitude"),
    "transport": ("workplace", "transport"),
    "home_commune": ("housing", "commune"),
    "situation": ("housing", "situation"),
    "current_rent": ("housing", "rent"),
    "employer_name": ("employer", "name"),
    "siret": ("employer", "siret"),
    "wished_communes": ("wishes", "communes"),
}


def context(ruleset: RuleSet | None = None) -> MatchingContext:
    """Return a matching context with the default rules, the shipped ceilings and PLACES."""
    return MatchingContext(ruleset or default_ruleset(), default_ceiling_table(), PLACES)


def make_request(ref: str = "DEM-0001", **overrides: Any) -> Request:
    """Return a valid active request (single person, 28 000 € RFR, works in Dijon)."""
    base = Request(
        ref=ref,
        filing_date=date(2026, 1, 15),
        applicant=Applicant("Exemple", "Camille", date(1985, 3, 20)),
        household=Household(persons=1, fiscal_income=18000.0, monthly_income=1800.0),
        employer=Employer("Exemple Industrie", "12345678900011"),
        workplace=Workplace(DIJON, transport=ModeTransport.VOITURE),
        contract=TypeContrat.CDI,
        housing=CurrentHousing(DIJON, SituationLogement.LOCATAIRE_PRIVE, 550.0),
    )
    nested: dict[str, dict[str, Any]] = {}
    direct: dict[str, Any] = {}
    for key, value in overrides.items():
        if key in _SHORTCUTS:
            owner, name = _SHORTCUTS[key]
            nested.setdefault(owner, {})[name] = value
        elif key in _HOUSEHOLD:
            nested.setdefault("household", {})[key] = value
        elif key in _APPLICANT:
            nested.setdefault("applicant", {})[key] = value
        elif key in _WISHES and key not in {"communes"}:
            nested.setdefault("wishes", {})[key] = value
        else:
            direct[key] = value
    for owner, values in nested.items():
        direct.setdefault(owner, replace(getattr(base, owner), **values))
    return replace(base, **direct)


def make_unit(ref: str = "LOG-0001", **overrides: Any) -> Unit:
    """Return a valid open PLUS T2 of 46 m² in Dijon, 350 € + 60 € of charges."""
    base = Unit(
        ref=ref,
        landlord="Exemple Habitat",
        commune=DIJON,
        typology=2,
        surface=46.0,
        financing=Financement.PLUS,
        rent=350.0,
        charges=60.0,
        floor=1,
        lift=True,
    )
    return replace(base, **overrides)


def rank_both(
    requests: list[Request], unit: Unit, on: date = ON, ruleset: RuleSet | None = None
) -> Ranking:
    """Rank with the fast engine, check the reference implementation agrees, return it."""
    ctx = context(ruleset)
    fast = MatchingEngine(ctx, requests).rank(unit, on)
    slow = reference_rank(requests, unit, on, ctx)
    assert list(fast.ranked) == list(slow.ranked)
    assert list(fast.excluded) == list(slow.excluded)
    assert fast.warnings == slow.warnings
    return fast


def codes_of(ranking: Ranking, ref: str) -> tuple[str, ...]:
    """Return the exclusion codes of a request in a ranking (empty when it is ranked)."""
    found = ranking.exclusion(ref)
    return () if found is None else tuple(code.value for code in found.codes)


def scored(ranking: Ranking, ref: str) -> RankedCandidate:
    """Return the ranked candidate with this reference (fails the test when it is excluded)."""
    found = ranking.candidate(ref)
    assert found is not None, f"{ref} n'est pas classé"
    return found
