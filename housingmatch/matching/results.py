"""What a ranking returns: frozen dataclasses carrying their reasons (codes, named parts)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar, overload

from housingmatch.rules.ceilings import CeilingLookup
from housingmatch.rules.groups import GROUP_LABELS, Group, QuartileStatus
from housingmatch.rules.ruleset import RuleSetInfo

if TYPE_CHECKING:  # numpy is not needed to read results (the command line's start-up)
    import numpy.typing as npt

    _Ints = Sequence[int] | npt.NDArray[Any]

T = TypeVar("T")


class Exclusion(StrEnum):
    """Why a request is not eligible for a unit; the values are stable codes."""

    REQUEST_NOT_ACTIVE = "REQUEST_NOT_ACTIVE"
    REQUEST_PARKED = "REQUEST_PARKED"
    INCOME_ABOVE_CEILING = "INCOME_ABOVE_CEILING"
    HOUSEHOLD_TOO_LARGE = "HOUSEHOLD_TOO_LARGE"
    HOUSEHOLD_TOO_SMALL = "HOUSEHOLD_TOO_SMALL"
    TYPOLOGY_NOT_WISHED = "TYPOLOGY_NOT_WISHED"
    TYPOLOGY_OUTSIDE_GRID = "TYPOLOGY_OUTSIDE_GRID"
    COMMUNE_NOT_WISHED = "COMMUNE_NOT_WISHED"
    RENT_ABOVE_MAX = "RENT_ABOVE_MAX"
    EFFORT_RATE_TOO_HIGH = "EFFORT_RATE_TOO_HIGH"
    ACCESSIBILITY_UNMET = "ACCESSIBILITY_UNMET"
    LIFT_UNMET = "LIFT_UNMET"
    # Last, so the bits of the older codes keep their place.
    REQUEST_INCOMPLETE = "REQUEST_INCOMPLETE"


EXCLUSION_ORDER: tuple[Exclusion, ...] = tuple(Exclusion)
EXCLUSION_BIT: dict[Exclusion, int] = {code: 1 << i for i, code in enumerate(EXCLUSION_ORDER)}

EXCLUSION_LABELS: dict[Exclusion, str] = {
    Exclusion.REQUEST_NOT_ACTIVE: "Demande close, expirée ou pas encore déposée à la date du classement",
    Exclusion.REQUEST_PARKED: "Demande en attente après un refus (jusqu'à sa date de fin)",
    Exclusion.INCOME_ABOVE_CEILING: "Ressources supérieures au plafond du financement",
    Exclusion.HOUSEHOLD_TOO_LARGE: "Ménage trop grand pour la surface (sur-occupation)",
    Exclusion.HOUSEHOLD_TOO_SMALL: "Ménage trop petit : plus de pièces que de personnes + 1",
    Exclusion.TYPOLOGY_NOT_WISHED: "Typologie hors des souhaits du ménage",
    Exclusion.TYPOLOGY_OUTSIDE_GRID: "Typologie hors de la grille taille du ménage / pièces",
    Exclusion.COMMUNE_NOT_WISHED: "Commune hors des communes souhaitées",
    Exclusion.RENT_ABOVE_MAX: "Loyer charges comprises au-delà du maximum du ménage",
    Exclusion.EFFORT_RATE_TOO_HIGH: "Taux d'effort au-delà du maximum des règles",
    Exclusion.ACCESSIBILITY_UNMET: "Besoin d'un logement accessible (PMR) non satisfait",
    Exclusion.LIFT_UNMET: "Besoin d'un ascenseur non satisfait (étage sans ascenseur)",
    Exclusion.REQUEST_INCOMPLETE: (
        "Demande incomplète (saisie au forum) : revenu fiscal de référence et commune de "
        "résidence à compléter à l'agence"
    ),
}


def codes_from_mask(mask: int) -> tuple[Exclusion, ...]:
    """Return the exclusion codes of a bit mask, in canonical order."""
    return tuple(code for code in EXCLUSION_ORDER if mask & EXCLUSION_BIT[code])


def mask_from_codes(codes: Sequence[Exclusion]) -> int:
    """Return the bit mask of exclusion codes."""
    mask = 0
    for code in codes:
        mask |= EXCLUSION_BIT[code]
    return mask


class Part(StrEnum):
    """A named part of the score; the values are stable keys (JSON ``parts``)."""

    GROUPS = "groups"
    LEGAL_PRIORITY = "legal_priority"
    PROXIMITY = "proximity"
    COMMUTE_GAIN = "commute_gain"
    SENIORITY = "seniority"
    FIT = "fit"
    EMPLOYER = "employer"


PART_ORDER: tuple[Part, ...] = tuple(Part)

PART_LABELS: dict[Part, str] = {
    Part.GROUPS: "Groupes prioritaires (jeune, mobilité, difficulté)",
    Part.LEGAL_PRIORITY: "Priorité légale (DALO, L441-1)",
    Part.PROXIMITY: "Proximité domicile-travail",
    Part.COMMUTE_GAIN: "Gain de temps de trajet",
    Part.SENIORITY: "Ancienneté de la demande",
    Part.FIT: "Adéquation taille et taux d'effort",
    Part.EMPLOYER: "Logement réservé pour l'employeur",
}


@dataclass(frozen=True, slots=True)
class RankedCandidate:
    """An eligible request with its rank, score, score parts and groups."""

    rank: int
    ref: str
    score: float
    parts: tuple[tuple[Part, float], ...]
    groups: tuple[Group, ...]
    commute_minutes: float | None
    filing_date: date
    tie_breaker: int
    first_quartile: QuartileStatus
    under_occupied: bool = False

    def points(self, part: Part) -> float:
        """Return the points of one part."""
        return dict(self.parts)[part]

    def parts_dict(self) -> dict[str, float]:
        """Return the parts as {name: points}, in display order."""
        return {part.value: points for part, points in self.parts}

    @property
    def group_labels(self) -> tuple[str, ...]:
        """Return the French labels of the groups."""
        return tuple(GROUP_LABELS[g] for g in self.groups)


@dataclass(frozen=True, slots=True)
class Excluded:
    """A request that is not eligible, with every failed condition."""

    ref: str
    codes: tuple[Exclusion, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        """Return the reasons in French."""
        return tuple(EXCLUSION_LABELS[c] for c in self.codes)


class _LazySequence(Sequence[T]):
    """What the lazy result sequences share: iteration, equality with any sequence, repr."""

    def __iter__(self) -> Iterator[T]:
        """Iterate over all items, building them as needed."""
        for i in range(len(self)):
            yield self[i]

    def __eq__(self, other: object) -> bool:
        """Compare item by item with any sequence."""
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        """Hash like the tuple of items."""
        return hash(tuple(self))

    def __repr__(self) -> str:
        """Show the size, not the items."""
        return f"<{type(self).__name__} of {len(self)} items>"


class LazyResults(_LazySequence[RankedCandidate]):
    """A read-only sequence whose items are built on first access (large pools stay cheap)."""

    def __init__(self, count: int, build: Callable[[int], RankedCandidate]) -> None:
        """Wrap ``count`` items made by ``build(i)``."""
        self._count = count
        self._build = build
        self._cache: dict[int, RankedCandidate] = {}

    def __len__(self) -> int:
        """Return the number of items."""
        return self._count

    @overload
    def __getitem__(self, index: int) -> RankedCandidate: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[RankedCandidate]: ...
    def __getitem__(self, index: int | slice) -> RankedCandidate | Sequence[RankedCandidate]:
        """Return one item, or a list of items for a slice."""
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        item = self._cache.get(index)
        if item is None:
            item = self._build(index)
            self._cache[index] = item
        return item


class LazyExcluded(_LazySequence[Excluded]):
    """A read-only sequence of exclusions built on access from rows and code masks."""

    def __init__(self, refs: Sequence[str], rows: _Ints, masks: _Ints) -> None:
        """Item ``i`` is the request ``refs[rows[i]]`` with the codes of ``masks[i]``."""
        self._refs = refs
        self._rows = rows
        self._masks = masks

    def __len__(self) -> int:
        """Return the number of exclusions."""
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Excluded: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Excluded]: ...
    def __getitem__(self, index: int | slice) -> Excluded | Sequence[Excluded]:
        """Return one exclusion, or a list for a slice."""
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        ref = self._refs[int(self._rows[index])]
        return Excluded(ref, codes_from_mask(int(self._masks[index])))

    def counts(self) -> dict[Exclusion, int]:
        """Return how many exclusions carry each code, without building them."""
        masks = self._masks
        if isinstance(masks, Sequence):
            return _count_masks(int(m) for m in masks)
        return {code: int(((masks & bit) != 0).sum()) for code, bit in EXCLUSION_BIT.items()}


def _count_masks(masks: Iterable[int]) -> dict[Exclusion, int]:
    counts = dict.fromkeys(EXCLUSION_ORDER, 0)
    for mask in masks:
        for code, bit in EXCLUSION_BIT.items():
            if mask & bit:
                counts[code] += 1
    return counts


def exclusion_counts(excluded: Sequence[Excluded]) -> dict[Exclusion, int]:
    """Return how many exclusions carry each code (fast for a ranking's lazy exclusions)."""
    if isinstance(excluded, LazyExcluded):
        return excluded.counts()
    return _count_masks(mask_from_codes(e.codes) for e in excluded)


@dataclass(frozen=True, slots=True)
class Ranking:
    """The ordered eligible requests for a unit on a date, the excluded ones and warnings."""

    unit_ref: str
    on: date
    ruleset: RuleSetInfo
    ceiling: CeilingLookup
    ranked: Sequence[RankedCandidate]
    excluded: Sequence[Excluded]
    warnings: tuple[str, ...]
    first_quartile_threshold: float | None = None

    def position(self, ref: str) -> int | None:
        """Return the 1-based rank of a request, or None when it is not ranked."""
        for candidate in self.ranked:
            if candidate.ref == ref:
                return candidate.rank
        return None

    def candidate(self, ref: str) -> RankedCandidate | None:
        """Return the ranked candidate with this reference, or None."""
        position = self.position(ref)
        return None if position is None else self.ranked[position - 1]

    def exclusion(self, ref: str) -> Excluded | None:
        """Return the exclusion of a request, or None when it is not excluded."""
        return next((e for e in self.excluded if e.ref == ref), None)

    def top(self, count: int | None) -> tuple[RankedCandidate, ...]:
        """Return the first ``count`` candidates (all when None)."""
        if count is None:
            return tuple(self.ranked)
        return tuple(self.ranked[:count])


@dataclass(frozen=True, slots=True)
class UnitOption:
    """One open unit a request is eligible for (reverse view), with its score there."""

    unit_ref: str
    score: float
    parts: tuple[tuple[Part, float], ...]
    commute_minutes: float | None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CandidateUnits:
    """The reverse view: for a request, the open units it is eligible for, best first."""

    request_ref: str
    on: date
    ruleset: RuleSetInfo
    groups: tuple[Group, ...]
    options: tuple[UnitOption, ...]
    not_eligible: tuple[tuple[str, tuple[Exclusion, ...]], ...]


@dataclass(frozen=True, slots=True)
class AllocatedUnit:
    """The candidates suggested for one unit, in the unit's ranking order."""

    unit_ref: str
    candidates: tuple[RankedCandidate, ...]
    eligible_count: int
    # The rank of each candidate in the unit's own ranking (``candidates[i].rank`` numbers
    # the suggestion 1, 2, 3; the 43rd of the ranking may be the third suggested).
    ranking_ranks: tuple[int, ...] = ()

    @property
    def total(self) -> float:
        """Return the sum of the suggested candidates' scores."""
        return round(sum(c.score for c in self.candidates), 2)


@dataclass(frozen=True, slots=True)
class ShareOutcome:
    """What the legal shares asked of a batch allocation gave, and what they cost."""

    priority_share: float  # asked: DALO or L441-1 households, of all filled places
    priority_required: int
    priority_reached: int
    first_quartile_share: float  # asked: first-quartile households, of places outside QPV
    first_quartile_required: int
    first_quartile_reached: int
    filled: int
    unconstrained_total: float
    constrained_total: float
    shortfalls: tuple[str, ...] = ()
    exact: bool = True  # False: optimal over the pools searched, not proved over all requests

    @property
    def score_lost(self) -> float:
        """Return the total score given up to meet the shares."""
        return round(self.unconstrained_total - self.constrained_total, 2)


@dataclass(frozen=True, slots=True)
class Allocation:
    """A batch suggestion: distinct candidates per open unit maximising the total score."""

    on: date
    ruleset: RuleSetInfo
    per_unit: int
    units: tuple[AllocatedUnit, ...]
    total_score: float
    warnings: tuple[str, ...]
    shares: ShareOutcome | None = None  # when minimum shares were asked
