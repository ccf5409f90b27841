"""The two zonings of the income ceilings, taken from the unit's commune.

- Social-housing ceilings (PLAI, PLUS, PLS; arrêté du 29 juillet 1987, brief §3.1) have three
  zones: *Paris et communes limitrophes* (the communes of
  ``resources/geo/zone_logement_social_paris_limitrophes.csv``), *Île-de-France hors Paris et
  communes limitrophes* (the other communes of departments 75, 77, 78, 91, 92, 93, 94, 95) and
  *autres régions* (everywhere else).
- PLI ceilings (brief §3.5) follow the A bis / A / B1 / B2 / C zoning in force since 5 July
  2024 (``resources/geo/zonage_abc_communes.csv``, every commune of France).

A commune that neither table can place is an error naming it: no zone is ever guessed.
"""

from __future__ import annotations

import csv
from functools import cache

from housingmatch.errors import UserError
from housingmatch.paths import resource

PARIS_LIMITROPHES = "paris_communes_limitrophes"
ILE_DE_FRANCE = "ile_de_france_hors_paris"
AUTRES_REGIONS = "autres_regions"
SOCIAL_ZONES = (PARIS_LIMITROPHES, ILE_DE_FRANCE, AUTRES_REGIONS)
SOCIAL_ZONE_LABELS = {
    PARIS_LIMITROPHES: "Paris et communes limitrophes",
    ILE_DE_FRANCE: "Île-de-France hors Paris et communes limitrophes",
    AUTRES_REGIONS: "autres régions",
}
ILE_DE_FRANCE_DEPARTMENTS = frozenset({"75", "77", "78", "91", "92", "93", "94", "95"})
ABC_ZONES = ("A_bis", "A", "B1", "B2", "C")


class ZoneError(UserError, ValueError):
    """The commune of a unit has no zone in the zoning table (the message names it)."""


@cache
def paris_limitrophes() -> frozenset[str]:
    """Return the INSEE codes of the zone *Paris et communes limitrophes*."""
    path = resource("geo", "zone_logement_social_paris_limitrophes.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(row["code_insee"] for row in csv.DictReader(handle))


def department_of(code_insee: str) -> str:
    """Return the department of an INSEE code (three characters overseas, e.g. 974)."""
    return code_insee[:3] if code_insee.startswith("97") else code_insee[:2]


def social_zone_of(code_insee: str, department: str | None = None) -> str:
    """Return the social-housing ceiling zone of a commune (see the module docstring)."""
    if code_insee in paris_limitrophes():
        return PARIS_LIMITROPHES
    if (department or department_of(code_insee)) in ILE_DE_FRANCE_DEPARTMENTS:
        return ILE_DE_FRANCE
    return AUTRES_REGIONS


def normalise_abc(zone: str | None) -> str | None:
    """Return a zone written ``A_bis``, ``A``, ``B1``, ``B2`` or ``C`` (``Abis`` accepted)."""
    if zone is None:
        return None
    text = zone.strip().upper().replace(" ", "").replace("_", "").replace("-", "")
    if text == "ABIS":
        return "A_bis"
    return text if text in ABC_ZONES else None


def commune_shown(code_insee: str, name: str | None) -> str:
    """Return "Nom (code)" or the code alone, for messages."""
    return f"{name} ({code_insee})" if name else code_insee


def missing_abc_zone(code_insee: str, name: str | None) -> ZoneError:
    """Return the error of a commune without an A/B/C zone (PLI ceilings cannot be chosen)."""
    return ZoneError(
        f"La commune {commune_shown(code_insee, name)} n'a pas de zone A/B/C dans la table "
        "de zonage (zonage en vigueur depuis le 5 juillet 2024) : le plafond PLI du logement "
        "ne peut pas être déterminé."
    )


def missing_social_zone(code_insee: str) -> ZoneError:
    """Return the error of a commune unknown to the reference (no social ceiling zone)."""
    return ZoneError(
        f"La commune {code_insee} du logement est inconnue du référentiel des communes : "
        "sa zone de plafonds (Paris et communes limitrophes, Île-de-France, autres régions) "
        "ne peut pas être déterminée."
    )
