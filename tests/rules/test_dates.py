from dataclasses import replace
from datetime import date

from housingmatch.domain.model import RequestStatus
from housingmatch.rules.dates import (
    add_years,
    expiry_date,
    is_active,
    is_expired,
    months_between,
    seniority_months,
)
from tests.builders import make_request


def test_expiry_is_one_year_after_filing_without_renewal():
    request = make_request(filing_date=date(2025, 3, 15))
    assert expiry_date(request) == date(2026, 3, 15)


def test_expiry_is_one_year_after_last_renewal():
    request = make_request(filing_date=date(2024, 3, 15), renewal_date=date(2025, 3, 1))
    assert expiry_date(request) == date(2026, 3, 1)


def test_request_lapses_on_its_anniversary_day():
    request = make_request(filing_date=date(2025, 3, 15))
    assert not is_expired(request, date(2026, 3, 14))
    assert is_expired(request, date(2026, 3, 15))
    assert is_active(request, date(2026, 3, 14))
    assert not is_active(request, date(2026, 3, 15))


def test_closed_request_is_not_active():
    request = replace(make_request(filing_date=date(2026, 1, 1)), status=RequestStatus.CLOSE)
    assert not is_active(request, date(2026, 2, 1))


def test_leap_day_anniversary_falls_on_28_february():
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)


def test_seniority_counts_full_months():
    request = make_request(filing_date=date(2025, 1, 31))
    assert seniority_months(request, date(2025, 2, 28)) == 0
    assert seniority_months(request, date(2025, 3, 31)) == 2
    assert seniority_months(request, date(2026, 1, 31)) == 12
    assert months_between(date(2026, 5, 1), date(2026, 1, 1)) == 0
