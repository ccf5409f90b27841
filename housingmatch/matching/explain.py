"""Explanations in French: points by part, why one request is above another, exclusions."""

from __future__ import annotations

from dataclasses import dataclass

from housingmatch.matching.results import (
    EXCLUSION_LABELS,
    PART_LABELS,
    Exclusion,
    Part,
    RankedCandidate,
)
from housingmatch.rules.groups import GROUP_LABELS


def _points(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} pt" if abs(value) < 2 else f"{text} pts"


@dataclass(frozen=True, slots=True)
class PartDifference:
    """One score part on which two candidates differ."""

    part: Part
    above: float
    below: float

    @property
    def delta(self) -> float:
        """Return the points the upper candidate gains on this part."""
        return round(self.above - self.below, 2)

    @property
    def label(self) -> str:
        """Return the French name of the part."""
        return PART_LABELS[self.part]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Why one ranked candidate is above another."""

    above: str
    below: str
    differences: tuple[PartDifference, ...]
    tie_reason: str | None

    def sentences(self) -> tuple[str, ...]:
        """Return the explanation as French sentences."""
        lines = [
            f"{d.label} : {_points(d.above)} contre {_points(d.below)} "
            f"({'+' if d.delta >= 0 else ''}{_points(d.delta)})"
            for d in self.differences
        ]
        if self.tie_reason:
            lines.append(self.tie_reason)
        return tuple(lines)


UNDER_OCCUPIED_NOTE = (
    "Sous-occupation : le logement a plus de pièces que de personnes + 1 (CCH L621-2) ; "
    "signalée, sans points de taille"
)


def explain_candidate(candidate: RankedCandidate) -> tuple[str, ...]:
    """Return the points of each part in French, with the groups and the commute."""
    lines = [f"Score total : {_points(candidate.score)} (rang {candidate.rank})"]
    for part, points in candidate.parts:
        lines.append(f"{PART_LABELS[part]} : {_points(points)}")
    if candidate.groups:
        lines.append("Groupes : " + ", ".join(GROUP_LABELS[g] for g in candidate.groups))
    if candidate.under_occupied:
        lines.append(UNDER_OCCUPIED_NOTE)
    if candidate.commute_minutes is not None:
        minutes = f"{candidate.commute_minutes:.1f}".replace(".", ",")
        lines.append(f"Trajet estimé logement → travail : {minutes} min")
    return tuple(lines)


def compare(first: RankedCandidate, second: RankedCandidate) -> Comparison:
    """Explain why the better ranked of two candidates is above the other."""
    above, below = (first, second) if first.rank <= second.rank else (second, first)
    below_parts = dict(below.parts)
    differences = tuple(
        PartDifference(part, points, below_parts[part])
        for part, points in above.parts
        if points != below_parts[part]
    )
    differences = tuple(sorted(differences, key=lambda d: -abs(d.delta)))
    tie_reason = None
    if above.score == below.score:
        if above.filing_date < below.filing_date:
            tie_reason = (
                f"À score égal, la demande {above.ref} est la plus ancienne "
                f"(déposée le {above.filing_date:%d/%m/%Y}, contre le "
                f"{below.filing_date:%d/%m/%Y})."
            )
        else:
            tie_reason = (
                f"À score et ancienneté égaux, le départage tiré au sort place {above.ref} "
                f"avant {below.ref}."
            )
    return Comparison(above.ref, below.ref, differences, tie_reason)


def exclusion_text(codes: tuple[Exclusion, ...]) -> tuple[str, ...]:
    """Return the French reasons of an exclusion."""
    return tuple(EXCLUSION_LABELS[c] for c in codes)
