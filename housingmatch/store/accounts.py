"""Local accounts: name, role, Argon2id hash, failed attempts and lock; changes are audited.

The repository stores hashes it is given; hashing and checking passwords is the service's
business (``services.accounts``). No password and no hash ever goes into the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from housingmatch.domain.session import Role
from housingmatch.store.audit import AuditLog, PendingEntry
from housingmatch.store.database import now_iso

_COLUMNS = (
    "name, display_name, role, password_hash, active, failed_attempts, locked_until, "
    "created_at, updated_at"
)


@dataclass(frozen=True, slots=True)
class Account:
    """One local account as stored (the hash never leaves the core)."""

    name: str
    display_name: str
    role: Role
    password_hash: str
    active: bool
    failed_attempts: int
    locked_until: datetime | None
    created_at: str
    updated_at: str

    def locked_at(self, now: datetime) -> bool:
        """Tell whether the account is locked at ``now`` (aware UTC time)."""
        return self.locked_until is not None and now < self.locked_until


def _account(row: tuple) -> Account:  # type: ignore[type-arg]
    return Account(
        name=row[0],
        display_name=row[1],
        role=Role(row[2]),
        password_hash=row[3],
        active=bool(row[4]),
        failed_attempts=int(row[5]),
        locked_until=datetime.fromisoformat(row[6]) if row[6] else None,
        created_at=row[7],
        updated_at=row[8],
    )


class AccountRepository:
    """Reads and writes local accounts; every change an administrator makes is audited."""

    def __init__(self, db: sqlite_utils.Database, audit: AuditLog) -> None:
        """Wrap an open database and its audit log."""
        self._db = db
        self._audit = audit

    def count(self, active_only: bool = False) -> int:
        """Return the number of accounts (only the active ones when asked)."""
        sql = "SELECT COUNT(*) FROM accounts"
        if active_only:
            sql += " WHERE active = 1"
        return int(self._db.execute(sql).fetchone()[0])

    def count_active(self, role: Role) -> int:
        """Return the number of active accounts with this role."""
        row = self._db.execute(
            "SELECT COUNT(*) FROM accounts WHERE active = 1 AND role = ?", [role.value]
        ).fetchone()
        return int(row[0])

    def get(self, name: str) -> Account | None:
        """Return an account by name, or None."""
        row = self._db.execute(f"SELECT {_COLUMNS} FROM accounts WHERE name = ?", [name]).fetchone()
        return _account(row) if row else None

    def all(self) -> list[Account]:
        """Return every account, by name."""
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM accounts ORDER BY name").fetchall()
        return [_account(r) for r in rows]

    def add(
        self, name: str, display_name: str, role: Role, password_hash: str, actor: str
    ) -> Account:
        """Create an active account; audited."""
        at = now_iso()
        with self._db.atomic():
            self._db.execute(
                f"INSERT INTO accounts ({_COLUMNS}) VALUES (?, ?, ?, ?, 1, 0, NULL, ?, ?)",
                [name, display_name, role.value, password_hash, at, at],
            )
            self._audit.append(
                actor,
                [
                    PendingEntry(
                        "create",
                        "compte",
                        name,
                        {"role": role.value, "display_name": display_name},
                    )
                ],
            )
        account = self.get(name)
        assert account is not None
        return account

    def set_active(self, name: str, active: bool, actor: str) -> None:
        """Enable or disable an account; audited."""
        with self._db.atomic():
            self._db.execute(
                "UPDATE accounts SET active = ?, updated_at = ? WHERE name = ?",
                [int(active), now_iso(), name],
            )
            action = "enable" if active else "disable"
            self._audit.append(actor, [PendingEntry(action, "compte", name, {})])

    def set_password(self, name: str, password_hash: str, actor: str) -> None:
        """Replace an account's hash and clear its failed attempts and lock; audited."""
        with self._db.atomic():
            self._db.execute(
                "UPDATE accounts SET password_hash = ?, failed_attempts = 0, locked_until = NULL, "
                "updated_at = ? WHERE name = ?",
                [password_hash, now_iso(), name],
            )
            self._audit.append(actor, [PendingEntry("password_reset", "compte", name, {})])

    def rehash(self, name: str, password_hash: str) -> None:
        """Store a stronger hash of the same password (Argon2 parameters raised); not audited."""
        self._db.execute(
            "UPDATE accounts SET password_hash = ? WHERE name = ?", [password_hash, name]
        )

    def record_success(self, name: str) -> None:
        """Clear the failed attempts after a good password (not audited: nothing changed)."""
        self._db.execute(
            "UPDATE accounts SET failed_attempts = 0, locked_until = NULL "
            "WHERE name = ? AND (failed_attempts <> 0 OR locked_until IS NOT NULL)",
            [name],
        )

    def record_failure(self, name: str, max_attempts: int, locked_until: datetime) -> bool:
        """Count a failed attempt; lock until ``locked_until`` at ``max_attempts``.

        Return whether this attempt locked the account (the lock is audited, with actor
        ``système``: nobody is authenticated yet).
        """
        with self._db.atomic():
            row = self._db.execute(
                "UPDATE accounts SET failed_attempts = failed_attempts + 1 WHERE name = ? "
                "RETURNING failed_attempts",
                [name],
            ).fetchone()
            if row is None or int(row[0]) < max_attempts:
                return False
            until = locked_until.isoformat()
            self._db.execute(
                "UPDATE accounts SET failed_attempts = 0, locked_until = ? WHERE name = ?",
                [until, name],
            )
            self._audit.append(
                "système", [PendingEntry("lock", "compte", name, {"locked_until": until})]
            )
            return True
