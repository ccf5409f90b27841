"""Safe output files: never over the open database or the input, always whole or not at all.

Every command that writes a file (rejects, exports, PDFs, packages, backups) goes through
:func:`atomic_output`: it refuses a target that is the database (or its ``-wal``, ``-shm``,
``-journal`` companions) or the file being read, writes to a private temporary file in the
target's folder and renames it over the target only once everything was written. A failure
removes the temporary file, so no half file, hidden or not, is left behind; a temporary left
by a writer killed outright (kill -9, power cut) is private (0600) and removed by the next
write of the same target.
"""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from housingmatch.errors import UserError

_COMPANIONS = ("", "-wal", "-shm", "-journal")
# A temporary older than this was left by a writer that was killed: it is removed.
STALE_AFTER_S = 3600


def database_files(db_path: str | Path | None) -> list[Path]:
    """Return a database file and the companion files SQLite keeps beside it."""
    if db_path is None:
        return []
    base = str(db_path)
    return [Path(base + suffix) for suffix in _COMPANIONS]


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Delete the temporaries of ``target`` left by a killed writer (older than an hour)."""
    removed = []
    folder = target.parent if str(target.parent) else Path(".")
    limit = time.time() - STALE_AFTER_S
    for leftover in folder.glob(f".{glob.escape(target.name)}.*.tmp"):
        try:
            if leftover.stat().st_mtime < limit:
                leftover.unlink()
                removed.append(leftover)
        except OSError:
            continue
    return removed


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def check_output_path(
    target: str | Path,
    database: str | Path | None = None,
    inputs: Iterable[str | Path] = (),
) -> Path:
    """Return ``target`` if it may be written; refuse the database, its companions and inputs."""
    target = Path(target)
    for protected in database_files(database):
        if _same_file(target, protected):
            raise UserError(
                f"« {target} » est le fichier de la base de données ouverte : "
                "choisissez un autre fichier de sortie."
            )
    for source in inputs:
        if _same_file(target, Path(source)):
            raise UserError(
                f"« {target} » est le fichier lu : choisissez un autre fichier de sortie."
            )
    if target.is_dir():
        raise UserError(f"« {target} » est un dossier : indiquez un nom de fichier.")
    return target


@contextlib.contextmanager
def atomic_output(
    target: str | Path,
    *,
    database: str | Path | None = None,
    inputs: Iterable[str | Path] = (),
    binary: bool = False,
    encoding: str = "utf-8",
    newline: str | None = "",
) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``target`` and rename it over ``target`` on success.

    The temporary file is created readable by the user only (it may hold personal data) and
    removed on any failure; the target is untouched unless the whole file was written.
    """
    target = check_output_path(target, database, inputs)
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(target)
    handle, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        if binary:
            stream: IO[Any] = os.fdopen(handle, "wb")
        else:
            stream = os.fdopen(handle, "w", encoding=encoding, newline=newline)
        with stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_path(
    target: str | Path,
    *,
    database: str | Path | None = None,
    inputs: Iterable[str | Path] = (),
) -> contextlib.AbstractContextManager[Path]:
    """Yield a temporary path beside ``target`` for a writer that wants a path, not a stream.

    Used for writers such as SQLite's backup or a PDF library: they write the temporary path,
    which is renamed over ``target`` on success and removed on failure.
    """
    return _atomic_path(check_output_path(target, database, inputs))


@contextlib.contextmanager
def _atomic_path(target: Path) -> Iterator[Path]:
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(target)
    handle, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
