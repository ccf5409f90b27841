import shutil
import sqlite3
from pathlib import Path

import pytest

from housingmatch.errors import UserError
from housingmatch.paths import migrations_dir
from housingmatch.store import DatabaseTooNewError, MigrationError, Store
from housingmatch.store.database import connect, discover_migrations, migrate, schema_version
from tests.builders import make_request


def test_empty_database_is_created_and_migrated(db_path):
    with Store.open(db_path) as store:
        assert store.schema_version() == len(discover_migrations())
        assert {"requests", "units", "audit_log", "ref_ceilings"} <= set(store.db.table_names())
        assert store.integrity_problems() == []
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_foreign_keys_are_enforced(fresh_store):
    with pytest.raises(sqlite3.IntegrityError):
        fresh_store.db.execute(
            "INSERT INTO request_motifs (request_id, code) VALUES (999, 'HEBERGE')"
        )


def test_reopening_applies_nothing_and_keeps_data(db_path):
    with Store.open(db_path) as store:
        store.requests.save(make_request(), "test")
    with Store.open(db_path) as store:
        assert store.requests.get("DEM-0001") is not None
        assert migrate(store.db) == []


def _migrations_with_extra(tmp_path: Path) -> Path:
    folder = tmp_path / "db"
    shutil.copytree(migrations_dir(), folder)
    (folder / f"{len(discover_migrations()) + 1:04d}_add_note.sql").write_text(
        "ALTER TABLE requests ADD COLUMN note TEXT;\nUPDATE requests SET note = 'migrée';\n"
    )
    return folder


def test_existing_database_is_upgraded_with_its_data_intact(db_path, tmp_path):
    with Store.open(db_path) as store:
        store.requests.save(make_request(), "test")
        before = store.schema_version()
    folder = _migrations_with_extra(tmp_path)
    db = connect(db_path)
    assert migrate(db, discover_migrations(folder)) == [before + 1]
    assert db.execute("SELECT ref, note FROM requests").fetchall() == [("DEM-0001", "migrée")]
    db.close()


def test_failed_migration_leaves_the_database_unchanged(db_path, tmp_path):
    Store.open(db_path).close()
    folder = tmp_path / "db"
    shutil.copytree(migrations_dir(), folder)
    number = len(discover_migrations()) + 1
    (folder / f"{number:04d}_broken.sql").write_text("CREATE TABLE half (x);\nTHIS IS NOT SQL;\n")
    db = connect(db_path)
    with pytest.raises(MigrationError, match="état précédent"):
        migrate(db, discover_migrations(folder))
    assert "half" not in db.table_names()
    assert schema_version(db) == number - 1
    db.close()


def test_database_from_a_newer_version_is_refused(db_path):
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseTooNewError, match="plus récente"):
        Store.open(db_path)


def test_a_foreign_sqlite_file_is_refused(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE other (x)")
    conn.commit()
    conn.close()
    with pytest.raises(UserError, match="pas une base HousingMatch"):
        Store.open(db_path)


def test_a_file_that_is_not_sqlite_is_refused(db_path):
    db_path.write_text("bonjour")
    with pytest.raises(UserError):
        Store.open(db_path)


def test_reference_data_is_loaded_once(fresh_store):
    counts = fresh_store.reference.counts()
    assert counts["communes"] > 34000
    assert counts["plafonds"] > 100
    assert fresh_store.reference.refresh() == []


def test_a_new_database_is_private_to_its_user(tmp_path):
    path = tmp_path / "new" / "base.sqlite"
    Store.open(path).close()
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700


def test_a_zero_byte_file_is_not_turned_into_a_database(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.touch()
    with pytest.raises(UserError, match="est vide"):
        Store.open(path)
    assert path.stat().st_size == 0


def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(UserError, match="pas une base HousingMatch"):
        Store.open(path)
    assert path.read_bytes() == before
    assert not Path(str(path) + "-wal").exists()


def test_a_text_file_is_refused_as_a_database(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("hello")
    with pytest.raises(UserError, match="pas une base SQLite"):
        Store.open(path)
    assert path.read_text() == "hello"


def test_write_transactions_take_the_lock_at_once(db_path):
    Store.open(db_path).close()
    with Store.open(db_path) as a, Store.open(db_path) as b:
        with a.db.atomic():
            # b cannot even start a write transaction while a holds one
            b.db.conn.execute("PRAGMA busy_timeout = 0")
            from housingmatch.store import DatabaseBusyError

            with pytest.raises(DatabaseBusyError, match="Un autre HousingMatch"), b.db.atomic():
                pass
            a.requests.save_many([make_request()], "test", "test")
        assert b.requests.count() == 1


def test_a_rule_set_installed_twice_is_stored_once(db_path):
    from datetime import date

    with Store.open(db_path) as a, Store.open(db_path) as b:
        first = a.rulesets.add("R", "1", date(2026, 1, 1), "h" * 64, "x", activate=False)
        # b's fast check ran before a's insert: the insert itself must not fail
        second = b.rulesets.add("R", "1", date(2026, 1, 1), "h" * 64, "x", activate=True)
        assert first == second
        assert len(b.rulesets.all()) == 1


def test_a_damaged_database_is_not_used(tmp_path):
    db_path = tmp_path / "damaged.db"  # not *.sqlite: the teardown check would fail on it
    with Store.open(db_path) as store:
        store.requests.save_many([make_request(f"D{i}") for i in range(300)], "t", "t")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 6)):
        data[offset] = 0x5A
    db_path.write_bytes(bytes(data))
    from housingmatch.store import DatabaseDamagedError

    with pytest.raises(DatabaseDamagedError, match="endommagée"):
        Store.open(db_path, check=True)
