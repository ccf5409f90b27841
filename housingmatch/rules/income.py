"""Which income is compared with the ceiling (brief §3.3).

- By default the sum of the revenus fiscaux de référence of year N-2 of the household.
- When the N-1 income, or that of the last 12 months, is at least 10 % below N-2, that lower
  income is used (the applicant justifies it by any means except a sworn statement).
- When the applicant is separating (divorce, end of PACS: motif ``SEPARATION``) or protected
  from violence (motif ``VIOLENCES``, L441-1 f ``VIOLENCES_COUPLE``), only the applicant's own
  resources count, when they are recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from housingmatch.domain.model import Motif, PrioriteL441, Request

# "au moins 10 % inférieur": recent ≤ N-2 × 9/10, compared in integers of tenths.
RECENT_DROP_TENTHS = 9
SEPARATION_MOTIFS = frozenset({Motif.SEPARATION, Motif.VIOLENCES})
SEPARATION_L441 = frozenset({PrioriteL441.VIOLENCES_COUPLE})


class IncomeBasis(StrEnum):
    """Which income was compared with the ceiling."""

    N2 = "N2"
    RECENT = "RECENT"
    OWN = "OWN"


INCOME_BASIS_LABELS: dict[IncomeBasis, str] = {
    IncomeBasis.N2: "revenu fiscal de référence N-2 du ménage",
    IncomeBasis.RECENT: "revenu N-1 ou des 12 derniers mois, inférieur d'au moins 10 % au N-2",
    IncomeBasis.OWN: "ressources propres du demandeur (séparation ou violences)",
}


@dataclass(frozen=True, slots=True)
class CountedIncome:
    """The income compared with the ceiling and why it was chosen."""

    amount: float
    basis: IncomeBasis

    @property
    def explanation(self) -> str:
        """Return the French explanation, e.g. "revenu N-1 … : 27 000 €"."""
        return f"{INCOME_BASIS_LABELS[self.basis]} : {self.amount:,.0f} €".replace(",", " ")


def only_own_resources(request: Request) -> bool:
    """Tell whether the request is a separation or violence case (own resources count)."""
    return any(m in SEPARATION_MOTIFS for m in request.motifs) or any(
        c in SEPARATION_L441 for c in request.l441
    )


def recent_is_lower(recent: float, n2: float) -> bool:
    """Tell whether a recent income is at least 10 % below the N-2 income."""
    return recent * 10 <= n2 * RECENT_DROP_TENTHS


def counted_income(request: Request) -> CountedIncome:
    """Return the income compared with the ceiling for a request (see the module docstring)."""
    household = request.household
    if household.own_income is not None and only_own_resources(request):
        return CountedIncome(household.own_income, IncomeBasis.OWN)
    recent = household.recent_income
    if recent is not None and recent_is_lower(recent, household.fiscal_income):
        return CountedIncome(recent, IncomeBasis.RECENT)
    return CountedIncome(household.fiscal_income, IncomeBasis.N2)
