"""Eligibility of one request for one unit: every failed condition as a stable code.

This is the per-candidate rule (used by the reference implementation and the reverse view);
the fast engine computes the same conditions over columns and is held equal to it by tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from housingmatch.domain.model import Financement, Request, Unit
from housingmatch.domain.text import fold
from housingmatch.matching.places import Places, Point, unit_point
from housingmatch.matching.results import Exclusion
from housingmatch.rules.ceilings import CeilingLookup, CeilingTable
from housingmatch.rules.dates import is_active
from housingmatch.rules.household import ceiling_row
from housingmatch.rules.income import counted_income
from housingmatch.rules.ruleset import RuleSet
from housingmatch.rules.zones import missing_abc_zone, missing_social_zone

SURFACE_ONE_PERSON = 9.0
SURFACE_TWO_PERSONS = 16.0
SURFACE_PER_EXTRA_PERSON = 9.0
SURFACE_CAP = 70.0


def min_surface(persons: int) -> float:
    """Return the minimum surface (m²) against over-occupation: 9, 16, +9 per person, max 70."""
    persons = max(persons, 1)
    if persons == 1:
        return SURFACE_ONE_PERSON
    return min(SURFACE_TWO_PERSONS + SURFACE_PER_EXTRA_PERSON * (persons - 2), SURFACE_CAP)


def is_under_occupied(persons: int, rooms: int) -> bool:
    """Tell whether a unit would be under-occupied: rooms > persons + 1 (CCH L621-2)."""
    return rooms > max(persons, 1) + 1


def employer_keys(request: Request) -> frozenset[str]:
    """Return the keys a unit's employer earmark may name: SIRET, SIREN, normalised name."""
    return _employer_keys(request.employer.name, request.employer.siret)


def employer_keys_of(name: str, siret: str | None) -> frozenset[str]:
    """Return the earmark keys of an employer given by name and SIRET (cached)."""
    return _employer_keys(name, siret)


@lru_cache(maxsize=65536)
def _employer_keys(name: str, siret_text: str | None) -> frozenset[str]:
    # Cached: a pool of 100 000 requests names a few thousand employers at most.
    keys = {f"nom:{fold(name)}"}
    siret = re.sub(r"\D", "", siret_text or "")
    if len(siret) == 14:
        keys.add(f"siret:{siret}")
        keys.add(f"siren:{siret[:9]}")
    return frozenset(keys)


def earmark_key(unit: Unit) -> str | None:
    """Return the key of the unit's employer earmark (SIRET, SIREN or name), or None."""
    text = (unit.reserved_employer or "").strip()
    if not text:
        return None
    digits = re.sub(r"\s", "", text)
    if digits.isdigit() and len(digits) == 14:
        return f"siret:{digits}"
    if digits.isdigit() and len(digits) == 9:
        return f"siren:{digits}"
    return f"nom:{fold(text)}"


@dataclass(frozen=True, slots=True)
class MatchingContext:
    """The rules and reference data a ranking uses."""

    ruleset: RuleSet
    ceilings: CeilingTable
    places: Places
    # First-quartile thresholds entered by users: (EPCI SIREN, year, EUR per UC and year).
    quartile_thresholds: tuple[tuple[str, int, float], ...] = ()

    def quartile_threshold(self, epci: str | None, year: int) -> float | None:
        """Return the first-quartile threshold of an EPCI for a year: entered, else the rules'."""
        for code, threshold_year, amount in self.quartile_thresholds:
            if code == epci and threshold_year == year:
                return amount
        return self.ruleset.first_quartile_threshold(epci, year)


@dataclass(slots=True)
class UnitFacts:
    """What is computed once per unit and date: point, zone, ceilings by category."""

    unit: Unit
    on: date
    point: Point | None
    zone_abc: str | None
    social_zone: str | None
    epci: str | None
    earmark: str | None
    context: MatchingContext
    _ceilings: dict[tuple[int, int], CeilingLookup] = field(default_factory=dict)

    @classmethod
    def of(cls, unit: Unit, on: date, context: MatchingContext) -> UnitFacts:
        """Gather the facts of a unit on a date."""
        places = context.places
        return cls(
            unit=unit,
            on=on,
            point=unit_point(unit, places),
            zone_abc=places.zone_abc(unit.commune),
            social_zone=places.social_zone(unit.commune),
            epci=places.epci(unit.commune),
            earmark=earmark_key(unit),
            context=context,
        )

    @property
    def pli(self) -> bool:
        """Tell whether the unit is PLI (ceiling rows by household make-up, A/B/C zone)."""
        return self.unit.financing == Financement.PLI

    def ceiling(self, category: int, extra: int) -> CeilingLookup:
        """Return the ceiling for a ceiling-table row on the ranking year (cached).

        Raises a ZoneError naming the commune when the unit's commune has no zone.
        """
        key = (category, extra)
        found = self._ceilings.get(key)
        if found is None:
            commune = self.unit.commune
            if self.pli and self.zone_abc is None:
                raise missing_abc_zone(commune, self.context.places.name(commune))
            if not self.pli and self.social_zone is None:
                raise missing_social_zone(commune)
            found = self.context.ceilings.ceiling(
                self.on.year,
                self.unit.financing,
                category,
                extra,
                self.zone_abc,
                self.social_zone or "",
            )
            self._ceilings[key] = found
        return found

    def warnings(self) -> tuple[str, ...]:
        """Return the distinct warnings of the ceilings looked up so far, sorted."""
        return tuple(sorted({c.warning for c in self._ceilings.values() if c.warning}))


def exclusion_codes(request: Request, facts: UnitFacts) -> tuple[Exclusion, ...]:
    """Return every eligibility condition the request fails for the unit (empty = eligible)."""
    unit, on = facts.unit, facts.on
    rules = facts.context.ruleset.eligibility
    household = request.household
    wishes = request.wishes
    persons = max(household.persons, 1)
    codes: list[Exclusion] = []
    if not is_active(request, on):
        codes.append(Exclusion.REQUEST_NOT_ACTIVE)
    if request.parked_until is not None and on < request.parked_until:
        codes.append(Exclusion.REQUEST_PARKED)
    if request.to_complete:
        codes.append(Exclusion.REQUEST_INCOMPLETE)
    row = ceiling_row(household, request.applicant.birth_date, on, facts.pli)
    ceiling = facts.ceiling(row.category, row.extra_persons)
    if counted_income(request).amount > ceiling.amount:
        codes.append(Exclusion.INCOME_ABOVE_CEILING)
    if rules.over_occupation and unit.surface < min_surface(persons):
        codes.append(Exclusion.HOUSEHOLD_TOO_LARGE)
    if rules.under_occupation and is_under_occupied(persons, unit.typology):
        codes.append(Exclusion.HOUSEHOLD_TOO_SMALL)
    too_few = wishes.typology_min is not None and unit.typology < wishes.typology_min
    too_many = wishes.typology_max is not None and unit.typology > wishes.typology_max
    if too_few or too_many:
        codes.append(Exclusion.TYPOLOGY_NOT_WISHED)
    if rules.typology_grid_enabled:
        low, high = rules.rooms_allowed(persons)
        if not low <= unit.typology <= high:
            codes.append(Exclusion.TYPOLOGY_OUTSIDE_GRID)
    if wishes.communes and unit.commune not in wishes.communes:
        codes.append(Exclusion.COMMUNE_NOT_WISHED)
    if wishes.max_rent is not None and unit.total_rent > wishes.max_rent:
        codes.append(Exclusion.RENT_ABOVE_MAX)
    monthly = household.monthly_income
    if (
        rules.effort_enabled
        and monthly is not None
        and (monthly <= 0 or unit.total_rent / monthly > rules.max_effort_rate)
    ):
        codes.append(Exclusion.EFFORT_RATE_TOO_HIGH)
    if wishes.needs_pmr and not unit.accessible_pmr:
        codes.append(Exclusion.ACCESSIBILITY_UNMET)
    # An unknown floor without a lift cannot be promised to someone who needs one.
    if wishes.needs_lift and not unit.lift and (unit.floor is None or unit.floor > 0):
        codes.append(Exclusion.LIFT_UNMET)
    return tuple(codes)
