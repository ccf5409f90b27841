from dataclasses import replace
from datetime import date

import pytest

from housingmatch.domain.model import Employer, Household
from housingmatch.rules.validation import siret_is_valid, validate_request, validate_unit
from tests.builders import make_request, make_unit

TODAY = date(2026, 11, 29)


def fields(problems):
    return {p.field for p in problems}


def test_valid_request_has_no_problem():
    assert validate_request(make_request(), TODAY) == []


@pytest.mark.parametrize(
    ("siret", "valid"),
    [
        ("73282932000074", True),
        ("73282932000075", False),
        ("1234", False),
        ("35600000000015", True),
        ("35600000000016", False),
    ],
)
def test_siret_luhn_key(siret, valid):
    assert siret_is_valid(siret) is valid


def test_bad_siret_is_reported_on_its_column():
    request = make_request(employer=Employer("X", "73282932000075"))
    problems = validate_request(request, TODAY)
    assert fields(problems) == {"siret"}
    assert "clé" in problems[0].message


def test_dependants_must_be_fewer_than_persons():
    request = make_request(household=Household(persons=2, fiscal_income=1, dependants=2))
    assert fields(validate_request(request, TODAY)) == {"nb_personnes_a_charge"}


def test_bad_email_and_future_filing_date_are_both_reported():
    request = make_request(filing_date=date(2027, 1, 1))
    request = replace(request, applicant=replace(request.applicant, email="pas-un-mail"))
    assert fields(validate_request(request, TODAY)) == {"email", "date_depot"}


def test_renewal_before_filing_is_refused():
    request = make_request(filing_date=date(2026, 1, 1), renewal_date=date(2025, 1, 1))
    assert fields(validate_request(request, TODAY)) == {"date_renouvellement"}


def test_typology_range_must_be_ordered():
    request = make_request()
    request = replace(request, wishes=replace(request.wishes, typology_min=4, typology_max=2))
    assert fields(validate_request(request, TODAY)) == {"typologie_max"}


def test_negative_amount_is_refused():
    request = make_request(household=Household(persons=1, fiscal_income=-5))
    assert fields(validate_request(request, TODAY)) == {"revenu_fiscal_reference"}


def test_unit_problems():
    assert validate_unit(make_unit()) == []
    assert fields(validate_unit(make_unit(surface=0))) == {"surface_m2"}
    assert fields(validate_unit(make_unit(latitude=47.3))) == {"longitude"}


def test_communes_are_required():
    request = make_request(work_commune=" ", home_commune="")
    assert fields(validate_request(request, TODAY)) == {"commune_travail", "commune_residence"}
    assert fields(validate_unit(make_unit(commune=""))) == {"commune"}


@pytest.mark.parametrize("value", [float("inf"), float("nan"), -1.0, 1e12])
def test_amounts_must_be_finite_and_plausible(value):
    request = make_request()
    request = replace(request, household=replace(request.household, fiscal_income=value))
    assert "revenu_fiscal_reference" in fields(validate_request(request, TODAY))


@pytest.mark.parametrize(
    ("lat", "lon", "ok"),
    [
        (47.32, 5.04, True),  # Dijon
        (-20.88, 55.45, True),  # Saint-Denis de La Réunion
        (4.93, -52.33, True),  # Cayenne
        (999.0, 5.0, False),
        (float("inf"), 5.0, False),
        (float("nan"), float("nan"), False),
        (40.4, -3.7, False),  # Madrid
    ],
)
def test_coordinates_lie_in_france(lat, lon, ok):
    unit = make_unit(latitude=lat, longitude=lon)
    assert (validate_unit(unit, TODAY) == []) is ok
    request = make_request()
    request = replace(request, workplace=replace(request.workplace, latitude=lat, longitude=lon))
    assert ("latitude_travail" not in fields(validate_request(request, TODAY))) is ok


def test_unit_dates_lie_between_1900_and_ten_years_ahead():
    assert fields(validate_unit(make_unit(available_on=date(2040, 1, 1)), TODAY)) == {
        "date_disponibilite"
    }
    assert fields(validate_unit(make_unit(proposal_deadline=date(1850, 1, 1)), TODAY)) == {
        "date_limite_proposition"
    }
    assert validate_unit(make_unit(available_on=date(2036, 6, 1)), TODAY) == []


def test_unit_numbers_that_are_not_numbers_are_refused():
    assert "surface_m2" in fields(validate_unit(make_unit(surface=float("nan")), TODAY))
    assert "loyer_hors_charges" in fields(validate_unit(make_unit(rent=float("inf")), TODAY))
