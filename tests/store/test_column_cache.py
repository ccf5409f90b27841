"""The column cache: private, atomic, and refused whenever it does not match exactly."""

from __future__ import annotations

import os
import stat

import numpy as np
import pytest

from housingmatch.store.column_cache import cache_path, read_columns, write_columns

KEY = {"audit_head": "abc", "format": 1}


def _arrays():
    return {"refs": np.array(["D1", "D2"]), "income": np.array([1.5, 2.5])}


def test_written_arrays_read_back_under_the_same_key(tmp_path):
    path = cache_path(tmp_path / "base.sqlite")
    assert path.name == "base.sqlite.hm-index"
    write_columns(path, KEY, _arrays())
    found = read_columns(path, dict(KEY))
    assert found is not None
    assert found["refs"].tolist() == ["D1", "D2"]
    assert found["income"].tolist() == [1.5, 2.5]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_file_is_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "c.hm-index"
    old = os.umask(0)
    try:
        write_columns(path, KEY, _arrays())
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["c.hm-index"]  # no temporary left


def test_another_key_is_refused(tmp_path):
    path = tmp_path / "c.hm-index"
    write_columns(path, KEY, _arrays())
    assert read_columns(path, {**KEY, "audit_head": "def"}) is None
    assert read_columns(path, {"audit_head": "abc"}) is None


def test_a_damaged_or_tampered_file_is_refused(tmp_path):
    path = tmp_path / "c.hm-index"
    write_columns(path, KEY, _arrays())
    data = path.read_bytes()
    value = np.array([2.5]).tobytes()
    assert data.count(value) == 1
    path.write_bytes(data.replace(value, np.array([3.5]).tobytes()))
    os.chmod(path, 0o600)
    assert read_columns(path, KEY) is None
    path.write_bytes(b"not a zip")
    assert read_columns(path, KEY) is None
    assert read_columns(tmp_path / "missing.hm-index", KEY) is None


def test_arrays_changed_behind_a_valid_key_are_refused(tmp_path):
    path = tmp_path / "c.hm-index"
    write_columns(path, KEY, _arrays())
    with np.load(path, allow_pickle=False) as data:
        content = {name: data[name] for name in data.files}
    content["income"] = np.array([1.5, 9.5])  # a valid file, but not what was checksummed
    with open(path, "wb") as stream:
        np.savez(stream, **content)
    assert read_columns(path, KEY) is None


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_file_others_may_write_is_refused(tmp_path):
    path = tmp_path / "c.hm-index"
    write_columns(path, KEY, _arrays())
    os.chmod(path, 0o666)
    assert read_columns(path, KEY) is None


def test_pickled_objects_are_never_loaded(tmp_path):
    path = tmp_path / "c.hm-index"
    write_columns(path, KEY, _arrays())
    with np.load(path, allow_pickle=False) as data:
        content = {name: data[name] for name in data.files}
    content["evil"] = np.array([object()], dtype=object)
    with open(path, "wb") as stream:
        np.savez(stream, **content)
    os.chmod(path, 0o600)
    assert read_columns(path, KEY) is None
