"""Retention of personal data (brief §8.2): lapse, then anonymisation after a period.

The periods are rule-set data (``[retention]``): a request not renewed lapses
``validite_mois`` after its filing or last renewal; a closed or lapsed request is
anonymised ``anonymisation_apres_mois`` after its closing or lapse. Anonymising keeps what
statistics need (status, dates of filing and closing, household size and category, communes,
typology wished, employer, priority groups) and removes what identifies the person (names,
contact details, unique number, exact birth dates, exact income when a rounded one keeps the
same groups), then deletes the person's key so that their values in the audit log become
unreadable (crypto-shredding). The database file is then rewritten so that nothing of the
old values remains in free pages or in the write-ahead log.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from housingmatch.domain.model import Applicant, Request, RequestStatus
from housingmatch.domain.session import Session
from housingmatch.rules.dates import add_months
from housingmatch.rules.groups import priority_groups
from housingmatch.rules.household import household_category
from housingmatch.rules.permissions import Action, allowed, require
from housingmatch.rules.ruleset import RetentionRules, RuleSet
from housingmatch.services.matching import active_ruleset
from housingmatch.store import Store

ANONYMOUS_NAME = "ANONYME"
CLOSE_REASON = "(anonymisé)"


@dataclass(frozen=True, slots=True)
class RetentionDue:
    """A request whose personal data is to be anonymised, and why."""

    ref: str
    reason: str  # "close" or "caduque"
    since: date  # closing or lapse day
    due: date  # the day anonymisation is due


@dataclass(frozen=True, slots=True)
class RetentionReport:
    """What applying retention did."""

    on: date
    lapsed: int  # active requests past their validity on that day
    anonymised: list[str] = field(default_factory=list)
    already_anonymised: int = 0
    file_purged: bool = True

    def summary(self) -> str:
        """Return one French sentence."""
        text = (
            f"Conservation au {self.on.isoformat()} : {len(self.anonymised)} demande(s) "
            f"anonymisée(s), {self.already_anonymised} déjà anonymisée(s), "
            f"{self.lapsed} demande(s) active(s) caduque(s) faute de renouvellement."
        )
        if not self.file_purged:
            text += (
                " Une autre connexion ouverte a empêché de vider le journal d'écriture : "
                "relancez la commande quand l'application est fermée."
            )
        return text


def lapse_date(request: Request, rules: RetentionRules) -> date:
    """Return the day a request lapses if it is not renewed."""
    start = request.renewal_date or request.filing_date
    if request.renewal_date is not None and request.renewal_date < request.filing_date:
        start = request.filing_date
    return add_months(start, rules.validity_months)


def due_date(request: Request, rules: RetentionRules) -> RetentionDue:
    """Return when a request's personal data is due for anonymisation."""
    if request.status != RequestStatus.ACTIVE and request.closed_on is not None:
        since, reason = request.closed_on, "close"
    else:
        since, reason = lapse_date(request, rules), "caduque"
    return RetentionDue(request.ref, reason, since, add_months(since, rules.anonymise_after_months))


def _signature(request: Request, on: date, ruleset: RuleSet) -> tuple[object, ...]:
    """What statistics read from a request: its groups and household category on a date."""
    return (
        priority_groups(request, on, ruleset.groups),
        household_category(request.household, request.applicant.birth_date, on),
    )


def _coarse(day: date | None, precision: str) -> date | None:
    if day is None or precision == "day":
        return day
    return date(day.year, 1, 1) if precision == "year" else date(day.year, day.month, 1)


def anonymised(request: Request, ruleset: RuleSet, reference_day: date) -> Request:
    """Return the request without what identifies the person, its groups and category kept.

    Birth dates are kept to the year when that keeps the priority groups and the household
    category on ``reference_day`` (the closing or lapse day), else to the month, else exact;
    the income is rounded to the hundred under the same condition.
    """
    wanted = _signature(request, reference_day, ruleset)
    a, h = request.applicant, request.household
    for precision in ("year", "month", "day"):
        exact = precision == "day"
        candidate = replace(
            request,
            unique_number=None,
            applicant=Applicant(
                last_name=ANONYMOUS_NAME,
                first_name="",
                birth_date=_coarse(a.birth_date, precision) or a.birth_date,
                email=None,
                phone=None,
                address=None,
            ),
            household=replace(
                h,
                partner_birth_date=_coarse(h.partner_birth_date, precision),
                fiscal_income=h.fiscal_income if exact else float(round(h.fiscal_income, -2)),
                monthly_income=h.monthly_income if exact else None,
            ),
            workplace=replace(request.workplace, latitude=None, longitude=None),
            close_reason=CLOSE_REASON if request.close_reason else None,
        )
        if exact or _signature(candidate, reference_day, ruleset) == wanted:
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover


def pending(store: Store, session: Session, on: date) -> list[RetentionDue]:
    """Return the requests due for anonymisation on a date (not yet anonymised)."""
    require(session, Action.READ)
    rules = active_ruleset(store).retention
    done = store.requests.anonymised()
    due = (due_date(r, rules) for r in store.requests.all() if r.ref not in done)
    return sorted((d for d in due if d.due <= on), key=lambda d: (d.due, d.ref))


def apply_retention(
    store: Store, session: Session, on: date | None = None, purge: bool = True
) -> RetentionReport:
    """Anonymise every request whose retention period is over on ``on`` (today); audited.

    With ``purge`` (the default), the database file is then rewritten (WAL checkpoint and
    VACUUM) so that no deleted value or key survives in free pages.
    """
    require(session, Action.RETENTION_APPLY)
    on = on or date.today()
    ruleset = active_ruleset(store)
    rules = ruleset.retention
    done = store.requests.anonymised()
    requests = store.requests.all()
    lapsed = sum(
        1 for r in requests if r.status == RequestStatus.ACTIVE and lapse_date(r, rules) <= on
    )
    batch = []
    for request in requests:
        if request.ref in done:
            continue
        due = due_date(request, rules)
        if due.due > on:
            continue
        details = {
            "motif": due.reason,
            "depuis": due.since.isoformat(),
            "echeance": due.due.isoformat(),
        }
        batch.append((anonymised(request, ruleset, due.since), details))
    names = [r.ref for r, _ in batch]
    store.secure_delete(True)
    try:
        store.requests.anonymise(batch, on, session.user)
    finally:
        store.secure_delete(False)
    purged = store.purge_freed_pages() if names and purge else True
    return RetentionReport(on, lapsed, names, len(done), purged)


def apply_retention_at_start(store: Store, session: Session) -> RetentionReport | None:
    """Apply retention when the window opens, if the session may (None otherwise)."""
    if not allowed(session, Action.RETENTION_APPLY):
        return None
    return apply_retention(store, session)
