"""Rule sets under approval: drafts rank nobody; rankings use the rule set in force."""

from datetime import date
from pathlib import Path

import pytest

from housingmatch.domain.session import Role, Session
from housingmatch.errors import UserError
from housingmatch.paths import resource
from housingmatch.rules.permissions import PermissionDenied
from housingmatch.services import matching, ruleset_approval
from tests.builders import SUPERVISOR, make_request, make_unit

DEFAULT = resource("rulesets", "action_logement_2026.toml")
ALICE = Session("alice", Role.SUPERVISEUR)
BRUNO = Session("bruno", Role.SUPERVISEUR)
ADVISOR = Session("camille", Role.CONSEILLER)


@pytest.fixture
def rules_2027(tmp_path: Path) -> Path:
    text = DEFAULT.read_text(encoding="utf-8")
    text = text.replace('version = "2026.2"', 'version = "2027.1"', 1)
    path = tmp_path / "regles_2027.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def store(fresh_store):
    fresh_store.requests.save(make_request("DEM-1"), "t")
    fresh_store.units.save(make_unit("LOG-1"), "t")
    matching.active_ruleset(fresh_store)  # the shipped default, in force since 2026-01-01
    return fresh_store


def _hash_on(store, day):
    return matching.rank_unit(store, SUPERVISOR, "LOG-1", day).ruleset.hash


def test_a_draft_ranks_nobody_until_approved_and_then_from_its_date(store, rules_2027):
    default = matching.active_ruleset(store).content_hash
    draft = ruleset_approval.import_draft(store, ALICE, rules_2027)
    assert _hash_on(store, date(2027, 3, 1)) == default
    ruleset_approval.approve(store, BRUNO, draft.content_hash[:10], date(2027, 1, 1))
    assert _hash_on(store, date(2026, 12, 31)) == default
    assert _hash_on(store, date(2027, 1, 1)) == draft.content_hash
    assert matching.candidate_units(store, SUPERVISOR, "DEM-1", date(2027, 2, 1)).ruleset.hash == (
        draft.content_hash
    )
    labels = {
        line.state.ruleset.version: line.label
        for line in ruleset_approval.ruleset_lines(store, ALICE, date(2026, 6, 1))
    }
    assert labels == {"2026.2": "en vigueur", "2027.1": "approuvé, en vigueur le 2027-01-01"}
    actions = [e.action for e in store.audit.entries(entity="regles")]
    assert actions[-2:] == ["import_draft", "approve"]


def test_the_importer_cannot_approve_when_another_supervisor_exists(store, rules_2027):
    draft = ruleset_approval.import_draft(store, ALICE, rules_2027)
    with pytest.raises(UserError, match="autre superviseur"):
        ruleset_approval.approve(store, ALICE, draft.content_hash, supervisors=("alice", "bruno"))
    # Alone, a supervisor approves their own draft.
    ruleset_approval.approve(store, ALICE, draft.content_hash, supervisors=("alice",))


def test_advisors_can_neither_import_nor_approve(store, rules_2027):
    with pytest.raises(PermissionDenied):
        ruleset_approval.import_draft(store, ADVISOR, rules_2027)
    draft = ruleset_approval.import_draft(store, ALICE, rules_2027)
    with pytest.raises(PermissionDenied):
        ruleset_approval.approve(store, ADVISOR, draft.content_hash)


def test_a_rule_set_is_approved_once(store, rules_2027):
    draft = ruleset_approval.import_draft(store, ALICE, rules_2027)
    ruleset_approval.approve(store, BRUNO, draft.content_hash)
    with pytest.raises(UserError, match="déjà approuvées"):
        ruleset_approval.approve(store, BRUNO, draft.content_hash)
    with pytest.raises(UserError, match="déjà enregistrées"):
        ruleset_approval.import_draft(store, ALICE, rules_2027)


def test_the_four_eyes_come_from_the_database_accounts(store, rules_2027):
    """Without a list given, the active supervisor accounts of the database decide."""
    from housingmatch.services import accounts

    admin = accounts.create_first_administrator(store, "admin", "s3cret-admin")
    accounts.add_account(store, admin, "alice", Role.SUPERVISEUR, "secret-alice")
    accounts.add_account(store, admin, "bruno", Role.SUPERVISEUR, "secret-bruno")
    draft = ruleset_approval.import_draft(store, ALICE, rules_2027)
    with pytest.raises(UserError, match="autre superviseur"):
        ruleset_approval.approve(store, ALICE, draft.content_hash)
    accounts.disable_account(store, admin, "bruno")
    ruleset_approval.approve(store, ALICE, draft.content_hash)
