from datetime import date

import pytest

from housingmatch.domain.model import Household
from housingmatch.rules.household import (
    age_on,
    consumption_units,
    household_category,
    pli_household_row,
)

ON = date(2026, 6, 1)


def born(age: int) -> date:
    """Return a birth date giving exactly ``age`` full years on ON (birthday last month)."""
    return date(ON.year - age, 5, 1)


def cat(persons, dependants=0, partner_age=None, disability=False, age=40):
    household = Household(
        persons=persons,
        fiscal_income=20000,
        dependants=dependants,
        partner_birth_date=born(partner_age) if partner_age is not None else None,
        disability=disability,
    )
    return household_category(household, born(age), ON)


def test_age_on_counts_full_years():
    assert age_on(date(2000, 6, 2), date(2026, 6, 1)) == 25
    assert age_on(date(2000, 6, 1), date(2026, 6, 1)) == 26


@pytest.mark.parametrize(
    ("persons", "dependants", "expected"),
    [(1, 0, 1), (2, 0, 2), (3, 1, 3), (4, 2, 4), (5, 3, 5), (6, 4, 6)],
)
def test_category_by_household_size(persons, dependants, expected):
    partner = 40 if persons > 1 else None
    assert cat(persons, dependants, partner_age=partner).category == expected


@pytest.mark.parametrize(("dependants", "expected"), [(1, 3), (2, 4), (3, 5), (4, 6)])
def test_single_parent_counts_as_one_person_plus_dependants(dependants, expected):
    assert cat(dependants + 1, dependants).category == expected


def test_jeune_menage_with_ages_adding_up_to_55_is_category_3():
    result = cat(2, partner_age=27, age=28)
    assert result.jeune_menage
    assert result.category == 3


def test_couple_whose_ages_add_up_to_56_is_category_2():
    result = cat(2, partner_age=28, age=28)
    assert not result.jeune_menage
    assert result.category == 2


def test_young_couple_with_a_dependant_is_not_a_jeune_menage():
    result = cat(3, dependants=1, partner_age=22, age=22)
    assert not result.jeune_menage
    assert result.category == 3


def test_two_persons_without_partner_birth_date_are_not_a_couple():
    assert cat(2, age=22).category == 2


@pytest.mark.parametrize(("persons", "expected"), [(1, 2), (2, 3), (3, 4), (4, 5), (5, 6)])
def test_disability_moves_one_category_up(persons, expected):
    partner = 40 if persons > 1 else None
    dependants = max(persons - 2, 0)
    assert cat(persons, dependants, partner_age=partner, disability=True).category == expected


def test_disability_and_jeune_menage_do_not_add_up():
    assert cat(2, partner_age=25, age=25, disability=True).category == 3


def test_beyond_category_6_extra_persons_are_counted():
    result = cat(8, dependants=6, partner_age=40)
    assert result.category == 6
    assert result.extra_persons == 2
    assert "+ 2 personnes" in result.label


def test_six_persons_with_disability_is_category_6_plus_one():
    result = cat(6, dependants=4, partner_age=40, disability=True)
    assert (result.category, result.extra_persons) == (6, 1)


def test_consumption_units_modified_oecd_scale():
    assert consumption_units(Household(persons=1, fiscal_income=0)) == 1.0
    couple_two_children = Household(persons=4, fiscal_income=0, dependants=2)
    assert consumption_units(couple_two_children) == pytest.approx(2.1)


def test_pli_rows_go_by_make_up_without_jeune_menage_or_disability_shift() -> None:
    assert pli_household_row(Household(persons=2, fiscal_income=0)).category == 2
    assert pli_household_row(Household(persons=1, fiscal_income=0, disability=True)).category == 1
    assert pli_household_row(Household(persons=2, fiscal_income=0, dependants=1)).category == 3
    big = pli_household_row(Household(persons=8, fiscal_income=0, dependants=7))
    assert (big.category, big.extra_persons) == (6, 3)


def test_consumption_units_count_members_under_14_at_0_3_and_the_others_at_0_5() -> None:
    # Couple, a 15-year-old and a 10-year-old: 1 + 0.5 + 0.5 + 0.3.
    family = Household(persons=4, fiscal_income=0, dependants=2, children_under_14=1)
    assert consumption_units(family) == pytest.approx(2.3)
    # Unknown ages: dependants are counted as under 14.
    unknown = Household(persons=4, fiscal_income=0, dependants=2)
    assert consumption_units(unknown) == pytest.approx(2.1)
    assert consumption_units(Household(persons=1, fiscal_income=0)) == 1.0
