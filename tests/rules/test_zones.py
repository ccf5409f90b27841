"""Social-housing ceiling zones and A/B/C zone spelling."""

from __future__ import annotations

from housingmatch.rules.zones import (
    AUTRES_REGIONS,
    ILE_DE_FRANCE,
    PARIS_LIMITROPHES,
    missing_abc_zone,
    normalise_abc,
    paris_limitrophes,
    social_zone_of,
)


def test_paris_and_its_bordering_communes_then_ile_de_france_then_the_rest() -> None:
    assert len(paris_limitrophes()) == 29
    assert social_zone_of("75056") == PARIS_LIMITROPHES
    assert social_zone_of("93048") == PARIS_LIMITROPHES  # Montreuil
    assert social_zone_of("93008") == ILE_DE_FRANCE  # Bobigny: not bordering Paris
    assert social_zone_of("77288") == ILE_DE_FRANCE
    assert social_zone_of("21231") == AUTRES_REGIONS  # Dijon
    assert social_zone_of("97411") == AUTRES_REGIONS


def test_abc_spellings_and_the_missing_zone_message_names_the_commune() -> None:
    assert normalise_abc("Abis") == "A_bis"
    assert normalise_abc("b2") == "B2"
    assert normalise_abc("Z") is None
    message = str(missing_abc_zone("97501", "Saint-Pierre"))
    assert "Saint-Pierre (97501)" in message and "PLI" in message
