"""Each role against each guarded service: allowed, or refused by the service itself."""

from __future__ import annotations

import inspect
import pkgutil
from collections.abc import Callable
from datetime import date
from importlib import import_module
from typing import Any

import pytest

import housingmatch.services as services_package
from housingmatch.domain.model import SituationLogement, TypeContrat
from housingmatch.domain.review import ReviewFilter, Verdict
from housingmatch.domain.session import Role
from housingmatch.errors import UserError
from housingmatch.rules.permissions import PERMISSIONS, Action, PermissionDenied
from housingmatch.services import (
    accounts,
    audit,
    backups,
    database,
    deadlines,
    demo,
    demo_history,
    evaluation,
    facts,
    forum,
    identity,
    imports,
    indicators,
    maps,
    matching,
    merge,
    personal_data,
    proposals,
    records,
    reference,
    replay,
    retention,
    review,
    rules,
    ruleset_approval,
    sheets,
    whatif,
)
from housingmatch.store import Store, connect
from tests.builders import ADMIN, ADVISOR, SUPERVISOR, make_request, make_unit
from tests.conftest import DATA, assert_sound

ON = date(2026, 3, 2)
SESSIONS = {Role.CONSEILLER: ADVISOR, Role.SUPERVISEUR: SUPERVISOR, Role.ADMINISTRATEUR: ADMIN}


def _allowed_or_refused(result, session, action):
    """Turn a service that skips quietly for a role into the refusal the table expects."""
    if result is None and session.role not in PERMISSIONS[action]:
        raise PermissionDenied("Action refusée (ignorée au démarrage)")
    return result


def _ranking(store, session):
    return matching.rank_unit(store, SUPERVISOR, "LOG-0001", ON)


def _indicators(store):
    return indicators.indicators(store, SUPERVISOR, date(2026, 1, 1), ON)


# service name -> (action it needs, how to call it with a session)
GUARDED: dict[str, tuple[Action, Callable[[Any, Any, Any], Any]]] = {
    "records.get_request": (Action.READ, lambda s, u, t: records.get_request(s, u, "DEM-0001")),
    "records.get_unit": (Action.READ, lambda s, u, t: records.get_unit(s, u, "LOG-0001")),
    "records.find_request": (Action.READ, lambda s, u, t: records.find_request(s, u, "DEM-0001")),
    "records.find_unit": (Action.READ, lambda s, u, t: records.find_unit(s, u, "LOG-0001")),
    "records.request_summaries": (Action.READ, lambda s, u, t: records.request_summaries(s, u)),
    "records.request_summary": (
        Action.READ,
        lambda s, u, t: records.request_summary(s, u, "DEM-0001"),
    ),
    "records.list_units": (Action.READ, lambda s, u, t: records.list_units(s, u)),
    "records.request_count": (Action.READ, lambda s, u, t: records.request_count(s, u)),
    "records.unit_count": (Action.READ, lambda s, u, t: records.unit_count(s, u)),
    "records.counts": (Action.READ, lambda s, u, t: records.counts(s, u)),
    "records.people": (Action.READ, lambda s, u, t: records.people(s, u, ["DEM-0001"])),
    "records.dashboard": (Action.READ, lambda s, u, t: records.dashboard(s, u, ON)),
    "records.save_request": (
        Action.EDIT_RECORDS,
        lambda s, u, t: records.save_request(s, u, make_request("DEM-0009")),
    ),
    "records.close_request": (
        Action.EDIT_RECORDS,
        lambda s, u, t: records.close_request(s, u, "DEM-0001", "relogé"),
    ),
    "records.reopen_request": (
        Action.EDIT_RECORDS,
        lambda s, u, t: records.reopen_request(s, u, "DEM-0001"),
    ),
    "records.save_unit": (
        Action.EDIT_RECORDS,
        lambda s, u, t: records.save_unit(s, u, make_unit("LOG-0009")),
    ),
    "facts.request_facts": (
        Action.READ,
        lambda s, u, t: facts.request_facts(s, u, make_request(), ON),
    ),
    "facts.request_record": (
        Action.READ,
        lambda s, u, t: facts.request_record(s, u, make_request(), ON),
    ),
    "facts.unit_record": (Action.READ, lambda s, u, t: facts.unit_record(s, u, make_unit(), ON)),
    "matching.current_ruleset": (Action.READ, lambda s, u, t: matching.current_ruleset(s, u)),
    "matching.prepare_matching": (Action.RANK, lambda s, u, t: matching.prepare_matching(s, u)),
    "matching.rank_unit": (Action.RANK, lambda s, u, t: matching.rank_unit(s, u, "LOG-0001", ON)),
    "matching.candidate_units": (
        Action.RANK,
        lambda s, u, t: matching.candidate_units(s, u, "DEM-0001", ON),
    ),
    "matching.allocate": (Action.RANK, lambda s, u, t: matching.allocate(s, u, ON)),
    "proposals.save_draft": (
        Action.PREPARE_PROPOSAL,
        lambda s, u, t: proposals.save_draft(s, u, _ranking(s, u), ["DEM-0001"]),
    ),
    "proposals.save_allocation_draft": (
        Action.PREPARE_PROPOSAL,
        lambda s, u, t: proposals.save_allocation_draft(s, u, "LOG-0001", ON, ["DEM-0001"]),
    ),
    "imports.preview_import": (
        Action.IMPORT_DATA,
        lambda s, u, t: imports.preview_import(s, u, "demandes", t["csv"]),
    ),
    "imports.import_file": (
        Action.IMPORT_DATA,
        lambda s, u, t: imports.import_file(s, u, "demandes", t["csv"]),
    ),
    "imports.export_file": (
        Action.EXPORT_DATA,
        lambda s, u, t: imports.export_file(s, u, "demandes", t["out"]),
    ),
    "demo.generate_demo": (
        Action.IMPORT_DATA,
        lambda s, u, t: demo.generate_demo(s, u, requests=3, units=1, seed=1, on=ON),
    ),
    # Importing, preparing and recording outcomes: an advisor's or a supervisor's work.
    "demo_history.generate_history": (
        Action.PREPARE_PROPOSAL,
        lambda s, u, t: demo_history.generate_history(s, u, 1, seed=1, on=ON, first_number=9),
    ),
    "demo.create_demo_accounts": (
        Action.MANAGE_USERS,
        lambda s, u, t: demo.create_demo_accounts(s, u),
    ),
    "rules.import_ruleset": (
        Action.RULESET_IMPORT,
        lambda s, u, t: rules.import_ruleset(s, u, t["rules"]),
    ),
    "rules.list_rulesets": (Action.READ, lambda s, u, t: rules.list_rulesets(s, u)),
    "rules.activate_ruleset": (
        Action.RULESET_APPROVE,
        lambda s, u, t: rules.activate_ruleset(s, u, t["hash"]),
    ),
    "database.check_database": (Action.AUDIT_READ, lambda s, u, t: database.check_database(s, u)),
    "accounts.add_account": (
        Action.MANAGE_USERS,
        lambda s, u, t: accounts.add_account(s, u, "lea", Role.CONSEILLER, "mot-de-passe-lea"),
    ),
    "accounts.list_accounts": (Action.MANAGE_USERS, lambda s, u, t: accounts.list_accounts(s, u)),
    "accounts.disable_account": (
        Action.MANAGE_USERS,
        lambda s, u, t: accounts.disable_account(s, u, "autre"),
    ),
    "accounts.enable_account": (
        Action.MANAGE_USERS,
        lambda s, u, t: accounts.enable_account(s, u, "inactif"),
    ),
    "accounts.reset_password": (
        Action.MANAGE_USERS,
        lambda s, u, t: accounts.reset_password(s, u, "autre", "nouveau-secret"),
    ),
    "audit.audit_choices": (Action.AUDIT_READ, lambda s, u, t: audit.audit_choices(s, u)),
    "audit.audit_rows": (
        Action.AUDIT_READ,
        lambda s, u, t: audit.audit_rows(s, u, audit.AuditFilter()),
    ),
    "audit.create_checkpoint": (
        Action.AUDIT_CHECKPOINT,
        lambda s, u, t: audit.create_checkpoint(s, u, "mot-de-passe-long"),
    ),
    "audit.export_checkpoint": (
        Action.AUDIT_READ,
        lambda s, u, t: audit.export_checkpoint(s, u, t["out"].with_suffix(".json")),
    ),
    "audit.list_checkpoints": (Action.AUDIT_READ, lambda s, u, t: audit.list_checkpoints(s, u)),
    "audit.verify_database": (Action.AUDIT_READ, lambda s, u, t: audit.verify_database(s, u)),
    "retention.pending": (Action.READ, lambda s, u, t: retention.pending(s, u, ON)),
    "retention.apply_retention": (
        Action.RETENTION_APPLY,
        lambda s, u, t: retention.apply_retention(s, u, ON),
    ),
    "retention.apply_retention_at_start": (
        Action.RETENTION_APPLY,
        lambda s, u, t: _allowed_or_refused(
            retention.apply_retention_at_start(s, u), u, Action.RETENTION_APPLY
        ),
    ),
    "personal_data.person_data": (
        Action.PERSON_EXPORT,
        lambda s, u, t: personal_data.person_data(s, u, "DEM-0001", ON),
    ),
    "personal_data.export_person": (
        Action.PERSON_EXPORT,
        lambda s, u, t: personal_data.export_person(s, u, "DEM-0001", t["out"].with_name("p"), ON),
    ),
    "ruleset_approval.import_draft": (
        Action.RULESET_IMPORT,
        lambda s, u, t: ruleset_approval.import_draft(s, u, t["rules"]),
    ),
    "ruleset_approval.approve": (
        Action.RULESET_APPROVE,
        lambda s, u, t: ruleset_approval.approve(s, u, t["hash"]),
    ),
    "ruleset_approval.ruleset_lines": (
        Action.READ,
        lambda s, u, t: ruleset_approval.ruleset_lines(s, u, ON),
    ),
    "records.request_counts": (Action.READ, lambda s, u, t: records.request_counts(s, u, ON)),
    "reference.set_quartile_threshold": (
        Action.REFERENCE_EDIT,
        lambda s, u, t: reference.set_quartile_threshold(s, u, "242100410", 2026, 10800),
    ),
    "reference.quartile_thresholds": (
        Action.READ,
        lambda s, u, t: reference.quartile_thresholds(s, u),
    ),
    "forum.current_offers": (Action.READ, lambda s, u, t: forum.current_offers(s, u)),
    "forum.save_intake": (
        Action.EDIT_RECORDS,
        lambda s, u, t: forum.save_intake(
            s,
            u,
            forum.Intake(
                last_name="Forum",
                first_name="Essai",
                birth_date="01/02/1990",
                employer="Acme",
                work_commune="Dijon",
                persons=1,
                income_band=forum.IncomeBand.MOINS_1500,
                housing_situation=SituationLogement.HEBERGE_FAMILLE,
                contract=TypeContrat.CDI,
            ),
        ),
    ),
    "identity.device_id": (Action.READ, lambda s, u, t: identity.device_id(s, u)),
    "identity.is_forum_device": (Action.READ, lambda s, u, t: identity.is_forum_device(s, u)),
    "identity.mark_forum_device": (
        Action.IMPORT_DATA,
        lambda s, u, t: identity.mark_forum_device(s, u),
    ),
    "identity.next_request_ref": (
        Action.EDIT_RECORDS,
        lambda s, u, t: identity.next_request_ref(s, u),
    ),
    "merge.export_package": (
        Action.FORUM_PACKAGE,
        lambda s, u, t: merge.export_package(s, u, t["out"].with_suffix(".hmpkg"), "x" * 12),
    ),
    "merge.plan_import": (
        Action.FORUM_PACKAGE,
        lambda s, u, t: merge.plan_import(s, u, t["out"].with_suffix(".absent"), "x" * 12),
    ),
    "merge.import_package": (
        Action.FORUM_PACKAGE,
        lambda s, u, t: merge.import_package(s, u, t["out"].with_suffix(".absent"), "x" * 12),
    ),
    "merge.merge_pairs": (Action.FORUM_PACKAGE, lambda s, u, t: merge.merge_pairs(s, u)),
    "merge.link": (Action.FORUM_PACKAGE, lambda s, u, t: merge.link(s, u, "DEM-0001", "F-1")),
    "merge.unlink": (Action.FORUM_PACKAGE, lambda s, u, t: merge.unlink(s, u, "DEM-0001", "F-1")),
    "merge.separate": (
        Action.FORUM_PACKAGE,
        lambda s, u, t: merge.separate(s, u, "DEM-0001", "F-1"),
    ),
    "merge.apply_merges": (Action.FORUM_PACKAGE, lambda s, u, t: merge.apply_merges(s, u)),
    "merge.origin_entries": (
        Action.AUDIT_READ,
        lambda s, u, t: merge.origin_entries(s, u, "DEM-0001"),
    ),
    "maps.map_data": (Action.READ, lambda s, u, t: maps.map_data(s, u)),
    "maps.ranking_lines": (
        Action.READ,
        lambda s, u, t: maps.ranking_lines(s, u, _ranking(s, u)),
    ),
    "proposals.add_candidate": (
        Action.PREPARE_PROPOSAL,
        lambda s, u, t: proposals.add_candidate(s, u, 999, "DEM-0001"),
    ),
    "proposals.adjourn_proposal": (
        Action.RECORD_OUTCOME,
        lambda s, u, t: proposals.adjourn_proposal(s, u, 999),
    ),
    "proposals.create_proposal": (
        Action.PREPARE_PROPOSAL,
        lambda s, u, t: proposals.create_proposal(s, u, "LOG-0001", ["DEM-0001"], ON),
    ),
    "proposals.get_proposal": (
        Action.READ,
        lambda s, u, t: proposals.get_proposal(s, u, 999),
    ),
    "proposals.justify": (
        Action.PREPARE_PROPOSAL,
        lambda s, u, t: proposals.justify(s, u, 999, None, None, None),
    ),
    "proposals.list_proposals": (
        Action.READ,
        lambda s, u, t: proposals.list_proposals(s, u),
    ),
    "proposals.move_candidate": (
        Action.PREPARE_PROPOSAL,
        lambda s, u, t: proposals.move_candidate(s, u, 999, "DEM-0001", -1),
    ),
    "proposals.open_proposal_for_unit": (
        Action.READ,
        lambda s, u, t: proposals.open_proposal_for_unit(s, u, "LOG-0001"),
    ),
    "proposals.ranking_notes": (
        Action.READ,
        lambda s, u, t: proposals.ranking_notes(s, u, _ranking(s, u)),
    ),
    "proposals.record_answer": (
        Action.RECORD_OUTCOME,
        lambda s, u, t: proposals.record_answer(s, u, 999, "DEM-0001", True),
    ),
    "proposals.record_contact": (
        Action.PREPARE_PROPOSAL,
        lambda s, u, t: proposals.record_contact(s, u, 999, "DEM-0001", None),
    ),
    "proposals.record_decision": (
        Action.RECORD_OUTCOME,
        lambda s, u, t: proposals.record_decision(s, u, 999, "DEM-0001", None),
    ),
    "proposals.record_lapsed_answers": (
        Action.RECORD_OUTCOME,
        lambda s, u, t: proposals.record_lapsed_answers(s, u, ON),
    ),
    "proposals.record_lease": (
        Action.RECORD_OUTCOME,
        lambda s, u, t: proposals.record_lease(s, u, 999, "DEM-0001", ON),
    ),
    "proposals.refusal_notes": (
        Action.READ,
        lambda s, u, t: proposals.refusal_notes(s, u, ["DEM-0001"]),
    ),
    "proposals.remove_candidate": (
        Action.PREPARE_PROPOSAL,
        lambda s, u, t: proposals.remove_candidate(s, u, 999, "DEM-0001"),
    ),
    "proposals.send_proposal": (
        Action.PREPARE_PROPOSAL,
        lambda s, u, t: proposals.send_proposal(s, u, 999, ON),
    ),
    "deadlines.proposal_deadlines": (
        Action.READ,
        lambda s, u, t: deadlines.proposal_deadlines(s, u, ON),
    ),
    "replay.replay_proposal": (
        Action.READ,
        lambda s, u, t: replay.replay_proposal(s, u, 999),
    ),
    "review.review_rows": (
        Action.REVIEW_READ,
        lambda s, u, t: review.review_rows(s, u, ReviewFilter()),
    ),
    "review.review_detail": (
        Action.REVIEW_READ,
        lambda s, u, t: review.review_detail(s, u, 999),
    ),
    "review.review_choices": (
        Action.REVIEW_READ,
        lambda s, u, t: review.review_choices(s, u),
    ),
    "review.sign_off": (
        Action.REVIEW_SIGN_OFF,
        lambda s, u, t: review.sign_off(s, u, 999, Verdict.VALIDEE, "vu", "secret"),
    ),
    "review.sign_offs_for": (
        Action.READ,
        lambda s, u, t: review.sign_offs_for(s, u, [999]),
    ),
    "review.audit_report": (
        Action.REVIEW_READ,
        lambda s, u, t: review.audit_report(
            s, u, ON, ON, t["out"].with_suffix(".xlsx"), t["out"].with_suffix(".pdf")
        ),
    ),
    "sheets.sheet_data": (
        Action.READ,
        lambda s, u, t: sheets.sheet_data(s, u, 999),
    ),
    "sheets.write_proposal_pdf": (
        Action.READ,
        lambda s, u, t: sheets.write_proposal_pdf(s, u, 999, t["out"].with_suffix(".pdf")),
    ),
    "sheets.write_proposals_workbook": (
        Action.READ,
        lambda s, u, t: sheets.write_proposals_workbook(s, u, t["out"].with_suffix(".xlsx")),
    ),
    "indicators.indicators": (
        Action.REPORTS,
        lambda s, u, t: indicators.indicators(s, u, date(2026, 1, 1), ON),
    ),
    "indicators.evaluation_tables": (
        Action.REPORTS,
        lambda s, u, t: indicators.evaluation_tables(s, u, date(2026, 1, 1), ON),
    ),
    "indicators.write_indicators_xlsx": (
        Action.REPORTS,
        lambda s, u, t: indicators.write_indicators_xlsx(
            s, u, _indicators(s), t["out"].with_suffix(".xlsx")
        ),
    ),
    "indicators.write_indicators_pdf": (
        Action.REPORTS,
        lambda s, u, t: indicators.write_indicators_pdf(
            s, u, _indicators(s), t["out"].with_suffix(".pdf")
        ),
    ),
    "backups.backup_now": (
        Action.BACKUP,
        lambda s, u, t: backups.backup_now(s, u, t["out"].parent / "sauvegardes"),
    ),
    "backups.list_backups": (
        Action.BACKUP,
        lambda s, u, t: backups.list_backups(t["out"].parent / "base.sqlite", u),
    ),
    "evaluation.attributions": (
        Action.READ,
        lambda s, u, t: evaluation.attributions(s, u, ON, ON),
    ),
    "evaluation.obligations_report": (
        Action.READ,
        lambda s, u, t: evaluation.obligations_report(s, u, ON, ON),
    ),
    "evaluation.fairness_subjects": (
        Action.REPORTS,
        lambda s, u, t: evaluation.fairness_subjects(s, u, ON, ON),
    ),
    "evaluation.fairness_report": (
        Action.REPORTS,
        lambda s, u, t: evaluation.fairness_report(s, u, ON, ON),
    ),
    "evaluation.observatory_tables": (
        Action.REPORTS,
        lambda s, u, t: evaluation.observatory_tables(s, u, 2026),
    ),
    "evaluation.observatory_export": (
        Action.REPORTS,
        lambda s, u, t: evaluation.observatory_export(s, u, 2026, t["out"].with_suffix(".xlsx")),
    ),
    "whatif.whatif": (
        Action.REPORTS,
        lambda s, u, t: whatif.whatif(s, u, t["rules"], "open", ON),
    ),
    "backups.restore": (
        Action.RESTORE,
        lambda s, u, t: backups.restore(t["out"].parent / "base.sqlite", u, t["out"]),
    ),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """Build the world once (a request, a unit, accounts, a rule-set file); tests copy it."""
    from argon2 import PasswordHasher

    saved = accounts._HASHER
    accounts._HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    try:
        store = Store.memory()
        files = _fill(store, tmp_path_factory.mktemp("permissions"))
    finally:
        accounts._HASHER = saved
    yield store, files
    store.close()


@pytest.fixture
def world(template, tmp_path):
    """A private copy of the template store, and the files some services read."""
    source, files = template
    db = connect(None)
    source.db.conn.backup(db.conn)
    store = Store(db, None)
    yield store, {**files, "out": tmp_path / "export.csv"}
    assert_sound(store)
    store.close()


def _fill(fresh_store, tmp_path):
    fresh_store.requests.save(make_request("DEM-0001"), "test")
    fresh_store.units.save(make_unit("LOG-0001"), "test")
    first = accounts.create_first_administrator(fresh_store, "admin", "s3cret-admin")
    accounts.add_account(fresh_store, first, "autre", Role.ADMINISTRATEUR, "autre-secret")
    accounts.add_account(fresh_store, first, "inactif", Role.CONSEILLER, "secret-inactif")
    accounts.disable_account(fresh_store, first, "inactif")
    default = matching.active_ruleset(fresh_store)
    rules_file = tmp_path / "regles.toml"
    rules_file.write_text(
        default.text.replace(f'version = "{default.version}"', 'version = "2099.1"'),
        encoding="utf-8",
    )
    return {
        "csv": DATA / "demandes_modele.csv",
        "out": tmp_path / "export.csv",
        "rules": rules_file,
        "hash": default.content_hash[:12],
    }


@pytest.mark.parametrize("role", list(Role), ids=str)
@pytest.mark.parametrize("name", sorted(GUARDED))
def test_each_role_against_each_service(world, name, role) -> None:
    store, files = world
    action, call = GUARDED[name]
    session = SESSIONS[role]
    before = store.audit.count()
    if role in PERMISSIONS[action]:
        try:
            call(store, session, files)
        except PermissionDenied:  # pragma: no cover - the failure this test is for
            pytest.fail(f"{name} refused to a {role.value}, whom the table allows")
        except UserError:
            pass  # refused for another reason (data), not for the role
    else:
        with pytest.raises(PermissionDenied, match="Action refusée"):
            call(store, session, files)
        assert store.audit.count() == before, f"{name} wrote before refusing"


def _services_taking_a_session() -> set[str]:
    found = set()
    for info in pkgutil.iter_modules(services_package.__path__):
        module = import_module(f"housingmatch.services.{info.name}")
        for fname, fn in inspect.getmembers(module, inspect.isfunction):
            if fname.startswith("_") or fn.__module__ != module.__name__:
                continue
            params = list(inspect.signature(fn).parameters)
            if len(params) >= 2 and params[1] == "session":
                found.add(f"{info.name}.{fname}")
    return found


def test_every_service_taking_a_session_is_in_the_table() -> None:
    # A new guarded service gets a row above, so its refusal is tested for each role.
    background = {
        s
        for s in _services_taking_a_session()
        if s.startswith("background.") or s.endswith("_work")
    }
    assert _services_taking_a_session() - background - set(GUARDED) == set()


def test_the_actor_of_a_change_is_the_signed_in_person(world) -> None:
    store, _ = world
    records.save_request(store, ADVISOR, make_request("DEM-0042"))
    assert store.audit.entries("demande", "DEM-0042")[-1].actor == ADVISOR.user
