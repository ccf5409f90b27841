"""Eligibility codes at their boundaries; every failed condition is kept."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from housingmatch.domain.model import Financement, Motif, RequestStatus
from housingmatch.geo import default_gazetteer
from housingmatch.matching.eligibility import MatchingContext, min_surface
from housingmatch.matching.engine import MatchingEngine
from housingmatch.matching.places import GazetteerPlaces
from housingmatch.matching.reference import reference_rank
from housingmatch.matching.results import EXCLUSION_LABELS, Exclusion, Part
from housingmatch.rules.ceilings import default_ceiling_table
from housingmatch.rules.ruleset import default_ruleset
from housingmatch.rules.zones import ZoneError
from tests.matching.builders import (
    CHENOVE,
    FENAY,
    LONGVIC,
    ON,
    codes_of,
    context,
    make_request,
    make_unit,
    rank_both,
    scored,
)

VILLEURBANNE = "69266"


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


def test_a_request_filed_after_the_ranking_day_is_not_yet_a_candidate() -> None:
    # A ranking on a past day (a what-if, a replay) must not see a request filed later.
    assert _codes(filing_date=ON) == ()
    assert _codes(filing_date=ON + timedelta(days=1)) == ("REQUEST_NOT_ACTIVE",)


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


EXCLUDING_UNDER_OCCUPATION = replace(
    default_ruleset(),
    eligibility=replace(default_ruleset().eligibility, under_occupation=True),
)


def test_a_t4_for_one_person_is_flagged_under_occupied_not_excluded() -> None:
    request = make_request("D", persons=1)
    ranking = rank_both([request], make_unit(typology=4, surface=75.0))
    candidate = scored(ranking, "D")
    assert candidate.under_occupied
    # The size-fit points are not given (4 rooms for 1 person), only the rent effort's.
    t2 = scored(rank_both([request], make_unit(typology=2, surface=75.0)), "D")
    assert not t2.under_occupied
    assert (
        t2.points(Part.FIT) - candidate.points(Part.FIT)
        == default_ruleset().scoring.fit_size_points
    )


def test_under_occupation_excludes_only_when_the_rule_set_says_so() -> None:
    request = make_request("D", persons=1)
    assert codes_of(rank_both([request], make_unit(typology=2, surface=50.0)), "D") == ()
    t3 = make_unit(typology=3, surface=60.0)
    assert codes_of(rank_both([request], t3, ruleset=EXCLUDING_UNDER_OCCUPATION), "D") == (
        "HOUSEHOLD_TOO_SMALL",
    )
    t2 = make_unit(typology=2, surface=50.0)
    assert codes_of(rank_both([request], t2, ruleset=EXCLUDING_UNDER_OCCUPATION), "D") == ()


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
    request = make_request(
        "D",
        status=RequestStatus.CLOSE,
        fiscal_income=99999.0,
        wished_communes=(CHENOVE,),
        typology_max=2,
        max_rent=100.0,
        needs_pmr=True,
        needs_lift=True,
    )
    unit = make_unit(commune=LONGVIC, typology=3, surface=8.0, floor=2, lift=False)
    codes = codes_of(rank_both([request], unit, ruleset=EXCLUDING_UNDER_OCCUPATION), "D")
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


# --- Legal corrections (issue 7) ---------------------------------------------------------

JEUNE_MENAGE: dict[str, Any] = {
    "persons": 2,
    "birth_date": date(1998, 1, 1),
    "partner_birth_date": date(1999, 1, 1),
}


def test_a_pli_jeune_menage_on_b1_is_held_to_the_two_persons_row() -> None:
    # PLI B1, 2 persons without dependant: 47 321 € (brief §3.5); no jeune ménage shift.
    pli = {"financing": Financement.PLI, "commune": CHENOVE}
    assert _codes(pli, fiscal_income=47321.0, **JEUNE_MENAGE) == ()
    assert _codes(pli, fiscal_income=47322.0, **JEUNE_MENAGE) == ("INCOME_ABOVE_CEILING",)


def test_a_pli_disabled_single_is_held_to_the_one_person_row() -> None:
    pli = {"financing": Financement.PLI, "commune": CHENOVE}
    assert _codes(pli, fiscal_income=35435.0, disability=True) == ()
    assert _codes(pli, fiscal_income=35436.0, disability=True) == ("INCOME_ABOVE_CEILING",)
    # On PLUS the 1987 arrêté moves the disabled single to category 2 (31 254 € in 2026).
    assert _codes(fiscal_income=31254.0, disability=True) == ()


def test_a_pli_single_parent_takes_the_row_of_one_plus_one_dependant() -> None:
    pli = {"financing": Financement.PLI, "commune": CHENOVE}
    assert _codes(pli, persons=2, dependants=1, fiscal_income=56905.0) == ()
    assert _codes(pli, persons=2, dependants=1, fiscal_income=56906.0) == ("INCOME_ABOVE_CEILING",)


def test_an_n1_income_ten_percent_lower_is_compared_nine_point_nine_is_not() -> None:
    # PLUS 2026 category 1: 23 403 €. N-2 26 000 €.
    assert _codes(fiscal_income=26000.0, recent_income=23400.0) == ()  # 10 % lower
    assert _codes(fiscal_income=26000.0, recent_income=23426.0) == (  # 9.9 % lower
        "INCOME_ABOVE_CEILING",
    )


def test_only_the_applicants_own_resources_count_when_separating() -> None:
    couple = {"persons": 2, "fiscal_income": 40000.0, "own_income": 20000.0}
    assert _codes(**couple) == ("INCOME_ABOVE_CEILING",)
    assert _codes(motifs=(Motif.SEPARATION,), **couple) == ()
    assert _codes(motifs=(Motif.VIOLENCES,), **couple) == ()
    # Without recorded own resources, the household's income stays the one compared.
    assert _codes(motifs=(Motif.SEPARATION,), persons=2, fiscal_income=40000.0) == (
        "INCOME_ABOVE_CEILING",
    )


def test_a_unit_in_a_commune_without_zone_is_an_error_naming_it() -> None:
    request = make_request("D")
    for financing in (Financement.PLI, Financement.PLUS):
        unit = make_unit(commune="99999", financing=financing)
        ctx = context()
        with pytest.raises(ZoneError, match="99999"):
            MatchingEngine(ctx, [request]).rank(unit, ON)
        with pytest.raises(ZoneError, match="99999"):
            reference_rank([request], unit, ON, ctx)


def test_a_zone_a_commune_uses_the_zone_a_row_and_its_social_zone() -> None:
    places = GazetteerPlaces(default_gazetteer())
    assert places.zone_abc(VILLEURBANNE) == "A"
    assert places.social_zone(VILLEURBANNE) == "autres_regions"
    assert places.social_zone("92040") == "paris_communes_limitrophes"  # Issy-les-Moulineaux
    assert places.social_zone("91228") == "ile_de_france_hors_paris"  # Évry-Courcouronnes
    ctx = MatchingContext(default_ruleset(), default_ceiling_table(), places)
    unit = make_unit(commune=VILLEURBANNE, financing=Financement.PLI)
    # Zone A, 2 persons without dependant: 64 976 € (B1 would be 47 321 €).
    fits = make_request("A", fiscal_income=64976.0, **JEUNE_MENAGE)
    above = make_request("B", fiscal_income=64977.0, **JEUNE_MENAGE)
    ranking = reference_rank([fits, above], unit, ON, ctx)
    assert [c.ref for c in ranking.ranked] == ["A"]
    assert MatchingEngine(ctx, [fits, above]).rank(unit, ON).excluded == ranking.excluded
