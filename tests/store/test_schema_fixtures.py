"""Every released schema version, kept as a small database file, upgrades to head intact."""

import shutil
from pathlib import Path

import pytest

from housingmatch.store import Store
from housingmatch.store.database import discover_migrations

FIXTURES = sorted((Path(__file__).parent.parent / "data").glob("db_v*.sqlite"))


def test_there_is_a_fixture_for_every_released_schema():
    versions = {int(p.stem.removeprefix("db_v")) for p in FIXTURES}
    assert versions == set(range(1, len(discover_migrations()) + 1))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fixture_upgrades_to_head_with_its_data(fixture, tmp_path):
    path = Path(shutil.copy(fixture, tmp_path / "old.sqlite"))
    with Store.open(path) as store:
        assert store.schema_version() == len(discover_migrations())
        assert {r.ref for r in store.requests.all()} == {"EXEMPLE-001", "EXEMPLE-002"}
        assert store.requests.get("EXEMPLE-001").wishes.communes == ("21231", "21355", "21166")
        assert {u.ref for u in store.units.all()} == {"EXEMPLE-L-001", "EXEMPLE-L-002"}
        assert store.reference.counts()["communes"] > 34000
        assert store.audit.verify() == []
        assert store.integrity_problems() == []
