"""Create, edit, close and look up requests and units, with validation and audit."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from housingmatch.domain.model import Request, RequestStatus, Unit, UnitStatus
from housingmatch.domain.session import Session
from housingmatch.errors import UserError
from housingmatch.rules.dates import (
    DAY_STATUS_LABELS,
    DayStatus,
    expiry_from,
    lapse_cutoff,
    status_on,
)
from housingmatch.rules.permissions import Action, require
from housingmatch.rules.validation import FieldProblem, validate_request, validate_unit
from housingmatch.store import Store
from housingmatch.store.requests import RequestSummary


class ValidationFailed(UserError):
    """The record has problems; nothing was saved."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        """Keep the problems and build a one-paragraph French message."""
        self.problems = problems
        text = " ".join(f"{p.field} : {p.message}" for p in problems)
        super().__init__(f"Enregistrement refusé. {text}")


def get_request(store: Store, session: Session, ref: str) -> Request:
    """Return a request by reference, or raise a French error."""
    require(session, Action.READ)
    request = store.requests.get(ref)
    if request is None:
        raise UserError(f"Aucune demande n'a la référence « {ref} ».")
    return request


def get_unit(store: Store, session: Session, ref: str) -> Unit:
    """Return a unit by reference, or raise a French error."""
    require(session, Action.READ)
    unit = store.units.get(ref)
    if unit is None:
        raise UserError(f"Aucun logement n'a la référence « {ref} ».")
    return unit


def save_request(
    store: Store,
    session: Session,
    request: Request,
    today: date | None = None,
    original_ref: str | None = None,
) -> Request:
    """Validate and save a request; audited. Raise ValidationFailed.

    ``original_ref`` is the reference of the request being edited (None: a new request). A new
    request without a reference gets this database's next one (``services.identity``: a
    provisional ``F-…`` reference on a forum laptop). A new request may not take an existing reference, and an edited one keeps its reference: either
    would silently overwrite or orphan a record.
    """
    require(session, Action.EDIT_RECORDS)
    if original_ref is None and not request.ref.strip():
        from housingmatch.services.identity import next_request_ref

        request = replace(request, ref=next_request_ref(store, session, today))
    problems = validate_request(request, today)
    problems += _reference_problems(
        "ref_demande", "une demande", request.ref, original_ref, store.requests.get(request.ref)
    )
    if problems:
        raise ValidationFailed(problems)
    if request.to_complete:
        # A forum intake passing the whole validation at the office is complete (the editor
        # leaves its income blank and its home commune is empty until the advisor types them).
        request = replace(request, to_complete=())
    return store.requests.save(request, session.user)


def _reference_problems(
    field: str, one: str, ref: str, original_ref: str | None, existing: object | None
) -> list[FieldProblem]:
    if original_ref is None and existing is not None:
        return [FieldProblem(field, f"{one.capitalize()} porte déjà la référence « {ref} ».")]
    if original_ref is not None and ref != original_ref:
        message = f"La référence ne peut pas être modifiée (elle reste « {original_ref} »)."
        return [FieldProblem(field, message)]
    return []


def close_request(
    store: Store, session: Session, ref: str, reason: str, on: date | None = None
) -> Request:
    """Close a request with a reason; audited."""
    require(session, Action.EDIT_RECORDS)
    if not reason.strip():
        raise UserError("Indiquez le motif de clôture de la demande.")
    request = get_request(store, session, ref)
    if request.status == RequestStatus.CLOSE:
        raise UserError(f"La demande « {ref} » est déjà close.")
    closed = replace(
        request, status=RequestStatus.CLOSE, closed_on=on or date.today(), close_reason=reason
    )
    return store.requests.save(closed, session.user, source="clôture")


def reopen_request(store: Store, session: Session, ref: str) -> Request:
    """Reopen a closed request; audited."""
    require(session, Action.EDIT_RECORDS)
    request = get_request(store, session, ref)
    reopened = replace(request, status=RequestStatus.ACTIVE, closed_on=None, close_reason=None)
    return store.requests.save(reopened, session.user, source="réouverture")


def save_unit(store: Store, session: Session, unit: Unit, original_ref: str | None = None) -> Unit:
    """Validate and save a unit; audited. Raise ValidationFailed (see :func:`save_request`)."""
    require(session, Action.EDIT_RECORDS)
    problems = validate_unit(unit)
    problems += _reference_problems(
        "ref_logement", "un logement", unit.ref, original_ref, store.units.get(unit.ref)
    )
    if problems:
        raise ValidationFailed(problems)
    return store.units.save(unit, session.user)


def request_summaries(store: Store, session: Session) -> list[RequestSummary]:
    """Return the list columns of every request (for the requests table)."""
    require(session, Action.READ)
    return store.requests.summaries()


def request_summary(store: Store, session: Session, ref: str) -> RequestSummary | None:
    """Return the list columns of one request, or None."""
    require(session, Action.READ)
    return store.requests.summary(ref)


def list_units(store: Store, session: Session, status: UnitStatus | None = None) -> list[Unit]:
    """Return every unit (or those with ``status``), by reference."""
    require(session, Action.READ)
    return store.units.all(status=status) if status is not None else store.units.all()


def find_request(store: Store, session: Session, ref: str) -> Request | None:
    """Return a request by reference, or None."""
    require(session, Action.READ)
    return store.requests.get(ref)


def find_unit(store: Store, session: Session, ref: str) -> Unit | None:
    """Return a unit by reference, or None."""
    require(session, Action.READ)
    return store.units.get(ref)


def request_count(store: Store, session: Session) -> int:
    """Return the number of requests."""
    require(session, Action.READ)
    return store.requests.count()


def unit_count(store: Store, session: Session) -> int:
    """Return the number of units."""
    require(session, Action.READ)
    return store.units.count()


@dataclass(frozen=True, slots=True)
class Counts:
    """How many requests and units, and how many are active or open."""

    requests: int
    requests_active: int
    units: int
    units_open: int


def counts(store: Store, session: Session) -> Counts:
    """Return the record counts shown in the status bar."""
    require(session, Action.READ)
    return Counts(
        store.requests.count(),
        store.requests.count(RequestStatus.ACTIVE),
        store.units.count(),
        store.units.count(UnitStatus.OUVERT),
    )


@dataclass(frozen=True, slots=True)
class PersonInfo:
    """What the matching tables show of a request besides its reference."""

    name: str
    employer: str
    persons: int


def people(store: Store, session: Session, refs: list[str]) -> dict[str, PersonInfo]:
    """Return the name, employer and household size of these requests (those found)."""
    require(session, Action.READ)
    found = store.requests.get_many(refs)
    return {
        ref: PersonInfo(r.display_name, r.employer.name, r.household.persons)
        for ref, r in found.items()
    }


def summary_status(summary: RequestSummary, on: date) -> DayStatus:
    """Return the status of a listed request on a day ("Expirée" once lapsed)."""
    return status_on(
        summary.status, summary.filing_date, summary.renewal_date, on, summary.incomplete
    )


def summary_status_label(summary: RequestSummary, on: date) -> str:
    """Return the French status of a listed request on a day ("Active", "Expirée", …)."""
    return DAY_STATUS_LABELS[summary_status(summary, on)]


def status_counts(summaries: list[RequestSummary], on: date) -> dict[DayStatus, int]:
    """Return the number of requests in each status of the day."""
    counts = dict.fromkeys(DayStatus, 0)
    for s in summaries:
        counts[summary_status(s, on)] += 1
    return counts


def request_counts(store: Store, session: Session, on: date) -> dict[DayStatus, int]:
    """Return the number of requests in each status of the day (status bar), counted in SQL."""
    require(session, Action.READ)
    found = store.requests.day_status_counts(lapse_cutoff(on))
    return {status: found.get(status.value, 0) for status in DayStatus}


@dataclass(frozen=True, slots=True)
class Dashboard:
    """The figures of the dashboard on a date."""

    on: date
    requests_total: int
    requests_active: int
    requests_expired: int
    units_total: int
    units_open: int
    units_due_soon: list[Unit]
    requests_expiring: list[tuple[RequestSummary, date]]


def dashboard(
    store: Store, session: Session, on: date, unit_days: int = 7, request_days: int = 30
) -> Dashboard:
    """Return the counts, units whose deadline is near and requests about to lapse."""
    require(session, Action.READ)
    units = store.units.all()
    open_units = [u for u in units if u.status == UnitStatus.OUVERT]
    due = sorted(
        (
            u
            for u in open_units
            if u.proposal_deadline is not None
            and on <= u.proposal_deadline <= on + timedelta(days=unit_days)
        ),
        key=lambda u: (u.proposal_deadline, u.ref),
    )
    expiring = []
    summaries = store.requests.summaries()
    counts = status_counts(summaries, on)
    for s in summaries:
        if summary_status(s, on) is not DayStatus.ACTIVE:
            continue
        end = expiry_from(s.filing_date, s.renewal_date)
        if on <= end <= on + timedelta(days=request_days):
            expiring.append((s, end))
    expiring.sort(key=lambda pair: (pair[1], pair[0].ref))
    return Dashboard(
        on=on,
        requests_total=len(summaries),
        requests_active=counts[DayStatus.ACTIVE],
        requests_expired=counts[DayStatus.EXPIREE],
        units_total=len(units),
        units_open=len(open_units),
        units_due_soon=due,
        requests_expiring=expiring,
    )


__all__ = [
    "DAY_STATUS_LABELS",
    "Counts",
    "Dashboard",
    "DayStatus",
    "PersonInfo",
    "RequestSummary",
    "ValidationFailed",
    "close_request",
    "counts",
    "dashboard",
    "find_request",
    "find_unit",
    "get_request",
    "get_unit",
    "list_units",
    "people",
    "reopen_request",
    "request_count",
    "request_counts",
    "request_summaries",
    "request_summary",
    "save_request",
    "save_unit",
    "status_counts",
    "summary_status",
    "summary_status_label",
    "unit_count",
]
