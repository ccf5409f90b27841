"""Append-only, hash-chained audit log: every write of the store adds entries here.

Each entry's hash is the SHA-256 of the previous entry's hash and of the entry's canonical
JSON (time, actor, action, entity, reference, details), so editing or deleting any entry
breaks the chain from that point on. Triggers in the schema refuse UPDATE and DELETE.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from housingmatch.store.database import now_iso

GENESIS = "0" * 64


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One recorded change."""

    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_ref: str | None
    details: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class PendingEntry:
    """An entry to append: what happened to which record."""

    action: str
    entity: str
    entity_ref: str | None
    details: dict[str, Any]


def entry_hash(
    prev_hash: str,
    at: str,
    actor: str,
    action: str,
    entity: str,
    entity_ref: str | None,
    details_json: str,
) -> str:
    """Return the chained hash of an entry."""
    payload = json.dumps(
        [prev_hash, at, actor, action, entity, entity_ref, details_json],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _canonical(details: dict[str, Any]) -> str:
    return json.dumps(
        details, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str
    )


class AuditLog:
    """Reads and appends the audit log of one database."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        """Wrap an open database."""
        self._db = db

    def last_hash(self) -> str:
        """Return the hash of the newest entry (the genesis hash when empty)."""
        row = self._db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        return row[0] if row else GENESIS

    def append(self, actor: str, entries: Iterable[PendingEntry]) -> int:
        """Append entries in order, chained to the log; return how many were written.

        Call inside the transaction of the change being recorded.
        """
        prev = self.last_hash()
        at = now_iso()
        rows = []
        for entry in entries:
            details = _canonical(entry.details)
            digest = entry_hash(
                prev, at, actor, entry.action, entry.entity, entry.entity_ref, details
            )
            rows.append(
                (at, actor, entry.action, entry.entity, entry.entity_ref, details, prev, digest)
            )
            prev = digest
        self._db.conn.executemany(
            "INSERT INTO audit_log (at, actor, action, entity, entity_ref, details, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        return len(rows)

    def entries(self, entity: str | None = None, entity_ref: str | None = None) -> list[AuditEntry]:
        """Return entries, oldest first, optionally for one entity or record."""
        sql = (
            "SELECT id, at, actor, action, entity, entity_ref, details, prev_hash, hash "
            "FROM audit_log"
        )
        clauses, params = [], []
        if entity is not None:
            clauses.append("entity = ?")
            params.append(entity)
        if entity_ref is not None:
            clauses.append("entity_ref = ?")
            params.append(entity_ref)
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY id"
        return [
            AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), r[7], r[8])
            for r in self._db.execute(sql, params).fetchall()
        ]

    def entries_after(self, entry_hash: str) -> list[AuditEntry] | None:
        """Return the entries written after the one with this hash (None if it is unknown).

        Lets a reader that remembers the last hash it saw catch up on what other
        connections changed since.
        """
        if entry_hash == GENESIS:
            after = 0
        else:
            row = self._db.execute(
                "SELECT id FROM audit_log WHERE hash = ?", [entry_hash]
            ).fetchone()
            if row is None:
                return None
            after = int(row[0])
        rows = self._db.execute(
            "SELECT id, at, actor, action, entity, entity_ref, details, prev_hash, hash "
            "FROM audit_log WHERE id > ? ORDER BY id",
            [after],
        )
        return [
            AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), r[7], r[8])
            for r in rows
        ]

    def count(self) -> int:
        """Return the number of entries."""
        return int(self._db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0])

    def verify(self) -> list[str]:
        """Walk the chain; return a French description of every break (empty when intact)."""
        problems = []
        prev = GENESIS
        cursor = self._db.execute(
            "SELECT id, at, actor, action, entity, entity_ref, details, prev_hash, hash "
            "FROM audit_log ORDER BY id"
        )
        for row in cursor:
            entry_id, at, actor, action, entity, ref, details, prev_hash, digest = row
            if prev_hash != prev:
                problems.append(
                    f"Entrée {entry_id} : le chaînage avec l'entrée précédente est rompu."
                )
            expected = entry_hash(prev_hash, at, actor, action, entity, ref, details)
            if expected != digest:
                problems.append(f"Entrée {entry_id} : son contenu a été modifié après coup.")
            prev = digest
        return problems
