"""Which income is compared with the ceiling: N-2, a recent income 10 % lower, own resources."""

from __future__ import annotations

from housingmatch.domain.model import Motif, PrioriteL441
from housingmatch.rules.income import IncomeBasis, counted_income, recent_is_lower
from tests.builders import make_request


def test_a_recent_income_exactly_ten_percent_lower_is_used_and_explained() -> None:
    found = counted_income(make_request(fiscal_income=30000.0, recent_income=27000.0))
    assert (found.amount, found.basis) == (27000.0, IncomeBasis.RECENT)
    assert "inférieur d'au moins 10 %" in found.explanation and "27 000 €" in found.explanation


def test_a_recent_income_nine_point_nine_percent_lower_is_not_used() -> None:
    found = counted_income(make_request(fiscal_income=30000.0, recent_income=27030.0))
    assert (found.amount, found.basis) == (30000.0, IncomeBasis.N2)
    assert not recent_is_lower(27030.0, 30000.0)
    assert recent_is_lower(27000.0, 30000.0)


def test_own_resources_count_only_for_separation_or_violence_and_when_recorded() -> None:
    base = {"persons": 2, "fiscal_income": 40000.0, "own_income": 18000.0}
    assert counted_income(make_request(**base)).basis is IncomeBasis.N2
    for case in (
        {"motifs": (Motif.SEPARATION,)},
        {"motifs": (Motif.VIOLENCES,)},
        {"l441": (PrioriteL441.VIOLENCES_COUPLE,)},
    ):
        found = counted_income(make_request(**base, **case))
        assert (found.amount, found.basis) == (18000.0, IncomeBasis.OWN)
    unrecorded = make_request(persons=2, fiscal_income=40000.0, motifs=(Motif.SEPARATION,))
    assert counted_income(unrecorded).basis is IncomeBasis.N2
