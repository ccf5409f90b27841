"""Request validity, the status of a request on a day, and seniority."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

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


def expiry_from(filing: date, renewal: date | None) -> date:
    """Return the day a request lapses: one year after the last renewal, or the filing."""
    start = renewal if renewal is not None and renewal >= filing else filing
    return add_years(start, VALIDITY_YEARS)


def expiry_date(request: Request) -> date:
    """Return the day the request lapses: one year after the last renewal, or the filing."""
    return expiry_from(request.filing_date, request.renewal_date)


def is_expired(request: Request, on: date) -> bool:
    """Tell whether the request has lapsed on a date (lapsed on its anniversary day)."""
    return on >= expiry_date(request)


def is_active(request: Request, on: date) -> bool:
    """Tell whether the request can be proposed on a date: filed by then, open and not lapsed.

    A ranking on a past day (a replay, a what-if, the demonstration's history) must not see
    the requests filed after that day: they did not exist yet. An incomplete forum intake is
    active here (``REQUEST_INCOMPLETE`` excludes it on its own).
    """
    day = status_on(request.status, request.filing_date, request.renewal_date, on)
    return request.filing_date <= on and day is DayStatus.ACTIVE


class DayStatus(StrEnum):
    """The status of a request an advisor sees on a day: the stored one, or lapsed."""

    ACTIVE = "ACTIVE"
    INCOMPLETE = "INCOMPLETE"
    EXPIREE = "EXPIREE"
    ATTRIBUEE = "ATTRIBUEE"
    CLOSE = "CLOSE"


DAY_STATUS_LABELS: dict[DayStatus, str] = {
    DayStatus.ACTIVE: "Active",
    DayStatus.INCOMPLETE: "Incomplète",
    DayStatus.EXPIREE: "Expirée",
    DayStatus.ATTRIBUEE: "Attribuée",
    DayStatus.CLOSE: "Close",
}


def status_on(
    status: RequestStatus,
    filing: date,
    renewal: date | None,
    on: date,
    incomplete: bool = False,
) -> DayStatus:
    """Return the status on a day: an active request past its expiry is "Expirée".

    An active forum intake still to complete is "Incomplète" (a lapsed one reads "Expirée").
    The one rule used by the tables, filters, counts, status bar and ``show``; the ranking's
    ``REQUEST_NOT_ACTIVE`` is ``status_on(...) is not DayStatus.ACTIVE`` (without the intake
    state, which ``REQUEST_INCOMPLETE`` flags on its own) or a filing after the day.
    """
    if status == RequestStatus.ACTIVE:
        if on >= expiry_from(filing, renewal):
            return DayStatus.EXPIREE
        return DayStatus.INCOMPLETE if incomplete else DayStatus.ACTIVE
    return DayStatus(status.value)


def lapse_cutoff(on: date) -> date:
    """Return the latest start (filing or renewal) of a request that has lapsed on ``on``.

    An ACTIVE request is "Expirée" on ``on`` exactly when its start is on or before this day
    (what :func:`status_on` says, in a form a database query can use).
    """
    day = date(on.year - 1, on.month, 28 if on.month == 2 and on.day == 29 else on.day)
    while add_years(day + timedelta(days=1), VALIDITY_YEARS) <= on:
        day += timedelta(days=1)
    while add_years(day, VALIDITY_YEARS) > on:
        day -= timedelta(days=1)
    return day


def request_status_on(request: Request, on: date) -> DayStatus:
    """Return the status of a request on a day (see :func:`status_on`)."""
    return status_on(
        request.status, request.filing_date, request.renewal_date, on, bool(request.to_complete)
    )


def months_between(start: date, end: date) -> int:
    """Return the number of full months from ``start`` to ``end`` (0 if end is before)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def seniority_months(request: Request, on: date) -> int:
    """Return the seniority of the request in full months, counted from its filing date."""
    return months_between(request.filing_date, on)
