"""Open a database for the window and the command line, which never import the store."""

from __future__ import annotations

from pathlib import Path

from housingmatch.domain.session import Session
from housingmatch.rules.permissions import Action, require
from housingmatch.store import DatabaseDamagedError, DatabaseTooNewError, Store, cipher
from housingmatch.store.cipher import (
    CipherMissingError,
    PassphraseNeededError,
    WrongPassphraseError,
)
from housingmatch.store.database import DatabaseBusyError, is_locked_error

__all__ = [
    "CipherMissingError",
    "DatabaseBusyError",
    "DatabaseDamagedError",
    "DatabaseTooNewError",
    "PassphraseNeededError",
    "Store",
    "WrongPassphraseError",
    "check_database",
    "encryption_available",
    "is_database_error",
    "is_encrypted",
    "is_locked_error",
    "memory_store",
    "open_store",
]


def open_store(
    path: str | Path,
    create: bool = True,
    check: bool = False,
    passphrase: str | None = None,
    encrypt: bool = False,
) -> Store:
    """Open and migrate the database at ``path``; refuse a missing file unless ``create``.

    With ``check``, a database failing SQLite's quick check is refused with the latest good
    backup named (the command line and the window open their base so). An encrypted base
    needs its ``passphrase``; ``encrypt`` creates the base encrypted (SQLCipher).
    """
    return Store.open(path, create=create, check=check, passphrase=passphrase, encrypt=encrypt)


def is_encrypted(path: str | Path) -> bool:
    """Tell whether the file at ``path`` looks like an encrypted base (ask its passphrase)."""
    return Path(path).is_file() and cipher.looks_encrypted(Path(path))


def encryption_available() -> bool:
    """Tell whether SQLCipher is installed (``pip install "housingmatch[forum]"``)."""
    return cipher.available()


def is_database_error(exc: BaseException) -> bool:
    """Tell whether an exception came from the database library (SQLite or SQLCipher)."""
    return isinstance(exc, cipher.database_errors())


def memory_store() -> Store:
    """Open a fresh in-memory database (previews, tests)."""
    return Store.memory()


def check_database(store: Store, session: Session) -> tuple[list[str], int]:
    """Return SQLite's integrity problems plus the audit chain's breaks, and the entry count."""
    require(session, Action.AUDIT_READ)
    return store.integrity_problems() + store.audit.verify(), store.audit.count()
