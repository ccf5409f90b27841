"""The legal shares of attributions, monitored over a period (brief §2.4, §2.5).

- **25 % DALO, failing that L441-1** (CCH L313-26-2, clarified by the loi Égalité et
  Citoyenneté): a quarter of the attributions on Action Logement's reservations go to DALO
  households and, failing them, to the priority publics of L441-1. The share counts each
  household once, DALO or L441-1; the DALO part is shown on its own.
- **25 % first quartile outside QPV**: of the attributions of units located outside a QPV, a
  quarter go to households of the first quartile of resources of the EPCI.
- **50 % quartiles 2–4 inside QPV**: of the attributions of units inside a QPV, half go to
  households of the three other quartiles.

A household whose quartile is unknown (no threshold for the EPCI and year, or no resources)
is never guessed: it is counted apart, the share is computed over the known ones, and the
range from "none of them counts" to "all of them count" is given. The gap is the number of
attributions that must still count by the end of the period, at the current pace of
attributions, to reach the target.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Quartile(StrEnum):
    """The quartile status of a household at its attribution."""

    PREMIER = "PREMIER_QUARTILE"
    AUTRES = "AUTRES_QUARTILES"
    INCONNU = "INCONNU"


@dataclass(frozen=True, slots=True)
class Attribution:
    """One signed lease, as the obligations see it."""

    unit_ref: str
    request_ref: str
    signed_on: date
    unit_in_qpv: bool
    dalo: bool
    l441: bool
    quartile: Quartile


class ObligationKind(StrEnum):
    """The three monitored shares."""

    DALO_PRIORITAIRES = "DALO_PRIORITAIRES"
    PREMIER_QUARTILE_HORS_QPV = "PREMIER_QUARTILE_HORS_QPV"
    AUTRES_QUARTILES_EN_QPV = "AUTRES_QUARTILES_EN_QPV"

    @property
    def label(self) -> str:
        """Return the French label."""
        return {
            "DALO_PRIORITAIRES": "Ménages DALO, à défaut prioritaires (L441-1)",
            "PREMIER_QUARTILE_HORS_QPV": "1er quartile, logements hors QPV",
            "AUTRES_QUARTILES_EN_QPV": "Quartiles 2 à 4, logements en QPV",
        }[self.value]

    @property
    def short(self) -> str:
        """Return the short label of a gauge."""
        return {
            "DALO_PRIORITAIRES": "DALO/prioritaires",
            "PREMIER_QUARTILE_HORS_QPV": "1er quartile hors QPV",
            "AUTRES_QUARTILES_EN_QPV": "quartiles 2–4 en QPV",
        }[self.value]


TARGETS: dict[ObligationKind, float] = {
    ObligationKind.DALO_PRIORITAIRES: 0.25,
    ObligationKind.PREMIER_QUARTILE_HORS_QPV: 0.25,
    ObligationKind.AUTRES_QUARTILES_EN_QPV: 0.50,
}


@dataclass(frozen=True, slots=True)
class Obligation:
    """One share over a period, with what it takes to reach the target."""

    kind: ObligationKind
    target: float
    numerator: int
    denominator: int  # attributions whose status is known
    unknown: int  # attributions counted apart (quartile unknown)
    counted: tuple[str, ...]  # references of the leases that count
    basis: tuple[str, ...]  # references of the leases in the denominator
    detail: str = ""
    projected_total: int = 0
    gap: int = 0

    @property
    def share(self) -> float | None:
        """Return the share over the known attributions (None when there is none)."""
        return self.numerator / self.denominator if self.denominator else None

    @property
    def share_range(self) -> tuple[float, float] | None:
        """Return the share if no unknown household counts, and if all of them do."""
        total = self.denominator + self.unknown
        if not total:
            return None
        return self.numerator / total, (self.numerator + self.unknown) / total

    @property
    def met(self) -> bool | None:
        """Return whether the target is reached (None when nothing is known yet)."""
        share = self.share
        return None if share is None else share >= self.target

    def sentence(self) -> str:
        """Return the one line shown above a ranking."""
        share = self.share
        if share is None:
            return f"{self.kind.short} : aucune attribution pour l'instant"
        percent = f"{share * 100:.0f} %"
        if self.gap > 0:
            return f"{percent} {self.kind.short}, il en faut {self.gap} de plus d'ici la fin de la période"
        return f"{percent} {self.kind.short} (objectif {self.target * 100:.0f} % atteint)"


def _gap(target: float, numerator: int, basis_count: int, elapsed: float) -> tuple[int, int]:
    """Return the projected number of attributions and how many more must count."""
    projected = math.ceil(basis_count / elapsed) if elapsed > 0 else basis_count
    projected = max(projected, basis_count)
    needed = math.ceil(target * projected - 1e-9)
    return projected, max(needed - numerator, 0)


def obligations(
    attributions: Sequence[Attribution], start: date, end: date, today: date
) -> list[Obligation]:
    """Return the three shares over ``start``..``end`` (inclusive), as known on ``today``."""
    period = [a for a in attributions if start <= a.signed_on <= min(end, today)]
    days = (end - start).days + 1
    elapsed = min(max((min(today, end) - start).days + 1, 0), days) / days
    results = []

    dalo = [a for a in period if a.dalo]
    counted = [a for a in period if a.dalo or a.l441]
    projected, gap = _gap(
        TARGETS[ObligationKind.DALO_PRIORITAIRES], len(counted), len(period), elapsed
    )
    results.append(
        Obligation(
            kind=ObligationKind.DALO_PRIORITAIRES,
            target=TARGETS[ObligationKind.DALO_PRIORITAIRES],
            numerator=len(counted),
            denominator=len(period),
            unknown=0,
            counted=tuple(a.unit_ref for a in counted),
            basis=tuple(a.unit_ref for a in period),
            detail=f"dont {len(dalo)} DALO et {len(counted) - len(dalo)} prioritaires L441-1",
            projected_total=projected,
            gap=gap,
        )
    )
    for kind, in_qpv, wanted in (
        (ObligationKind.PREMIER_QUARTILE_HORS_QPV, False, Quartile.PREMIER),
        (ObligationKind.AUTRES_QUARTILES_EN_QPV, True, Quartile.AUTRES),
    ):
        units = [a for a in period if a.unit_in_qpv is in_qpv]
        known = [a for a in units if a.quartile is not Quartile.INCONNU]
        hits = [a for a in known if a.quartile is wanted]
        unknown = len(units) - len(known)
        projected, gap = _gap(TARGETS[kind], len(hits), len(known), elapsed)
        results.append(
            Obligation(
                kind=kind,
                target=TARGETS[kind],
                numerator=len(hits),
                denominator=len(known),
                unknown=unknown,
                counted=tuple(a.unit_ref for a in hits),
                basis=tuple(a.unit_ref for a in known),
                detail=f"{unknown} attribution(s) au quartile inconnu, comptée(s) à part"
                if unknown
                else "",
                projected_total=projected,
                gap=gap,
            )
        )
    return results
