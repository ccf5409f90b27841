"""Retention: closed or lapsed requests are anonymised after the rule set's period."""

import subprocess
from datetime import date
from pathlib import Path

import pytest

from housingmatch.domain.model import Applicant, RequestStatus
from housingmatch.domain.session import Role, Session
from housingmatch.rules.dates import add_months
from housingmatch.rules.groups import priority_groups
from housingmatch.rules.permissions import PermissionDenied
from housingmatch.rules.ruleset import default_ruleset
from housingmatch.services import audit, local_session, records, retention
from housingmatch.store import Store
from tests.builders import SUPERVISOR, make_request

ADVISOR = Session("conseiller1", Role.CONSEILLER)
ADMIN = Session("admin", Role.ADMINISTRATEUR)


def _strings(path: Path) -> str:
    """What `strings` shows of a file (and of its WAL when there is one)."""
    out = []
    for p in (path, path.with_name(path.name + "-wal")):
        if p.exists():
            out.append(subprocess.run(["strings", str(p)], capture_output=True, text=True).stdout)
    return "\n".join(out)


@pytest.fixture
def store(db_path):
    with Store.open(db_path) as s:
        s.requests.save(
            make_request(
                "DEM-OLD",
                applicant=Applicant(
                    "Zyxwvutske",
                    "Quentinelle",
                    date(1999, 8, 17),
                    email="quentinelle.zyxwvutske@example.org",
                    phone="0611223344",
                ),
                filing_date=date(2024, 1, 10),
            ),
            "alice",
        )
        s.requests.save(
            make_request("DEM-NEW", last_name="Plumerotte", filing_date=date(2026, 3, 1)),
            "alice",
        )
        yield s


def test_a_request_lapses_a_year_after_filing_and_is_anonymised_a_year_later():
    rules = default_ruleset().retention
    request = make_request(filing_date=date(2025, 2, 10))
    assert retention.lapse_date(request, rules) == date(2026, 2, 10)
    due = retention.due_date(request, rules)
    assert (due.reason, due.due) == ("caduque", date(2027, 2, 10))


def test_a_closed_request_is_due_a_year_after_closing():
    request = make_request(
        status=RequestStatus.CLOSE, closed_on=date(2026, 5, 31), close_reason="relogé"
    )
    due = retention.due_date(request, default_ruleset().retention)
    assert (due.reason, due.since, due.due) == ("close", date(2026, 5, 31), date(2027, 5, 31))


def test_add_months_clamps_to_the_end_of_the_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 30), 14) == date(2028, 1, 30)


def test_anonymisation_removes_the_person_and_keeps_verify_green(store):
    store.purge_freed_pages()
    assert "Zyxwvutske" in _strings(store.path)  # the check below can fail
    report = retention.apply_retention(store, local_session(), date(2026, 2, 1))
    assert report.anonymised == ["DEM-OLD"]
    assert report.file_purged
    anon = store.requests.get("DEM-OLD")
    assert anon.applicant.last_name == retention.ANONYMOUS_NAME
    assert anon.applicant.email is None and anon.applicant.phone is None
    assert not store.audit.keys.exists("DEM-OLD")
    # The chain still verifies (its hashes cover the ciphertext) and the rebuild knows it.
    assert audit.verify_database(store, local_session()).ok
    text = _strings(store.path)
    for secret in ("Zyxwvutske", "Quentinelle", "0611223344", "zyxwvutske@example"):
        assert secret not in text, secret
    assert "Plumerotte" in text  # the other person is untouched


def test_anonymisation_keeps_what_statistics_read(store):
    before = store.requests.get("DEM-OLD")
    rules = default_ruleset()
    lapse = retention.lapse_date(before, rules.retention)
    retention.apply_retention(store, local_session(), date(2026, 2, 1))
    after = store.requests.get("DEM-OLD")
    assert after.status == before.status
    assert after.filing_date == before.filing_date
    assert after.household.persons == before.household.persons
    assert after.wishes == before.wishes
    assert after.employer == before.employer
    assert after.housing.commune == before.housing.commune
    assert priority_groups(after, lapse, rules.groups) == priority_groups(
        before, lapse, rules.groups
    )
    assert after.applicant.birth_date.year == 1999
    assert store.requests.count() == 2


def test_a_request_not_yet_due_is_kept(store):
    report = retention.apply_retention(store, local_session(), date(2025, 12, 1))
    assert report.anonymised == []
    assert store.requests.get("DEM-OLD").applicant.last_name == "Zyxwvutske"


def test_retention_is_applied_once(store):
    retention.apply_retention(store, local_session(), date(2026, 2, 1))
    again = retention.apply_retention(store, local_session(), date(2026, 2, 1))
    assert again.anonymised == [] and again.already_anonymised == 1


def test_the_history_of_an_anonymised_person_is_unreadable(store):
    records.close_request(store, SUPERVISOR, "DEM-NEW", "relogée", on=date(2026, 4, 1))
    retention.apply_retention(store, local_session(), date(2027, 4, 1))
    entries = store.audit.entries(entity_ref="DEM-NEW")
    assert [e.action for e in entries] == ["create", "update", "anonymise"]
    assert all("after" not in e.details for e in entries[:-1])
    assert entries[-1].details["after"]["nom"] == retention.ANONYMOUS_NAME


def test_an_advisor_cannot_apply_retention(store):
    with pytest.raises(PermissionDenied):
        retention.apply_retention(store, ADVISOR, date(2026, 2, 1))
    assert retention.apply_retention_at_start(store, ADVISOR) is None
    assert retention.apply_retention(store, ADMIN, date(2026, 2, 1)).anonymised == ["DEM-OLD"]
