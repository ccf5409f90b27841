"""Household category (arrêté du 29 juillet 1987) used to pick the income ceiling.

| cat. | definition |
|---|---|
| 1 | one person alone |
| 2 | two persons with no dependant (not a jeune ménage); one person alone with a disability |
| 3 | three persons; one person + 1 dependant; jeune ménage; two persons, one disabled |
| 4 | four persons; one person + 2 dependants; three persons, one disabled |
| 5 | five persons; one person + 3 dependants; four persons, one disabled |
| 6 | six persons; one person + 4 dependants; five persons, one disabled |

Beyond category 6, each extra person adds the table's "per extra person" amount. A household
that meets several definitions gets the highest category they give (the definitions are
alternatives, not additive shifts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from housingmatch.domain.model import Household

JEUNE_MENAGE_MAX_AGE_SUM = 55


def age_on(birth_date: date, on: date) -> int:
    """Return the age in full years on a date."""
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


@dataclass(frozen=True, slots=True)
class HouseholdCategory:
    """Category 1-6 plus the number of persons counted beyond category 6."""

    category: int
    extra_persons: int = 0
    jeune_menage: bool = False

    @property
    def label(self) -> str:
        """Return the French label, e.g. "catégorie 6 + 2 personnes"."""
        text = f"catégorie {self.category}"
        if self.extra_persons:
            plural = "s" if self.extra_persons > 1 else ""
            text += f" + {self.extra_persons} personne{plural}"
        if self.jeune_menage:
            text += " (jeune ménage)"
        return text


def is_jeune_menage(household: Household, applicant_birth: date, on: date) -> bool:
    """Tell whether the household is a couple without dependant whose ages add up to ≤ 55."""
    if household.persons != 2 or household.dependants != 0 or household.partner_birth_date is None:
        return False
    total = age_on(applicant_birth, on) + age_on(household.partner_birth_date, on)
    return total <= JEUNE_MENAGE_MAX_AGE_SUM


def household_category(household: Household, applicant_birth: date, on: date) -> HouseholdCategory:
    """Return the household category on a date (ages for the jeune ménage rule)."""
    persons = max(household.persons, 1)
    raw = persons
    single_with_dependants = household.dependants >= 1 and persons - household.dependants == 1
    if single_with_dependants or household.disability:
        raw = persons + 1
    jeune = is_jeune_menage(household, applicant_birth, on)
    if jeune:
        raw = max(raw, 3)
    return HouseholdCategory(
        category=min(raw, 6), extra_persons=max(raw - 6, 0), jeune_menage=jeune
    )


def pli_household_row(household: Household) -> HouseholdCategory:
    """Return the row of the PLI ceiling table (brief §3.5), which goes by household make-up.

    Rows: 1 person; 2 persons without dependant; 3 persons or 1 + 1 dependant; 4 persons or
    1 + 2; 5 or 1 + 3; 6 or 1 + 4; then per extra person. The jeune ménage and disability
    shifts belong to the 1987 arrêté for PLAI/PLUS/PLS and are not applied: a jeune ménage
    is held to the "2 persons" row.
    """
    persons = max(household.persons, 1)
    single_with_dependants = household.dependants >= 1 and persons - household.dependants == 1
    raw = persons + 1 if single_with_dependants else persons
    return HouseholdCategory(category=min(raw, 6), extra_persons=max(raw - 6, 0))


def ceiling_row(
    household: Household, applicant_birth: date, on: date, pli: bool
) -> HouseholdCategory:
    """Return the ceiling-table row of a household: PLI make-up row, else the 1987 category."""
    if pli:
        return pli_household_row(household)
    return household_category(household, applicant_birth, on)


def consumption_units(household: Household) -> float:
    """Return the consumption units (modified OECD scale, brief §2.5).

    1 for the first person, 0.5 for each other person of 14 or more, 0.3 for each person
    under 14. The members under 14 are the recorded count (``children_under_14``); when it is
    not recorded, the dependants are counted as under 14 (the demand form gives no ages).
    The scale used by the first-quartile arrêtés is not stated in the sources; this is
    INSEE's.
    """
    persons = max(household.persons, 1)
    young = household.children_under_14
    if young is None:
        young = household.dependants
    young = min(max(young, 0), persons - 1)
    older = persons - 1 - young
    return 1.0 + 0.5 * older + 0.3 * young
