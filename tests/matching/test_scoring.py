"""Score parts and the ordering invariants an advisor relies on (all else equal)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings

from housingmatch.domain.model import Mobilite, ModeTransport, Motif, PrioriteL441, Request, Unit
from housingmatch.matching.results import PART_LABELS, Part
from tests.matching.builders import (
    BEAUNE,
    CHENOVE,
    DIJON,
    FENAY,
    QUETIGNY,
    make_request,
    make_unit,
    rank_both,
    scored,
)
from tests.matching.strategies import requests, units


def _order(*pool: Request, unit: Unit | None = None) -> list[str]:
    return [c.ref for c in rank_both(list(pool), unit or make_unit()).ranked]


def test_every_part_is_named_and_shown_with_its_points() -> None:
    ranking = rank_both([make_request("D", dalo=True)], make_unit())
    candidate = ranking.ranked[0]
    assert [p for p, _ in candidate.parts] == list(Part)
    assert candidate.points(Part.LEGAL_PRIORITY) == 40.0
    assert round(sum(points for _, points in candidate.parts), 2) == candidate.score
    assert set(PART_LABELS) == set(Part)


def test_priority_group_above_none() -> None:
    young = make_request("B", birth_date=date(2000, 1, 1))
    assert _order(make_request("A"), young) == ["B", "A"]
    hosted = make_request("C", motifs=(Motif.HEBERGE,))
    assert _order(make_request("A"), hosted) == ["C", "A"]
    mobile = make_request("E", mobility=Mobilite.MUTATION, mobility_date=date(2026, 7, 1))
    assert _order(make_request("A"), mobile) == ["E", "A"]


def test_dalo_above_non_dalo_and_above_l441_only() -> None:
    dalo = make_request("B", dalo=True)
    l441 = make_request("C", l441=(PrioriteL441.SANS_LOGEMENT,))
    assert _order(make_request("A"), l441, dalo) == ["B", "C", "A"]


def test_closer_workplace_above_farther() -> None:
    unit = make_unit(commune=DIJON)
    near = make_request("A", work_commune=CHENOVE)
    far = make_request("B", work_commune=FENAY)
    assert _order(far, near, unit=unit) == ["A", "B"]
    ranking = rank_both([far, near], unit)
    near_minutes, far_minutes = (c.commute_minutes for c in ranking.ranked)
    assert near_minutes is not None and far_minutes is not None
    assert near_minutes < far_minutes


def test_commute_minutes_follow_the_household_mode() -> None:
    unit = make_unit(commune=DIJON)
    car = make_request("A", work_commune=QUETIGNY, transport=ModeTransport.VOITURE)
    walk = make_request("B", work_commune=QUETIGNY, transport=ModeTransport.MARCHE)
    ranking = rank_both([car, walk], unit)
    minutes = {c.ref: c.commute_minutes for c in ranking.ranked}
    assert minutes["A"] is not None and minutes["B"] is not None
    assert round(minutes["B"] / minutes["A"]) == 8  # 36 km/h against 4.5 km/h
    assert ranking.position("A") == 1


def test_commute_gain_rewards_moving_closer_to_work() -> None:
    unit = make_unit(commune=DIJON)
    far_home = make_request("A", home_commune=BEAUNE)
    near_home = make_request("B", home_commune=DIJON)
    ranking = rank_both([near_home, far_home], unit)
    assert scored(ranking, "A").points(Part.COMMUTE_GAIN) == 15.0
    assert scored(ranking, "B").points(Part.COMMUTE_GAIN) == 0.0


def test_older_request_above_newer() -> None:
    old = make_request("B", filing_date=date(2025, 9, 1))
    new = make_request("A", filing_date=date(2026, 5, 1))
    assert _order(new, old) == ["B", "A"]


def test_equal_scores_go_to_the_older_filing_then_the_tie_breaker() -> None:
    # Both have 11 full months of seniority on the ranking date: the same points.
    older = make_request("B", filing_date=date(2025, 7, 1), tie_breaker=9)
    newer = make_request("A", filing_date=date(2025, 7, 2), tie_breaker=1)
    ranking = rank_both([newer, older], make_unit(), on=date(2026, 6, 15))
    assert ranking.ranked[0].score == ranking.ranked[1].score
    assert [c.ref for c in ranking.ranked] == ["B", "A"]
    same_day = [
        make_request("X", tie_breaker=7),
        make_request("Y", tie_breaker=3),
    ]
    assert _order(*same_day) == ["Y", "X"]


def test_employer_earmark_by_siret_siren_or_name() -> None:
    staff = make_request("A", siret="73282932000074")
    other = make_request("B", employer_name="Autre SA", siret=None)
    for earmark in ("73282932000074", "732829320", "EXEMPLE industrie"):
        assert _order(other, staff, unit=make_unit(reserved_employer=earmark)) == ["A", "B"]


def test_fit_prefers_the_right_size_and_an_affordable_rent() -> None:
    ranking = rank_both(
        [make_request("A", monthly_income=3000.0), make_request("B", monthly_income=1300.0)],
        make_unit(),
    )
    assert scored(ranking, "A").points(Part.FIT) == 10.0
    assert scored(ranking, "B").points(Part.FIT) < 10.0


@settings(max_examples=60, deadline=None)
@given(base=requests("A"), unit=units())
def test_invariants_hold_on_random_requests(base: Request, unit: Unit) -> None:
    """All else equal, adding DALO or a group never moves a request down."""
    from dataclasses import replace

    plain = replace(base, dalo=False, ref="A")
    dalo = replace(base, dalo=True, ref="B")
    ranking = rank_both([plain, dalo], unit)
    if ranking.candidate("A") is not None:
        assert scored(ranking, "B") is not None
        assert scored(ranking, "B").score > scored(ranking, "A").score
        assert ranking.position("B") == 1
