"""What an advisor uses at a company housing forum: the quick intake, the aids checker and the
offers to show."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from housingmatch.domain.model import (
    Applicant,
    CurrentHousing,
    Employer,
    Financement,
    Household,
    Mobilite,
    Request,
    SituationLogement,
    TypeContrat,
    UnitStatus,
    Wishes,
    Workplace,
    label,
    typology_name,
)
from housingmatch.domain.session import Session
from housingmatch.errors import UserError
from housingmatch.exchange.values import parse_amount, parse_date
from housingmatch.geo import default_gazetteer
from housingmatch.rules.aids import AidAnswer, AidCase, Secteur, Verdict, ZoneLoyer, aid_rules
from housingmatch.rules.aids import check_aids as _check_aids
from housingmatch.rules.intake import (
    INCOME_BAND_LABELS,
    INCOME_BAND_MONTHLY,
    INTAKE_MISSING,
    IncomeBand,
    intake_problems,
)
from housingmatch.rules.permissions import Action, require
from housingmatch.rules.validation import FieldProblem
from housingmatch.store import Store

__all__ = [
    "INCOME_BAND_LABELS",
    "AidAnswer",
    "AidCase",
    "IncomeBand",
    "Intake",
    "IntakeRefused",
    "Offer",
    "Secteur",
    "Verdict",
    "ZoneLoyer",
    "check_aids",
    "current_offers",
    "read_amount",
    "read_day",
    "resolve_communes",
    "save_intake",
]


def check_aids(case: AidCase) -> list[AidAnswer]:
    """Answer each Action Logement aid for the person described (nothing is stored)."""
    return _check_aids(case, aid_rules())


@dataclass(frozen=True, slots=True)
class Offer:
    """An open unit as it may be shown to an employee: no personal data, no internal notes."""

    ref: str
    commune: str
    typology: str
    surface: float
    monthly_rent: float
    financing: str
    qpv: bool
    landlord: str
    available_on: date | None

    def to_json(self) -> dict[str, object]:
        """Return the offer as plain JSON types."""
        return {
            "ref_logement": self.ref,
            "commune": self.commune,
            "typologie": self.typology,
            "surface": self.surface,
            "loyer_charges_comprises": round(self.monthly_rent, 2),
            "financement": self.financing,
            "qpv": self.qpv,
            "bailleur": self.landlord,
            "disponible_le": self.available_on.isoformat() if self.available_on else None,
        }


def current_offers(
    store: Store,
    session: Session,
    communes: tuple[str, ...] = (),
    typology_min: int | None = None,
    typology_max: int | None = None,
    max_rent: float | None = None,
    financings: tuple[Financement, ...] = (),
) -> list[Offer]:
    """Return the open units matching what the person wishes, cheapest first."""
    require(session, Action.READ)
    gaz = default_gazetteer()
    offers = []
    for unit in store.units.all(UnitStatus.OUVERT):
        if communes and unit.commune not in communes:
            continue
        if typology_min is not None and unit.typology < typology_min:
            continue
        if typology_max is not None and unit.typology > typology_max:
            continue
        if max_rent is not None and unit.total_rent > max_rent:
            continue
        if financings and unit.financing not in financings:
            continue
        commune = gaz.get(unit.commune)
        offers.append(
            Offer(
                ref=unit.ref,
                commune=commune.nom if commune else unit.commune,
                typology=typology_name(unit.typology),
                surface=unit.surface,
                monthly_rent=unit.total_rent,
                financing=label(unit.financing),
                qpv=bool(unit.qpv),
                landlord=unit.landlord,
                available_on=unit.available_on,
            )
        )
    offers.sort(key=lambda o: (o.monthly_rent, o.commune, o.ref))
    return offers


def resolve_communes(texts: list[str]) -> tuple[str, ...]:
    """Return the INSEE codes of communes typed by name or code; a French error otherwise."""
    gaz = default_gazetteer()
    codes = []
    for text in texts:
        try:
            codes.append(gaz.resolve(text).code_insee)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    return tuple(codes)


# -- the quick intake ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Intake:
    """What an advisor types at a stand; communes as typed (name, postal or INSEE code)."""

    last_name: str
    first_name: str
    birth_date: date | str | None  # typed text is read here: JJ/MM/AAAA, JJMMAAAA, AAAA-MM-JJ
    employer: str
    work_commune: str
    persons: int
    income_band: IncomeBand
    housing_situation: SituationLogement
    contract: TypeContrat
    email: str | None = None
    phone: str | None = None
    mobility: Mobilite = Mobilite.AUCUNE
    mobility_date: date | str | None = None
    wished_communes: tuple[str, ...] = ()
    typology_min: int | None = None
    typology_max: int | None = None
    max_rent: float | str | None = None
    on: date = field(default_factory=date.today)


class IntakeRefused(UserError):
    """The intake has problems; nothing was saved."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        """Keep the problems (by template field) and build one French paragraph."""
        self.problems = problems
        super().__init__("Fiche non enregistrée. " + " ".join(p.message for p in problems))


def _next_ref(store: Store, session: Session, on: date) -> str:
    """Return the reference of a new request: a provisional one on a forum laptop."""
    from housingmatch.services.identity import next_request_ref

    return next_request_ref(store, session, on)


_THE = {
    "date_naissance": "La date de naissance",
    "date_mobilite": "La date de la mobilité",
    "loyer_max": "Le loyer maximal",
}
_DIGITS_DATE = re.compile(r"^(\d{2})(\d{2})(\d{4})$")


def _day(field_name: str, value: date | str | None, problems: list[FieldProblem]) -> date | None:
    if value is None or isinstance(value, date):
        return value
    text = value.strip()
    if not text:
        return None
    digits = _DIGITS_DATE.match(text)
    if digits:  # typed without separators, as fast typists do
        text = "/".join(digits.groups())
    try:
        return parse_date(text)
    except ValueError:
        name = _THE[field_name]
        problems.append(
            FieldProblem(field_name, f"{name} « {value.strip()} » n'est pas une date (JJ/MM/AAAA).")
        )
        return None


def read_day(text: str) -> date | None:
    """Return the date typed so far, or None while it is not one (a form following typing)."""
    return _day("date_naissance", text, [])


def read_amount(text: str) -> float | None:
    """Return the amount typed so far, or None while it is not one."""
    return _amount("loyer_max", text, [])


def _amount(
    field_name: str, value: float | str | None, problems: list[FieldProblem]
) -> float | None:
    if value is None or isinstance(value, float | int):
        return value
    if not value.strip():
        return None
    try:
        return parse_amount(value)
    except ValueError:
        name = _THE[field_name]
        problems.append(
            FieldProblem(field_name, f"{name} « {value.strip()} » n'est pas un montant en euros.")
        )
        return None


def _communes(field_name: str, texts: tuple[str, ...], problems: list[FieldProblem]) -> list[str]:
    gaz = default_gazetteer()
    codes = []
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if text.endswith(")") and "(" in text:  # "Dijon (21231)" from the completer
            code = text.rsplit("(", 1)[1].rstrip(")").strip()
            if gaz.get(code) is not None:
                codes.append(code)
                continue
        try:
            codes.append(gaz.resolve(text).code_insee)
        except ValueError as exc:
            problems.append(FieldProblem(field_name, str(exc)))
    return codes


def intake_request(intake: Intake, ref: str) -> tuple[Request, list[FieldProblem]]:
    """Return the incomplete request an intake describes and its problems (empty: saveable)."""
    problems: list[FieldProblem] = []
    birth = _day("date_naissance", intake.birth_date, problems)
    if birth is None and not problems:
        problems.append(FieldProblem("date_naissance", "La date de naissance est obligatoire."))
    mobility_date = _day("date_mobilite", intake.mobility_date, problems)
    max_rent = _amount("loyer_max", intake.max_rent, problems)
    work = _communes("commune_travail", (intake.work_commune,), problems)
    wished = _communes("communes_souhaitees", intake.wished_communes, problems)
    if not intake.work_commune.strip():
        problems.append(
            FieldProblem("commune_travail", "La commune du lieu de travail est obligatoire.")
        )
    request = Request(
        ref=ref,
        filing_date=intake.on,
        applicant=Applicant(
            last_name=intake.last_name.strip(),
            first_name=intake.first_name.strip(),
            birth_date=birth or intake.on,
            email=(intake.email or "").strip() or None,
            phone=(intake.phone or "").strip() or None,
        ),
        household=Household(
            persons=intake.persons,
            fiscal_income=0.0,  # to complete at the office from the tax notice
            monthly_income=INCOME_BAND_MONTHLY[intake.income_band],
        ),
        employer=Employer(intake.employer.strip()),
        workplace=Workplace(commune=work[0] if work else ""),
        contract=intake.contract,
        housing=CurrentHousing(commune="", situation=intake.housing_situation),
        wishes=Wishes(
            communes=tuple(dict.fromkeys(wished)),
            typology_min=intake.typology_min,
            typology_max=intake.typology_max,
            max_rent=max_rent,
        ),
        mobility=intake.mobility,
        mobility_date=mobility_date,
        to_complete=INTAKE_MISSING,
    )
    checked = intake_problems(request)
    if birth is None:  # already said: the placeholder birth date must not add a second message
        checked = [p for p in checked if p.field != "date_naissance"]
    problems += checked
    # The work commune's and the birth date's problems may be found twice: say each once.
    return request, list(dict.fromkeys(problems))


def save_intake(store: Store, session: Session, intake: Intake, ref: str | None = None) -> str:
    """Validate and save a forum intake as an incomplete request; return its reference.

    The checks are the import's (``rules.validation``) less the fields the intake leaves to
    the office; a refused intake raises :class:`IntakeRefused` and writes nothing. With
    ``ref``, the intake corrects the incomplete request it saved a moment ago.
    """
    require(session, Action.EDIT_RECORDS)
    if ref is not None:
        existing = store.requests.get(ref)
        if existing is None or not existing.to_complete:
            raise UserError(f"La demande « {ref} » n'est pas une fiche de forum à compléter.")
        tie_breaker = existing.tie_breaker
    else:
        ref = _next_ref(store, session, intake.on)
        tie_breaker = None
    request, problems = intake_request(intake, ref)
    if problems:
        raise IntakeRefused(problems)
    request = replace(request, tie_breaker=tie_breaker)
    store.requests.save_many([request], session.user, "forum", preserve_state=False)
    return ref
