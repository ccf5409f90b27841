"""Forum packages: written on a laptop, merged at the office, duplicates reviewed."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from housingmatch.domain.merge import MergeState
from housingmatch.errors import IdentityConflict, UserError
from housingmatch.exchange import package
from housingmatch.services import audit, identity, merge, records
from housingmatch.store import Store
from tests.builders import ADVISOR, SUPERVISOR, make_request

PASS = "phrase de passe du forum"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests' scrypt cost (the default one is measured in tests/exchange)."""
    monkeypatch.setattr(package, "SCRYPT_N", 2**10)


@pytest.fixture
def office(tmp_path: Path):
    with Store.open(tmp_path / "bureau.sqlite") as store:
        yield store


@pytest.fixture
def laptop(tmp_path: Path):
    with Store.open(tmp_path / "portable.sqlite") as store:
        identity.mark_forum_device(store, ADVISOR)
        yield store


def _intake(laptop: Store, **overrides) -> str:
    """Save a request on the laptop as the intake does: no reference typed."""
    saved = records.save_request(laptop, ADVISOR, make_request("", **overrides))
    return saved.ref


def _verify_green(store: Store) -> None:
    report = audit.verify_database(store, SUPERVISOR)
    assert report.ok, [f.message for f in report.findings]


def test_a_laptop_gives_provisional_references_and_the_office_its_own(office, laptop):
    device = identity.device_id(laptop, ADVISOR)
    assert identity.is_forum_device(laptop, ADVISOR)
    assert not identity.is_forum_device(office, ADVISOR)
    assert device != identity.device_id(office, ADVISOR)
    first = _intake(laptop, last_name="Martin")
    second = _intake(laptop, last_name="Bernard")
    assert first == f"F-{device[:4].upper()}-0001"
    assert second == f"F-{device[:4].upper()}-0002"
    assert identity.next_request_ref(office, ADVISOR).startswith("DEM-")


def test_a_record_born_elsewhere_never_overwrites_a_local_one_with_its_reference(office):
    local = office.requests.save(make_request("DEM-0001", last_name="Bureau"), "t")
    stranger = make_request("DEM-0001", last_name="Portable", uuid="another-uuid")
    with pytest.raises(IdentityConflict, match="DEM-0001"):
        office.requests.save_many([make_request("DEM-0002"), stranger], "t", "paquet")
    assert office.requests.get("DEM-0001").applicant.last_name == "Bureau"
    assert office.requests.get("DEM-0002") is None  # all or nothing
    # A file re-imported by reference (no identity) still updates the local record.
    office.requests.save_many([make_request("DEM-0001", last_name="Corrigé")], "t", "import")
    again = office.requests.get("DEM-0001")
    assert (again.applicant.last_name, again.uuid) == ("Corrigé", local.uuid)
    # The same identity updates it too.
    two = replace(again, household=replace(again.household, persons=2))
    office.requests.save_many([two], "t", "paquet")
    assert office.requests.get("DEM-0001").household.persons == 2


def test_round_trip_new_request_update_and_idempotent_reimport(office, laptop, tmp_path):
    office.requests.save(make_request("DEM-2026-000001", last_name="Durand"), "t")
    ref = _intake(laptop, last_name="Nouveau", first_name="Léon", birth_date=_d(1990, 5, 4))
    out = tmp_path / "forum1.hmpkg"
    summary = merge.export_package(laptop, ADVISOR, out, PASS)
    assert (summary.requests, summary.since) == (1, None)

    plan = merge.plan_import(office, ADVISOR, out, PASS)
    assert [n.forum_ref for n in plan.new_requests] == [ref]
    assert office.requests.count() == 1  # a plan writes nothing
    done = merge.import_package(office, ADVISOR, out, PASS)
    office_ref = done.new_requests[0].office_ref
    assert office_ref == "DEM-2026-000002"
    created = office.requests.get(office_ref)
    assert created.applicant.last_name == "Nouveau"
    assert created.uuid == laptop.requests.get(ref).uuid
    head = office.audit.head()
    again = merge.import_package(office, ADVISOR, out, PASS)
    assert again.already_merged and office.audit.head() == head

    # The laptop changes the request: the next package carries only that, as an update.
    moved = replace(laptop.requests.get(ref), household=replace(created.household, persons=3))
    records.save_request(laptop, ADVISOR, moved, original_ref=ref)
    out2 = tmp_path / "forum2.hmpkg"
    assert merge.export_package(laptop, ADVISOR, out2, PASS).requests == 1
    plan2 = merge.import_package(office, ADVISOR, out2, PASS)
    assert [(u.office_ref, u.fields) for u in plan2.updates] == [(office_ref, ("nb_personnes",))]
    assert office.requests.get(office_ref).household.persons == 3
    # The first package, older than one already merged, is refused with its date.
    office_before = office.audit.head()
    with pytest.raises(UserError, match="plus ancien"):
        # A copy with a new batch id stands for another, older package.
        merge.import_package(office, ADVISOR, _older_copy(laptop, tmp_path), PASS)
    assert office.audit.head() == office_before
    kept = merge.origin_entries(office, SUPERVISOR, office_ref)
    assert {e["device_id"] for e in kept} == {identity.device_id(laptop, ADVISOR)}
    assert {e["action"] for e in kept} >= {"create", "update"}
    _verify_green(office)
    _verify_green(laptop)


def _older_copy(laptop: Store, tmp_path: Path) -> Path:
    from datetime import UTC, datetime

    payload = {
        "format": merge.PAYLOAD_FORMAT,
        "version": merge.PAYLOAD_VERSION,
        "device": identity.device_id(laptop, ADVISOR),
        "batch": "old-batch",
        "created": "2020-01-01T00:00:00+00:00",
        "since": None,
        "requests": [],
        "entries": [],
    }
    import json

    data = package.seal(
        json.dumps(payload).encode(),
        PASS,
        payload["device"],
        "old-batch",
        datetime(2020, 1, 1, tzinfo=UTC),
        cost=(2**10, 8, 1),
    )
    path = tmp_path / "old.hmpkg"
    path.write_bytes(data)
    return path


def _d(y, m, d):
    from datetime import date

    return date(y, m, d)


@pytest.mark.parametrize("damage", ["passphrase", "truncated", "tampered"])
def test_a_bad_package_is_refused_in_french_with_nothing_written(office, laptop, tmp_path, damage):
    _intake(laptop)
    out = tmp_path / "forum.hmpkg"
    merge.export_package(laptop, ADVISOR, out, PASS)
    data = out.read_bytes()
    passphrase = PASS
    if damage == "passphrase":
        passphrase = "une autre phrase de passe"
    elif damage == "truncated":
        out.write_bytes(data[: len(data) - 40])
    else:
        out.write_bytes(data[:-20] + bytes([data[-20] ^ 1]) + data[-19:])
    head = office.audit.head()
    with pytest.raises(UserError, match=r"rien n.a été importé|n.a pas été ouvert") as caught:
        merge.import_package(office, ADVISOR, out, passphrase)
    assert str(caught.value).count(".") <= 2  # one sentence
    assert office.audit.head() == head and office.requests.count() == 0


def test_possible_duplicate_waits_then_link_and_unlink_restore_the_office_record(
    office, laptop, tmp_path
):
    office_req = office.requests.save(
        make_request(
            "DEM-2026-000010",
            last_name="Lefèvre",
            first_name="Hélène",
            birth_date=_d(1988, 7, 14),
            employer_name="Dijon Céréales",
            monthly_income=1500.0,
        ),
        "t",
    )
    before = office.requests.get(office_req.ref)
    # At the forum: no accents, first and last names swapped, moved house, new income.
    forum_ref = _intake(
        laptop,
        last_name="Helene",
        first_name="LEFEVRE",
        birth_date=_d(1988, 7, 14),
        employer_name="Dijon Cereales",
        monthly_income=1900.0,
        persons=2,
    )
    out = tmp_path / "forum.hmpkg"
    merge.export_package(laptop, ADVISOR, out, PASS)
    plan = merge.import_package(office, ADVISOR, out, PASS)
    assert not plan.new_requests
    [pair] = plan.duplicates
    assert (pair.office_ref, pair.forum_ref) == (office_req.ref, forum_ref)
    assert pair.score >= 0.8
    assert office.requests.count() == 1
    [waiting] = merge.merge_pairs(office, ADVISOR, MergeState.EN_ATTENTE)
    differing = {d.field for d in waiting.differing}
    assert {"revenus_mensuels", "nb_personnes"} <= differing

    linked = merge.link(office, ADVISOR, office_req.ref, forum_ref, ["revenus_mensuels"])
    assert linked.state is MergeState.LIEE and linked.linked_fields == ("revenus_mensuels",)
    after = office.requests.get(office_req.ref)
    assert after.household.monthly_income == 1900.0
    assert after.household.persons == before.household.persons  # not chosen
    assert after.applicant.last_name == "Lefèvre"  # names were not chosen either
    _verify_green(office)

    back = merge.unlink(office, ADVISOR, office_req.ref, forum_ref)
    assert back.state is MergeState.EN_ATTENTE
    assert office.requests.get(office_req.ref) == before
    _verify_green(office)

    kept = merge.separate(office, ADVISOR, office_req.ref, forum_ref)
    assert kept.state is MergeState.SEPAREE
    assert office.requests.count() == 2  # the forum record became a request of its own
    actions = {e.action for e in office.audit.entries(entity="fusion")}
    assert actions == {"merge_link", "merge_unlink", "merge_separate"}
    _verify_green(office)


def test_apply_links_the_sure_pairs(office, laptop, tmp_path):
    office.requests.save(
        make_request("DEM-2026-000001", unique_number="021262600000123", last_name="Roux"), "t"
    )
    _intake(laptop, unique_number="021262600000123", last_name="Rousse", monthly_income=2100.0)
    out = tmp_path / "forum.hmpkg"
    merge.export_package(laptop, ADVISOR, out, PASS)
    plan = merge.import_package(office, ADVISOR, out, PASS)
    assert plan.duplicates[0].score == 1.0
    [done] = merge.apply_merges(office, ADVISOR)
    assert done.state is MergeState.LIEE
    assert office.requests.get("DEM-2026-000001").household.monthly_income == 2100.0
    assert merge.apply_merges(office, ADVISOR) == []


def _office_and_forum_pair(office, laptop, tmp_path):
    """An office request and the same person typed at the forum with news; both imported."""
    office_req = office.requests.save(
        make_request(
            "DEM-2026-000010",
            last_name="Lefèvre",
            first_name="Hélène",
            birth_date=_d(1988, 7, 14),
            monthly_income=1500.0,
        ),
        "t",
    )
    forum_ref = _intake(
        laptop,
        last_name="LEFEVRE",
        first_name="Helene",
        birth_date=_d(1988, 7, 14),
        monthly_income=1900.0,
        persons=2,
        current_rent=610.0,
    )
    out = tmp_path / "forum.hmpkg"
    merge.export_package(laptop, ADVISOR, out, PASS)
    merge.import_package(office, ADVISOR, out, PASS)
    return office.requests.get(office_req.ref), forum_ref


@pytest.mark.parametrize(
    "fields",
    [None, ["revenus_mensuels"], ["nb_personnes", "loyer_actuel"], ["nom", "prenom"]],
)
def test_link_then_unlink_gives_the_office_record_back(office, laptop, tmp_path, fields):
    before, forum_ref = _office_and_forum_pair(office, laptop, tmp_path)
    linked = merge.link(office, ADVISOR, before.ref, forum_ref, fields)
    assert linked.linked_fields  # something was taken
    assert office.requests.get(before.ref) != before
    merge.unlink(office, ADVISOR, before.ref, forum_ref)
    assert office.requests.get(before.ref) == before
    _verify_green(office)


def test_unlink_keeps_what_the_office_changed_since_the_link(office, laptop, tmp_path):
    before, forum_ref = _office_and_forum_pair(office, laptop, tmp_path)
    merge.link(office, ADVISOR, before.ref, forum_ref, ["revenus_mensuels", "nb_personnes"])
    linked = office.requests.get(before.ref)
    edited = replace(linked, household=replace(linked.household, persons=4))
    records.save_request(office, ADVISOR, edited, original_ref=before.ref)
    merge.unlink(office, ADVISOR, before.ref, forum_ref)
    after = office.requests.get(before.ref)
    assert after.household.monthly_income == before.household.monthly_income  # given back
    assert after.household.persons == 4  # the office's later edit stays


def test_a_linked_forum_record_cannot_be_linked_twice_nor_decided_again(office, laptop, tmp_path):
    before, forum_ref = _office_and_forum_pair(office, laptop, tmp_path)
    merge.link(office, ADVISOR, before.ref, forum_ref)
    with pytest.raises(UserError, match="liée"):
        merge.link(office, ADVISOR, before.ref, forum_ref)
    with pytest.raises(UserError, match="liée"):
        merge.separate(office, ADVISOR, before.ref, forum_ref)
    merge.unlink(office, ADVISOR, before.ref, forum_ref)
    with pytest.raises(UserError, match="ne peut pas reprendre"):
        merge.link(office, ADVISOR, before.ref, forum_ref, ["statut"])


def test_a_later_package_carries_the_laptop_changes_of_a_linked_record(office, laptop, tmp_path):
    before, forum_ref = _office_and_forum_pair(office, laptop, tmp_path)
    merge.link(office, ADVISOR, before.ref, forum_ref, ["revenus_mensuels"])
    on_laptop = laptop.requests.get(forum_ref)
    records.save_request(
        laptop,
        ADVISOR,
        replace(on_laptop, household=replace(on_laptop.household, monthly_income=2050.0)),
        original_ref=forum_ref,
    )
    out = tmp_path / "forum2.hmpkg"
    merge.export_package(laptop, ADVISOR, out, PASS)
    plan = merge.import_package(office, ADVISOR, out, PASS)
    assert [u.office_ref for u in plan.updates] == [before.ref]
    assert office.requests.get(before.ref).household.monthly_income == 2050.0
    assert office.requests.count() == 1
    _verify_green(office)


def test_anonymising_a_request_removes_what_packages_brought_of_the_person(
    office, laptop, tmp_path
):
    before, forum_ref = _office_and_forum_pair(office, laptop, tmp_path)
    merge.link(office, ADVISOR, before.ref, forum_ref)
    assert merge.origin_entries(office, SUPERVISOR, before.ref)
    current = office.requests.get(before.ref)
    office.requests.anonymise([(current, {"reason": "test"})], _d(2028, 1, 1), "t")
    assert merge.merge_pairs(office, ADVISOR) == []
    assert merge.origin_entries(office, SUPERVISOR, before.ref) == []


def test_a_package_is_not_imported_into_the_database_that_wrote_it(laptop, tmp_path):
    _intake(laptop)
    out = tmp_path / "forum.hmpkg"
    merge.export_package(laptop, ADVISOR, out, PASS)
    with pytest.raises(UserError, match="même base"):
        merge.plan_import(laptop, ADVISOR, out, PASS)


def test_an_invalid_record_refuses_the_whole_package(office, laptop, tmp_path, monkeypatch):
    _intake(laptop, last_name="Valide")
    _intake(laptop, last_name="Invalide")
    real = merge.template_cells

    def broken(request):
        cells = real(request)
        if request.applicant.last_name == "Invalide":
            cells["nb_personnes"] = "0"  # out of range: the import refuses it
        return cells

    monkeypatch.setattr(merge, "template_cells", broken)
    out = tmp_path / "forum.hmpkg"
    merge.export_package(laptop, ADVISOR, out, PASS)
    plan = merge.plan_import(office, ADVISOR, out, PASS)
    [refused] = plan.refused
    assert refused.messages and "nb_personnes" in refused.messages[0]
    with pytest.raises(UserError, match=r"1 fiche.*invalide.*rien n'a été importé"):
        merge.import_package(office, ADVISOR, out, PASS)
    assert office.requests.count() == 0


def test_a_unit_born_elsewhere_never_overwrites_a_local_one(office):
    from tests.builders import make_unit

    office.units.save(make_unit("LOG-0001", rent=400.0), "t")
    with pytest.raises(IdentityConflict, match="LOG-0001"):
        office.units.save_many([make_unit("LOG-0001", rent=1.0, uuid="x")], "t", "paquet")
    assert office.units.get("LOG-0001").rent == 400.0


def test_the_background_jobs_plan_then_import(office, laptop, tmp_path):
    from housingmatch.services import background

    _intake(laptop)
    out = tmp_path / "forum.hmpkg"
    steps = []
    background.export_package_work(
        laptop.path, ADVISOR, out, PASS, lambda d, t: steps.append(d), lambda: False
    )
    plan = background.import_package_work(
        office.path, ADVISOR, out, PASS, False, lambda d, t: None, lambda: False
    )
    assert len(plan.new_requests) == 1 and office.requests.count() == 0
    done = background.import_package_work(
        office.path, ADVISOR, out, PASS, True, lambda d, t: None, lambda: False
    )
    assert done.new_requests[0].office_ref and office.requests.count() == 1
    assert steps == [0, 1]


LINKABLE = [
    "nom",
    "prenom",
    "email",
    "telephone",
    "adresse",
    "loyer_actuel",
    "revenus_mensuels",
    "nb_personnes",
    "commune_residence",
]


def test_any_link_is_undone_by_its_unlink(office, laptop, tmp_path):
    before = office.requests.save(
        make_request("DEM-2026-000001", last_name="Lefèvre", first_name="Hélène"), "t"
    )
    typed = make_request(
        "",
        last_name="LEFEVRE",
        first_name="Helene",
        current_rent=610.0,
        monthly_income=1900.0,
        persons=2,
        home_commune="21166",
    )
    typed = replace(
        typed,
        applicant=replace(
            typed.applicant, email="h.l@example.net", phone="06 11 22 33 44", address="1 place"
        ),
    )
    forum_ref = records.save_request(laptop, ADVISOR, typed).ref
    out = tmp_path / "forum.hmpkg"
    merge.export_package(laptop, ADVISOR, out, PASS)
    merge.import_package(office, ADVISOR, out, PASS)
    rng = random.Random(13)
    for _ in range(12):  # a dozen subsets of the fields a link may take
        fields = rng.sample(LINKABLE, rng.randint(1, len(LINKABLE)))
        linked = merge.link(office, ADVISOR, before.ref, forum_ref, fields)
        assert set(linked.linked_fields) == set(fields)
        merge.unlink(office, ADVISOR, before.ref, forum_ref)
        assert office.requests.get(before.ref) == before, fields
    _verify_green(office)


def test_an_access_request_lists_what_the_forum_recorded(office, laptop, tmp_path):
    from housingmatch.services import personal_data

    before, forum_ref = _office_and_forum_pair(office, laptop, tmp_path)
    merge.link(office, ADVISOR, before.ref, forum_ref)
    data = personal_data.person_data(office, SUPERVISOR, before.ref)
    [entry] = data["saisies_forum"]
    assert entry["reference_forum"] == forum_ref and entry["action"] == "create"
    assert entry["appareil"] == identity.device_id(laptop, ADVISOR)
    assert entry["valeurs"]["revenus_mensuels"] == 1900.0
