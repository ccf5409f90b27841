"""How requests are laid out in the table: columns, rows to records, summaries, the index columns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from housingmatch.domain.model import (
    Applicant,
    CurrentHousing,
    Employer,
    Household,
    Mobilite,
    ModeTransport,
    Motif,
    PrioriteL441,
    Request,
    RequestStatus,
    SituationLogement,
    TypeContrat,
    Wishes,
    Workplace,
)
from housingmatch.domain.text import fold
from housingmatch.errors import IdentityConflict

COLUMNS = (
    "ref",
    "unique_number",
    "filing_date",
    "renewal_date",
    "last_name",
    "first_name",
    "birth_date",
    "email",
    "phone",
    "address",
    "home_commune",
    "housing_situation",
    "current_rent",
    "employer_id",
    "work_commune",
    "work_latitude",
    "work_longitude",
    "transport",
    "contract",
    "mobility",
    "mobility_date",
    "persons",
    "dependants",
    "partner_birth_date",
    "disability",
    "fiscal_income",
    "monthly_income",
    "recent_income",
    "own_income",
    "children_under_14",
    "dalo",
    "typology_min",
    "typology_max",
    "max_rent",
    "needs_pmr",
    "needs_lift",
    "status",
    "closed_on",
    "close_reason",
    "tie_breaker",
    "search_key",
    "intake_missing",
    "uuid",
)

SELECT = (
    "SELECT r.id, "
    + ", ".join(f"r.{c}" for c in COLUMNS if c != "employer_id")
    + ", e.name, e.siret, r.parked_until"
    + " FROM requests r JOIN employers e ON e.id = r.employer_id"
)

CHUNK = 500

# What the candidate index reads (``index_columns``), by the names it is returned under.
INDEX_FIELDS = (
    "id",
    "ref",
    "status",
    "filing_date",
    "renewal_date",
    "birth_date",
    "partner_birth_date",
    "persons",
    "dependants",
    "disability",
    "fiscal_income",
    "monthly_income",
    "recent_income",
    "own_income",
    "children_under_14",
    "typology_min",
    "typology_max",
    "max_rent",
    "needs_pmr",
    "needs_lift",
    "mobility",
    "mobility_date",
    "housing_situation",
    "current_rent",
    "home_commune",
    "work_commune",
    "work_latitude",
    "work_longitude",
    "transport",
    "dalo",
    "tie_breaker",
    "parked_until",
    "intake_missing",
    "employer",
    "siret",
)
INDEX_SELECT = (
    "SELECT "
    + ", ".join(f"r.{c}" for c in INDEX_FIELDS[:-2])
    + ", e.name, e.siret FROM requests r JOIN employers e ON e.id = r.employer_id"
)


@dataclass(frozen=True, slots=True)
class IndexColumns:
    """Raw columns of every request (row-id order) and their child lists, for the index."""

    values: dict[str, list[Any]]
    motifs: list[tuple[str, ...]]
    l441: list[tuple[str, ...]]
    communes: list[tuple[str, ...]]


def iso_day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def search_key(request: Request) -> str:
    """Return the folded text the quick search looks in (name, refs, employer)."""
    parts = (
        request.applicant.last_name,
        request.applicant.first_name,
        request.ref,
        request.unique_number or "",
        request.employer.name,
    )
    # fold works character by character and collapses separators, so folding the parts
    # apart gives fold(" ".join(parts)); names and employers repeat, so their folds are
    # cached (an import of 100 000 rows spent a sixth of its writing time folding).
    return " ".join(folded for folded in map(_fold_part, parts) if folded)


_fold_part = lru_cache(maxsize=65536)(fold)


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    """What a bulk save did, by request reference."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RequestSummary:
    """The columns of the requests table, for lists and quick search."""

    id: int
    ref: str
    unique_number: str | None
    last_name: str
    first_name: str
    birth_date: date
    filing_date: date
    renewal_date: date | None
    employer: str
    home_commune: str
    work_commune: str
    persons: int
    fiscal_income: float
    dalo: bool
    l441: bool
    mobility: Mobilite
    housing_situation: SituationLogement
    status: RequestStatus
    typology_min: int | None
    typology_max: int | None
    search_key: str
    incomplete: bool = False  # a forum intake still to complete at the office


SUMMARY_SELECT = (
    "SELECT r.id, r.ref, r.unique_number, r.last_name, r.first_name, r.birth_date, "
    "r.filing_date, r.renewal_date, e.name, r.home_commune, r.work_commune, r.persons, "
    "r.fiscal_income, r.dalo, l.request_id IS NOT NULL, r.mobility, r.housing_situation, "
    "r.status, r.typology_min, r.typology_max, r.search_key, r.intake_missing IS NOT NULL "
    "FROM requests r JOIN employers e ON e.id = r.employer_id "
    "LEFT JOIN (SELECT DISTINCT request_id FROM request_l441) l ON l.request_id = r.id"
)
# Enum members by value: a dict lookup is several times cheaper than calling the enum.
_MOBILITY = {m.value: m for m in Mobilite}
_SITUATION = {m.value: m for m in SituationLogement}
_STATUS = {m.value: m for m in RequestStatus}
_fromiso = date.fromisoformat


def summary_of(row: Sequence[Any]) -> RequestSummary:
    return RequestSummary(
        id=row[0],
        ref=row[1],
        unique_number=row[2],
        last_name=row[3],
        first_name=row[4],
        birth_date=_fromiso(row[5]),
        filing_date=_fromiso(row[6]),
        renewal_date=_fromiso(row[7]) if row[7] else None,
        employer=row[8],
        home_commune=row[9],
        work_commune=row[10],
        persons=row[11],
        fiscal_income=row[12],
        dalo=bool(row[13]),
        l441=bool(row[14]),
        mobility=_MOBILITY[row[15]],
        housing_situation=_SITUATION[row[16]],
        status=_STATUS[row[17]],
        typology_min=row[18],
        typology_max=row[19],
        search_key=row[20],
        incomplete=bool(row[21]),
    )


def check_identity(request: Request, old: Request | None, elsewhere: dict[str, str]) -> None:
    """Refuse a save that would let a record born elsewhere take a local record's place.

    The rule: a request carrying no identifier (a file, the editor) is the local record of
    its reference; one carrying an identifier updates only the record born with it. Another
    identifier under an existing reference, or a known identifier under another reference,
    is refused and the whole save rolled back.
    """
    if request.uuid is None:
        return
    if old is not None and old.uuid != request.uuid:
        raise IdentityConflict(
            f"La référence « {request.ref} » est déjà celle d'une autre demande de cette base : "
            "une fiche venue d'ailleurs ne la remplace pas (rien n'a été enregistré)."
        )
    known = elsewhere.get(request.uuid)
    if old is None and known is not None and known != request.ref:
        raise IdentityConflict(
            f"Cette demande existe déjà dans la base sous la référence « {known} » : elle "
            f"ne peut pas être enregistrée aussi sous « {request.ref} » (rien n'a été enregistré)."
        )


_TRANSPORT = {m.value: m for m in ModeTransport}
_CONTRACT = {m.value: m for m in TypeContrat}
_MOTIF = {m.value: m for m in Motif}
_L441 = {m.value: m for m in PrioriteL441}


def row_to_request(
    row: Sequence[Any],
    motifs: dict[int, list[str]],
    l441: dict[int, list[str]],
    communes: dict[int, list[str]],
) -> Request:
    # Positional unpacking in SELECT's order: this runs 100 000 times when the engine loads.
    (
        rid,
        ref,
        unique_number,
        filing_date,
        renewal_date,
        last_name,
        first_name,
        birth_date,
        email,
        phone,
        address,
        home_commune,
        housing_situation,
        current_rent,
        work_commune,
        work_latitude,
        work_longitude,
        transport,
        contract,
        mobility,
        mobility_date,
        persons,
        dependants,
        partner_birth_date,
        disability,
        fiscal_income,
        monthly_income,
        recent_income,
        own_income,
        children_under_14,
        dalo,
        typology_min,
        typology_max,
        max_rent,
        needs_pmr,
        needs_lift,
        status,
        closed_on,
        close_reason,
        tie_breaker,
        _search_key,
        intake_missing,
        uuid,
        employer,
        siret,
        parked_until,
    ) = row
    return Request(
        id=rid,
        ref=ref,
        unique_number=unique_number,
        filing_date=_fromiso(filing_date),
        renewal_date=_fromiso(renewal_date) if renewal_date else None,
        applicant=Applicant(
            last_name=last_name,
            first_name=first_name,
            birth_date=_fromiso(birth_date),
            email=email,
            phone=phone,
            address=address,
        ),
        housing=CurrentHousing(
            commune=home_commune,
            situation=_SITUATION[housing_situation],
            rent=current_rent,
        ),
        employer=Employer(name=employer, siret=siret or None),
        workplace=Workplace(
            commune=work_commune,
            latitude=work_latitude,
            longitude=work_longitude,
            transport=_TRANSPORT[transport] if transport else None,
        ),
        contract=_CONTRACT[contract],
        mobility=_MOBILITY[mobility],
        mobility_date=_fromiso(mobility_date) if mobility_date else None,
        household=Household(
            persons=persons,
            dependants=dependants,
            partner_birth_date=_fromiso(partner_birth_date) if partner_birth_date else None,
            disability=bool(disability),
            fiscal_income=fiscal_income,
            monthly_income=monthly_income,
            recent_income=recent_income,
            own_income=own_income,
            children_under_14=children_under_14,
        ),
        motifs=tuple(_MOTIF[m] for m in motifs.get(rid, ())),
        dalo=bool(dalo),
        l441=tuple(_L441[c] for c in l441.get(rid, ())),
        wishes=Wishes(
            communes=tuple(communes.get(rid, ())),
            typology_min=typology_min,
            typology_max=typology_max,
            max_rent=max_rent,
            needs_pmr=bool(needs_pmr),
            needs_lift=bool(needs_lift),
        ),
        status=_STATUS[status],
        closed_on=_fromiso(closed_on) if closed_on else None,
        close_reason=close_reason,
        tie_breaker=tie_breaker,
        parked_until=_fromiso(parked_until) if parked_until else None,
        to_complete=tuple(intake_missing.split("|")) if intake_missing else (),
        uuid=uuid,
    )
