"""Signed checkpoints of the audit log and the supervisors' signing keys.

A checkpoint states "entry N of this log has hash H" at a time, signed with the Ed25519 key
of a supervisor. Exported to a file kept outside the database (another disk, a mail to the
management), it lets ``verify --checkpoint`` prove that entries 1..N were not rewritten,
even by someone who dropped the triggers and recomputed every hash: the recomputed hash of
entry N no longer matches the signed one, and nobody can sign a new one without the
supervisor's password.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from housingmatch.errors import UserError
from housingmatch.store.audit import AuditLog, PendingEntry
from housingmatch.store.crypto import (
    WrappedKey,
    new_signing_key,
    rewrap,
    signature_ok,
    unwrap,
)
from housingmatch.store.database import now_iso

FORMAT = "housingmatch-checkpoint/1"


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A signed statement: entry ``entry_id`` of the log had hash ``head_hash`` at ``at``."""

    entry_id: int
    head_hash: str
    at: str
    signer: str
    public_key: bytes
    signature: bytes
    id: int | None = None

    def message(self) -> bytes:
        """Return the bytes that are signed."""
        return signed_message(self.entry_id, self.head_hash, self.at, self.signer)

    def authentic(self) -> bool:
        """Tell whether the signature is valid for this content and public key."""
        return signature_ok(self.public_key, self.signature, self.message())

    def to_json(self) -> dict[str, Any]:
        """Return the checkpoint as the exported file's object."""
        return {
            "format": FORMAT,
            "entry": self.entry_id,
            "hash": self.head_hash,
            "at": self.at,
            "signer": self.signer,
            "public_key": base64.b64encode(self.public_key).decode("ascii"),
            "signature": base64.b64encode(self.signature).decode("ascii"),
        }

    @classmethod
    def from_json(cls, data: Any) -> Checkpoint:
        """Read an exported checkpoint; raise a French UserError when it is not one."""
        try:
            if data["format"] != FORMAT:
                raise ValueError(data["format"])
            return cls(
                entry_id=int(data["entry"]),
                head_hash=str(data["hash"]),
                at=str(data["at"]),
                signer=str(data["signer"]),
                public_key=base64.b64decode(data["public_key"]),
                signature=base64.b64decode(data["signature"]),
            )
        except (KeyError, TypeError, ValueError):
            raise UserError(
                "Ce fichier n'est pas un point de contrôle HousingMatch lisible."
            ) from None


def signed_message(entry_id: int, head_hash: str, at: str, signer: str) -> bytes:
    """Return the canonical bytes signed for a checkpoint."""
    payload = [FORMAT, entry_id, head_hash, at, signer]
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class CheckpointStore:
    """Keeps the supervisors' signing keys and the checkpoints they signed."""

    def __init__(self, db: sqlite_utils.Database, audit: AuditLog) -> None:
        """Wrap an open database and its audit log."""
        self._db = db
        self._audit = audit

    def signing_key(self, user: str) -> WrappedKey | None:
        """Return the wrapped signing key of a user, or None."""
        row = self._db.execute(
            "SELECT public_key, wrapped_private, salt, kdf FROM audit_signing_keys "
            "WHERE user_name = ?",
            [user],
        ).fetchone()
        if row is None:
            return None
        return WrappedKey(bytes(row[0]), bytes(row[1]), bytes(row[2]), row[3])

    def public_key(self, user: str) -> bytes | None:
        """Return the public key a user signs with, or None."""
        key = self.signing_key(user)
        return key.public_key if key else None

    def sign(self, user: str, password: str) -> Checkpoint:
        """Sign the head of the log as ``user``, creating their key on first use; audited.

        The checkpoint covers the log as it is before its own audit entry.
        """
        with self._db.atomic():
            wrapped = self.signing_key(user)
            if wrapped is None:
                wrapped = new_signing_key(password, user)
                self._db.execute(
                    "INSERT INTO audit_signing_keys (user_name, public_key, wrapped_private, "
                    "salt, kdf, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        user,
                        wrapped.public_key,
                        wrapped.wrapped_private,
                        wrapped.salt,
                        wrapped.kdf,
                        now_iso(),
                    ],
                )
                self._audit.append(
                    user,
                    [
                        PendingEntry(
                            "signing_key",
                            "journal",
                            user,
                            {"public_key": base64.b64encode(wrapped.public_key).decode("ascii")},
                        )
                    ],
                )
            private = unwrap(wrapped, password, user)
            entry_id, head = self._audit.head()
            at = now_iso()
            signature = private.sign(signed_message(entry_id, head, at, user))
            cur = self._db.execute(
                "INSERT INTO audit_checkpoints (entry_id, head_hash, at, signer, public_key, "
                "signature) VALUES (?, ?, ?, ?, ?, ?)",
                [entry_id, head, at, user, wrapped.public_key, signature],
            )
            checkpoint_id = int(cur.lastrowid or 0)
            self._audit.append(
                user,
                [
                    PendingEntry(
                        "checkpoint",
                        "journal",
                        str(entry_id),
                        {"hash": head, "at": at, "checkpoint": checkpoint_id},
                    )
                ],
            )
        return Checkpoint(entry_id, head, at, user, wrapped.public_key, signature, checkpoint_id)

    def change_password(self, user: str, old_password: str, new_password: str) -> bool:
        """Re-wrap a user's signing key under a new password (False: the user has no key).

        Call it when the user changes their password, in the same transaction.
        """
        wrapped = self.signing_key(user)
        if wrapped is None:
            return False
        fresh = rewrap(wrapped, old_password, new_password, user)
        self._db.execute(
            "UPDATE audit_signing_keys SET wrapped_private = ?, salt = ? WHERE user_name = ?",
            [fresh.wrapped_private, fresh.salt, user],
        )
        return True

    def retire(self, user: str, actor: str) -> bool:
        """Drop a user's signing key (a password reset by an administrator cannot open it).

        Checkpoints already signed keep their public key and still verify; the next
        checkpoint creates a new key. Audited.
        """
        wrapped = self.signing_key(user)
        if wrapped is None:
            return False
        with self._db.atomic():
            self._db.execute("DELETE FROM audit_signing_keys WHERE user_name = ?", [user])
            self._audit.append(
                actor,
                [
                    PendingEntry(
                        "signing_key_retired",
                        "journal",
                        user,
                        {"public_key": base64.b64encode(wrapped.public_key).decode("ascii")},
                    )
                ],
            )
        return True

    def all(self) -> list[Checkpoint]:
        """Return the checkpoints kept in the database, oldest first."""
        rows = self._db.execute(
            "SELECT entry_id, head_hash, at, signer, public_key, signature, id "
            "FROM audit_checkpoints ORDER BY id"
        )
        return [Checkpoint(r[0], r[1], r[2], r[3], bytes(r[4]), bytes(r[5]), r[6]) for r in rows]

    def latest(self) -> Checkpoint | None:
        """Return the newest checkpoint, or None."""
        found = self.all()
        return found[-1] if found else None
