from pathlib import Path

import pytest

from housingmatch.errors import UserError
from housingmatch.files import atomic_output, atomic_path, check_output_path


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_the_database_and_its_companions_are_refused_as_output(tmp_path, suffix):
    db = tmp_path / "base.sqlite"
    db.write_bytes(b"precious")
    with (
        pytest.raises(UserError, match="base de données ouverte"),
        atomic_output(Path(str(db) + suffix), database=db) as out,
    ):
        out.write("x")
    assert db.read_bytes() == b"precious"


def test_the_input_file_is_refused_as_output_even_through_another_spelling(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("a;b\n")
    with pytest.raises(UserError, match="fichier lu"):
        check_output_path(tmp_path / "sub" / ".." / "in.csv", inputs=[source])


def test_a_failure_leaves_neither_a_half_file_nor_a_hidden_temporary(tmp_path):
    target = tmp_path / "export.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_output(target) as out:
        out.write("half")
        raise RuntimeError("disk gone")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["export.csv"]


def test_a_success_replaces_the_target_whole(tmp_path):
    target = tmp_path / "new" / "export.csv"
    with atomic_output(target) as out:
        out.write("é;1\n")
    assert target.read_text(encoding="utf-8") == "é;1\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["export.csv"]


def test_atomic_path_hands_a_temporary_path_and_renames_it(tmp_path):
    target = tmp_path / "copy.bin"
    with atomic_path(target) as tmp:
        assert tmp != target and tmp.parent == target.parent
        tmp.write_bytes(b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert [p.name for p in tmp_path.iterdir()] == ["copy.bin"]


def test_a_temporary_left_by_a_killed_writer_goes_at_the_next_write(tmp_path):
    import os

    target = tmp_path / "export.csv"
    leftover = tmp_path / ".export.csv.abc123.tmp"
    leftover.write_text("personal data")
    os.utime(leftover, (0, 0))
    fresh = tmp_path / ".export.csv.def456.tmp"  # another writer, still at work
    fresh.write_text("in progress")
    with atomic_output(target) as out:
        out.write("x")
    assert not leftover.exists() and fresh.exists()
