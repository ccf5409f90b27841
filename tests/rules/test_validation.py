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
