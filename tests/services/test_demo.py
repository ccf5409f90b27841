"""Demonstration accounts: one per role, documented, created once."""

import pytest

from housingmatch.rules.permissions import PermissionDenied
from housingmatch.services import accounts
from housingmatch.services.demo import DEMO_ACCOUNTS, create_demo_accounts, demo_session
from tests.builders import SUPERVISOR


def test_each_demo_account_signs_in_with_its_documented_password(fresh_store) -> None:
    made = create_demo_accounts(fresh_store)
    assert {a.role for a in made} == {a.role for a in DEMO_ACCOUNTS} and len(made) == 3
    for account in DEMO_ACCOUNTS:
        session = accounts.authenticate(fresh_store, account.name, account.password)
        assert (session.user, session.role) == (account.name, account.role)
    assert demo_session(fresh_store).user == "conseil"  # the author of the generated data


def test_a_second_call_adds_nothing_and_needs_an_administrator(fresh_store) -> None:
    create_demo_accounts(fresh_store)
    with pytest.raises(PermissionDenied):
        create_demo_accounts(fresh_store, SUPERVISOR)
    admin = accounts.authenticate(fresh_store, "admin", "demo-admin")
    assert create_demo_accounts(fresh_store, admin) == []
    assert fresh_store.accounts.count() == 3
