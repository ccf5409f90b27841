"""Append-only, hash-chained audit log: every write of the store adds entries here.

Each entry's hash is the SHA-256 of the previous entry's hash and of the entry's canonical
JSON (time, actor, action, entity, reference, details), so editing or deleting any entry
breaks the chain from that point on. Triggers in the schema refuse UPDATE and DELETE.

Entries of records carry the field values after the change (``after``) so that the tables
can be rebuilt from the log. A request's personal values (``after`` and ``changes``) are
sealed with that person's key (``person_keys``): the stored details hold only the
ciphertext, and the hash covers the ciphertext, so deleting the key (anonymisation) makes
the values unreadable without breaking the chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

import sqlite_utils

from housingmatch.store.crypto import new_key, seal, unseal
from housingmatch.store.database import now_iso

GENESIS = "0" * 64

#: Entities whose values are personal, and the keys of their details that get sealed.
SEALED_ENTITIES = frozenset({"demande"})
SEALED_FIELDS = ("after", "changes")
#: The key of the details that holds the sealed values.
SEALED = "sealed"
_CHUNK = 500
_SELECT = (
    "SELECT id, at, actor, action, entity, entity_ref, details, prev_hash, hash FROM audit_log"
)


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
    seal: bool = True  # False: the details are not personal (an anonymised record's values)


def seal_context(entity: str, ref: str) -> str:
    """Return the associated data that binds a sealed value to its record."""
    return f"{entity}:{ref}"


class PersonKeys:
    """The key of each person (request reference) that seals their values in the log."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        """Wrap an open database."""
        self._db = db

    def get_many(self, refs: Iterable[str], create: bool = False) -> dict[str, bytes]:
        """Return the keys of these references, creating the missing ones if asked."""
        wanted = sorted(set(refs))
        found: dict[str, bytes] = {}
        if len(wanted) > 4 * _CHUNK:
            rows = self._db.execute("SELECT ref, key FROM person_keys").fetchall()
            keep = set(wanted)
            found = {r: bytes(k) for r, k in rows if r in keep}
        else:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                sql = f"SELECT ref, key FROM person_keys WHERE ref IN ({marks})"
                found.update((r, bytes(k)) for r, k in self._db.execute(sql, chunk))
        if create:
            missing = [(r, new_key(), now_iso()) for r in wanted if r not in found]
            self._db.conn.executemany(
                "INSERT INTO person_keys (ref, key, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (ref) DO NOTHING",
                missing,
            )
            if missing:
                # Read back: another connection may have created one of them first.
                found.update(self.get_many((r for r, _, _ in missing), create=False))
        return found

    def exists(self, ref: str) -> bool:
        """Tell whether the person still has a key (False once anonymised)."""
        row = self._db.execute("SELECT 1 FROM person_keys WHERE ref = ?", [ref]).fetchone()
        return row is not None

    def delete_many(self, refs: Iterable[str]) -> None:
        """Delete persons' keys: their sealed values become unreadable for good."""
        self._db.conn.executemany("DELETE FROM person_keys WHERE ref = ?", [(r,) for r in refs])


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
        self.keys = PersonKeys(db)

    def head(self) -> tuple[int, str]:
        """Return (id, hash) of the newest entry ((0, genesis) when empty)."""
        row = self._db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        return (int(row[0]), row[1]) if row else (0, GENESIS)

    def last_hash(self) -> str:
        """Return the hash of the newest entry (the genesis hash when empty)."""
        row = self._db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        return row[0] if row else GENESIS

    def append(self, actor: str, entries: Iterable[PendingEntry]) -> int:
        """Append entries in order, chained to the log; return how many were written.

        Call inside the transaction of the change being recorded.
        """
        items = list(entries)
        prev = self.last_hash()
        at = now_iso()
        to_seal = [e for e in items if _sealable(e)]
        keys = self.keys.get_many((e.entity_ref or "" for e in to_seal), create=True)
        rows = []
        for entry in items:
            values = entry.details
            if _sealable(entry):
                assert entry.entity_ref is not None
                values = {k: v for k, v in values.items() if k not in SEALED_FIELDS}
                secret = {k: entry.details[k] for k in SEALED_FIELDS if k in entry.details}
                context = seal_context(entry.entity, entry.entity_ref)
                values[SEALED] = seal(keys[entry.entity_ref], secret, context)
            details = _canonical(values)
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

    def record(self, actor: str, entry: PendingEntry) -> None:
        """Append one entry in its own transaction (an event that changes no table)."""
        with self._db.atomic():
            self.append(actor, [entry])

    def entries(
        self,
        entity: str | None = None,
        entity_ref: str | None = None,
        *,
        actor: str | None = None,
        action: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        unseal_values: bool = True,
    ) -> list[AuditEntry]:
        """Return entries, oldest first, filtered; sealed values opened when the key exists.

        ``since``/``until`` compare with the entry time (ISO text; ``until`` is exclusive).
        An entry whose person's key was deleted keeps its ``sealed`` ciphertext.
        """
        clauses, params = [], []
        for column, value, op in (
            ("entity", entity, "="),
            ("entity_ref", entity_ref, "="),
            ("actor", actor, "="),
            ("action", action, "="),
            ("at", since, ">="),
            ("at", until, "<"),
        ):
            if value is not None:
                clauses.append(f"{column} {op} ?")
                params.append(value)
        sql = _SELECT
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        found = [
            AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), r[7], r[8])
            for r in self._db.execute(sql, params).fetchall()
        ]
        return self.unseal(found) if unseal_values else found

    def unseal(self, entries: list[AuditEntry]) -> list[AuditEntry]:
        """Return the entries with their sealed values opened where the person's key exists."""
        sealed = [e for e in entries if SEALED in e.details and e.entity_ref]
        if not sealed:
            return entries
        keys = self.keys.get_many(e.entity_ref or "" for e in sealed)
        out = []
        for entry in entries:
            key = keys.get(entry.entity_ref or "") if SEALED in entry.details else None
            if key is None:
                out.append(entry)
                continue
            assert entry.entity_ref is not None
            context = seal_context(entry.entity, entry.entity_ref)
            try:
                opened = unseal(key, entry.details[SEALED], context)
            except ValueError:
                out.append(entry)  # a forged ciphertext: verify names it
                continue
            details = {k: v for k, v in entry.details.items() if k != SEALED}
            details.update(opened)
            out.append(replace(entry, details=details))
        return out

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
        rows = self._db.execute(_SELECT + " WHERE id > ? ORDER BY id", [after])
        return [
            AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), r[7], r[8])
            for r in rows
        ]

    def count(self) -> int:
        """Return the number of entries."""
        return int(self._db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0])

    def broken_links(self, up_to: int | None = None) -> list[tuple[int, str]]:
        """Walk the chain; return (entry id, French description) of every break, oldest first.

        With ``up_to``, stop after that entry (checking a checkpoint needs no more).
        """
        problems = []
        prev = GENESIS
        sql = _SELECT + (" WHERE id <= ?" if up_to is not None else "") + " ORDER BY id"
        cursor = self._db.execute(sql, [up_to] if up_to is not None else [])
        for row in cursor:
            entry_id, at, actor, action, entity, ref, details, prev_hash, digest = row
            if prev_hash != prev:
                problems.append(
                    (
                        entry_id,
                        f"Entrée {entry_id} : le chaînage avec l'entrée précédente est rompu.",
                    )
                )
            expected = entry_hash(prev_hash, at, actor, action, entity, ref, details)
            if expected != digest:
                problems.append(
                    (entry_id, f"Entrée {entry_id} : son contenu a été modifié après coup.")
                )
            prev = digest
        return problems

    def verify(self, up_to: int | None = None) -> list[str]:
        """Walk the chain; return a French description of every break (empty when intact)."""
        return [text for _, text in self.broken_links(up_to)]

    def hash_of(self, entry_id: int) -> str | None:
        """Return the stored hash of an entry, or None when there is no such entry."""
        row = self._db.execute("SELECT hash FROM audit_log WHERE id = ?", [entry_id]).fetchone()
        return row[0] if row else None

    def actors(self) -> list[str]:
        """Return every actor named in the log, sorted."""
        return [r[0] for r in self._db.execute("SELECT DISTINCT actor FROM audit_log ORDER BY 1")]

    def actions(self) -> list[str]:
        """Return every action named in the log, sorted."""
        return [r[0] for r in self._db.execute("SELECT DISTINCT action FROM audit_log ORDER BY 1")]

    def baseline_pending(self) -> bool:
        """Tell whether the baseline of migration 0005 is still to be written."""
        row = self._db.execute(
            "SELECT value FROM audit_meta WHERE key = 'baseline_pending'"
        ).fetchone()
        return row is not None

    def baseline_done(self) -> None:
        """Record that the baseline was written (call in the baseline's transaction)."""
        self._db.execute("DELETE FROM audit_meta WHERE key = 'baseline_pending'")


def _sealable(entry: PendingEntry) -> bool:
    return (
        entry.seal
        and entry.entity in SEALED_ENTITIES
        and bool(entry.entity_ref)
        and any(k in entry.details for k in SEALED_FIELDS)
    )
