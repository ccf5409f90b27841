"""Build valid requests and units for tests, overriding only what a test is about."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from housingmatch.domain.model import (
    Applicant,
    CurrentHousing,
    Employer,
    Financement,
    Household,
    Request,
    SituationLogement,
    TypeContrat,
    Unit,
    Wishes,
    Workplace,
)

DIJON = "21231"
CHENOVE = "21166"
LONGVIC = "21355"


def make_request(ref: str = "DEM-1", **overrides: Any) -> Request:
    """Return a valid active request of a single person working and living in Dijon."""
    base = Request(
        ref=ref,
        filing_date=date(2026, 1, 10),
        applicant=Applicant("Dupont", "Camille", date(1990, 4, 2)),
        household=Household(persons=1, fiscal_income=18000, monthly_income=1600),
        employer=Employer("Exemple Industrie"),
        workplace=Workplace(DIJON),
        contract=TypeContrat.CDI,
        housing=CurrentHousing(DIJON, SituationLogement.LOCATAIRE_PRIVE, 600),
        wishes=Wishes(),
        tie_breaker=1,
    )
    return replace(base, **overrides)


def make_unit(ref: str = "LOG-1", **overrides: Any) -> Unit:
    """Return a valid open PLUS T2 of 46 m² in Dijon."""
    base = Unit(
        ref=ref,
        landlord="Exemple Habitat",
        commune=DIJON,
        typology=2,
        surface=46.0,
        financing=Financement.PLUS,
        rent=350.0,
        charges=60.0,
    )
    return replace(base, **overrides)
