"""Income ceilings (plafonds de ressources) by year, financing, zone and household category.

The reference table is ``resources/reference/plafonds.csv`` (brief §3.4, §3.5):

- PLAI, PLUS and PLS use the social-housing zone of the unit's commune (``rules.zones``);
  all of Côte-d'Or is "autres régions". A zone without any value for a financing is an
  error that says so: the "autres régions" values are never used in its place.
- PLS = PLUS × 1.30 (arrêté du 29 juillet 1987, art. 1) rounded half-up to the euro, used
  whenever the table has no PLS value for the year and category (2026, and 2024 cat. 3).
- PLI uses the A/B/C zone of the unit's commune; B2 and C share one column (``B2_C``). Its
  rows go by household make-up (``rules.household.pli_household_row``), not by the 1987
  categories. A unit without a zone is an error, never a fallback.
- When a year is missing (the 2026 PLAI values are not published in the sources), the last
  known year is used and the lookup carries a French warning.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from housingmatch.domain.model import Financement
from housingmatch.errors import UserError
from housingmatch.paths import resource
from housingmatch.rules.zones import AUTRES_REGIONS, SOCIAL_ZONE_LABELS

PER_EXTRA_PERSON = "per_extra_person"
PLS_FACTOR_TENTHS = 13  # PLS = PLUS × 1.3, kept in tenths for exact integer rounding
PLI_ZONES = ("A_bis", "A", "B1", "B2_C")

_PLI_ZONE_ALIASES = {
    "ABIS": "A_bis",
    "A_BIS": "A_bis",
    "A BIS": "A_bis",
    "A": "A",
    "B1": "B1",
    "B2": "B2_C",
    "C": "B2_C",
    "B2_C": "B2_C",
    "B2C": "B2_C",
}


class CeilingError(UserError, ValueError):
    """The ceiling table cannot answer (no value at all for a financing and zone)."""


@dataclass(frozen=True, slots=True)
class CeilingLookup:
    """A ceiling in EUR/year, the year of the table actually used, and a warning if any."""

    amount: int
    year_used: int
    warning: str | None = None


def pls_from_plus(amount: int) -> int:
    """Return PLUS × 1.3 rounded half-up to the euro (the convention of the 2024-2025 tables)."""
    return (amount * PLS_FACTOR_TENTHS + 5) // 10


def pli_zone(zone_abc: str | None) -> str | None:
    """Return the PLI column for an A/B/C zone (B2 and C share one), or None if unknown."""
    if zone_abc is None:
        return None
    return _PLI_ZONE_ALIASES.get(zone_abc.strip().upper().replace("-", "_"))


class CeilingTable:
    """The income-ceiling reference table, indexed for lookups."""

    def __init__(self, rows: Iterable[Sequence[Any]]) -> None:
        """Index rows of (year, zone, financing, household_category, amount_eur)."""
        self._memo: dict[tuple[int, str, int, int, str | None, str], CeilingLookup] = {}
        self._values: dict[tuple[int, str, str, str], int] = {}
        for year, zone, financing, category, amount in rows:
            if amount is None or amount == "":
                continue
            key = (int(year), str(zone), str(financing), str(category))
            self._values[key] = round(float(amount))

    @classmethod
    def from_csv(cls, path: Path) -> CeilingTable:
        """Read the CSV table (``#`` lines are source comments)."""
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(line for line in handle if not line.startswith("#"))
            rows = [
                (r["year"], r["zone"], r["financing"], r["household_category"], r["amount_eur"])
                for r in reader
            ]
        return cls(rows)

    def __len__(self) -> int:
        """Return the number of values in the table."""
        return len(self._values)

    def _value(self, year: int, zone: str, financing: str, key: str) -> int | None:
        direct = self._values.get((year, zone, financing, key))
        if direct is not None:
            return direct
        if financing == Financement.PLS.value:
            plus = self._values.get((year, zone, Financement.PLUS.value, key))
            if plus is not None:
                return pls_from_plus(plus)
        return None

    def _amount(
        self, year: int, zone: str, financing: str, category: int, extra: int
    ) -> int | None:
        base = self._value(year, zone, financing, str(category))
        if base is None:
            return None
        if extra <= 0:
            return base
        per_person = self._value(year, zone, financing, PER_EXTRA_PERSON)
        if per_person is None:
            return None
        return base + extra * per_person

    def _years(self, zone: str, financing: str) -> list[int]:
        sources = {financing}
        if financing == Financement.PLS.value:
            sources.add(Financement.PLUS.value)
        return sorted({y for (y, z, f, _) in self._values if z == zone and f in sources})

    def ceiling(
        self,
        year: int,
        financing: Financement | str,
        category: int,
        extra_persons: int = 0,
        zone_abc: str | None = None,
        social_zone: str = AUTRES_REGIONS,
    ) -> CeilingLookup:
        """Return the ceiling for a household category (PLI: make-up row) on a year.

        ``zone_abc`` is the A/B/C zone of the unit's commune (PLI), ``social_zone`` its
        social-housing zone (PLAI, PLUS, PLS).
        """
        key = (year, str(financing), category, extra_persons, zone_abc, social_zone)
        found = self._memo.get(key)
        if found is None:
            found = self._lookup(year, financing, category, extra_persons, zone_abc, social_zone)
            self._memo[key] = found
        return found

    def _lookup(
        self,
        year: int,
        financing: Financement | str,
        category: int,
        extra_persons: int,
        zone_abc: str | None,
        social_zone: str,
    ) -> CeilingLookup:
        fin = Financement(financing).value
        category = min(max(int(category), 1), 6)
        warnings: list[str] = []
        if fin == Financement.PLI.value:
            found_zone = pli_zone(zone_abc)
            if found_zone is None:
                raise CeilingError(
                    f"Zone A/B/C « {zone_abc or 'inconnue'} » : le plafond PLI ne peut pas "
                    "être déterminé."
                )
            zone = found_zone
            where = f"la zone {zone.replace('_', ' ').replace('B2 C', 'B2/C')}"
        else:
            zone = social_zone
            where = f"la zone « {SOCIAL_ZONE_LABELS.get(zone, zone)} »"
        amount = self._amount(year, zone, fin, category, extra_persons)
        year_used = year
        if amount is None:
            known = [
                y
                for y in self._years(zone, fin)
                if self._amount(y, zone, fin, category, extra_persons) is not None
            ]
            if not known:
                fallback = (
                    " ; ceux des « autres régions » ne sont pas appliqués à sa place"
                    if zone != AUTRES_REGIONS and fin != Financement.PLI.value
                    else ""
                )
                raise CeilingError(
                    f"Aucun plafond {fin} n'est connu pour {where} et la catégorie "
                    f"{category} : la note de référence ne donne pas ces chiffres{fallback}."
                )
            earlier = [y for y in known if y < year]
            year_used = earlier[-1] if earlier else known[0]
            amount = self._amount(year_used, zone, fin, category, extra_persons)
            assert amount is not None
            warnings.append(
                f"Plafonds {fin} {year} absents de la table de référence : "
                f"ceux de {year_used} sont appliqués."
            )
        return CeilingLookup(amount, year_used, " ".join(warnings) or None)


@cache
def default_ceiling_table() -> CeilingTable:
    """Return the shipped reference table (``resources/reference/plafonds.csv``)."""
    return CeilingTable.from_csv(resource("reference", "plafonds.csv"))


def ceiling(
    year: int,
    financing: Financement | str,
    category: int,
    extra_persons: int = 0,
    zone_abc: str | None = None,
    table: CeilingTable | None = None,
    social_zone: str = AUTRES_REGIONS,
) -> CeilingLookup:
    """Return the ceiling from ``table`` (the shipped table by default)."""
    return (table or default_ceiling_table()).ceiling(
        year, financing, category, extra_persons, zone_abc, social_zone
    )
