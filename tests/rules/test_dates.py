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


def test_status_on_the_day_is_expiree_once_lapsed_and_the_cutoff_agrees() -> None:
    from datetime import timedelta

    from housingmatch.domain.model import RequestStatus
    from housingmatch.rules.dates import DayStatus, lapse_cutoff, status_on

    filing = date(2025, 6, 15)
    assert status_on(RequestStatus.ACTIVE, filing, None, date(2026, 6, 14)) is DayStatus.ACTIVE
    assert status_on(RequestStatus.ACTIVE, filing, None, date(2026, 6, 15)) is DayStatus.EXPIREE
    assert status_on(RequestStatus.CLOSE, filing, None, date(2026, 6, 15)) is DayStatus.CLOSE
    renewed = date(2026, 5, 1)
    assert status_on(RequestStatus.ACTIVE, filing, renewed, date(2026, 6, 15)) is DayStatus.ACTIVE
    for on in (date(2026, 6, 15), date(2025, 2, 28), date(2024, 2, 29), date(2025, 3, 1)):
        cutoff = lapse_cutoff(on)
        for start in (cutoff - timedelta(days=1), cutoff, cutoff + timedelta(days=1)):
            lapsed = status_on(RequestStatus.ACTIVE, start, None, on) is DayStatus.EXPIREE
            assert lapsed == (start <= cutoff), (on, start)
