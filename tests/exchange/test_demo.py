from collections import Counter
from datetime import date

from housingmatch.domain.model import Financement, RequestStatus
from housingmatch.exchange.demo import SURNAMES, generate
from housingmatch.geo import default_gazetteer
from housingmatch.rules.dates import is_active
from housingmatch.rules.household import age_on
from housingmatch.rules.validation import validate_request, validate_unit

ON = date(2026, 11, 29)


def test_same_seed_and_date_give_the_same_data():
    assert generate(200, 20, seed=5, on=ON) == generate(200, 20, seed=5, on=ON)
    assert generate(200, 20, seed=5, on=ON) != generate(200, 20, seed=6, on=ON)


def test_demo_records_are_valid_and_plausible():
    requests, units = generate(2000, 300, seed=1, on=ON)
    assert all(validate_request(r, ON) == [] for r in requests)
    assert all(validate_unit(u) == [] for u in units)
    gaz = default_gazetteer()
    # Units are in Dijon Métropole; about 27.5 % in a QPV.
    assert all(gaz.in_dijon_metropole(u.commune) for u in units)
    qpv_share = sum(u.qpv is not None for u in units) / len(units)
    assert 0.18 < qpv_share < 0.37
    financing = Counter(u.financing for u in units)
    assert financing[Financement.PLUS] > financing[Financement.PLAI] > financing[Financement.PLI]
    # Homes mostly in the metropole, workplaces across Côte-d'Or.
    assert all(r.workplace.commune.startswith("21") for r in requests)
    assert any(not gaz.in_dijon_metropole(r.workplace.commune) for r in requests)
    # The three priority groups are present in plausible shares.
    young = sum(age_on(r.applicant.birth_date, ON) < 30 for r in requests) / len(requests)
    mobility = sum(r.mobility_date is not None for r in requests) / len(requests)
    dalo = sum(r.dalo for r in requests) / len(requests)
    assert 0.25 < young < 0.5 and 0.12 < mobility < 0.32 and 0 < dalo < 0.06
    active = sum(is_active(r, ON) for r in requests) / len(requests)
    assert 0.7 < active < 0.97
    assert any(r.status == RequestStatus.CLOSE for r in requests)


def test_names_are_drawn_from_common_name_lists():
    requests, _ = generate(300, 0, seed=3, on=ON)
    assert {r.applicant.last_name for r in requests} <= set(SURNAMES)
    assert all(
        r.applicant.email is None or r.applicant.email.endswith("@example.org") for r in requests
    )


def test_email_keeps_accented_initials_as_plain_letters():
    from housingmatch.exchange.demo import email_part

    assert email_part("Élodie") == "elodie"
    assert email_part("N'Diaye") == "n-diaye"
    assert email_part("Jean-Marc") == "jean-marc"
    assert email_part("LE GALL") == "le-gall"
