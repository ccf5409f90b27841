from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from housingmatch.domain.model import Household, Motif, PrioriteL441, RequestStatus, Wishes
from tests.builders import CHENOVE, DIJON, make_request, make_unit


def test_request_round_trips_with_every_field(fresh_store):
    request = make_request(
        tie_breaker=7,
        unique_number="0212601000001AL",
        renewal_date=date(2026, 6, 1),
        motifs=(Motif.TROP_CHER, Motif.TROP_PETIT),
        l441=(PrioriteL441.HANDICAP,),
        dalo=True,
        household=Household(
            persons=3,
            fiscal_income=30000.5,
            dependants=1,
            partner_birth_date=date(1991, 1, 1),
            disability=True,
            monthly_income=2500,
        ),
        wishes=Wishes((CHENOVE, DIJON), 2, 4, 700, True, True),
    )
    stored = fresh_store.requests.save(request, "test")
    assert stored.uuid  # a new record gets its identity where it is born
    assert replace(stored, id=None, uuid=None) == request
    assert fresh_store.requests.all() == [stored]


def test_saving_twice_the_same_request_writes_one_creation(fresh_store):
    fresh_store.requests.save_many([make_request()], "test", "essai")
    outcome = fresh_store.requests.save_many([make_request()], "test", "essai")
    assert outcome.unchanged == ["DEM-0001"]
    assert [e.action for e in fresh_store.audit.entries(entity="demande")] == ["create"]


def test_a_change_is_audited_field_by_field(fresh_store):
    fresh_store.requests.save(make_request(), "alice")
    changed = make_request(fiscal_income=19500)
    outcome = fresh_store.requests.save_many([changed], "bob", "import x.csv")
    assert outcome.updated == ["DEM-0001"]
    last = fresh_store.audit.entries(entity_ref="DEM-0001")[-1]
    assert last.actor == "bob"
    assert last.details["changes"] == {"revenu_fiscal_reference": [18000.0, 19500]}


def test_import_update_keeps_the_request_life_cycle(fresh_store):
    fresh_store.requests.save(
        make_request(status=RequestStatus.CLOSE, closed_on=date(2026, 3, 1), close_reason="Relogé"),
        "test",
    )
    fresh_store.requests.save_many([make_request()], "test", "import", preserve_state=True)
    assert fresh_store.requests.get("DEM-0001").status == RequestStatus.CLOSE


def test_tie_breaker_is_drawn_once_and_kept(fresh_store):
    stored = fresh_store.requests.save(make_request(tie_breaker=None), "test")
    assert stored.tie_breaker is not None
    again = fresh_store.requests.save(replace(stored, tie_breaker=None), "test")
    assert again.tie_breaker == stored.tie_breaker


def test_summaries_give_list_columns(fresh_store):
    fresh_store.requests.save(make_request(l441=(PrioriteL441.SANS_LOGEMENT,)), "test")
    (summary,) = fresh_store.requests.summaries()
    assert summary.ref == "DEM-0001"
    assert summary.employer == "Exemple Industrie"
    assert summary.l441 is True
    assert "exemple camille" in summary.search_key


def test_employers_are_shared_by_folded_name(fresh_store):
    one = make_request("A")
    two = make_request("B", employer=replace(one.employer, name="EXEMPLE industrie"))
    fresh_store.requests.save_many([one, two], "test", "essai")
    assert len(fresh_store.requests.employers()) == 1


def test_units_round_trip_and_audit(fresh_store):
    unit = make_unit(qpv="Grésilles", floor=3, lift=True, available_on=date(2026, 12, 1))
    stored = fresh_store.units.save(unit, "test")
    assert stored.uuid
    assert replace(stored, id=None, uuid=None) == unit
    fresh_store.units.save_many([replace(unit, rent=360.0)], "test", "import")
    last = fresh_store.audit.entries(entity="logement")[-1]
    assert last.details["changes"] == {"loyer_hors_charges": [350.0, 360.0]}


@given(
    parts=st.lists(
        st.text(alphabet=st.sampled_from("aZé É-'’ .,0ßİ\u0301ŒœÀç"), max_size=8),
        min_size=5,
        max_size=5,
    )
)
def test_the_search_key_folds_like_the_whole_text(parts):
    from housingmatch.domain.text import fold
    from housingmatch.store.requests import search_key
    from tests.builders import make_request

    last, first, ref, number, employer = parts
    request = make_request()
    request = replace(
        request,
        ref=ref,
        unique_number=number or None,
        applicant=replace(request.applicant, last_name=last, first_name=first),
        employer=replace(request.employer, name=employer),
    )
    assert search_key(request) == fold(" ".join([last, first, ref, number, employer]))
