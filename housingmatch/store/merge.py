"""Settings of a database (its device id, forum mode) and the tables of forum packages.

A laptop records each package it writes (``package_exports``); the office records each
package it merged (``package_imports``), the laptop's audit entries with their origin
(``package_entries``) and the possible duplicates waiting for an advisor (``merge_pairs``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from housingmatch.store.database import now_iso

DEVICE_ID = "device_id"
FORUM_DEVICE = "forum_device"


@dataclass(frozen=True, slots=True)
class ExportRow:
    """A package written by this laptop."""

    batch_id: str
    created_at: str
    last_hash: str
    requests: int
    entries: int


@dataclass(frozen=True, slots=True)
class ImportRow:
    """A package merged into this database."""

    batch_id: str
    device_id: str
    created_at: str
    imported_at: str
    actor: str


@dataclass(frozen=True, slots=True)
class PairRow:
    """A stored possible duplicate and the decision taken on it."""

    id: int
    batch_id: str
    device_id: str
    office_uuid: str
    forum_uuid: str
    forum_ref: str
    score: float
    reasons: tuple[str, ...]
    forum_record: dict[str, str]
    state: str
    linked_fields: tuple[str, ...]
    before_link: dict[str, str]
    decided_by: str | None
    decided_at: str | None


_PAIR_SELECT = (
    "SELECT id, batch_id, device_id, office_uuid, forum_uuid, forum_ref, score, reasons, "
    "forum_record, state, linked_fields, before_link, decided_by, decided_at FROM merge_pairs"
)


def _pair(row: Sequence[Any]) -> PairRow:
    return PairRow(
        id=row[0],
        batch_id=row[1],
        device_id=row[2],
        office_uuid=row[3],
        forum_uuid=row[4],
        forum_ref=row[5],
        score=row[6],
        reasons=tuple(json.loads(row[7])),
        forum_record=json.loads(row[8]),
        state=row[9],
        linked_fields=tuple(json.loads(row[10])) if row[10] else (),
        before_link=json.loads(row[11]) if row[11] else {},
        decided_by=row[12],
        decided_at=row[13],
    )


class MergeStore:
    """Settings, package records and merge pairs of one database."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        """Wrap an open database."""
        self._db = db

    # -- settings ----------------------------------------------------------------------
    def setting(self, key: str) -> str | None:
        """Return a setting's value, or None."""
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else None

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting (in its own transaction unless one is open)."""
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    def highest_number(self, table: str, prefix: str) -> int:
        """Return the highest number ending a reference that starts with ``prefix`` (0: none)."""
        assert table in ("requests", "units")
        rows = self._db.execute(
            f"SELECT ref FROM {table} WHERE substr(ref, 1, ?) = ?", [len(prefix), prefix]
        )
        best = 0
        for (ref,) in rows:
            tail = ref[len(prefix) :]
            if tail.isdigit():
                best = max(best, int(tail))
        return best

    def dedup_rows(self) -> Iterator[tuple[Any, ...]]:
        """Yield what duplicate detection compares of every request, as plain tuples.

        (uuid, last name, first name, birth date ISO, employer, unique number, e-mail): the
        order of ``exchange.duplicates.OfficeRow``. Streamed: 100 000 objects cost seconds.
        """
        yield from self._db.execute(
            "SELECT r.uuid, r.last_name, r.first_name, r.birth_date, e.name, "
            "r.unique_number, r.email FROM requests r JOIN employers e ON e.id = r.employer_id"
        )

    # -- packages written (laptop) -----------------------------------------------------
    def last_export(self) -> ExportRow | None:
        """Return the newest package written here, or None."""
        row = self._db.execute(
            "SELECT batch_id, created_at, last_hash, requests, entries FROM package_exports "
            "ORDER BY created_at DESC, rowid DESC LIMIT 1"
        ).fetchone()
        return ExportRow(*row) if row else None

    def record_export(self, row: ExportRow, actor: str) -> None:
        """Record a package written (inside the caller's transaction)."""
        self._db.execute(
            "INSERT INTO package_exports (batch_id, created_at, last_hash, requests, entries, "
            "actor) VALUES (?, ?, ?, ?, ?, ?)",
            [row.batch_id, row.created_at, row.last_hash, row.requests, row.entries, actor],
        )

    # -- packages merged (office) ------------------------------------------------------
    def imported(self, batch_id: str) -> ImportRow | None:
        """Return the merged package with this batch id, or None."""
        row = self._db.execute(
            "SELECT batch_id, device_id, created_at, imported_at, actor FROM package_imports "
            "WHERE batch_id = ?",
            [batch_id],
        ).fetchone()
        return ImportRow(*row) if row else None

    def newest_import(self, device_id: str) -> ImportRow | None:
        """Return the newest package merged from this device, or None."""
        row = self._db.execute(
            "SELECT batch_id, device_id, created_at, imported_at, actor FROM package_imports "
            "WHERE device_id = ? ORDER BY created_at DESC LIMIT 1",
            [device_id],
        ).fetchone()
        return ImportRow(*row) if row else None

    def record_import(
        self, batch_id: str, device_id: str, created_at: str, actor: str, counts: tuple[int, ...]
    ) -> None:
        """Record a merged package (inside the caller's transaction)."""
        self._db.execute(
            "INSERT INTO package_imports (batch_id, device_id, created_at, imported_at, actor, "
            "new_requests, updates, duplicates) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [batch_id, device_id, created_at, now_iso(), actor, *counts],
        )

    def keep_entries(self, device_id: str, batch_id: str, entries: list[dict[str, Any]]) -> int:
        """Keep a laptop's audit entries with their origin; return how many were new."""
        before = self._db.execute("SELECT COUNT(*) FROM package_entries").fetchone()[0]
        self._db.conn.executemany(
            "INSERT INTO package_entries (device_id, batch_id, origin_id, at, actor, action, "
            "entity, entity_ref, record_uuid, details, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?) ON CONFLICT (device_id, hash) DO NOTHING",
            [
                (
                    device_id,
                    batch_id,
                    e["id"],
                    e["at"],
                    e["actor"],
                    e["action"],
                    e["entity"],
                    e.get("entity_ref"),
                    e.get("uuid"),
                    json.dumps(e.get("details", {}), ensure_ascii=False, sort_keys=True),
                    e["hash"],
                )
                for e in entries
            ],
        )
        after = self._db.execute("SELECT COUNT(*) FROM package_entries").fetchone()[0]
        return int(after - before)

    def origin_entries(self, record_uuid: str) -> list[dict[str, Any]]:
        """Return the laptop entries of one record, oldest first, with their origin."""
        rows = self._db.execute(
            "SELECT device_id, batch_id, origin_id, at, actor, action, entity_ref, details "
            "FROM package_entries WHERE record_uuid = ? ORDER BY at, origin_id",
            [record_uuid],
        )
        keys = ("device_id", "batch_id", "origin_id", "at", "actor", "action", "ref", "details")
        return [
            {**dict(zip(keys, row[:-1], strict=False)), "details": json.loads(row[-1])}
            for row in rows
        ]

    # -- merge pairs -------------------------------------------------------------------
    def pairs(self, state: str | None = None) -> list[PairRow]:
        """Return the stored pairs (optionally in one state), best score first."""
        if state is None:
            rows = self._db.execute(_PAIR_SELECT + " ORDER BY score DESC, id").fetchall()
        else:
            rows = self._db.execute(
                _PAIR_SELECT + " WHERE state = ? ORDER BY score DESC, id", [state]
            ).fetchall()
        return [_pair(r) for r in rows]

    def pairs_of_forum(self, forum_uuids: Sequence[str]) -> list[PairRow]:
        """Return the pairs of these forum records."""
        out: list[PairRow] = []
        wanted = list(forum_uuids)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            sql = _PAIR_SELECT + f" WHERE forum_uuid IN ({marks}) ORDER BY id"
            out += [_pair(r) for r in self._db.execute(sql, chunk).fetchall()]
        return out

    def add_pair(
        self,
        batch_id: str,
        device_id: str,
        office_uuid: str,
        forum_uuid: str,
        forum_ref: str,
        score: float,
        reasons: Sequence[str],
        forum_record: dict[str, str],
    ) -> None:
        """Store a possible duplicate waiting for a decision (a known pair gets the new record)."""
        self._db.execute(
            "INSERT INTO merge_pairs (batch_id, device_id, office_uuid, forum_uuid, forum_ref, "
            "score, reasons, forum_record, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (office_uuid, forum_uuid) DO UPDATE SET forum_record = "
            "excluded.forum_record, batch_id = excluded.batch_id, score = excluded.score, "
            "reasons = excluded.reasons",
            [
                batch_id,
                device_id,
                office_uuid,
                forum_uuid,
                forum_ref,
                score,
                json.dumps(list(reasons), ensure_ascii=False),
                json.dumps(forum_record, ensure_ascii=False, sort_keys=True),
                now_iso(),
            ],
        )

    def set_forum_record(self, pair_id: int, forum_record: dict[str, str]) -> None:
        """Replace the forum record of a pair (a newer package changed it)."""
        self._db.execute(
            "UPDATE merge_pairs SET forum_record = ? WHERE id = ?",
            [json.dumps(forum_record, ensure_ascii=False, sort_keys=True), pair_id],
        )

    def decide(
        self,
        pair_id: int,
        state: str,
        actor: str,
        linked_fields: Sequence[str] = (),
        before_link: dict[str, str] | None = None,
    ) -> None:
        """Record the state of a pair and who set it (inside the caller's transaction)."""
        self._db.execute(
            "UPDATE merge_pairs SET state = ?, linked_fields = ?, before_link = ?, "
            "decided_by = ?, decided_at = ? WHERE id = ?",
            [
                state,
                json.dumps(list(linked_fields)) if linked_fields else None,
                json.dumps(before_link, ensure_ascii=False, sort_keys=True)
                if before_link
                else None,
                actor,
                now_iso(),
                pair_id,
            ],
        )
