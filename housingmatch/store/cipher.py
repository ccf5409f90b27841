"""The connection factory: plain SQLite, or SQLCipher for a database encrypted at rest.

Every SQLCipher specific of the application lives here (the optional ``forum`` extra,
``sqlcipher3-binary``). An encrypted file has no SQLite header: every page, the write-ahead
log included, is AES-256 encrypted under a key derived from the passphrase (PBKDF2, SQLCipher 4
defaults). The passphrase of a file opened in this process is kept in memory only, so that a
background job, a backup or a restore of the same base opens it again without asking.
"""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any

from housingmatch.errors import UserError

INSTALL_HINT = (
    "installez l'extension « forum » de HousingMatch avec python3 -m pip install "
    '"housingmatch[forum]" (ou ".[forum]" depuis les sources ; paquet sqlcipher3-binary)'
)
_SQLITE_MAGIC = b"SQLite format 3\x00"
_KEYS: dict[Path, str] = {}


class CipherMissingError(UserError):
    """SQLCipher is not installed: an encrypted base can be neither created nor opened."""

    def __init__(self) -> None:
        """Say how to install it, in one French sentence."""
        super().__init__(f"Le chiffrement de la base demande SQLCipher : {INSTALL_HINT}.")


class WrongPassphraseError(UserError):
    """The passphrase does not open the encrypted base (nothing was read or written)."""

    def __init__(self, path: Path | str) -> None:
        """Name the file."""
        super().__init__(
            f"La phrase secrète ne déchiffre pas la base « {Path(path).name} » : "
            "rien n'a été ouvert, vérifiez-la et réessayez."
        )


class PassphraseNeededError(UserError):
    """The base is encrypted and no passphrase was given."""

    def __init__(self, path: Path | str) -> None:
        """Name the file and where the passphrase comes from."""
        super().__init__(
            f"La base « {Path(path).name} » est chiffrée : indiquez sa phrase secrète "
            "(HOUSINGMATCH_DB_PASSPHRASE, ou saisie au démarrage)."
        )


def _module() -> ModuleType | None:
    try:
        return importlib.import_module("sqlcipher3.dbapi2")
    except ImportError:
        return None


def available() -> bool:
    """Tell whether SQLCipher is installed (the ``forum`` extra)."""
    return _module() is not None


def _require() -> ModuleType:
    module = _module()
    if module is None:
        raise CipherMissingError()
    return module


def operational_errors() -> tuple[type[BaseException], ...]:
    """Return the "database is locked"-kind error classes of both libraries."""
    module = _module()
    extra = (module.OperationalError,) if module is not None else ()
    return (sqlite3.OperationalError, *extra)


def database_errors() -> tuple[type[BaseException], ...]:
    """Return the error classes a connection of either library raises."""
    module = _module()
    extra = (module.Error,) if module is not None else ()
    return (sqlite3.Error, *extra)


def looks_encrypted(path: Path) -> bool:
    """Tell whether a file looks like a SQLCipher base: whole pages, no SQLite header.

    A SQLite file is a whole number of pages (512 bytes at least); a text or a truncated file
    is not, and keeps the message "not a SQLite file".
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError:
        return False
    return size >= 1024 and size % 512 == 0 and head != _SQLITE_MAGIC


def remember(path: Path, passphrase: str) -> None:
    """Keep the passphrase of a base opened in this process (memory only)."""
    _KEYS[path.resolve()] = passphrase


def remembered(path: Path) -> str | None:
    """Return the passphrase a base was opened with in this process, if any."""
    return _KEYS.get(path.resolve())


def forget(path: Path) -> None:
    """Drop the remembered passphrase of a base (after a wrong one, or closing the window)."""
    _KEYS.pop(path.resolve(), None)


def _quoted(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def connect(
    target: str, passphrase: str | None = None, timeout: float = 5.0, uri: bool = False
) -> Any:
    """Open a DB-API connection: SQLite, or SQLCipher keyed with ``passphrase``.

    A wrong passphrase raises :class:`WrongPassphraseError` before anything is read.
    """
    if passphrase is None:
        return sqlite3.connect(
            target, isolation_level=None, check_same_thread=True, timeout=timeout, uri=uri
        )
    if not passphrase:
        raise UserError("La phrase secrète de la base ne peut pas être vide.")
    module = _require()
    conn = module.connect(
        target, isolation_level=None, check_same_thread=True, timeout=timeout, uri=uri
    )
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # no decryption noise on stderr
        conn.execute(f"PRAGMA key = {_quoted(passphrase)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError as exc:
        conn.close()
        raise WrongPassphraseError(target.removeprefix("file:").split("?")[0]) from exc
    return conn
