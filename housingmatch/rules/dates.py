"""Request validity and seniority."""

from __future__ import annotations

from datetime import date

from housingmatch.domain.model import Request, RequestStatus

VALIDITY_YEARS = 1


def add_years(day: date, years: int) -> date:
    """Return the same day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    """Return the same day ``months`` later (clamped to the month's last day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def expiry_date(request: Request) -> date:
    """Return the day the request lapses: one year after the last renewal, or the filing."""
    start = request.renewal_date or request.filing_date
    if request.renewal_date is not None and request.renewal_date < request.filing_date:
        start = request.filing_date
    return add_years(start, VALIDITY_YEARS)


def is_expired(request: Request, on: date) -> bool:
    """Tell whether the request has lapsed on a date (lapsed on its anniversary day)."""
    return on >= expiry_date(request)


def is_active(request: Request, on: date) -> bool:
    """Tell whether the request can be proposed on a date: open and not lapsed."""
    return request.status == RequestStatus.ACTIVE and not is_expired(request, on)


def months_between(start: date, end: date) -> int:
    """Return the number of full months from ``start`` to ``end`` (0 if end is before)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def seniority_months(request: Request, on: date) -> int:
    """Return the seniority of the request in full months, counted from its filing date."""
    return months_between(request.filing_date, on)
