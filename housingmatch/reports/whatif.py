"""Policy what-if: the same units ranked under a draft rule set and under the rules in force.

For every unit, two rankings of the same candidates: the one of the rule set in force and
the one of the draft. This module compares them (no Qt, no store): for each priority public,
how its candidates' ranks move (a positive shift is a move up: rank 7 → rank 4 is +3); which
candidates enter or leave a unit's top three (the ones a proposal lists, CCH R441-3); and
what the top threes would give the legal shares (brief §2.4, §2.5): the share of DALO or
L441-1 households among them, of first-quartile households among those of units outside QPV,
of quartiles 2–4 among those of units inside QPV, households of unknown quartile counted
apart. A candidate eligible under one rule set only is counted as entering or leaving the
ranking, not as a shift.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from housingmatch.reports.obligations import TARGETS, ObligationKind, Quartile

#: The publics whose shifts are reported (the priority groups of the rules).
PUBLICS = ("DALO", "PRIORITAIRE_L441", "JEUNE", "MOBILITE", "DIFFICULTE")
TOP = 3


@dataclass(frozen=True, slots=True)
class Entry:
    """One ranked candidate of one ranking, as the what-if reads it (no name)."""

    ref: str
    rank: int
    publics: frozenset[str]
    quartile: Quartile = Quartile.INCONNU

    @property
    def priority(self) -> bool:
        """Return whether the household counts for the DALO / L441-1 share."""
        return "DALO" in self.publics or "PRIORITAIRE_L441" in self.publics


@dataclass(frozen=True, slots=True)
class UnitComparison:
    """The two rankings of one unit."""

    unit_ref: str
    in_qpv: bool
    current: tuple[Entry, ...]
    draft: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class PublicShift:
    """How the ranks of one public's candidates move under the draft."""

    public: str
    candidates: int  # (candidate, unit) pairs ranked under both rule sets
    mean_shift: float | None  # ranks gained on average (positive: up)
    median_shift: float | None
    moved_up: int
    moved_down: int
    entering_top: int
    leaving_top: int


@dataclass(frozen=True, slots=True)
class TopChange:
    """A candidate entering or leaving a unit's top three."""

    unit_ref: str
    ref: str
    entering: bool
    rank_current: int | None
    rank_draft: int | None
    publics: frozenset[str]


@dataclass(frozen=True, slots=True)
class ShareEffect:
    """One legal share among the top threes, under the rules in force and under the draft."""

    kind: ObligationKind
    target: float
    current: tuple[int, int, int]  # counting, known, unknown quartile
    draft: tuple[int, int, int]

    @staticmethod
    def _share(value: tuple[int, int, int]) -> float | None:
        return value[0] / value[1] if value[1] else None

    @property
    def current_share(self) -> float | None:
        """Return the share under the rules in force (over the known households)."""
        return self._share(self.current)

    @property
    def draft_share(self) -> float | None:
        """Return the share under the draft (over the known households)."""
        return self._share(self.draft)


@dataclass(frozen=True, slots=True)
class WhatIf:
    """The comparison of a draft with the rules in force over a set of units."""

    units: int
    shifts: tuple[PublicShift, ...]
    changes: tuple[TopChange, ...]
    shares: tuple[ShareEffect, ...]
    entered_ranking: int  # eligible under the draft only
    left_ranking: int  # eligible under the rules in force only

    @property
    def unchanged(self) -> bool:
        """Return whether the draft ranks every unit exactly as the rules in force."""
        return (
            not self.changes
            and not self.entered_ranking
            and not self.left_ranking
            and all(s.moved_up == s.moved_down == 0 for s in self.shifts)
        )


def _top_counts(
    units: Sequence[UnitComparison], draft: bool
) -> dict[ObligationKind, tuple[int, int, int]]:
    counts = {kind: [0, 0, 0] for kind in ObligationKind}
    for unit in units:
        entries = (unit.draft if draft else unit.current)[:TOP]
        for e in entries:
            dalo = counts[ObligationKind.DALO_PRIORITAIRES]
            dalo[0] += e.priority
            dalo[1] += 1
            kind, wanted = (
                (ObligationKind.AUTRES_QUARTILES_EN_QPV, Quartile.AUTRES)
                if unit.in_qpv
                else (ObligationKind.PREMIER_QUARTILE_HORS_QPV, Quartile.PREMIER)
            )
            if e.quartile is Quartile.INCONNU:
                counts[kind][2] += 1
            else:
                counts[kind][1] += 1
                counts[kind][0] += e.quartile is wanted
    return {k: (v[0], v[1], v[2]) for k, v in counts.items()}


def compare(units: Sequence[UnitComparison]) -> WhatIf:
    """Return the rank shifts per public, the top-three changes and the shares' effect."""
    shifts: dict[str, list[int]] = {p: [] for p in PUBLICS}
    entering: dict[str, int] = dict.fromkeys(PUBLICS, 0)
    leaving: dict[str, int] = dict.fromkeys(PUBLICS, 0)
    changes: list[TopChange] = []
    entered = left = 0
    for unit in units:
        before = {e.ref: e for e in unit.current}
        after = {e.ref: e for e in unit.draft}
        entered += len(after.keys() - before.keys())
        left += len(before.keys() - after.keys())
        for ref in before.keys() & after.keys():
            shift = before[ref].rank - after[ref].rank
            for public in before[ref].publics & set(PUBLICS):
                shifts[public].append(shift)
        top_before = {e.ref for e in unit.current[:TOP]}
        top_after = {e.ref for e in unit.draft[:TOP]}
        for ref in sorted(top_after - top_before):
            e = after[ref]
            changes.append(
                TopChange(unit.unit_ref, ref, True, before[ref].rank if ref in before else None,
                          e.rank, e.publics)
            )  # fmt: skip
            for public in e.publics & set(PUBLICS):
                entering[public] += 1
        for ref in sorted(top_before - top_after):
            e = before[ref]
            changes.append(
                TopChange(unit.unit_ref, ref, False, e.rank,
                          after[ref].rank if ref in after else None, e.publics)
            )  # fmt: skip
            for public in e.publics & set(PUBLICS):
                leaving[public] += 1
    rows = tuple(
        PublicShift(
            public=p,
            candidates=len(shifts[p]),
            mean_shift=statistics.fmean(shifts[p]) if shifts[p] else None,
            median_shift=float(statistics.median(shifts[p])) if shifts[p] else None,
            moved_up=sum(s > 0 for s in shifts[p]),
            moved_down=sum(s < 0 for s in shifts[p]),
            entering_top=entering[p],
            leaving_top=leaving[p],
        )
        for p in PUBLICS
    )
    current, draft = _top_counts(units, False), _top_counts(units, True)
    shares = tuple(ShareEffect(k, TARGETS[k], current[k], draft[k]) for k in ObligationKind)
    return WhatIf(len(units), rows, tuple(changes), shares, entered, left)
