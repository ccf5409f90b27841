"""Accounts: Argon2id hashes, sign-in, lockout and administration by administrators only."""

from datetime import UTC, datetime, timedelta

import pytest

from housingmatch.domain.session import Role, Session
from housingmatch.errors import UserError
from housingmatch.rules.permissions import PermissionDenied
from housingmatch.services import accounts
from housingmatch.services.accounts import (
    LOCK_DURATION,
    MAX_FAILED_ATTEMPTS,
    AccountLocked,
    AuthenticationFailed,
    authenticate,
)
from tests.builders import ADVISOR, SUPERVISOR

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def admin(fresh_store):
    """The first administrator of a fresh store."""
    return accounts.create_first_administrator(fresh_store, "direction", "s3cret-admin", "Nadia")


def test_the_first_administrator_signs_in_with_the_role_and_name(fresh_store, admin) -> None:
    session = authenticate(fresh_store, "direction", "s3cret-admin")
    assert (session.user, session.role, session.display_name) == (
        "direction",
        Role.ADMINISTRATEUR,
        "Nadia",
    )
    assert session.authenticated
    assert accounts.has_accounts(fresh_store)


def test_the_password_is_stored_only_as_an_argon2id_hash(fresh_store, admin) -> None:
    accounts.add_account(fresh_store, admin, "lea", Role.CONSEILLER, "mot-de-passe-lea")
    stored = fresh_store.accounts.get("lea").password_hash
    assert stored.startswith("$argon2id$")
    dump = "\n".join(fresh_store.db.conn.iterdump())
    assert "mot-de-passe-lea" not in dump
    assert "s3cret-admin" not in dump


@pytest.mark.real_argon2
def test_production_hashes_are_argon2id_with_64_mib(fresh_store) -> None:
    accounts.create_first_administrator(fresh_store, "direction", "s3cret-admin")
    stored = fresh_store.accounts.get("direction").password_hash
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert authenticate(fresh_store, "direction", "s3cret-admin").user == "direction"


def test_a_wrong_password_and_an_unknown_name_say_the_same(fresh_store, admin) -> None:
    with pytest.raises(AuthenticationFailed) as wrong:
        authenticate(fresh_store, "direction", "pas-le-bon")
    with pytest.raises(AuthenticationFailed) as unknown:
        authenticate(fresh_store, "personne", "pas-le-bon")
    assert str(wrong.value) == str(unknown.value) == accounts.WRONG_CREDENTIALS


def test_five_failures_lock_the_account_even_for_the_right_password(fresh_store, admin) -> None:
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthenticationFailed) as failed:
            authenticate(fresh_store, "direction", "faux-mot", now=T0)
        assert not isinstance(failed.value, AccountLocked)
    with pytest.raises(AccountLocked) as locked:
        authenticate(fresh_store, "direction", "faux-mot", now=T0)
    assert "verrouillé" in str(locked.value)
    assert locked.value.until == T0 + LOCK_DURATION
    with pytest.raises(AccountLocked):
        authenticate(fresh_store, "direction", "s3cret-admin", now=T0 + LOCK_DURATION / 2)
    later = T0 + LOCK_DURATION + timedelta(seconds=1)
    assert authenticate(fresh_store, "direction", "s3cret-admin", now=later).user == "direction"
    lock = [e for e in fresh_store.audit.entries("compte") if e.action == "lock"]
    assert [(e.actor, e.entity_ref) for e in lock] == [("système", "direction")]


def test_a_good_password_clears_earlier_failures(fresh_store, admin) -> None:
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthenticationFailed):
            authenticate(fresh_store, "direction", "faux-mot", now=T0)
    authenticate(fresh_store, "direction", "s3cret-admin", now=T0)
    with pytest.raises(AuthenticationFailed) as failed:
        authenticate(fresh_store, "direction", "faux-mot", now=T0)
    assert not isinstance(failed.value, AccountLocked)


def test_a_reset_password_lifts_the_lock(fresh_store, admin) -> None:
    accounts.add_account(fresh_store, admin, "lea", Role.CONSEILLER, "mot-de-passe-lea")
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(AuthenticationFailed):
            authenticate(fresh_store, "lea", "faux-mot")
    assert accounts.list_accounts(fresh_store, admin)[1].state == "verrouillé"
    accounts.reset_password(fresh_store, admin, "lea", "nouveau-secret")
    assert authenticate(fresh_store, "lea", "nouveau-secret").role == Role.CONSEILLER


def test_a_disabled_account_cannot_sign_in(fresh_store, admin) -> None:
    accounts.add_account(fresh_store, admin, "lea", Role.CONSEILLER, "mot-de-passe-lea")
    accounts.disable_account(fresh_store, admin, "lea")
    with pytest.raises(AuthenticationFailed, match="désactivé"):
        authenticate(fresh_store, "lea", "mot-de-passe-lea")
    accounts.enable_account(fresh_store, admin, "lea")
    assert authenticate(fresh_store, "lea", "mot-de-passe-lea").user == "lea"


def test_account_changes_are_audited_under_the_administrator(fresh_store, admin) -> None:
    accounts.add_account(fresh_store, admin, "lea", Role.CONSEILLER, "mot-de-passe-lea", "Léa")
    accounts.reset_password(fresh_store, admin, "lea", "nouveau-secret")
    accounts.disable_account(fresh_store, admin, "lea")
    entries = [e for e in fresh_store.audit.entries("compte") if e.entity_ref == "lea"]
    assert [(e.action, e.actor) for e in entries] == [
        ("create", "direction"),
        ("password_reset", "direction"),
        ("disable", "direction"),
    ]
    assert "secret" not in repr([e.details for e in entries])


@pytest.mark.parametrize("who", [ADVISOR, SUPERVISOR], ids=lambda s: s.role.value)
def test_only_an_administrator_manages_accounts(fresh_store, admin, who) -> None:
    with pytest.raises(PermissionDenied):
        accounts.add_account(fresh_store, who, "lea", Role.CONSEILLER, "mot-de-passe-lea")
    with pytest.raises(PermissionDenied):
        accounts.list_accounts(fresh_store, who)
    with pytest.raises(PermissionDenied):
        accounts.disable_account(fresh_store, who, "direction")
    with pytest.raises(PermissionDenied):
        accounts.reset_password(fresh_store, who, "direction", "autre-secret")


def test_a_person_may_change_their_own_password(fresh_store, admin) -> None:
    accounts.add_account(fresh_store, admin, "lea", Role.CONSEILLER, "mot-de-passe-lea")
    lea = authenticate(fresh_store, "lea", "mot-de-passe-lea")
    accounts.reset_password(fresh_store, lea, "lea", "mon-nouveau-secret")
    assert authenticate(fresh_store, "lea", "mon-nouveau-secret").user == "lea"


def test_the_last_active_administrator_cannot_be_disabled(fresh_store, admin) -> None:
    with pytest.raises(UserError, match="dernier administrateur"):
        accounts.disable_account(fresh_store, admin, "direction")


@pytest.mark.parametrize(
    ("name", "password", "message"),
    [
        ("lea", "court", "au moins 8"),
        ("Léa Martin", "mot-de-passe-lea", "Nom de compte invalide"),
        ("direction", "mot-de-passe-lea", "existe déjà"),
    ],
)
def test_bad_accounts_are_refused_in_french(fresh_store, admin, name, password, message) -> None:
    with pytest.raises(UserError, match=message):
        accounts.add_account(fresh_store, admin, name, Role.CONSEILLER, password)


def test_a_second_first_administrator_is_refused(fresh_store, admin) -> None:
    with pytest.raises(UserError, match="déjà des comptes"):
        accounts.create_first_administrator(fresh_store, "autre", "autre-secret")


def test_roles_are_read_from_their_french_names() -> None:
    assert accounts.parse_role("Superviseur") == Role.SUPERVISEUR
    with pytest.raises(UserError, match="Rôle inconnu"):
        accounts.parse_role("chef")


def test_a_password_reset_retires_the_signing_key_and_old_checkpoints_still_verify(fresh_store):
    from housingmatch.services import audit

    admin = accounts.create_first_administrator(fresh_store, "admin", "s3cret-admin")
    accounts.add_account(fresh_store, admin, "sam", Role.SUPERVISEUR, "secret-sam-1")
    sam = Session("sam", Role.SUPERVISEUR)
    first = audit.create_checkpoint(fresh_store, sam, "secret-sam-1")
    assert fresh_store.checkpoints.signing_key("sam") is not None
    accounts.reset_password(fresh_store, admin, "sam", "secret-sam-2")
    # The old key cannot be opened with the new password: it is retired (audited) ...
    assert fresh_store.checkpoints.signing_key("sam") is None
    assert "signing_key_retired" in [e.action for e in fresh_store.audit.entries()]
    # ... the first checkpoint still verifies, and the next one gets a new key.
    assert audit.verify_database(fresh_store, sam, first).ok
    audit.create_checkpoint(fresh_store, sam, "secret-sam-2")
    assert fresh_store.checkpoints.signing_key("sam") is not None
