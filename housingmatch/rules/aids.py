"""The Action Logement aids checker: Visale, Mobili-Jeune, Mobili-Pass, Avance Loca-Pass.

For the person in front of an advisor at a forum, each aid is answered *éligible*, *non
éligible* or *à vérifier*, with the reasons. The conditions are three-valued: a fact the
advisor has not entered never counts for or against the person, it makes the answer "à
vérifier" and names what to ask. The rules and amounts are dated data
(``resources/rulesets/aides_action_logement.toml``, brief §6); the period in force on the day
asked is used.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from housingmatch.domain.model import LABELS, Mobilite, TypeContrat
from housingmatch.errors import UserError
from housingmatch.paths import resource
from housingmatch.rules.groups import add_months
from housingmatch.rules.household import age_on


class Verdict(StrEnum):
    """The answer for one aid."""

    ELIGIBLE = "ELIGIBLE"
    NON_ELIGIBLE = "NON_ELIGIBLE"
    A_VERIFIER = "A_VERIFIER"

    @property
    def label(self) -> str:
        """Return the French label."""
        return {"ELIGIBLE": "Éligible", "NON_ELIGIBLE": "Non éligible", "A_VERIFIER": "À vérifier"}[
            self.value
        ]


class Secteur(StrEnum):
    """The employer's sector, as the aids distinguish it."""

    PRIVE = "PRIVE"  # private, non-agricultural
    AGRICOLE = "AGRICOLE"
    PUBLIC = "PUBLIC"


class ZoneLoyer(StrEnum):
    """Where the rent is, for Visale's rent caps."""

    ILE_DE_FRANCE = "ile_de_france"
    AGGLOMERATION_PLUS_100000 = "agglomeration_plus_100000"
    AUTRES = "autres"


#: Dijon Métropole is an agglomeration of more than 100 000 inhabitants.
DEFAULT_ZONE_LOYER = ZoneLoyer.AGGLOMERATION_PLUS_100000

_NON_PERMANENT = frozenset(
    {
        TypeContrat.CDD,
        TypeContrat.INTERIM,
        TypeContrat.APPRENTISSAGE,
        TypeContrat.PROFESSIONNALISATION,
        TypeContrat.STAGE,
    }
)
_ALTERNANCE = frozenset({TypeContrat.APPRENTISSAGE, TypeContrat.PROFESSIONNALISATION})


@dataclass(frozen=True, slots=True)
class AidCase:
    """What the advisor knows of the person; ``None`` means not asked yet."""

    on: date
    birth_date: date | None = None
    secteur: Secteur | None = None
    company_size: int | None = None
    contract: TypeContrat | None = None
    mobility: Mobilite | None = None
    mobility_date: date | None = None
    net_monthly_salary: float | None = None
    gross_monthly_salary: float | None = None
    monthly_resources: float | None = None
    rent: float | None = None
    move_km: float | None = None
    trip_minutes: float | None = None
    double_rent: bool | None = None
    student: bool | None = None
    scholarship: bool | None = None
    job_seeking: bool | None = None
    move_in_date: date | None = None
    zone_loyer: ZoneLoyer = DEFAULT_ZONE_LOYER


@dataclass(frozen=True, slots=True)
class AidAnswer:
    """The answer for one aid, with what decided it."""

    code: str
    label: str
    verdict: Verdict
    reasons: tuple[str, ...]
    to_ask: tuple[str, ...]
    amount: str
    note: str
    period_from: date
    sources: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """Return the answer as plain JSON types (codes kept for scripts)."""
        return {
            "aide": self.code,
            "libelle": self.label,
            "verdict": self.verdict.value,
            "raisons": list(self.reasons),
            "a_demander": list(self.to_ask),
            "montant": self.amount,
            "note": self.note,
            "regle_depuis": self.period_from.isoformat(),
            "sources": list(self.sources),
        }


@dataclass(frozen=True, slots=True)
class _Check:
    """One condition: True, False or unknown (None), with its French explanation."""

    value: bool | None
    text: str
    ask: str = ""


def _all(*checks: _Check) -> bool | None:
    values = [c.value for c in checks]
    if False in values:
        return False
    if None in values:
        return None
    return True


def _any(*checks: _Check) -> bool | None:
    values = [c.value for c in checks]
    if True in values:
        return True
    if None in values:
        return None
    return False


@cache
def _load(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def aid_rules(path: Path | None = None) -> dict[str, Any]:
    """Return the aids rule data (the shipped file unless ``path`` is given)."""
    return _load(path or resource("rulesets", "aides_action_logement.toml"))


def _period(rules: dict[str, Any], code: str, on: date) -> tuple[date, dict[str, Any]]:
    periods = sorted(rules[code]["periodes"], key=lambda p: p["depuis"])
    in_force = [p for p in periods if date.fromisoformat(str(p["depuis"])) <= on]
    if not in_force:
        raise UserError(
            f"Les règles de l'aide {rules[code]['libelle']} ne commencent qu'au "
            f"{periods[0]['depuis']} : aucune règle pour le {on:%d/%m/%Y}."
        )
    period = in_force[-1]
    return date.fromisoformat(str(period["depuis"])), period


def _answer(
    rules: dict[str, Any], code: str, since: date, result: bool | None, checks: list[_Check]
) -> AidAnswer:
    aid = rules[code]
    wanted = {True: (True,), False: (False,), None: (True, None)}[result]
    reasons = tuple(dict.fromkeys(c.text for c in checks if c.value in wanted and c.text))
    verdict = {True: Verdict.ELIGIBLE, False: Verdict.NON_ELIGIBLE, None: Verdict.A_VERIFIER}[
        result
    ]
    to_ask = tuple(dict.fromkeys(c.ask for c in checks if c.value is None and c.ask))
    return AidAnswer(
        code=code,
        label=str(aid["libelle"]),
        verdict=verdict,
        reasons=reasons,
        to_ask=to_ask if verdict is Verdict.A_VERIFIER else (),
        amount=str(aid.get("montant", "")),
        note=str(aid.get("note", "")),
        period_from=since,
        sources=tuple(aid.get("sources", ())),
    )


def _age(case: AidCase) -> int | None:
    return None if case.birth_date is None else age_on(case.birth_date, case.on)


def _euros(amount: float) -> str:
    return f"{amount:,.0f} €".replace(",", " ")


def _event_within(
    case: AidCase, kinds: set[Mobilite], before: int, after: int, what: str
) -> _Check:
    """The mobility event is one of ``kinds``, from ``before`` months ahead to ``after`` ago."""
    if case.mobility is None:
        return _Check(None, f"{what} : événement non renseigné", "l'événement de mobilité")
    if case.mobility not in kinds:
        return _Check(False, f"aucun événement ouvrant droit ({what})")
    if case.mobility_date is None:
        return _Check(None, f"{what} : date non renseignée", "la date de l'événement")
    start, end = add_months(case.on, -after), add_months(case.on, before)
    event = f"{LABELS[case.mobility]} le {case.mobility_date:%d/%m/%Y}"
    if start <= case.mobility_date <= end:
        return _Check(True, f"{event}, dans la période ouverte")
    if before and after:
        window = f"de {before} mois avant à {after} mois après l'événement"
    elif before:
        window = f"moins de {before} mois à l'avance"
    else:
        window = f"{after} mois au plus après l'événement"
    return _Check(False, f"{event}, hors de la période ({window})")


def _distance(case: AidCase, km: float, minutes: float, extra: _Check | None = None) -> _Check:
    """The move is long enough (distance or trip time), or ``extra`` (a double rent) holds."""
    if (case.move_km is not None and case.move_km >= km) or (
        case.trip_minutes is not None and case.trip_minutes >= minutes
    ):
        return _Check(True, f"éloignement d'au moins {km:.0f} km ou {minutes:.0f} min de trajet")
    if extra is not None and extra.value is True:
        return _Check(True, "double loyer pendant la période de mobilité")
    both_short = case.move_km is not None and case.trip_minutes is not None
    if both_short and (extra is None or extra.value is False):
        return _Check(
            False, f"éloignement inférieur à {km:.0f} km et à {minutes:.0f} min de trajet"
        )
    return _Check(
        None, "distance du déménagement non renseignée", "la distance et le temps de trajet"
    )


def _private(case: AidCase, agricultural_ok: bool) -> _Check:
    if case.secteur is None:
        return _Check(None, "secteur de l'employeur non renseigné", "le secteur de l'employeur")
    if case.secteur == Secteur.PRIVE or (agricultural_ok and case.secteur == Secteur.AGRICOLE):
        return _Check(True, "salarié d'une entreprise du secteur privé")
    sector = "public" if case.secteur == Secteur.PUBLIC else "agricole"
    return _Check(False, f"employeur du secteur {sector}")


def visale(case: AidCase, rules: dict[str, Any]) -> AidAnswer:
    """Visale: 18 to 30 inclusive, or over 30 with a recent hire, mutation, promise or low pay."""
    since, p = _period(rules, "visale", case.on)
    age, low, high = _age(case), int(p["age_min"]), int(p["age_max_tout_public"])
    if age is None:
        young = _Check(None, "âge non renseigné", "la date de naissance")
    elif age < low:
        young = _Check(False, f"{age} ans : moins de {low} ans")
    elif age <= high:
        young = _Check(
            True, f"{age} ans : de {low} à {high} ans inclus, quelle que soit la situation"
        )
    else:
        young = _Check(False, f"{age} ans : plus de {high} ans")
    checks = [young]
    adult = _Check(None if age is None else age >= low, "")
    if young.value is True:
        route: bool | None = True
    else:
        # Over 30 (or age unknown): the employee route.
        months = int(p["mois_apres_prise_de_poste"])
        hire = _event_within(
            case, {Mobilite.EMBAUCHE, Mobilite.MUTATION}, 0, months, "prise de poste ou mutation"
        )
        promise = _event_within(
            case,
            {Mobilite.PROMESSE_EMBAUCHE},
            int(p["mois_promesse_embauche"]),
            0,
            "promesse d'embauche",
        )
        if case.mobility is not Mobilite.PROMESSE_EMBAUCHE:
            promise = _Check(promise.value, "", promise.ask)
        cap = float(p["salaire_net_max_plus_30_ans"])
        if case.net_monthly_salary is None:
            pay = _Check(None, "salaire net mensuel non renseigné", "le salaire net mensuel")
        else:
            under = case.net_monthly_salary <= cap
            pay = _Check(
                under,
                f"salaire net de {_euros(case.net_monthly_salary)} "
                f"({'au plus' if under else 'au-delà de'} {_euros(cap)})",
            )
        sector = _private(case, agricultural_ok=True)
        employee = _Check(_all(sector, _Check(_any(hire, promise, pay), "")), "")
        route = _all(adult, _Check(_any(young, employee), ""))
        if adult.value is not False:
            checks += [sector, hire, promise, pay]
    cap_rent = float(p["loyer_max"][case.zone_loyer.value])
    if case.rent is None:
        rent = _Check(None, "loyer du logement visé non renseigné", "le loyer charges comprises")
    else:
        under = case.rent <= cap_rent
        rent = _Check(
            under,
            f"loyer de {_euros(case.rent)} "
            f"({'au plus' if under else 'au-delà du plafond de'} {_euros(cap_rent)})",
        )
    resources = case.monthly_resources or case.net_monthly_salary
    limit = float(p["taux_effort_max"])
    if case.rent is None or resources is None:
        effort = _Check(None, "", "les ressources mensuelles")
    else:
        ratio = case.rent / resources if resources > 0 else float("inf")
        effort = _Check(
            ratio <= limit,
            f"loyer égal à {ratio * 100:.0f} % des ressources (au plus {limit * 100:.0f} %)",
        )
    checks += [rent, effort]
    return _answer(rules, "visale", since, _all(_Check(route, ""), rent, effort), checks)


def mobili_jeune(case: AidCase, rules: dict[str, Any]) -> AidAnswer:
    """Mobili-Jeune: an alternant under 30 in a private firm, modest pay, a real move."""
    since, p = _period(rules, "mobili_jeune", case.on)
    age = _age(case)
    if age is None:
        young = _Check(None, "âge non renseigné", "la date de naissance")
    else:
        young = _Check(
            age < p["age_max_exclu"], f"{age} ans (moins de {p['age_max_exclu']} ans requis)"
        )
    if case.contract is None:
        contract = _Check(None, "contrat de travail non renseigné", "le contrat de travail")
    else:
        contract = _Check(
            case.contract in _ALTERNANCE,
            "contrat d'apprentissage ou de professionnalisation"
            if case.contract in _ALTERNANCE
            else "pas en alternance (apprentissage ou professionnalisation requis)",
        )
    sector = _private(case, agricultural_ok=False)
    cap = float(p["smic_mensuel_brut"]) * float(p["salaire_max_pourcentage_smic"]) / 100
    if case.gross_monthly_salary is None:
        pay = _Check(None, "salaire brut mensuel non renseigné", "le salaire brut mensuel")
    else:
        pay = _Check(
            case.gross_monthly_salary <= cap,
            f"salaire brut de {_euros(case.gross_monthly_salary)} "
            f"(au plus {p['salaire_max_pourcentage_smic']} % du SMIC, {_euros(cap)})",
        )
    double = (
        _Check(None, "", "")
        if case.double_rent is None
        else _Check(case.double_rent, "double loyer")
    )
    move = _distance(case, float(p["distance_min_km"]), float(p["trajet_min_minutes"]), double)
    checks = [young, contract, sector, pay, move]
    return _answer(rules, "mobili_jeune", since, _all(*checks), checks)


def mobili_pass(case: AidCase, rules: dict[str, Any]) -> AidAnswer:
    """Mobili-Pass: a hire or mutation forcing a long move, in a private firm of 10 or more."""
    since, p = _period(rules, "mobili_pass", case.on)
    event = _event_within(
        case,
        {Mobilite.EMBAUCHE, Mobilite.MUTATION, Mobilite.DEMENAGEMENT_ENTREPRISE},
        p["mois_avant_evenement"],
        p["mois_apres_evenement"],
        "embauche, mutation ou déménagement de l'entreprise",
    )
    move = _distance(case, float(p["distance_min_km"]), float(p["trajet_min_minutes"]))
    sector = _private(case, agricultural_ok=False)
    if case.company_size is None:
        size = _Check(None, "effectif de l'entreprise non renseigné", "l'effectif de l'entreprise")
    else:
        size = _Check(
            case.company_size >= p["effectif_min"],
            f"entreprise de {case.company_size} salariés (au moins {p['effectif_min']})",
        )
    checks = [event, move, sector, size]
    result = _all(*checks)
    suspended = p.get("suspendue_depuis")
    if result is not False and suspended and date.fromisoformat(str(suspended)) <= case.on:
        day = date.fromisoformat(str(suspended))
        checks.append(
            _Check(
                None,
                f"aide suspendue depuis le {day:%d/%m/%Y} (budget épuisé) : vérifier sa réouverture",
                "si l'aide est rouverte",
            )
        )
        result = None
    return _answer(rules, "mobili_pass", since, result, checks)


def avance_loca_pass(case: AidCase, rules: dict[str, Any]) -> AidAnswer:
    """Avance Loca-Pass: private employees, young people in training or precarious jobs, students."""
    since, p = _period(rules, "avance_loca_pass", case.on)
    employee = _private(case, agricultural_ok=False)
    age, limit = _age(case), int(p["age_max_exclu_jeunes"])
    contract = _Check(
        None if case.contract is None else case.contract in _NON_PERMANENT,
        "" if case.contract is None else f"en {LABELS[case.contract].lower()}",
        "le contrat de travail",
    )
    seeking = _Check(case.job_seeking, "en recherche d'emploi", "si la personne cherche un emploi")
    precarious = _any(contract, seeking)
    what = f"moins de {limit} ans en formation, en recherche d'emploi ou en emploi non permanent"
    under = _Check(None if age is None else age < limit, "", "la date de naissance")
    young_value = _all(under, _Check(precarious, ""))
    if young_value is True:
        situation = seeking.text if case.job_seeking else f"{contract.text} (emploi non permanent)"
        young = _Check(True, f"{age} ans, {situation}")
    else:
        young = _Check(young_value, "", under.ask if under.value is None else contract.ask)
    if case.student is None:
        student = _Check(None, "", "si la personne est étudiante")
    elif not case.student:
        student = _Check(False, "")
    elif case.scholarship or case.secteur is not None:
        student = _Check(True, "étudiant boursier ou salarié")
    else:
        student = _Check(None, "étudiant", "si l'étudiant est boursier ou salarié")
    public = _any(employee, young, student)
    if public is False:
        employee = _Check(False, f"ni salarié du secteur privé, ni {what}, ni étudiant boursier")
    if case.move_in_date is None:
        timely = _Check(None, "date d'entrée dans le logement non renseignée", "la date d'entrée")
    else:
        end = add_months(case.move_in_date, int(p["mois_apres_entree"]))
        timely = _Check(
            case.on <= end,
            f"demande au plus {p['mois_apres_entree']} mois après l'entrée du "
            f"{case.move_in_date:%d/%m/%Y}"
            + ("" if case.on <= end else f" : délai dépassé depuis le {end:%d/%m/%Y}"),
        )
    checks = [employee, young, student, timely]
    if public is True:
        checks = [c for c in (employee, young, student) if c.value is True] + [timely]
    return _answer(rules, "avance_loca_pass", since, _all(_Check(public, ""), timely), checks)


def check_aids(case: AidCase, rules: dict[str, Any] | None = None) -> list[AidAnswer]:
    """Return the answer for each aid, in the order an advisor presents them."""
    rules = rules or aid_rules()
    return [
        visale(case, rules),
        mobili_jeune(case, rules),
        avance_loca_pass(case, rules),
        mobili_pass(case, rules),
    ]
