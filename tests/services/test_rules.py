from pathlib import Path

import pytest

from housingmatch.errors import UserError
from housingmatch.paths import resource
from housingmatch.services import matching, rules
from tests.builders import SUPERVISOR

DEFAULT = resource("rulesets", "action_logement_2026.toml")


def variant(tmp_path: Path, old: str, new: str) -> Path:
    text = DEFAULT.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "regles.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_import_makes_the_rule_set_active_and_activation_switches_back(fresh_store, tmp_path):
    default = matching.active_ruleset(fresh_store)
    custom = rules.import_ruleset(
        fresh_store, SUPERVISOR, variant(tmp_path, 'version = "2026.2"', 'version = "2026.3"')
    )
    assert matching.active_ruleset(fresh_store).content_hash == custom.content_hash
    stored, active = rules.list_rulesets(fresh_store, SUPERVISOR)
    assert [r.version for r in stored] == ["2026.2", "2026.3"] and active == custom.content_hash
    rules.activate_ruleset(fresh_store, SUPERVISOR, default.content_hash[:10])
    assert matching.active_ruleset(fresh_store).content_hash == default.content_hash
    actions = [e.action for e in fresh_store.audit.entries(entity="regles")]
    assert actions == ["import", "import", "activate"]


def test_a_forbidden_criterion_is_refused_with_the_file_name(fresh_store, tmp_path):
    path = variant(tmp_path, "[scoring.groups]\n", "[scoring.groups]\nnationalite = 10\n")
    with pytest.raises(UserError, match=r"Règles refusées \(regles.toml\)"):
        rules.import_ruleset(fresh_store, SUPERVISOR, path)
    assert fresh_store.rulesets.all() == []


def test_missing_file_and_unknown_hash(fresh_store, tmp_path):
    with pytest.raises(UserError, match="introuvable"):
        rules.import_ruleset(fresh_store, SUPERVISOR, tmp_path / "absent.toml")
    with pytest.raises(UserError, match="Aucune règle"):
        rules.activate_ruleset(fresh_store, SUPERVISOR, "ffff")
