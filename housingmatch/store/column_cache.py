"""A column cache beside the database: named numpy arrays in one ``.npz`` file, never pickled.

Written atomically (a private temporary file renamed over the old one) with permissions
0600, because it holds personal data in columns. Read back only when it carries exactly the
key the caller expects (the data's version: audit head, counts, format) and its checksum
matches its arrays; anything else (another key, a damaged, foreign or loosely permissioned
file) is refused and the caller rebuilds. Reading a cache is never required for correctness.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

SUFFIX = ".hm-index"
_META = "__meta__"
Arrays = dict[str, npt.NDArray[Any]]


def cache_path(db_path: Path) -> Path:
    """Return the cache file of a database: ``base.sqlite`` → ``base.sqlite.hm-index``."""
    return db_path.with_name(db_path.name + SUFFIX)


def _checksum(arrays: Arrays) -> str:
    digest = hashlib.sha256()
    for name in sorted(arrays):
        array = np.ascontiguousarray(arrays[name])
        digest.update(f"{name}|{array.dtype.str}|{array.shape}|".encode())
        digest.update(array.tobytes())
    return digest.hexdigest()


def write_columns(path: Path, key: dict[str, Any], arrays: Arrays) -> None:
    """Write arrays under a key, atomically, readable by the owner only."""
    if _META in arrays:
        raise ValueError(f"{_META} is a reserved array name")
    meta = json.dumps({"key": key, "checksum": _checksum(arrays)}, sort_keys=True)
    payload = dict(arrays)
    payload[_META] = np.frombuffer(meta.encode("utf-8"), dtype=np.uint8)
    handle, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(temporary, 0o600)  # mkstemp already creates 0600; say it where it matters
        with os.fdopen(handle, "wb") as stream:
            np.savez(stream, **payload)  # type: ignore[arg-type]
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _trusted_file(path: Path) -> bool:
    """Tell whether the file is ours and private (a cache others can write is not trusted)."""
    try:
        info = path.stat()
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    return not (os.name == "posix" and (info.st_uid != os.getuid() or info.st_mode & 0o077))


def read_columns(path: Path, key: dict[str, Any]) -> Arrays | None:
    """Return the arrays written under exactly ``key``, or None (missing, stale or damaged)."""
    if not _trusted_file(path):
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(bytes(data[_META]).decode("utf-8"))
            if meta.get("key") != json.loads(json.dumps(key)):
                return None
            arrays = {name: data[name] for name in data.files if name != _META}
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile, UnicodeDecodeError):
        return None
    if meta.get("checksum") != _checksum(arrays):
        return None
    return arrays


def remove_columns(path: Path) -> None:
    """Delete a cache file if there is one."""
    path.unlink(missing_ok=True)
