"""Migration 0008: every record has a stable identity, every database its device id."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from housingmatch.store import Store
from tests.builders import make_request, make_unit
from tests.conftest import DATA


def test_an_older_database_gets_an_identity_for_every_record(tmp_path: Path) -> None:
    path = tmp_path / "v6.sqlite"
    shutil.copy(DATA / "db_v6.sqlite", path)
    with Store.open(path) as store:
        requests, units = store.requests.all(), store.units.all()
        assert requests and units
        ids = [r.uuid for r in requests] + [u.uuid for u in units]
        assert all(ids) and len(set(ids)) == len(ids)
        assert all(len(i or "") == 36 and (i or "")[14] == "4" for i in ids)
        assert store.merge.setting("device_id")


def test_the_identity_is_required_and_never_changes(fresh_store: Store) -> None:
    saved = fresh_store.requests.save(make_request("DEM-0001"), "t")
    unit = fresh_store.units.save(make_unit("LOG-0001"), "t")
    assert saved.uuid and unit.uuid and saved.uuid != unit.uuid
    db = fresh_store.db
    with pytest.raises(sqlite3.IntegrityError, match="cannot change"):
        db.execute("UPDATE requests SET uuid = 'x' WHERE ref = 'DEM-0001'")
    with pytest.raises(sqlite3.IntegrityError, match="cannot change"):
        db.execute("UPDATE units SET uuid = NULL WHERE ref = 'LOG-0001'")
    # An edit keeps the identity.
    fresh_store.requests.save_many([make_request("DEM-0001", persons=2)], "t", "import")
    assert fresh_store.requests.get("DEM-0001").uuid == saved.uuid
    fresh_store.units.save_many([make_unit("LOG-0001", rent=400.0)], "t", "import")
    assert fresh_store.units.get("LOG-0001").uuid == unit.uuid


def test_two_databases_have_different_device_ids(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.sqlite") as a, Store.open(tmp_path / "b.sqlite") as b:
        assert a.merge.setting("device_id") != b.merge.setting("device_id")
