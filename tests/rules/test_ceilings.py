"""Income ceilings: the figures of the brief, PLS derivation, PLI zones, missing years."""

from __future__ import annotations

import pytest

from housingmatch.domain.model import Financement
from housingmatch.paths import resource
from housingmatch.rules.ceilings import (
    CeilingError,
    CeilingTable,
    ceiling,
    pli_zone,
    pls_from_plus,
)


def test_plus_2026_for_a_single_person_is_the_published_value() -> None:
    found = ceiling(2026, Financement.PLUS, 1)
    assert (found.amount, found.year_used, found.warning) == (23403, 2026, None)


def test_beyond_category_6_each_extra_person_adds_the_table_amount() -> None:
    assert ceiling(2026, Financement.PLUS, 6, extra_persons=2).amount == 60156 + 2 * 6710


def test_pls_2026_is_plus_times_1_3_rounded_half_up() -> None:
    # Brief §3.4: the derived PLS 2026 row is 30 424 / 40 630 / 48 859 / 58 986 / 69 389 / 78 203.
    expected = [30424, 40630, 48859, 58986, 69389, 78203]
    assert [ceiling(2026, "PLS", c).amount for c in range(1, 7)] == expected
    assert ceiling(2026, "PLS", 6, extra_persons=1).amount == 78203 + 8723
    assert ceiling(2026, "PLS", 1).warning is None


def test_pls_uses_the_published_row_when_present_and_fills_the_gap_of_2024_cat_3() -> None:
    assert ceiling(2025, "PLS", 1).amount == 30161
    # The 2024 source printed 42 271 for category 3; the table leaves it out, the rule gives it.
    assert ceiling(2024, "PLS", 3).amount == 47271


def test_half_up_rounding_of_the_pls_rule() -> None:
    assert pls_from_plus(10) == 13
    assert pls_from_plus(5) == 7  # 6.5 rounds up
    assert pls_from_plus(36362) == 47271  # 47 270.6


def test_missing_plai_2026_falls_back_to_2025_with_a_french_warning() -> None:
    found = ceiling(2026, Financement.PLAI, 3)
    assert found.amount == 22356
    assert found.year_used == 2025
    assert found.warning is not None
    assert "PLAI 2026" in found.warning and "2025" in found.warning


def test_pli_uses_the_unit_commune_zone_and_b2_c_share_a_column() -> None:
    assert ceiling(2025, "PLI", 1, zone_abc="B1").amount == 35435
    assert ceiling(2025, "PLI", 1, zone_abc="B2").amount == 31892
    assert ceiling(2025, "PLI", 1, zone_abc="C").amount == 31892
    assert ceiling(2025, "PLI", 1, zone_abc="A_bis").amount == 43475


def test_unknown_pli_zone_is_an_error_not_a_fallback() -> None:
    with pytest.raises(CeilingError, match="plafond PLI ne peut pas être déterminé"):
        ceiling(2025, "PLI", 2, zone_abc=None)


def test_pli_zone_a_row_for_a_zone_a_commune() -> None:
    # Villeurbanne is zone A: 2 persons without dependant 64 976, per extra person 13 886.
    assert ceiling(2025, "PLI", 2, zone_abc="A").amount == 64976
    assert ceiling(2025, "PLI", 6, extra_persons=1, zone_abc="A").amount == 124630 + 13886


def test_social_ceilings_of_ile_de_france_use_their_own_rows() -> None:
    assert ceiling(2026, "PLUS", 3, social_zone="paris_communes_limitrophes").amount == 52740
    assert ceiling(2026, "PLUS", 3, social_zone="ile_de_france_hors_paris").amount == 48362


def test_a_zone_the_brief_gives_no_figures_for_says_so_instead_of_autres_regions() -> None:
    # A table with no value for the zone of the unit's commune must fail, naming the zone.
    table = CeilingTable([(2024, "autres_regions", "PLAI", "1", 100)])
    with pytest.raises(CeilingError) as caught:
        table.ceiling(2026, "PLAI", 1, social_zone="ile_de_france_hors_paris")
    message = str(caught.value)
    assert "Île-de-France hors Paris" in message
    assert "ne donne pas ces chiffres" in message
    assert "« autres régions » ne sont pas appliqués" in message


def test_pli_zone_aliases() -> None:
    assert pli_zone("Abis") == "A_bis"
    assert pli_zone("b1") == "B1"
    assert pli_zone("Z") is None


def test_social_ceilings_do_not_depend_on_the_abc_zone() -> None:
    assert ceiling(2026, "PLUS", 2, zone_abc="B1") == ceiling(2026, "PLUS", 2, zone_abc="C")


def test_table_from_rows_and_a_year_before_the_first_known() -> None:
    table = CeilingTable([(2024, "autres_regions", "PLUS", "1", 100)])
    found = table.ceiling(2020, "PLUS", 1)
    assert (found.amount, found.year_used) == (100, 2024)
    assert found.warning is not None


def test_a_table_without_the_financing_is_refused_in_french() -> None:
    table = CeilingTable([(2024, "autres_regions", "PLUS", "1", 100)])
    with pytest.raises(ValueError, match="Aucun plafond PLAI"):
        table.ceiling(2024, "PLAI", 1)


def test_sources_name_the_arrete_of_each_table_and_mark_secondary_and_derived_values() -> None:
    text = resource("SOURCES.md").read_text(encoding="utf-8")
    section = text[text.index("## reference/plafonds.csv") :]
    for needle in (
        "arrêté du 29 juillet 1987",
        "arrêté du 18 décembre 2023",
        "arrêté du 23 décembre 2024",
        "arrêté du 19 décembre 2025",
        "NOR VLOL2534266A",
        "**secondary only**",
        "**derived by rule**: PLUS × 1,3",
        "**secondary only, year unconfirmed**",
    ):
        assert needle in section, needle
    for financing in ("PLUS", "PLAI", "PLS", "PLI"):
        assert f"| {financing}" in section
