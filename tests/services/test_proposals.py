import json
from datetime import date

import pytest

from housingmatch.errors import UserError
from housingmatch.services import matching, proposals
from tests.builders import SUPERVISOR, make_request, make_unit

ON = date(2026, 6, 15)


@pytest.fixture
def ranking(fresh_store):
    fresh_store.units.save(make_unit(), "t")
    fresh_store.requests.save_many(
        [make_request(f"D{i}", tie_breaker=i) for i in range(1, 6)],
        "t",
        "essai",
    )
    result = matching.rank_unit(fresh_store, SUPERVISOR, "LOG-0001", ON)
    return result


def test_skipped_ranks():
    assert proposals.skipped_ranks([1, 2, 3]) == []
    assert proposals.skipped_ranks([1, 4]) == [2, 3]
    assert proposals.skipped_ranks([]) == []


def test_top_three_need_no_reason_and_the_ranking_is_kept(fresh_store, ranking):
    top = [c.ref for c in ranking.top(3)]
    draft = proposals.save_draft(fresh_store, SUPERVISOR, ranking, top)
    assert [c.request_ref for c in draft.candidates] == top
    assert [c.engine_rank for c in draft.candidates] == [1, 2, 3]
    row = fresh_store.db.execute("SELECT ranking_json FROM proposals").fetchone()[0]
    kept = json.loads(row)
    assert [c["ref_demande"] for c in kept["ranked"]][:3] == top
    assert kept["ruleset"]["hash"] == ranking.ruleset.hash
    entry = fresh_store.audit.entries(entity="proposition")[-1]
    assert entry.details["candidats"] == top


def test_skipping_a_better_ranked_candidate_needs_a_reason(fresh_store, ranking):
    first, _, third = (c.ref for c in ranking.top(3))
    with pytest.raises(proposals.DeviationReasonNeeded, match="rang 2"):
        proposals.save_draft(fresh_store, SUPERVISOR, ranking, [first, third], "  ")
    assert fresh_store.proposals.draft_for("LOG-0001") is None
    draft = proposals.save_draft(
        fresh_store, SUPERVISOR, ranking, [first, third], "Candidat injoignable"
    )
    assert draft.candidates[1].deviation_reason == "Candidat injoignable"


def test_unranked_or_too_many_candidates_are_refused(fresh_store, ranking):
    with pytest.raises(UserError, match="n'est pas classée"):
        proposals.save_draft(fresh_store, SUPERVISOR, ranking, ["NOPE"])
    with pytest.raises(UserError, match="de 1 à 3"):
        proposals.save_draft(fresh_store, SUPERVISOR, ranking, [c.ref for c in ranking.top(4)])
