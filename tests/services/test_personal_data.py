"""Access requests: everything held on one person, as JSON and HTML."""

import json
from datetime import date

import pytest

from housingmatch.domain.session import Role, Session
from housingmatch.errors import UserError
from housingmatch.rules.permissions import PermissionDenied
from housingmatch.services import (
    local_session,
    matching,
    personal_data,
    proposals,
    records,
    retention,
)
from housingmatch.store import Store
from tests.builders import make_request, make_unit

SUPERVISOR = Session("directrice", Role.SUPERVISEUR)


@pytest.fixture
def store(db_path):
    with Store.open(db_path) as s:
        s.requests.save(make_request("DEM-1", last_name="Bérénice-Ollivier"), "alice")
        s.requests.save(make_request("DEM-1", fiscal_income=19000.0), "bob")
        s.requests.save(make_request("DEM-2"), "alice")
        s.units.save(make_unit("LOG-1"), "alice")
        ranking = matching.rank_unit(s, SUPERVISOR, "LOG-1", date(2026, 3, 1))
        assert ranking.candidate("DEM-1") is not None
        proposals.save_draft(s, SUPERVISOR, ranking, ["DEM-1"], "urgence")
        yield s


def test_the_export_holds_record_history_and_proposals(store, tmp_path):
    written = personal_data.export_person(store, SUPERVISOR, "DEM-1", tmp_path / "acces.json")
    assert [p.name for p in written] == ["acces.json", "acces.html"]
    data = json.loads(written[0].read_text(encoding="utf-8"))
    assert data["dossier"]["demande"]["revenu_fiscal_reference"] == 19000.0
    assert [h["action"] for h in data["historique"]] == ["create", "update"]
    assert data["historique"][1]["modifications"]["revenu_fiscal_reference"] == {
        "avant": 18000.0,
        "apres": 19000.0,
    }
    assert data["historique"][1]["auteur"] == "bob"
    assert data["propositions"][0]["logement"] == "LOG-1"
    assert data["propositions"][0]["motif_ecart"] == "urgence"
    page = written[1].read_text(encoding="utf-8")
    assert "Bérénice-Ollivier" in page and "LOG-1" in page and "18000.0 → 19000.0" in page
    assert "DEM-2" not in written[0].read_text(encoding="utf-8")  # nobody else's data


def test_the_export_is_audited(store, tmp_path):
    personal_data.export_person(store, SUPERVISOR, "DEM-1", tmp_path / "acces")
    last = store.audit.entries(entity_ref="DEM-1")[-1]
    assert (last.action, last.actor) == ("person_export", "directrice")


def test_an_advisor_may_not_export_a_person(store, tmp_path):
    advisor = Session("c1", Role.CONSEILLER)
    with pytest.raises(PermissionDenied):
        personal_data.export_person(store, advisor, "DEM-1", tmp_path / "acces")
    assert list(tmp_path.glob("acces*")) == []


def test_the_database_file_is_refused_as_output(store):
    before = store.path.read_bytes()[:100]
    with pytest.raises(UserError, match="fichier de la base"):
        personal_data.export_person(store, SUPERVISOR, "DEM-1", store.path)
    assert store.path.read_bytes()[:100] == before


def test_an_unknown_reference_is_one_french_sentence(store, tmp_path):
    with pytest.raises(UserError, match="Aucune demande"):
        personal_data.export_person(store, SUPERVISOR, "DEM-9", tmp_path / "x")


def test_an_anonymised_person_export_says_so_and_holds_no_old_value(store, tmp_path):
    records.close_request(store, SUPERVISOR, "DEM-1", "relogé", on=date(2026, 1, 5))
    retention.apply_retention(store, local_session(), date(2027, 1, 5))
    written = personal_data.export_person(store, SUPERVISOR, "DEM-1", tmp_path / "acces")
    text = written[0].read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["anonymisee_le"] == "2027-01-05"
    assert "Bérénice" not in text
    assert data["historique"][0]["valeurs"] == "effacées (anonymisation)"
