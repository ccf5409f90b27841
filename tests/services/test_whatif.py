"""The policy what-if through the engine the application uses: open units, a year's units."""

from __future__ import annotations

import json
from datetime import date

import pytest

from housingmatch.cli import main
from housingmatch.errors import UserError
from housingmatch.reports.obligations import ObligationKind
from housingmatch.services import local_session, matching
from housingmatch.services.whatif import parse_scope, whatif
from housingmatch.store import Store
from tests.builders import make_request, make_unit
from tests.evaluation_world import constructed_year

S = local_session()
ON = date(2026, 6, 15)


def _draft(store, tmp_path, old="JEUNE = 20", new="JEUNE = 60", version="2099.1"):
    """Write the rule set in force, changed, as a draft file."""
    rules = matching.active_ruleset(store, ON)
    text = rules.text.replace(f'version = "{rules.version}"', f'version = "{version}"')
    assert old in text
    path = tmp_path / "brouillon.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.fixture
def store(fresh_store):
    young = [make_request(f"DEM-J{i}", birth_date=date(2001, 4, 1), tie_breaker=i,
                          work_commune="21054") for i in range(4)]  # fmt: skip
    others = [make_request(f"DEM-N{i}", tie_breaker=10 + i) for i in range(6)]
    dalo = [make_request("DEM-DALO", dalo=True, tie_breaker=30)]
    fresh_store.requests.save_many([*young, *others, *dalo], "essai", "essai")
    fresh_store.units.save_many(
        [make_unit("LOG-1"), make_unit("LOG-2", commune="21166"), make_unit("LOG-Q", qpv="Grésilles")],
        "essai",
        "essai",
    )  # fmt: skip
    return fresh_store


def test_the_what_if_of_an_unchanged_rule_set_shows_no_shift(store, tmp_path):
    same = _draft(store, tmp_path, old="JEUNE = 20", new="JEUNE = 20")
    report = whatif(store, S, same, "open", ON)
    assert report.result.units == 3
    assert report.result.unchanged
    assert all(s.moved_up == s.moved_down == 0 for s in report.result.shifts)
    assert report.result.changes == ()
    for effect in report.result.shares:
        assert effect.current == effect.draft


def test_a_draft_raising_a_public_s_weight_moves_that_public_up(store, tmp_path):
    report = whatif(store, S, _draft(store, tmp_path), "open", ON)
    jeune = next(s for s in report.result.shifts if s.public == "JEUNE")
    assert jeune.candidates == 12  # four young households, three units
    assert jeune.mean_shift > 0 and jeune.moved_down == 0 and jeune.moved_up > 0
    assert jeune.entering_top > 0
    entering = {c.ref for c in report.result.changes if c.entering}
    leaving = {c.ref for c in report.result.changes if not c.entering}
    assert entering and all(ref.startswith("DEM-J") for ref in entering)
    assert leaving and all(ref.startswith("DEM-N") for ref in leaving)
    # the DALO household keeps its first place (its 40 points): the share does not move
    dalo = next(s for s in report.result.shifts if s.public == "DALO")
    assert dalo.mean_shift == 0
    share = next(e for e in report.result.shares if e.kind is ObligationKind.DALO_PRIORITAIRES)
    assert share.current == share.draft == (3, 9, 0)
    # the draft ranked nobody: the rules in force are unchanged
    assert matching.active_ruleset(store, ON).version != "2099.1"


def test_a_year_s_units_are_ranked_again_from_their_receipts(fresh_store, tmp_path):
    constructed_year(fresh_store, S)
    same = _draft(fresh_store, tmp_path, old="JEUNE = 20", new="JEUNE = 20")
    report = whatif(fresh_store, S, same, "year:2026")
    # eight units, each with its tenant, now housed: the receipts keep them as candidates
    assert report.result.units == 8 and report.result.unchanged
    dalo = next(s for s in report.result.shifts if s.public == "DALO")
    assert dalo.candidates == 1  # the DALO tenant, in its unit's ranking of the day
    # DALO points dropped, L441-1 points raised: the two L441-1 households pass the DALO one
    swapped = _draft(
        fresh_store, tmp_path, old="DALO = 40\nPRIORITAIRE_L441 = 20",
        new="DALO = 0\nPRIORITAIRE_L441 = 30",
    )  # fmt: skip
    report = whatif(fresh_store, S, swapped, "year:2026")
    dalo = next(s for s in report.result.shifts if s.public == "DALO")
    assert dalo.mean_shift <= -2 and dalo.moved_down == 1
    l441 = next(s for s in report.result.shifts if s.public == "PRIORITAIRE_L441")
    assert l441.mean_shift > 0
    assert whatif(fresh_store, S, same, "year:2025").result.units == 0


def test_bad_scopes_and_files_get_one_french_sentence(store, tmp_path):
    assert parse_scope("year:2026") == ("year", 2026) and parse_scope(" OPEN ") == ("open", None)
    with pytest.raises(UserError, match="Périmètre « demain » inconnu"):
        whatif(store, S, _draft(store, tmp_path), "demain")
    with pytest.raises(UserError, match="introuvable"):
        whatif(store, S, tmp_path / "absent.toml")


def test_the_command_line(capsys, db_path, tmp_path):
    with Store.open(db_path) as store:
        store.requests.save_many(
            [*(make_request(f"DEM-{i}", tie_breaker=i) for i in range(5)),
             make_request("DEM-JEUNE", birth_date=date(2003, 1, 1), work_commune="21054")],
            "essai",
            "essai",
        )  # fmt: skip
        store.units.save(make_unit("LOG-1"), "essai")
        draft = _draft(store, tmp_path)
    code = main(["--db", str(db_path), "whatif", str(draft), "--date", "2026-06-15"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Simulation des règles" in out and "2099.1" in out
    assert "Décalage de rang par public" in out and "parmi les 3 premiers" in out
    code = main(["--db", str(db_path), "whatif", str(draft), "--date", "2026-06-15", "--json"])
    data = json.loads(capsys.readouterr().out)
    jeune = next(s for s in data["shifts"] if s["public"] == "JEUNE")
    assert jeune["mean_shift"] > 0 and data["units"] == 1 and data["unchanged"] is False
    code = main(["--db", str(db_path), "whatif", str(draft), "--units", "hier"])
    assert code == 1 and "Périmètre « hier » inconnu" in capsys.readouterr().err
