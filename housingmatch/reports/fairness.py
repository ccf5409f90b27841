"""Are the priority publics served? Their share of the pool, of proposals and of attributions.

For each priority public of the interprofessional agreements and the law (JEUNE, MOBILITE,
DIFFICULTE, DALO, PRIORITAIRE_L441), and for age bands and household types (monitoring only:
these are never ranking criteria beyond what the law provides), over a period: the share of
the eligible pool, of the households proposed, of the households attributed, the median
waiting time from filing to attribution, and the refusal rate of offers. A public whose share
of attributions falls below its share of the pool by more than the rule set's margin is
flagged. No protected ground (sex, origin, nationality…) is ever computed: the records handed
to this module carry none.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

#: Flag a public served less than its share of the pool by more than this (percentage points).
DEFAULT_MARGIN = 0.05

PUBLICS = ("JEUNE", "MOBILITE", "DIFFICULTE", "DALO", "PRIORITAIRE_L441")
AGE_BANDS = ("moins de 25 ans", "25 à 29 ans", "30 à 39 ans", "40 à 49 ans", "50 ans et plus")
HOUSEHOLD_TYPES = (
    "personne seule",
    "couple sans enfant",
    "parent seul avec enfant(s)",
    "couple avec enfant(s)",
    "autre ménage",
)


def age_band(age: int) -> str:
    """Return the age band of an applicant."""
    if age < 25:
        return AGE_BANDS[0]
    if age < 30:
        return AGE_BANDS[1]
    if age < 40:
        return AGE_BANDS[2]
    if age < 50:
        return AGE_BANDS[3]
    return AGE_BANDS[4]


def household_type(persons: int, dependants: int) -> str:
    """Return the household type from its size and dependants."""
    adults = persons - dependants
    if persons <= 1:
        return HOUSEHOLD_TYPES[0]
    if adults == 2 and dependants == 0:
        return HOUSEHOLD_TYPES[1]
    if adults == 1 and dependants >= 1:
        return HOUSEHOLD_TYPES[2]
    if adults == 2 and dependants >= 1:
        return HOUSEHOLD_TYPES[3]
    return HOUSEHOLD_TYPES[4]


@dataclass(frozen=True, slots=True)
class Subject:
    """One request over the period, as fairness counts it (no name, no protected ground)."""

    publics: frozenset[str]
    age_band: str
    household_type: str
    in_pool: bool  # active and eligible for at least one unit of the period
    proposed: bool
    attributed: bool
    wait_days: int | None = None  # filing to lease, when attributed
    offers: int = 0  # offers made to the household (answers expected)
    refusals: int = 0  # offers it refused (no answer counts as a refusal)


@dataclass(frozen=True, slots=True)
class GroupFigures:
    """The figures of one public (or age band, or household type)."""

    dimension: str  # "public", "âge", "ménage"
    group: str
    pool: int
    proposed: int
    attributed: int
    pool_share: float | None
    proposal_share: float | None
    attribution_share: float | None
    median_wait_days: float | None
    refusal_rate: float | None
    under_served: bool

    @property
    def gap(self) -> float | None:
        """Return attribution share minus pool share (negative: served less than its weight)."""
        if self.pool_share is None or self.attribution_share is None:
            return None
        return self.attribution_share - self.pool_share


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _figures(
    dimension: str,
    group: str,
    members: Sequence[Subject],
    totals: tuple[int, int, int],
    margin: float,
) -> GroupFigures:
    pool = sum(s.in_pool for s in members)
    proposed = sum(s.proposed for s in members)
    attributed = sum(s.attributed for s in members)
    waits = [s.wait_days for s in members if s.attributed and s.wait_days is not None]
    offers = sum(s.offers for s in members)
    refusals = sum(s.refusals for s in members)
    pool_share = _share(pool, totals[0])
    attribution_share = _share(attributed, totals[2])
    under = (
        pool_share is not None
        and attribution_share is not None
        and attribution_share < pool_share - margin
    )
    return GroupFigures(
        dimension=dimension,
        group=group,
        pool=pool,
        proposed=proposed,
        attributed=attributed,
        pool_share=pool_share,
        proposal_share=_share(proposed, totals[1]),
        attribution_share=attribution_share,
        median_wait_days=statistics.median(waits) if waits else None,
        refusal_rate=_share(refusals, offers),
        under_served=under,
    )


def fairness(subjects: Sequence[Subject], margin: float = DEFAULT_MARGIN) -> list[GroupFigures]:
    """Return the figures of every public, age band and household type."""
    totals = (
        sum(s.in_pool for s in subjects),
        sum(s.proposed for s in subjects),
        sum(s.attributed for s in subjects),
    )
    rows = [
        _figures("public", p, [s for s in subjects if p in s.publics], totals, margin)
        for p in PUBLICS
    ]
    rows += [
        _figures("âge", band, [s for s in subjects if s.age_band == band], totals, margin)
        for band in AGE_BANDS
    ]
    rows += [
        _figures("ménage", kind, [s for s in subjects if s.household_type == kind], totals, margin)
        for kind in HOUSEHOLD_TYPES
    ]
    return rows


def warnings(rows: Sequence[GroupFigures]) -> list[str]:
    """Return one French sentence per group served below its share of the pool."""
    out = []
    for row in rows:
        if row.under_served and row.pool_share is not None and row.attribution_share is not None:
            out.append(
                f"{row.group} : {row.attribution_share * 100:.0f} % des attributions pour "
                f"{row.pool_share * 100:.0f} % des demandes éligibles"
            )
    return out
