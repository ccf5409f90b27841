"""The accounts table: failed attempts, the lock, and audited changes without secrets."""

from datetime import UTC, datetime, timedelta

import pytest

from housingmatch.domain.session import Role

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
HASH = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"


@pytest.fixture
def lea(fresh_store):
    return fresh_store.accounts.add("lea", "Léa", Role.CONSEILLER, HASH, "direction")


def test_the_lock_falls_at_the_last_allowed_failure_and_resets_the_count(fresh_store, lea):
    until = T0 + timedelta(minutes=15)
    assert [fresh_store.accounts.record_failure("lea", 3, until) for _ in range(3)] == [
        False,
        False,
        True,
    ]
    account = fresh_store.accounts.get("lea")
    assert account.locked_until == until and account.failed_attempts == 0
    assert account.locked_at(T0) and not account.locked_at(until)


def test_a_new_password_lifts_the_lock(fresh_store, lea):
    fresh_store.accounts.record_failure("lea", 1, T0 + timedelta(minutes=15))
    fresh_store.accounts.set_password("lea", HASH.replace("aGFzaGhhc2g", "bm91dmVhdQ"), "direction")
    assert fresh_store.accounts.get("lea").locked_until is None


def test_changes_are_audited_without_the_hash(fresh_store, lea):
    fresh_store.accounts.set_active("lea", False, "direction")
    entries = fresh_store.audit.entries("compte", "lea")
    assert [(e.action, e.actor) for e in entries] == [
        ("create", "direction"),
        ("disable", "direction"),
    ]
    assert "argon2" not in repr([e.details for e in entries])


def test_an_unknown_role_is_refused_by_the_schema(fresh_store):
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError):
        fresh_store.db.execute(
            "INSERT INTO accounts (name, role, password_hash, created_at, updated_at) "
            "VALUES ('x', 'chef', 'h', 'now', 'now')"
        )
