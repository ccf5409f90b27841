import sqlite3

import pytest

from housingmatch.store import PendingEntry
from tests.builders import make_request


def test_chain_verifies_when_untouched(fresh_store):
    fresh_store.requests.save(make_request("A"), "test")
    fresh_store.requests.save(make_request("B"), "test")
    assert len(fresh_store.audit.entries(entity="demande")) == 2
    assert fresh_store.audit.verify() == []


def test_audit_log_refuses_update_and_delete(fresh_store):
    fresh_store.requests.save(make_request(), "test")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        fresh_store.db.execute("UPDATE audit_log SET actor = 'mallory'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        fresh_store.db.execute("DELETE FROM audit_log")


def test_tampering_is_detected(db_path):
    from housingmatch.store import Store

    store = Store.open(db_path)
    store.audit.append("alice", [PendingEntry("create", "demande", "A", {"x": 1})])
    store.audit.append("alice", [PendingEntry("create", "demande", "B", {"x": 2})])
    # Someone with the file drops the trigger and edits history.
    store.db.execute("DROP TRIGGER audit_log_no_update")
    store.db.execute("UPDATE audit_log SET details = '{\"x\":9}' WHERE entity_ref = 'A'")
    problems = store.audit.verify()
    store.close()
    assert problems and "modifié" in problems[0]
