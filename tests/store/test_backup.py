import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from housingmatch.store import Store
from housingmatch.store.backup import (
    BackupError,
    BackupFile,
    BackupPolicy,
    list_backups,
    restore_file,
    to_remove,
    verify_copy,
)
from tests.builders import make_request


def test_the_first_write_of_the_day_takes_one_verified_backup(db_path):
    with Store.open(db_path, policy=BackupPolicy()) as store:
        store.requests.save_many([make_request("A")], "t", "t")
        store.requests.save_many([make_request("B")], "t", "t")
    auto = [b for b in list_backups(db_path) if b.kind == "auto"]
    assert len(auto) == 1 and verify_copy(auto[0].path) == []
    assert auto[0].path.stat().st_mode & 0o777 == 0o600


def test_no_automatic_backup_when_switched_off(db_path):
    with Store.open(db_path, policy=BackupPolicy(automatic=False)) as store:
        store.requests.save_many([make_request("A")], "t", "t")
    assert list_backups(db_path) == []


def test_a_backup_on_demand_holds_the_data_and_goes_where_asked(db_path, tmp_path):
    with Store.open(db_path, policy=BackupPolicy(automatic=False)) as store:
        store.requests.save_many([make_request("A")], "t", "t")
        done = store.backup(tmp_path / "ailleurs")
    assert done.path.parent == tmp_path / "ailleurs" and done.kind == "manuel"
    with Store.open(done.path, create=False) as copy:
        assert [r.ref for r in copy.requests.all()] == ["A"]


def _fake(day: datetime, kind: str = "auto") -> BackupFile:
    return BackupFile(Path(f"b-{day:%Y%m%d%H}-{kind}"), day, kind, 1)


def test_rotation_keeps_seven_daily_and_four_weekly():
    start = datetime(2026, 12, 31, 9)
    backups = [_fake(start - timedelta(days=d)) for d in range(60)]
    backups.append(_fake(start - timedelta(days=59), "manuel"))
    kept = set(b.path for b in backups) - {b.path for b in to_remove(backups, BackupPolicy())}
    days = sorted(b.taken_at.date() for b in backups if b.path in kept and b.kind == "auto")
    assert len([d for d in days if d > (start - timedelta(days=7)).date()]) == 7
    # 7 days spanning two ISO weeks (their newest are among the days), 2 older weeks, manual
    assert len(kept) == 7 + 2 + 1
    assert to_remove(backups, BackupPolicy(daily=1, weekly=0))[0].taken_at < start


def test_restore_keeps_the_current_file_aside(db_path, tmp_path):
    with Store.open(db_path, policy=BackupPolicy(automatic=False)) as store:
        store.requests.save_many([make_request("A")], "t", "t")
        saved = store.backup(tmp_path / "s")
        store.requests.save_many([make_request("B")], "t", "t")
    aside = restore_file(db_path, saved.path)
    with Store.open(db_path, create=False) as store:
        assert [r.ref for r in store.requests.all()] == ["A"]
    with Store.open(aside, create=False) as old:
        assert sorted(r.ref for r in old.requests.all()) == ["A", "B"]


def test_a_damaged_backup_is_not_restored(db_path, tmp_path):
    Store.open(db_path).close()
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    before = db_path.read_bytes()
    with pytest.raises(BackupError, match="ne peut pas être restaurée"):
        restore_file(db_path, bad)
    assert db_path.read_bytes() == before
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(BackupError, match="pas une base HousingMatch"):
        restore_file(db_path, other)


def test_an_upgrade_keeps_a_backup_of_the_older_base(tmp_path, data_dir):
    import shutil

    old = tmp_path / "ancienne.sqlite"
    shutil.copy(data_dir / "db_v1.sqlite", old)
    Store.open(old, policy=BackupPolicy()).close()
    kept = list_backups(old)
    assert kept and kept[-1].kind == "manuel"
    conn = sqlite3.connect(kept[-1].path)
    assert conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] == 1
    conn.close()
