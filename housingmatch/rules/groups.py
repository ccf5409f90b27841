"""Priority groups of a request on a date, and first-quartile status.

ANI groups (brief §2.1): JEUNE (under the rule set's age limit on the ranking date), MOBILITE
(a dated professional mobility event within the rule set's window around the ranking date),
DIFFICULTE (a housing situation or motif of the rule set's list, or a current rent effort
above its limit). Legal layers (brief §2.2, §2.3): DALO and PRIORITAIRE_L441. A request may
be in several groups.
"""

from __future__ import annotations

import calendar
from datetime import date
from enum import StrEnum

from housingmatch.domain.model import PrioriteL441, Request
from housingmatch.rules.household import age_on, consumption_units
from housingmatch.rules.ruleset import GroupRules


class Group(StrEnum):
    """A priority group; the order of the members is the display order."""

    DALO = "DALO"
    PRIORITAIRE_L441 = "PRIORITAIRE_L441"
    JEUNE = "JEUNE"
    MOBILITE = "MOBILITE"
    DIFFICULTE = "DIFFICULTE"


GROUP_LABELS: dict[Group, str] = {
    Group.DALO: "Ménage reconnu DALO",
    Group.PRIORITAIRE_L441: "Public prioritaire (CCH L441-1)",
    Group.JEUNE: "Jeune de moins de 30 ans",
    Group.MOBILITE: "Mobilité professionnelle",
    Group.DIFFICULTE: "Difficulté de logement",
}

GROUP_ORDER: tuple[Group, ...] = tuple(Group)


class QuartileStatus(StrEnum):
    """First-quartile status of a household for the attribution obligations (brief §2.5)."""

    PREMIER_QUARTILE = "PREMIER_QUARTILE"
    AUTRES_QUARTILES = "AUTRES_QUARTILES"
    INCONNU = "INCONNU"


QUARTILE_LABELS: dict[QuartileStatus, str] = {
    QuartileStatus.PREMIER_QUARTILE: "1er quartile",
    QuartileStatus.AUTRES_QUARTILES: "Quartiles 2 à 4",
    QuartileStatus.INCONNU: "inconnu",
}


def add_months(day: date, months: int) -> date:
    """Return the same day ``months`` later (or earlier), clamped to the month's last day."""
    total = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(total, 12)
    last_day = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last_day))


def mobility_window(on: date, rules: GroupRules) -> tuple[date, date]:
    """Return the first and last event dates that make a request MOBILITE on a ranking date."""
    return add_months(on, -rules.months_after_event), add_months(on, rules.months_before_event)


def is_jeune(request: Request, on: date, rules: GroupRules) -> bool:
    """Tell whether the applicant is under the age limit on the date."""
    return age_on(request.applicant.birth_date, on) < rules.age_limit


def is_mobilite(request: Request, on: date, rules: GroupRules) -> bool:
    """Tell whether a dated mobility event of the rule set falls within the window."""
    if request.mobility not in rules.mobility_events or request.mobility_date is None:
        return False
    first, last = mobility_window(on, rules)
    return first <= request.mobility_date <= last


def current_effort(request: Request) -> float | None:
    """Return the current rent ÷ monthly resources, when both are known."""
    rent = request.housing.rent
    income = request.household.monthly_income
    if rent is None or income is None or income <= 0:
        return None
    return rent / income


def is_difficulte(request: Request, rules: GroupRules) -> bool:
    """Tell whether the current housing situation, a motif or the rent effort is a difficulty."""
    if request.housing.situation in rules.difficulty_situations:
        return True
    if any(m in rules.difficulty_motifs for m in request.motifs):
        return True
    effort = current_effort(request)
    return (
        rules.current_effort_above > 0
        and effort is not None
        and (effort > rules.current_effort_above)
    )


def legal_priorities(request: Request) -> tuple[PrioriteL441, ...]:
    """Return the L441-1 criteria of a request, disability (code a) added automatically.

    A household with a disabled member is a priority public of CCH L441-1 a (brief §2.3)
    whether or not the advisor ticked the criterion.
    """
    codes = list(request.l441)
    if request.household.disability and PrioriteL441.HANDICAP not in codes:
        codes.insert(0, PrioriteL441.HANDICAP)
    return tuple(codes)


def l441_is_automatic(request: Request) -> bool:
    """Tell whether the L441-1 a criterion comes from the disability flag, not from the form."""
    return request.household.disability and PrioriteL441.HANDICAP not in request.l441


def priority_groups(request: Request, on: date, rules: GroupRules) -> tuple[Group, ...]:
    """Return the groups of a request on a date, in display order."""
    found = {
        Group.DALO: request.dalo,
        Group.PRIORITAIRE_L441: bool(legal_priorities(request)),
        Group.JEUNE: is_jeune(request, on, rules),
        Group.MOBILITE: is_mobilite(request, on, rules),
        Group.DIFFICULTE: is_difficulte(request, rules),
    }
    return tuple(g for g in GROUP_ORDER if found[g])


def resources_per_unit(request: Request) -> float | None:
    """Return yearly resources per consumption unit (monthly resources × 12 ÷ UC), if known.

    The first-quartile threshold is defined on the monthly resources declared in the demand
    (brief §2.5); without them the status is unknown rather than guessed from the tax income.
    """
    income = request.household.monthly_income
    if income is None:
        return None
    return income * 12 / consumption_units(request.household)


def first_quartile_status(request: Request, threshold: float | None) -> QuartileStatus:
    """Return the first-quartile status against a threshold (EUR/UC/year) that may be missing."""
    per_unit = resources_per_unit(request)
    if threshold is None or per_unit is None:
        return QuartileStatus.INCONNU
    if per_unit <= threshold:
        return QuartileStatus.PREMIER_QUARTILE
    return QuartileStatus.AUTRES_QUARTILES


__all__ = [
    "GROUP_LABELS",
    "GROUP_ORDER",
    "QUARTILE_LABELS",
    "Group",
    "QuartileStatus",
    "add_months",
    "first_quartile_status",
    "is_difficulte",
    "is_jeune",
    "is_mobilite",
    "l441_is_automatic",
    "legal_priorities",
    "mobility_window",
    "priority_groups",
]
