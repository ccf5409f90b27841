"""Ranking use cases over a store: rule set bootstrap, cached engine, reverse view, allocation."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from housingmatch.cli import main
from housingmatch.domain.model import RequestStatus, UnitStatus
from housingmatch.errors import UserError
from housingmatch.rules.ruleset import default_ruleset
from housingmatch.services import matching
from housingmatch.store import Store
from tests.builders import SUPERVISOR
from tests.matching.builders import CHENOVE, LONGVIC, make_request, make_unit

ON = date(2026, 6, 15)


def _fill(store: Store) -> None:
    store.requests.save_many(
        [
            make_request("DEM-A", dalo=True, work_commune=CHENOVE),
            make_request("DEM-B", birth_date=date(2001, 2, 3), tie_breaker=5),
            make_request("DEM-C", fiscal_income=90000.0),
            make_request("DEM-D", work_commune=LONGVIC),
        ],
        "test",
        "test",
    )
    store.units.save_many(
        [
            make_unit("LOG-1"),
            make_unit("LOG-2", commune=CHENOVE),
            make_unit("LOG-3", status=UnitStatus.ATTRIBUE),
        ],
        "test",
        "test",
    )


@pytest.fixture
def store(fresh_store: Store) -> Store:
    _fill(fresh_store)
    return fresh_store


def test_the_default_rule_set_is_stored_on_first_use(store: Store) -> None:
    ranking = matching.rank_unit(store, SUPERVISOR, "LOG-1", ON)
    latest = store.rulesets.latest()
    assert latest is not None
    assert latest[0] == default_ruleset().content_hash == ranking.ruleset.hash


def test_rank_unit_orders_and_explains(store: Store) -> None:
    ranking = matching.rank_unit(store, SUPERVISOR, "LOG-1", ON)
    assert [c.ref for c in ranking.ranked][:1] == ["DEM-A"]
    assert {c.ref for c in ranking.ranked} == {"DEM-A", "DEM-B", "DEM-D"}
    excluded = ranking.exclusion("DEM-C")
    assert excluded is not None and excluded.codes[0].value == "INCOME_ABOVE_CEILING"
    assert len(matching.rank_unit(store, SUPERVISOR, "LOG-1", ON, top=2).ranked) == 2


def test_rankings_use_the_stored_tie_breakers(store: Store) -> None:
    ranking = matching.rank_unit(store, SUPERVISOR, "LOG-1", ON)
    for candidate in ranking.ranked:
        stored = store.requests.get(candidate.ref)
        assert stored is not None and stored.tie_breaker is not None
        assert candidate.tie_breaker == stored.tie_breaker
    kept = store.requests.get("DEM-B")
    assert kept is not None and kept.tie_breaker == 5


def test_the_engine_is_cached_and_follows_changes(store: Store) -> None:
    first = matching.engine_for(store)
    assert matching.engine_for(store) is first
    changed = store.requests.get("DEM-D")
    assert changed is not None
    store.requests.save(replace(changed, status=RequestStatus.CLOSE), "test")
    # Changed behind the cache's back: the audit log tells which request to read again.
    ranking = matching.rank_unit(store, SUPERVISOR, "LOG-1", ON)
    assert ranking.candidate("DEM-D") is None
    # Changed and announced: a copy of the index is updated, earlier results stay as they were.
    engine = matching.engine_for(store)
    store.requests.save(make_request("DEM-E", dalo=True, l441=()), "test")
    matching.requests_changed(store, ["DEM-E"])
    updated = matching.engine_for(store)
    assert updated is not engine and "DEM-E" not in engine.index
    assert matching.rank_unit(store, SUPERVISOR, "LOG-1", ON).candidate("DEM-E") is not None


def test_unknown_references_are_french_errors(store: Store) -> None:
    with pytest.raises(UserError, match="Aucun logement"):
        matching.rank_unit(store, SUPERVISOR, "LOG-404", ON)
    with pytest.raises(UserError, match="Aucune demande"):
        matching.candidate_units(store, SUPERVISOR, "DEM-404", ON)


def test_reverse_view_and_allocation_over_open_units(store: Store) -> None:
    view = matching.candidate_units(store, SUPERVISOR, "DEM-A", ON)
    assert [o.unit_ref for o in view.options] == ["LOG-2", "LOG-1"]
    allocation = matching.allocate(store, SUPERVISOR, ON, per_unit=1)
    assert [u.unit_ref for u in allocation.units] == ["LOG-1", "LOG-2"]
    chosen = [c.ref for u in allocation.units for c in u.candidates]
    assert len(chosen) == len(set(chosen)) == 2


def _run(db: Path, *argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_rank_json_shape_and_repeatability(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "base.sqlite"
    with Store.open(db) as store:
        _fill(store)
    code, out, _ = _run(db, "rank", "LOG-1", "--date", "2026-06-15", "--json", capsys=capsys)
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"unit", "date", "ruleset", "ranked", "excluded", "warnings"}
    assert data["unit"] == "LOG-1" and data["date"] == "2026-06-15"
    assert set(data["ruleset"]) == {"name", "version", "hash", "legal_priority"}
    assert data["ruleset"]["legal_priority"] == "points"
    first = data["ranked"][0]
    assert set(first) == {
        "rank",
        "ref_demande",
        "score",
        "groups",
        "parts",
        "commute_minutes",
        "under_occupied",
        "refusals",
    }
    assert first["refusals"] == []
    assert first["ref_demande"] == "DEM-A" and "DALO" in first["groups"]
    assert data["excluded"] == [{"ref_demande": "DEM-C", "reasons": ["INCOME_ABOVE_CEILING"]}]
    again = _run(db, "rank", "LOG-1", "--date", "2026-06-15", "--json", capsys=capsys)[1]
    assert again == out


def test_cli_tables_in_french_and_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "base.sqlite"
    with Store.open(db) as store:
        _fill(store)
    code, out, _ = _run(db, "rank", "LOG-1", "--date", "2026-06-15", "--top", "2", capsys=capsys)
    assert code == 0
    assert "classement au 15/06/2026" in out and "DEM-A" in out
    assert "Priorité légale : priorité légale en points (additive)" in out
    assert "Sous-occupation" in out
    assert "Ressources supérieures au plafond" in out
    code, out, _ = _run(db, "candidates", "DEM-A", "--date", "2026-06-15", capsys=capsys)
    assert code == 0 and "LOG-2" in out
    code, out, _ = _run(db, "allocate", "--date", "2026-06-15", "--json", capsys=capsys)
    assert code == 0
    units = json.loads(out)["units"]
    assert [u["unit"] for u in units] == ["LOG-1", "LOG-2"]
    code, _, err = _run(db, "rank", "LOG-404", capsys=capsys)
    assert code == 1 and "Aucun logement" in err
