"""Writing output files safely: a temporary file in the same folder, renamed when complete."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from housingmatch.errors import UserError
from housingmatch.store import Store


def refuse_database_path(store: Store, path: Path) -> None:
    """Raise a French error when ``path`` is the database file (or its WAL/SHM companions)."""
    if store.path is None:
        return
    db = store.path.resolve()
    target = path.resolve()
    if target in {db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")}:
        raise UserError(
            f"« {path} » est le fichier de la base elle-même : choisissez un autre fichier."
        )


def write_bytes_safely(store: Store, path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (nothing half-written is ever left there)."""
    target = Path(path)
    refuse_database_path(store, target)
    if target.is_dir():
        raise UserError(f"« {target} » est un dossier : indiquez un nom de fichier.")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def write_text_safely(store: Store, path: str | Path, text: str) -> Path:
    """Write UTF-8 text to ``path`` atomically."""
    return write_bytes_safely(store, path, text.encode("utf-8"))
