"""Explanations in French: points by part, why A is above B, why a request is excluded."""

from __future__ import annotations

from datetime import date

from housingmatch.domain.model import RequestStatus
from housingmatch.matching.explain import compare, exclusion_text, explain_candidate
from housingmatch.matching.results import Part
from tests.matching.builders import FENAY, make_request, make_unit, rank_both, scored


def test_points_by_part_are_listed_in_french() -> None:
    ranking = rank_both([make_request("A", dalo=True)], make_unit())
    lines = explain_candidate(ranking.ranked[0])
    assert lines[0].startswith("Score total : ")
    assert "Priorité légale (DALO, L441-1) : 40 pts" in lines
    assert any(line.startswith("Groupes : Ménage reconnu DALO") for line in lines)
    assert any("Trajet estimé" in line for line in lines)


def test_why_a_is_above_b_lists_the_parts_that_differ() -> None:
    a = make_request("A", birth_date=date(2001, 1, 1))
    b = make_request("B", work_commune=FENAY)
    ranking = rank_both([b, a], make_unit())
    why = compare(scored(ranking, "B"), scored(ranking, "A"))
    assert (why.above, why.below) == ("A", "B")
    parts = {d.part for d in why.differences}
    assert parts == {Part.GROUPS, Part.PROXIMITY}
    assert all(d.delta > 0 for d in why.differences)
    assert any(s.startswith("Groupes prioritaires") for s in why.sentences())
    assert why.tie_reason is None


def test_a_tie_is_explained_by_the_filing_date() -> None:
    older = make_request("B", filing_date=date(2025, 7, 1))
    newer = make_request("A", filing_date=date(2025, 7, 2))
    ranking = rank_both([newer, older], make_unit())
    why = compare(ranking.ranked[0], ranking.ranked[1])
    assert why.differences == ()
    assert why.tie_reason is not None and "plus ancienne" in why.tie_reason


def test_exclusions_are_given_in_french_words() -> None:
    ranking = rank_both([make_request("A", status=RequestStatus.CLOSE)], make_unit())
    excluded = ranking.exclusion("A")
    assert excluded is not None
    assert exclusion_text(excluded.codes) == (
        "Demande close, expirée ou pas encore déposée à la date du classement",
    )
    assert excluded.labels == exclusion_text(excluded.codes)
