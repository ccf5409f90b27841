"""The forum's quick intake: saved as incomplète, not ranked, completed at the office."""

from dataclasses import replace
from datetime import date

import pytest

from housingmatch.cli import main
from housingmatch.domain.model import SituationLogement, TypeContrat
from housingmatch.matching.results import EXCLUSION_LABELS, Exclusion
from housingmatch.rules.dates import DayStatus
from housingmatch.services import forum, local_session, matching, records
from housingmatch.store import Store
from tests.builders import DIJON, make_request, make_unit

TODAY = date.today()


def intake(**overrides: object) -> forum.Intake:
    values: dict[str, object] = {
        "last_name": "Dupré",
        "first_name": "Léa",
        "birth_date": date(1999, 4, 12),
        "employer": "Brasserie du Lac",
        "work_commune": "dijon",
        "persons": 2,
        "income_band": forum.IncomeBand.DE_1500_A_2500,
        "housing_situation": SituationLogement.HEBERGE_FAMILLE,
        "contract": TypeContrat.CDI,
        "email": "lea.dupre@example.org",
        "wished_communes": ("Chenôve", "dijon"),
        "typology_min": 2,
        "typology_max": 3,
        "on": TODAY,
    }
    values.update(overrides)
    return forum.Intake(**values)  # type: ignore[arg-type]


def test_an_intake_is_saved_as_incomplete(fresh_store: Store):
    ref = forum.save_intake(fresh_store, local_session(), intake())
    saved = fresh_store.requests.get(ref)
    assert saved is not None
    assert saved.to_complete == ("revenu_fiscal_reference", "commune_residence")
    assert saved.workplace.commune == DIJON and saved.wishes.communes == ("21166", DIJON)
    assert saved.household.monthly_income == 2000.0
    summary = records.request_summary(fresh_store, local_session(), ref)
    assert summary is not None and records.summary_status_label(summary, TODAY) == "Incomplète"
    counts = records.request_counts(fresh_store, local_session(), TODAY)
    assert counts[DayStatus.INCOMPLETE] == 1 and counts[DayStatus.ACTIVE] == 0
    # The audit keeps the state in its values (verify rebuilds it: fresh_store's teardown).
    entry = fresh_store.audit.entries(entity="demande")[-1]
    assert entry.details["after"]["a_completer"] == "revenu_fiscal_reference|commune_residence"


def test_typed_dates_and_amounts_are_read(fresh_store: Store):
    ref = forum.save_intake(
        fresh_store,
        local_session(),
        intake(birth_date="12041999", max_rent="650 €", work_commune="Dijon (21231)"),
    )
    saved = fresh_store.requests.get(ref)
    assert saved is not None
    assert saved.applicant.birth_date == date(1999, 4, 12) and saved.wishes.max_rent == 650.0


def test_an_intake_corrected_right_away_keeps_its_reference(fresh_store: Store):
    ref = forum.save_intake(fresh_store, local_session(), intake())
    again = forum.save_intake(fresh_store, local_session(), intake(persons=3), ref=ref)
    assert again == ref and fresh_store.requests.count() == 1
    saved = fresh_store.requests.get(ref)
    assert saved is not None and saved.household.persons == 3


def test_references_follow_each_other(fresh_store: Store):
    first = forum.save_intake(fresh_store, local_session(), intake())
    second = forum.save_intake(fresh_store, local_session(), intake(last_name="Martin"))
    assert first != second and fresh_store.requests.count() == 2


@pytest.mark.parametrize(
    ("birth", "message"),
    [
        (None, "La date de naissance est obligatoire."),
        (date(2015, 3, 1), "au moins 16 ans"),
        (date(1850, 3, 1), "La date de naissance n'est pas plausible."),
        ("31/02/1990", "La date de naissance « 31/02/1990 » n'est pas une date"),
    ],
)
def test_a_bad_birth_date_is_refused_in_french_and_nothing_is_saved(
    fresh_store: Store, birth, message
):
    with pytest.raises(forum.IntakeRefused, match=message) as caught:
        forum.save_intake(fresh_store, local_session(), intake(birth_date=birth))
    assert [p.field for p in caught.value.problems] == ["date_naissance"]
    assert fresh_store.requests.count() == 0
    assert fresh_store.audit.entries(entity="demande") == []


def test_an_unknown_commune_names_the_field(fresh_store: Store):
    with pytest.raises(forum.IntakeRefused, match="Zzyzx") as caught:
        forum.save_intake(fresh_store, local_session(), intake(work_commune="Zzyzx-sur-Mer"))
    assert "commune_travail" in [p.field for p in caught.value.problems]
    assert fresh_store.requests.count() == 0


def test_an_incomplete_request_is_not_ranked_and_says_what_is_missing(fresh_store: Store):
    session = local_session()
    fresh_store.units.save(make_unit("LOG-1", commune=DIJON, typology=2), "test")
    fresh_store.requests.save(make_request("DEM-OK", filing_date=date(2026, 1, 15)), "test")
    ref = forum.save_intake(fresh_store, session, intake())
    ranking = matching.rank_unit(fresh_store, session, "LOG-1", TODAY)
    assert ref not in [c.ref for c in ranking.ranked]
    excluded = ranking.exclusion(ref)
    assert excluded is not None and Exclusion.REQUEST_INCOMPLETE in excluded.codes
    assert Exclusion.REQUEST_NOT_ACTIVE not in excluded.codes
    label = EXCLUSION_LABELS[Exclusion.REQUEST_INCOMPLETE]
    assert "revenu fiscal de référence" in label and "commune de résidence" in label


def test_completion_at_the_office_clears_the_status(fresh_store: Store):
    session = local_session()
    fresh_store.units.save(make_unit("LOG-1", commune=DIJON, typology=2), "test")
    ref = forum.save_intake(fresh_store, session, intake())
    saved = fresh_store.requests.get(ref)
    assert saved is not None
    with pytest.raises(records.ValidationFailed, match="commune de résidence"):
        records.save_request(fresh_store, session, saved, original_ref=ref)
    assert fresh_store.requests.get(ref) == saved
    done = replace(
        saved,
        household=replace(saved.household, fiscal_income=21_000.0),
        housing=replace(saved.housing, commune="21166"),
    )
    records.save_request(fresh_store, session, done, original_ref=ref)
    completed = fresh_store.requests.get(ref)
    assert completed is not None and completed.to_complete == ()
    summary = records.request_summary(fresh_store, session, ref)
    assert summary is not None and records.summary_status_label(summary, TODAY) == "Active"
    ranking = matching.rank_unit(fresh_store, session, "LOG-1", TODAY)
    assert ref in [c.ref for c in ranking.ranked]
    entry = fresh_store.audit.entries(entity="demande")[-1]
    assert entry.details["changes"]["a_completer"] == [
        "revenu_fiscal_reference|commune_residence",
        None,
    ]


def test_show_says_incomplete(db_path, capsys):
    store = Store.open(db_path)
    ref = forum.save_intake(store, local_session(), intake())
    store.close()
    assert main(["--db", str(db_path), "show", "demande", ref]) == 0
    out = capsys.readouterr().out
    assert "Incomplète" in out
    assert "revenu fiscal de référence, commune de résidence" in out


def test_an_intake_reaches_the_office_still_incomplete(tmp_path, monkeypatch):
    """Through the forum package (template cells, the import's validation)."""
    from housingmatch.exchange import package
    from housingmatch.services import identity, merge
    from tests.builders import ADVISOR

    monkeypatch.setattr(package, "SCRYPT_N", 2**10)
    with Store.open(tmp_path / "portable.sqlite") as laptop:
        identity.mark_forum_device(laptop, ADVISOR)
        ref = forum.save_intake(laptop, ADVISOR, intake())
        assert ref.startswith("F-")
        merge.export_package(laptop, ADVISOR, tmp_path / "forum.hmpkg", "phrase du forum")
    with Store.open(tmp_path / "bureau.sqlite") as office:
        plan = merge.import_package(office, ADVISOR, tmp_path / "forum.hmpkg", "phrase du forum")
        assert plan.refused == () and len(plan.new_requests) == 1
        arrived = office.requests.get(plan.new_requests[0].office_ref)
        assert arrived is not None
        assert arrived.to_complete == ("revenu_fiscal_reference", "commune_residence")


def test_linking_an_incomplete_intake_keeps_the_office_income_and_home(tmp_path, monkeypatch):
    """The intake's placeholders (no income, no home) never replace what the office knows."""
    from housingmatch.errors import UserError
    from housingmatch.exchange import package
    from housingmatch.services import identity, merge
    from tests.builders import ADVISOR

    monkeypatch.setattr(package, "SCRYPT_N", 2**10)
    with Store.open(tmp_path / "portable.sqlite") as laptop:
        identity.mark_forum_device(laptop, ADVISOR)
        forum_ref = forum.save_intake(laptop, ADVISOR, intake(persons=3))
        merge.export_package(laptop, ADVISOR, tmp_path / "forum.hmpkg", "phrase du forum")
    with Store.open(tmp_path / "bureau.sqlite") as office:
        known = make_request(
            "DEM-2026-000001",
            last_name="Dupré",
            first_name="Léa",
            birth_date=date(1999, 4, 12),
            fiscal_income=24000.0,
            persons=2,
        )
        office.requests.save(
            replace(known, employer=replace(known.employer, name="Brasserie du Lac")), "t"
        )
        plan = merge.import_package(office, ADVISOR, tmp_path / "forum.hmpkg", "phrase du forum")
        assert [p.office_ref for p in plan.duplicates] == ["DEM-2026-000001"]
        with pytest.raises(UserError, match="revenu_fiscal_reference"):
            merge.link(office, ADVISOR, "DEM-2026-000001", forum_ref, ["revenu_fiscal_reference"])
        merge.link(office, ADVISOR, "DEM-2026-000001", forum_ref)
        after = office.requests.get("DEM-2026-000001")
        assert after is not None
        assert after.household.fiscal_income == 24000.0 and after.to_complete == ()
        assert after.housing.commune == known.housing.commune
        assert after.household.persons == 3  # what the forum did learn is taken
