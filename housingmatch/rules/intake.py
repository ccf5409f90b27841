"""The forum intake: what a quick intake collects, what it leaves to the office, its checks.

At a company forum the advisor types the few facts a stand allows; the request is saved as
*incomplète* with the fields the office completes later (the income from the tax notice, the
home commune). An incomplete request is shown but never ranked; a save at the office that
passes the whole validation (the editor asks for both fields) completes it.
"""

from __future__ import annotations

from enum import StrEnum

from housingmatch.domain.labels import field_label
from housingmatch.domain.model import Request
from housingmatch.rules.validation import FieldProblem, validate_request

#: Template fields a forum intake does not collect (a band is not a tax-notice income).
INTAKE_MISSING: tuple[str, ...] = ("revenu_fiscal_reference", "commune_residence")


class IncomeBand(StrEnum):
    """The household's monthly net income as a person says it at a stand."""

    MOINS_1500 = "MOINS_1500"
    DE_1500_A_2500 = "DE_1500_A_2500"
    DE_2500_A_3500 = "DE_2500_A_3500"
    PLUS_3500 = "PLUS_3500"


INCOME_BAND_LABELS: dict[IncomeBand, str] = {
    IncomeBand.MOINS_1500: "moins de 1 500 € nets par mois",
    IncomeBand.DE_1500_A_2500: "de 1 500 à 2 500 € nets par mois",
    IncomeBand.DE_2500_A_3500: "de 2 500 à 3 500 € nets par mois",
    IncomeBand.PLUS_3500: "plus de 3 500 € nets par mois",
}

#: The monthly amount recorded for a band (its middle; the open bands their bound): an
#: estimate for the effort rate and the aids, replaced by the real figures at the office.
INCOME_BAND_MONTHLY: dict[IncomeBand, float] = {
    IncomeBand.MOINS_1500: 1_200.0,
    IncomeBand.DE_1500_A_2500: 2_000.0,
    IncomeBand.DE_2500_A_3500: 3_000.0,
    IncomeBand.PLUS_3500: 3_500.0,
}


def missing_text(fields: tuple[str, ...]) -> str:
    """Return the fields still to complete as an advisor reads them ("a, b")."""
    return ", ".join(field_label(f).lower() for f in fields)


def intake_problems(request: Request) -> list[FieldProblem]:
    """Return the problems of a forum intake: the import's validation, less what it omits."""
    left_out = set(request.to_complete)
    return [p for p in validate_request(request) if p.field not in left_out]
