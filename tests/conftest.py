"""Fixtures shared by every test: stores that are checked for integrity after each test."""

from __future__ import annotations

import os
import sqlite3

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from housingmatch.domain.session import Session
from housingmatch.store import Store
from tests.builders import SUPERVISOR

DATA = Path(__file__).parent / "data"


def assert_sound(store: Store) -> None:
    """Fail if SQLite's integrity checks or the audit chain report a problem."""
    assert store.integrity_problems() == []
    assert store.audit.verify() == []
    # Every record is what the application last wrote to the log (nothing unaudited).
    from housingmatch.services.audit import record_findings

    assert [f.message for f in record_findings(store)[0]] == []


@pytest.fixture
def fresh_store() -> Iterator[Store]:
    """A migrated in-memory store, checked for integrity at teardown."""
    store = Store.memory()
    yield store
    assert_sound(store)
    store.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """The path of a database file in a temporary folder (not created)."""
    return tmp_path / "base.sqlite"


def _check_file(path: Path) -> None:
    if path.read_bytes()[:15] != b"SQLite format 3":
        return
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], path
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == [], path
    finally:
        conn.close()


@pytest.fixture(autouse=True)
def _databases_stay_sound(request: pytest.FixtureRequest) -> Iterator[None]:
    """After each test, every database file it wrote in its temporary folder is sound."""
    yield
    tmp = request.node.funcargs.get("tmp_path")
    if tmp is not None:
        for path in sorted(Path(tmp).rglob("*.sqlite")):
            _check_file(path)


@pytest.fixture
def file_store(db_path: Path) -> Iterator[Store]:
    """A migrated store in a temporary file, checked for integrity at teardown."""
    store = Store.open(db_path)
    yield store
    assert_sound(store)
    store.close()


@pytest.fixture
def data_dir() -> Path:
    """The folder of test input files."""
    return DATA


@pytest.fixture
def session() -> Session:
    """An authenticated supervisor: may do every matching and records action."""
    return SUPERVISOR


@pytest.fixture(autouse=True)
def _fast_password_hashes(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hash passwords with cheap Argon2id parameters (the real ones cost ~0.2 s per hash).

    A test marked ``real_argon2`` keeps the production parameters.
    """
    if request.node.get_closest_marker("real_argon2"):
        return
    from argon2 import PasswordHasher

    from housingmatch.services import accounts

    monkeypatch.setattr(
        accounts, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )


@pytest.fixture(autouse=True)
def _nobody_signed_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test without the account variables of the shell that started pytest."""
    for name in ("HOUSINGMATCH_USER", "HOUSINGMATCH_PASSWORD", "HOUSINGMATCH_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
