"""The batch allocation under the legal shares, through the service and the command line."""

from __future__ import annotations

import itertools
import json
import math
from datetime import date

import pytest

from housingmatch.cli import main
from housingmatch.errors import UserError
from housingmatch.rules.groups import Group
from housingmatch.services import local_session, matching, reference
from housingmatch.store import Store
from tests.builders import BEAUNE, CHENOVE, DIJON, QUETIGNY, make_request, make_unit
from tests.evaluation_world import DIJON_METROPOLE, L441

S = local_session()
ON = date(2026, 6, 15)


def _fill(store: Store) -> None:
    # The priority households and the first-quartile ones work far away (fewer proximity
    # points): the unconstrained optimum leaves them out but for the DALO household, whose
    # legal-priority points carry it; the shares bring the others in.
    far = {"work_commune": BEAUNE}
    store.requests.save_many(
        [
            *[make_request(f"DEM-N{i}", tie_breaker=i, monthly_income=2500.0) for i in range(6)],
            make_request("DEM-DALO", dalo=True, tie_breaker=20, monthly_income=2500.0, **far),
            make_request("DEM-L441", l441=L441, tie_breaker=21, monthly_income=2500.0, **far),
            make_request("DEM-Q1A", tie_breaker=22, monthly_income=700.0, **far),
            make_request("DEM-Q1B", tie_breaker=23, monthly_income=700.0, **far),
        ],
        "test",
        "test",
    )
    store.units.save_many(
        [
            make_unit("LOG-1"),
            make_unit("LOG-2", commune=CHENOVE),
            make_unit("LOG-3", commune=QUETIGNY),
            make_unit("LOG-Q", commune=DIJON, qpv="Grésilles"),
        ],
        "test",
        "test",
    )
    reference.set_quartile_threshold(store, S, DIJON_METROPOLE, 2026, 10000)


@pytest.fixture
def store(fresh_store: Store) -> Store:
    _fill(fresh_store)
    return fresh_store


def _chosen(allocation):
    return {u.unit_ref: [c for c in u.candidates] for u in allocation.units}


def _priority(c) -> bool:
    return Group.DALO in c.groups or Group.PRIORITAIRE_L441 in c.groups


def test_the_shares_are_met_and_the_score_lost_is_the_difference(store: Store) -> None:
    plain = matching.allocate(store, S, ON, per_unit=1)
    assert plain.shares is None
    # without shares only the DALO household (its legal-priority points) is chosen
    assert [c.ref for cs in _chosen(plain).values() for c in cs if _priority(c)] == ["DEM-DALO"]
    shared = matching.allocate(store, S, ON, per_unit=1, min_priority=0.5, min_first_quartile=0.3)
    shares = shared.shares
    assert shares is not None and shares.exact and shares.shortfalls == ()
    chosen = _chosen(shared)
    picked = [c for cs in chosen.values() for c in cs]
    assert len(picked) == shares.filled == 4
    assert shares.priority_required == 2
    assert sum(_priority(c) for c in picked) == shares.priority_reached >= 2
    outside = [c for unit, cs in chosen.items() if unit != "LOG-Q" for c in cs]
    assert shares.first_quartile_required == math.ceil(0.3 * 3)
    assert sum(c.ref.startswith("DEM-Q1") for c in outside) == shares.first_quartile_reached >= 1
    # what the shares cost: the plain optimum minus the constrained one
    assert shares.unconstrained_total == pytest.approx(plain.total_score)
    assert shares.constrained_total == pytest.approx(shared.total_score)
    assert shares.score_lost == pytest.approx(plain.total_score - shared.total_score)
    assert shares.score_lost > 0


def test_the_constrained_optimum_equals_a_brute_force(store: Store) -> None:
    shared = matching.allocate(store, S, ON, per_unit=1, min_priority=0.5, min_first_quartile=0.3)
    units = ["LOG-1", "LOG-2", "LOG-3", "LOG-Q"]
    scores = {u: {c.ref: c for c in matching.rank_unit(store, S, u, ON).ranked} for u in units}
    best = -1.0
    for picks in itertools.product(*[list(scores[u]) for u in units]):
        if len(set(picks)) < len(picks):
            continue
        cands = [scores[u][r] for u, r in zip(units, picks, strict=True)]
        if sum(_priority(c) for c in cands) < 2:
            continue
        if (
            sum(r.startswith("DEM-Q1") for u, r in zip(units, picks, strict=True) if u != "LOG-Q")
            < 1
        ):
            continue
        best = max(best, sum(c.score for c in cands))
    assert shared.total_score == pytest.approx(best, abs=0.01)


def test_a_share_the_pools_cannot_meet_is_met_as_far_as_it_can_and_said(store: Store) -> None:
    shared = matching.allocate(store, S, ON, per_unit=1, min_priority=1.0)
    assert shared.shares.priority_reached == 2
    assert shared.shares.shortfalls == (
        "part DALO/prioritaires : 2 place(s) possibles sur 4 demandées",
    )
    with pytest.raises(UserError, match="entre 0 et 100 %"):
        matching.allocate(store, S, ON, per_unit=1, min_priority=1.5)


def test_the_command_line_shows_the_shares_and_the_score_lost(capsys, db_path) -> None:
    with Store.open(db_path) as store:
        _fill(store)
    code = main(["--db", str(db_path), "allocate", "--date", "2026-06-15", "--per-unit", "1",
                 "--min-priority", "50", "--min-first-quartile", "30"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert "DALO/prioritaires 50 % des places pourvues : 2 place(s) pour 2 exigée(s) sur 4" in out
    assert "score perdu par les parts :" in out
    code = main(["--db", str(db_path), "allocate", "--date", "2026-06-15", "--per-unit", "1",
                 "--min-priority", "50", "--json"])  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    shares = data["shares"]
    assert shares["score_lost"] == pytest.approx(
        shares["unconstrained_total"] - shares["constrained_total"], abs=0.01
    )
    assert shares["priority_reached"] >= shares["priority_required"] == 2
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(db_path), "allocate", "--min-priority", "150"])
    assert stopped.value.code == 2 and "pourcentage hors de 0 à 100" in capsys.readouterr().err
