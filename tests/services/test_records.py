from dataclasses import replace
from datetime import date

import pytest

from housingmatch.domain.model import Household, RequestStatus
from housingmatch.errors import UserError
from housingmatch.services import records
from housingmatch.services.facts import request_facts
from tests.builders import SUPERVISOR, make_request, make_unit

ON = date(2026, 11, 29)


def test_save_refuses_an_incoherent_request_and_writes_nothing(fresh_store):
    bad = make_request(household=Household(persons=1, fiscal_income=1, dependants=1))
    with pytest.raises(records.ValidationFailed) as failure:
        records.save_request(fresh_store, SUPERVISOR, bad, ON)
    assert failure.value.problems[0].field == "nb_personnes_a_charge"
    assert "Enregistrement refusé" in str(failure.value)
    assert fresh_store.requests.count() == 0 and fresh_store.audit.entries(entity="demande") == []


def test_close_and_reopen_are_audited(fresh_store):
    records.save_request(fresh_store, SUPERVISOR, make_request(), ON)
    with pytest.raises(UserError, match="motif"):
        records.close_request(fresh_store, SUPERVISOR, "DEM-0001", " ")
    closed = records.close_request(fresh_store, SUPERVISOR, "DEM-0001", "Relogé par ailleurs", ON)
    assert closed.status == RequestStatus.CLOSE and closed.closed_on == ON
    with pytest.raises(UserError, match="déjà close"):
        records.close_request(fresh_store, SUPERVISOR, "DEM-0001", "x")
    assert (
        records.reopen_request(fresh_store, SUPERVISOR, "DEM-0001").status == RequestStatus.ACTIVE
    )
    actions = [
        e.details.get("changes", {}).get("statut")
        for e in fresh_store.audit.entries(entity="demande")
    ]
    assert actions[1:] == [["ACTIVE", "CLOSE"], ["CLOSE", "ACTIVE"]]


def test_dashboard_lists_near_deadlines_and_expiring_requests(fresh_store):
    fresh_store.units.save(make_unit("SOON", proposal_deadline=date(2026, 12, 3)), "t")
    fresh_store.units.save(make_unit("LATER", proposal_deadline=date(2026, 12, 20)), "t")
    fresh_store.requests.save(make_request("EXP", filing_date=date(2025, 12, 10)), "t")
    fresh_store.requests.save(make_request("OK", filing_date=date(2026, 6, 1)), "t")
    board = records.dashboard(fresh_store, SUPERVISOR, ON)
    assert [u.ref for u in board.units_due_soon] == ["SOON"]
    assert [(s.ref, end) for s, end in board.requests_expiring] == [("EXP", date(2026, 12, 10))]
    assert (board.requests_total, board.units_open) == (2, 2)


def test_facts_show_category_ceilings_groups_and_warnings(fresh_store):
    young = make_request(applicant=replace(make_request().applicant, birth_date=date(2000, 1, 1)))
    facts = request_facts(fresh_store, SUPERVISOR, young, ON)
    assert facts.category.category == 1
    assert "JEUNE" in facts.groups
    by_financing = {f.financing.value: f for f in facts.financings}
    assert by_financing["PLUS"].ceiling == 23403 and by_financing["PLUS"].eligible
    # 2026 PLAI ceilings are not published in the table: last known year, with a warning.
    assert by_financing["PLAI"].year_used == 2025
    assert "2025" in by_financing["PLAI"].warning
    assert facts.expiry == date(2027, 1, 15) and facts.seniority_months == 10


def test_a_new_record_cannot_take_an_existing_reference(fresh_store):
    records.save_request(fresh_store, SUPERVISOR, make_request(), ON)
    with pytest.raises(records.ValidationFailed) as failure:
        records.save_request(fresh_store, SUPERVISOR, make_request(fiscal_income=1.0), ON)
    assert failure.value.problems[0].field == "ref_demande"
    assert "porte déjà la référence" in failure.value.problems[0].message
    assert fresh_store.requests.get("DEM-0001").household.fiscal_income == 18000
    records.save_unit(fresh_store, SUPERVISOR, make_unit())
    with pytest.raises(records.ValidationFailed, match="Un logement porte déjà"):
        records.save_unit(fresh_store, SUPERVISOR, make_unit(rent=1.0))


def test_an_edited_record_keeps_its_reference(fresh_store):
    records.save_request(fresh_store, SUPERVISOR, make_request(), ON)
    with pytest.raises(records.ValidationFailed, match="ne peut pas être modifiée"):
        records.save_request(
            fresh_store,
            SUPERVISOR,
            make_request("DEM-0002"),
            ON,
            original_ref="DEM-0001",
        )
    saved = records.save_request(
        fresh_store, SUPERVISOR, make_request(dalo=True), ON, original_ref="DEM-0001"
    )
    assert saved.dalo and fresh_store.requests.count() == 1


def test_lapsed_requests_are_counted_expired_in_the_dashboard_and_the_status_bar(fresh_store):
    fresh_store.requests.save(make_request("OLD", filing_date=date(2025, 1, 10)), "t")
    fresh_store.requests.save(make_request("OK", filing_date=date(2026, 6, 1)), "t")
    fresh_store.requests.save(
        make_request("SHUT", filing_date=date(2025, 1, 10), status=RequestStatus.CLOSE), "t"
    )
    board = records.dashboard(fresh_store, SUPERVISOR, ON)
    assert (board.requests_total, board.requests_active, board.requests_expired) == (3, 1, 1)
    counts = records.request_counts(fresh_store, SUPERVISOR, ON)
    assert counts == records.status_counts(records.request_summaries(fresh_store, SUPERVISOR), ON)
    assert counts[records.DayStatus.EXPIREE] == 1 and counts[records.DayStatus.CLOSE] == 1
