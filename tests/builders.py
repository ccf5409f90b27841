"""Build valid requests and units for tests, overriding only what a test is about.

``make_request`` and ``make_unit`` take any field of the dataclass directly, plus shortcuts
for nested fields (``persons``, ``fiscal_income``, ``birth_date``, ``work_commune``,
``wished_communes``...).
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
from housingmatch.domain.session import Role, Session

DIJON = "21231"
CHENOVE = "21166"
LONGVIC = "21355"
QUETIGNY = "21515"
TALANT = "21617"
FENAY = "21263"
BEAUNE = "21054"
SEMUR = "21603"

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


def make_request(ref: str = "DEM-0001", **overrides: Any) -> Request:
    """Return a valid active request (single person, 18 000 € RFR, works in Dijon)."""
    base = Request(
        ref=ref,
        filing_date=date(2026, 1, 15),
        applicant=Applicant("Exemple", "Camille", date(1985, 3, 20)),
        household=Household(persons=1, fiscal_income=18000.0, monthly_income=1800.0),
        employer=Employer("Exemple Industrie", "73282932000074"),
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


def make_session(role: Role | str = Role.SUPERVISEUR, user: str | None = None) -> Session:
    """Return an authenticated session of this role (user name: the role's name by default)."""
    role = Role(role)
    return Session(user=user or role.value, role=role, display_name=role.label)


#: One authenticated session per role, for service calls in tests.
ADVISOR = make_session(Role.CONSEILLER, "conseil")
SUPERVISOR = make_session(Role.SUPERVISEUR, "superviseur")
ADMIN = make_session(Role.ADMINISTRATEUR, "admin")
