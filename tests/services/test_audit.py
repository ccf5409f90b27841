"""verify: the chain, every record rebuilt from the log, and signed checkpoints.

Each tampering scenario is done the way a person with the file would do it (plain SQL on
the database) and must be reported with the record's reference and the differing fields.
"""

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from housingmatch.domain.session import Role, Session
from housingmatch.errors import UserError
from housingmatch.rules.permissions import PermissionDenied
from housingmatch.services import audit, local_session
from housingmatch.store import Store
from housingmatch.store.audit import entry_hash
from housingmatch.store.crypto import WrongPassword
from tests.builders import make_request, make_unit

SUPERVISOR = Session("directrice", Role.SUPERVISEUR)
ADVISOR = Session("conseiller1", Role.CONSEILLER)
DATA = Path(__file__).parent.parent / "data"


@pytest.fixture
def store(db_path):
    with Store.open(db_path) as s:
        s.requests.save(
            make_request(
                "DEM-A",
                last_name="Vauquelin",
                fiscal_income=18000.0,
                wished_communes=("21231", "21166"),
            ),
            "alice",
        )
        s.requests.save(make_request("DEM-B"), "alice")
        s.units.save(make_unit("LOG-1"), "alice")
        yield s


def _report(store, checkpoint=None):
    return audit.verify_database(store, local_session(), checkpoint)


def _record_findings(report):
    return {(f.ref, f.fields) for f in report.findings if f.kind == "enregistrement"}


def test_an_untouched_database_verifies(store):
    report = _report(store)
    assert report.ok, report.findings
    assert (report.requests_checked, report.units_checked) == (2, 1)


def test_an_income_edited_in_sql_is_named_with_its_field(store):
    store.db.execute("UPDATE requests SET fiscal_income = 9000 WHERE ref = 'DEM-A'")
    report = _report(store)
    assert _record_findings(report) == {("DEM-A", ("revenu_fiscal_reference",))}
    assert "9000" not in " ".join(f.message for f in report.findings)  # no value printed


def test_a_dalo_flag_flipped_in_sql_is_named(store):
    store.db.execute("UPDATE requests SET dalo = 1 - dalo WHERE ref = 'DEM-B'")
    assert _record_findings(_report(store)) == {("DEM-B", ("dalo",))}


def test_a_unit_rent_edited_in_sql_is_named(store):
    store.db.execute("UPDATE units SET rent = rent + 1 WHERE ref = 'LOG-1'")
    assert _record_findings(_report(store)) == {("LOG-1", ("loyer_hors_charges",))}


def test_a_wished_commune_removed_in_sql_is_named(store):
    store.db.execute(
        "DELETE FROM request_communes WHERE request_id = (SELECT id FROM requests "
        "WHERE ref = 'DEM-A') AND position = 0"
    )
    assert _record_findings(_report(store)) == {("DEM-A", ("communes_souhaitees",))}


def test_a_request_deleted_in_sql_is_named(store):
    for table in ("request_motifs", "request_l441", "request_communes"):
        store.db.execute(
            f"DELETE FROM {table} WHERE request_id = (SELECT id FROM requests WHERE ref = 'DEM-B')"
        )
    store.db.execute("DELETE FROM requests WHERE ref = 'DEM-B'")
    report = _report(store)
    assert _record_findings(report) == {("DEM-B", ())}
    assert "disparu" in report.findings[0].message


def test_a_request_inserted_in_sql_is_named(store):
    store.db.execute(
        "INSERT INTO requests (ref, filing_date, last_name, first_name, birth_date, "
        "home_commune, housing_situation, employer_id, work_commune, contract, persons, "
        "fiscal_income, created_at, updated_at, uuid) SELECT 'DEM-X', filing_date, last_name, "
        "first_name, birth_date, home_commune, housing_situation, employer_id, work_commune, "
        "contract, persons, fiscal_income, created_at, updated_at, 'forged-uuid' FROM requests "
        "WHERE ref = 'DEM-A'"
    )
    report = _report(store)
    assert _record_findings(report) == {("DEM-X", ())}
    assert "hors de l'application" in report.findings[0].message


def test_changes_through_the_application_keep_verify_green(store):
    store.requests.save(make_request("DEM-A", fiscal_income=21000.0, dalo=True), "bob")
    store.units.save(make_unit("LOG-1", rent=480.0), "bob")
    assert _report(store).ok


def _recompute_chain(db):
    """What an attacker does after editing history: drop the triggers, rehash everything."""
    db.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    db.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    prev = "0" * 64
    rows = db.execute(
        "SELECT id, at, actor, action, entity, entity_ref, details FROM audit_log ORDER BY id"
    ).fetchall()
    for entry_id, at, actor, action, entity, ref, details in rows:
        digest = entry_hash(prev, at, actor, action, entity, ref, details)
        db.execute(
            "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", [prev, digest, entry_id]
        )
        prev = digest


def test_a_rewritten_and_rehashed_chain_passes_alone_but_not_against_a_checkpoint(store, tmp_path):
    out = tmp_path / "point.json"
    audit.create_checkpoint(store, SUPERVISOR, "s3cret", out)
    checkpoint = audit.read_checkpoint_file(out)
    # Someone rewrites who made the first entry, then recomputes the whole chain.
    store.db.execute("DROP TRIGGER audit_log_no_update")
    store.db.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 1")
    assert _report(store).first_broken_link == 1
    _recompute_chain(store.db)
    assert store.audit.verify() == []  # the chain alone cannot tell
    report = _report(store, checkpoint)
    assert [f.kind for f in report.findings] == ["point de contrôle"]
    assert (
        f"L'entrée {checkpoint.entry_id} n'a plus l'empreinte signée" in report.findings[0].message
    )


def test_entries_deleted_up_to_a_checkpoint_are_detected(store, tmp_path):
    out = tmp_path / "point.json"
    checkpoint = audit.create_checkpoint(store, SUPERVISOR, "s3cret", out)
    store.db.execute("DROP TRIGGER audit_log_no_delete")
    store.db.execute("DELETE FROM audit_log WHERE id >= ?", [checkpoint.entry_id])
    _recompute_chain(store.db)
    report = _report(store, audit.read_checkpoint_file(out))
    assert any("ont été supprimées" in f.message for f in report.findings)


def test_the_checkpoint_itself_cannot_be_edited(store, tmp_path):
    out = tmp_path / "point.json"
    audit.create_checkpoint(store, SUPERVISOR, "s3cret", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    data["entry"] = 1
    out.write_text(json.dumps(data), encoding="utf-8")
    report = _report(store, audit.read_checkpoint_file(out))
    assert [f.message for f in report.findings] == [
        "Le point de contrôle n'est pas authentique (signature invalide)."
    ]


def test_a_replaced_signing_key_is_reported(store, tmp_path):
    out = tmp_path / "point.json"
    audit.create_checkpoint(store, SUPERVISOR, "s3cret", out)
    store.db.execute("DELETE FROM audit_signing_keys")
    # The attacker makes their own key under the supervisor's name and signs a new head.
    audit.create_checkpoint(store, SUPERVISOR, "other")
    report = _report(store, audit.read_checkpoint_file(out))
    assert any("la clé a été remplacée" in f.message for f in report.findings)


def test_the_signing_key_opens_only_with_its_password(store):
    audit.create_checkpoint(store, SUPERVISOR, "s3cret")
    with pytest.raises(WrongPassword):
        audit.create_checkpoint(store, SUPERVISOR, "wrong")
    assert len(audit.list_checkpoints(store, SUPERVISOR)) == 1
    raw = store.db.execute("SELECT wrapped_private FROM audit_signing_keys").fetchone()[0]
    assert b"s3cret" not in bytes(raw)


def test_an_advisor_cannot_sign_a_checkpoint(store):
    with pytest.raises(PermissionDenied):
        audit.create_checkpoint(store, ADVISOR, "x")
    with pytest.raises(PermissionDenied):
        audit.verify_database(store, ADVISOR)


def test_a_checkpoint_is_refused_on_a_broken_chain(store):
    store.db.execute("DROP TRIGGER audit_log_no_update")
    store.db.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 1")
    with pytest.raises(UserError, match="journal est rompu"):
        audit.create_checkpoint(store, SUPERVISOR, "s3cret")


def test_the_checkpoint_file_may_not_overwrite_the_database(store):
    with pytest.raises(UserError, match="fichier de la base"):
        audit.create_checkpoint(store, SUPERVISOR, "s3cret", store.path)
    assert store.requests.count() == 2


def test_an_upgraded_database_gets_a_baseline_and_then_detects_edits(tmp_path):
    path = Path(shutil.copy(DATA / "db_v2.sqlite", tmp_path / "old.sqlite"))
    with Store.open(path) as store:
        baseline = store.audit.entries(action="baseline")
        assert {e.entity_ref for e in baseline} == {
            "EXEMPLE-001",
            "EXEMPLE-002",
            "EXEMPLE-L-001",
            "EXEMPLE-L-002",
        }
        assert _report(store).ok
    with Store.open(path) as store:  # written once, not at every open
        assert len(store.audit.entries(action="baseline")) == 4
        store.db.execute("UPDATE requests SET persons = persons + 1 WHERE ref = 'EXEMPLE-001'")
        assert _record_findings(_report(store)) == {("EXEMPLE-001", ("nb_personnes",))}


def test_sealed_values_hide_personal_data_in_the_log(store):
    raw = " ".join(r[0] for r in store.db.execute("SELECT details FROM audit_log"))
    request = store.requests.get("DEM-A")
    assert "Vauquelin" not in raw and "18000" not in raw
    # ...but the application reads them back.
    entry = store.audit.entries(entity_ref="DEM-A")[0]
    assert entry.details["after"]["nom"] == request.applicant.last_name


def test_a_deleted_person_key_is_reported(store):
    store.db.execute("DELETE FROM person_keys WHERE ref = 'DEM-A'")
    report = _report(store)
    assert _record_findings(report) == {("DEM-A", ())}
    assert "illisibles" in report.findings[0].message


def test_the_audit_log_refuses_writes_in_sql_unless_the_triggers_are_dropped(store):
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("UPDATE audit_log SET actor = 'x'")


# Every stored column of a request or unit, with the field verify must name when it changes.
REQUEST_COLUMNS = {
    "unique_number": "numero_unique",
    "filing_date": "date_depot",
    "renewal_date": "date_renouvellement",
    "last_name": "nom",
    "first_name": "prenom",
    "birth_date": "date_naissance",
    "email": "email",
    "phone": "telephone",
    "address": "adresse",
    "home_commune": "commune_residence",
    "current_rent": "loyer_actuel",
    "work_commune": "commune_travail",
    "work_latitude": "latitude_travail",
    "work_longitude": "longitude_travail",
    "mobility_date": "date_mobilite",
    "persons": "nb_personnes",
    "dependants": "nb_personnes_a_charge",
    "partner_birth_date": "date_naissance_conjoint",
    "disability": "handicap",
    "fiscal_income": "revenu_fiscal_reference",
    "monthly_income": "revenus_mensuels",
    "dalo": "dalo",
    "typology_min": "typologie_min",
    "typology_max": "typologie_max",
    "max_rent": "loyer_max",
    "needs_pmr": "besoin_pmr",
    "needs_lift": "ascenseur_requis",
    "closed_on": "date_cloture",
    "close_reason": "motif_cloture",
}
_NEW_VALUE = {
    "date": "'2020-02-02'",
    "number": "7",
    "flag": "1",
    "text": "'modifié'",
}


def _kind(column):
    if column.endswith("_date") or column in ("closed_on",):
        return "date"
    if column in ("disability", "dalo", "needs_pmr", "needs_lift"):
        return "flag"
    if column in (
        "current_rent",
        "work_latitude",
        "work_longitude",
        "persons",
        "dependants",
        "fiscal_income",
        "monthly_income",
        "typology_min",
        "typology_max",
        "max_rent",
    ):
        return "number"
    return "text"


def _named_after(store, sql):
    """Return what verify names after one SQL change, then undo the change."""
    store.db.conn.execute("BEGIN")
    try:
        store.db.conn.execute(sql)
        return _record_findings(_report(store))
    finally:
        store.db.conn.execute("ROLLBACK")


def test_any_request_column_edited_in_sql_is_named(store):
    missed = {}
    for column, field in sorted(REQUEST_COLUMNS.items()):
        value = _NEW_VALUE[_kind(column)]
        named = _named_after(store, f"UPDATE requests SET {column} = {value} WHERE ref = 'DEM-B'")
        if named != {("DEM-B", (field,))}:
            missed[column] = named
    assert missed == {}
    assert _report(store).ok  # every change was undone


def test_any_unit_column_edited_in_sql_is_named(store):
    changes = [
        ("landlord", "'Autre bailleur'", "bailleur"),
        ("programme", "'P'", "programme"),
        ("commune", "'21166'", "commune"),
        ("typology", "5", "typologie"),
        ("surface", "99", "surface_m2"),
        ("floor", "7", "etage"),
        ("lift", "1 - lift", "ascenseur"),
        ("financing", "'PLAI'", "financement"),
        ("rent", "1", "loyer_hors_charges"),
        ("charges", "1", "charges"),
        ("status", "'ATTRIBUE'", "statut"),
        ("accessible_pmr", "1 - accessible_pmr", "accessible_pmr"),
        ("available_on", "'2020-01-01'", "date_disponibilite"),
        ("reserved_employer", "'X'", "employeur_reserve"),
    ]
    missed = {}
    for column, value, field in changes:
        named = _named_after(store, f"UPDATE units SET {column} = {value} WHERE ref = 'LOG-1'")
        if named != {("LOG-1", (field,))}:
            missed[column] = named
    assert missed == {}


def test_a_password_change_rewraps_the_signing_key(store, tmp_path):
    first = audit.create_checkpoint(store, SUPERVISOR, "ancien", tmp_path / "a.json")
    assert store.checkpoints.change_password("directrice", "ancien", "nouveau")
    with pytest.raises(WrongPassword):
        audit.create_checkpoint(store, SUPERVISOR, "ancien")
    second = audit.create_checkpoint(store, SUPERVISOR, "nouveau")
    assert second.public_key == first.public_key
    assert _report(store, audit.read_checkpoint_file(tmp_path / "a.json")).ok


def test_a_retired_key_leaves_old_checkpoints_valid(store, tmp_path):
    audit.create_checkpoint(store, SUPERVISOR, "ancien", tmp_path / "a.json")
    assert store.checkpoints.retire("directrice", "admin")
    audit.create_checkpoint(store, SUPERVISOR, "réinitialisé")
    report = _report(store, audit.read_checkpoint_file(tmp_path / "a.json"))
    # The old file's key is no longer the signer's key in the database: said, not hidden.
    assert [f.kind for f in report.findings] == ["point de contrôle"]
    assert all(c.authentic() for c in audit.list_checkpoints(store, SUPERVISOR))
