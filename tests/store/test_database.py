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
