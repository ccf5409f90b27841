"""Eligibility codes at their boundaries; every failed condition is kept."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from housingmatch.domain.model import Financement, RequestStatus
from housingmatch.matching.eligibility import min_surface
from housingmatch.matching.results import EXCLUSION_LABELS, Exclusion
from housingmatch.rules.ruleset import default_ruleset
from tests.matching.builders import (
    CHENOVE,
    FENAY,
    LONGVIC,
    codes_of,
    make_request,
    make_unit,
    rank_both,
)


def _codes(
    unit_changes: Mapping[str, Any] | None = None, **request_changes: Any
) -> tuple[str, ...]:
    request = make_request("D", **request_changes)
    unit = make_unit(**(unit_changes or {}))
    return codes_of(rank_both([request], unit), "D")


def test_a_plain_request_is_eligible() -> None:
    assert _codes() == ()


def test_closed_or_expired_requests_are_not_active() -> None:
    assert _codes(status=RequestStatus.CLOSE) == ("REQUEST_NOT_ACTIVE",)
    # Filed 15/06/2025, never renewed: lapsed on 15/06/2026, the ranking date.
    assert _codes(filing_date=date(2025, 6, 15)) == ("REQUEST_NOT_ACTIVE",)
    assert _codes(filing_date=date(2025, 6, 16)) == ()
    assert _codes(filing_date=date(2025, 6, 1), renewal_date=date(2026, 5, 1)) == ()


def test_income_equal_to_the_ceiling_is_eligible_one_euro_more_is_not() -> None:
    # PLUS 2026, category 1: 23 403 €.
    assert _codes(fiscal_income=23403.0) == ()
    assert _codes(fiscal_income=23404.0) == ("INCOME_ABOVE_CEILING",)


def test_jeune_menage_moves_the_couple_to_category_3() -> None:
    couple: dict[str, Any] = {
        "persons": 2,
        "birth_date": date(1998, 1, 1),
        "partner_birth_date": date(1999, 1, 1),
    }
    assert _codes(fiscal_income=37584.0, **couple) == ()  # PLUS 2026 cat. 3
    older: dict[str, Any] = {**couple, "partner_birth_date": date(1960, 1, 1)}
    assert _codes(fiscal_income=37584.0, **older) == ("INCOME_ABOVE_CEILING",)


def test_plai_unit_uses_the_2025_values_and_warns() -> None:
    unit = make_unit(financing=Financement.PLAI)
    ranking = rank_both([make_request("D", fiscal_income=12759.0)], unit)
    assert ranking.position("D") == 1
    assert any("PLAI 2026" in w and "2025" in w for w in ranking.warnings)
    assert ranking.ceiling.year_used == 2025


def test_pli_ceiling_follows_the_unit_commune_zone() -> None:
    # PLI 2025, one person: B1 (Chenôve) 35 435 €, B2 (Fénay) 31 892 €.
    request = make_request("D", fiscal_income=33000.0)
    in_b1 = rank_both([request], make_unit(commune=CHENOVE, financing=Financement.PLI))
    in_b2 = rank_both([request], make_unit(commune=FENAY, financing=Financement.PLI))
    assert codes_of(in_b1, "D") == ()
    assert codes_of(in_b2, "D") == ("INCOME_ABOVE_CEILING",)


@pytest.mark.parametrize(
    ("persons", "surface"), [(1, 9.0), (2, 16.0), (3, 25.0), (4, 34.0), (7, 61.0), (8, 70.0)]
)
def test_surface_norm_boundaries(persons: int, surface: float) -> None:
    assert min_surface(persons) == surface
    rooms = min(persons, 6)
    big = {"typology": rooms, "surface": surface}
    household = {"persons": persons, "fiscal_income": 10000.0}
    assert _codes(big, **household) == ()
    smaller = {"typology": rooms, "surface": surface - 0.5}
    assert _codes(smaller, **household) == ("HOUSEHOLD_TOO_LARGE",)


def test_surface_norm_is_capped_at_70_from_eight_persons() -> None:
    assert min_surface(12) == 70.0


def test_rooms_above_persons_plus_one_is_under_occupation() -> None:
    assert _codes({"typology": 2, "surface": 50.0}, persons=1) == ()
    assert _codes({"typology": 3, "surface": 60.0}, persons=1) == ("HOUSEHOLD_TOO_SMALL",)


def test_typology_outside_the_wishes() -> None:
    assert _codes({"typology": 2}, typology_min=2, typology_max=3) == ()
    assert _codes({"typology": 2}, typology_min=3) == ("TYPOLOGY_NOT_WISHED",)
    assert _codes({"typology": 1, "surface": 30.0}, typology_max=0) == ("TYPOLOGY_NOT_WISHED",)


def test_commune_not_wished_only_when_communes_are_listed() -> None:
    assert _codes({"commune": LONGVIC}) == ()
    assert _codes({"commune": LONGVIC}, wished_communes=(LONGVIC, CHENOVE)) == ()
    assert _codes({"commune": LONGVIC}, wished_communes=(CHENOVE,)) == ("COMMUNE_NOT_WISHED",)


def test_rent_plus_charges_above_the_household_maximum() -> None:
    # The unit costs 350 + 60 = 410 € a month.
    assert _codes(max_rent=410.0) == ()
    assert _codes(max_rent=409.0) == ("RENT_ABOVE_MAX",)


def test_effort_rate_only_when_the_rule_set_sets_a_limit_and_resources_are_known() -> None:
    base = default_ruleset()
    strict = replace(base, eligibility=replace(base.eligibility, effort_enabled=True))
    unit = make_unit()  # 410 € a month; limit 35 %
    fits = make_request("A", monthly_income=1172.0)  # 34.98 %
    heavy = make_request("B", monthly_income=1000.0)  # 41 %
    unknown = make_request("C", monthly_income=None)
    ranking = rank_both([fits, heavy, unknown], unit, ruleset=strict)
    assert codes_of(ranking, "A") == ()
    assert codes_of(ranking, "B") == ("EFFORT_RATE_TOO_HIGH",)
    assert codes_of(ranking, "C") == ()
    assert codes_of(rank_both([heavy], unit), "B") == ()


def test_accessibility_and_lift_needs() -> None:
    assert _codes({"accessible_pmr": False}, needs_pmr=True) == ("ACCESSIBILITY_UNMET",)
    assert _codes({"accessible_pmr": True}, needs_pmr=True) == ()
    assert _codes({"floor": 3, "lift": False}, needs_lift=True) == ("LIFT_UNMET",)
    assert _codes({"floor": 0, "lift": False}, needs_lift=True) == ()
    assert _codes({"floor": 3, "lift": True}, needs_lift=True) == ()


def test_typology_grid_when_enabled() -> None:
    base = default_ruleset()
    grid = replace(base, eligibility=replace(base.eligibility, typology_grid_enabled=True))
    # One person: rooms 1 to 2 in the default grid; a couple: 1 to 3.
    ranking = rank_both(
        [make_request("D", persons=3, fiscal_income=10000.0)],
        make_unit(typology=1, surface=40.0),
        ruleset=grid,
    )
    assert codes_of(ranking, "D") == ("TYPOLOGY_OUTSIDE_GRID",)


def test_every_failed_condition_is_kept_in_canonical_order() -> None:
    codes = _codes(
        {"commune": LONGVIC, "typology": 3, "surface": 8.0, "floor": 2, "lift": False},
        status=RequestStatus.CLOSE,
        fiscal_income=99999.0,
        wished_communes=(CHENOVE,),
        typology_max=2,
        max_rent=100.0,
        needs_pmr=True,
        needs_lift=True,
    )
    assert codes == (
        "REQUEST_NOT_ACTIVE",
        "INCOME_ABOVE_CEILING",
        "HOUSEHOLD_TOO_LARGE",
        "HOUSEHOLD_TOO_SMALL",
        "TYPOLOGY_NOT_WISHED",
        "COMMUNE_NOT_WISHED",
        "RENT_ABOVE_MAX",
        "ACCESSIBILITY_UNMET",
        "LIFT_UNMET",
    )


def test_every_code_has_a_french_label() -> None:
    assert set(EXCLUSION_LABELS) == set(Exclusion)
    assert all(label[0].isupper() for label in EXCLUSION_LABELS.values())
