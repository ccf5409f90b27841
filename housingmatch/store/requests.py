"""Repository of requests (demandes) and employers."""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any
from uuid import uuid4

import sqlite_utils

from housingmatch.domain.fields import diff_fields, request_fields
from housingmatch.domain.model import (
    Employer,
    Request,
    RequestStatus,
)
from housingmatch.domain.text import fold
from housingmatch.store.audit import AuditLog, PendingEntry
from housingmatch.store.bulk import gc_paused
from housingmatch.store.database import now_iso
from housingmatch.store.request_rows import (
    CHUNK,
    COLUMNS,
    INDEX_FIELDS,
    INDEX_SELECT,
    SELECT,
    SUMMARY_SELECT,
    IndexColumns,
    RequestSummary,
    SaveOutcome,
    check_identity,
    iso_day,
    row_to_request,
    search_key,
    summary_of,
)


class RequestRepository:
    """Reads and writes requests; every write is audited in the same transaction."""

    def __init__(self, db: sqlite_utils.Database, audit: AuditLog) -> None:
        """Wrap an open database and its audit log."""
        self._db = db
        self._audit = audit

    # -- reading ------------------------------------------------------------------------
    def count(self, status: RequestStatus | None = None) -> int:
        """Return the number of requests, optionally in one status."""
        if status is None:
            return int(self._db.execute("SELECT COUNT(*) FROM requests").fetchone()[0])
        sql = "SELECT COUNT(*) FROM requests WHERE status = ?"
        return int(self._db.execute(sql, [status.value]).fetchone()[0])

    def data_stamp(self) -> str:
        """Return a cheap fingerprint of the requests table (count, last id, last update).

        Beside the audit head it catches writes that bypassed the application (a cache of
        the requests keyed by both is stale after any of them).
        """
        row = self._db.execute(
            "SELECT COUNT(*), MAX(id), MAX(updated_at), "
            "(SELECT COUNT(*) FROM request_communes) FROM requests"
        ).fetchone()
        return ":".join("" if v is None else str(v) for v in row)

    def day_status_counts(self, lapse_cutoff: date) -> dict[str, int]:
        """Return the number of requests per status of the day (``EXPIREE``, ``INCOMPLETE``).

        An ACTIVE request whose start (renewal, else filing) is on or before
        ``lapse_cutoff`` has lapsed (``rules.dates.lapse_cutoff``).
        """
        sql = (
            "SELECT CASE WHEN status = 'ACTIVE' AND (CASE WHEN renewal_date IS NOT NULL "
            "AND renewal_date >= filing_date THEN renewal_date ELSE filing_date END) <= ? "
            "THEN 'EXPIREE' WHEN status = 'ACTIVE' AND intake_missing IS NOT NULL "
            "THEN 'INCOMPLETE' ELSE status END AS day_status, COUNT(*) FROM requests "
            "GROUP BY day_status"
        )
        rows = self._db.execute(sql, [lapse_cutoff.isoformat()]).fetchall()
        return {str(status): int(count) for status, count in rows}

    def workplace_counts(self, status: RequestStatus = RequestStatus.ACTIVE) -> dict[str, int]:
        """Return the number of requests in ``status`` by workplace commune (INSEE code)."""
        sql = "SELECT work_commune, COUNT(*) FROM requests WHERE status = ? GROUP BY work_commune"
        return {str(c): int(n) for c, n in self._db.execute(sql, [status.value]).fetchall()}

    def get(self, ref: str) -> Request | None:
        """Return the request with this reference, or None."""
        found = self._load(SELECT + " WHERE r.ref = ?", [ref])
        return found[0] if found else None

    def get_many(self, refs: Sequence[str]) -> dict[str, Request]:
        """Return the existing requests among ``refs``, by reference."""
        out: dict[str, Request] = {}
        if len(refs) > 4 * CHUNK:
            # A bulk re-import: one pass over the tables beats thousands of IN (...) queries.
            wanted = set(refs)
            return {r.ref: r for r in self.all() if r.ref in wanted}
        for start in range(0, len(refs), CHUNK):
            chunk = list(refs[start : start + CHUNK])
            marks = ",".join("?" * len(chunk))
            for req in self._load(SELECT + f" WHERE r.ref IN ({marks})", chunk):
                out[req.ref] = req
        return out

    def all(self, status: RequestStatus | None = None) -> list[Request]:
        """Return every request (optionally in one status), ordered by row id."""
        if status is None:
            return self._load(SELECT + " ORDER BY r.id", [])
        return self._load(SELECT + " WHERE r.status = ? ORDER BY r.id", [status.value])

    def index_columns(self) -> IndexColumns:
        """Return, in row-id order, the raw columns the candidate index is built from.

        Plain SQL values (ISO dates, enum values, None), no Request objects: building
        100 000 of them was half of the cost of a rebuild of the index.
        """
        with gc_paused():
            rows = self._db.execute(INDEX_SELECT + " ORDER BY r.id").fetchall()
            ids = [r[0] for r in rows]
            motifs = self._children("request_motifs", "code", ids) if ids else {}
            l441 = self._children("request_l441", "code", ids) if ids else {}
            communes = self._children("request_communes", "code_insee", ids) if ids else {}
            values: dict[str, list[Any]] = (
                {
                    name: list(column)
                    for name, column in zip(INDEX_FIELDS, zip(*rows, strict=True), strict=True)
                }
                if rows
                else {name: [] for name in INDEX_FIELDS}
            )
            return IndexColumns(
                values=values,
                motifs=[tuple(motifs.get(i, ())) for i in ids],
                l441=[tuple(l441.get(i, ())) for i in ids],
                communes=[tuple(communes.get(i, ())) for i in ids],
            )

    def refs_by_uuid(self, uuids: Sequence[str | None]) -> dict[str, str]:
        """Return the reference of the requests among these identifiers, by identifier."""
        wanted = [u for u in uuids if u]
        out: dict[str, str] = {}
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT uuid, ref FROM requests WHERE uuid IN ({marks})"
            out.update((u, r) for u, r in self._db.execute(sql, chunk))
        return out

    def get_by_uuid(self, uuid: str) -> Request | None:
        """Return the request with this identifier, or None."""
        found = self._load(SELECT + " WHERE r.uuid = ?", [uuid])
        return found[0] if found else None

    def refs(self) -> dict[str, int]:
        """Return the row id of every request by reference."""
        return {ref: rid for rid, ref in self._db.execute("SELECT id, ref FROM requests")}

    def summaries(self) -> list[RequestSummary]:
        """Return the list columns of every request, ordered by row id (fast, no children)."""
        with gc_paused():
            rows = self._db.execute(SUMMARY_SELECT + " ORDER BY r.id").fetchall()
            return [summary_of(row) for row in rows]

    def summary(self, ref: str) -> RequestSummary | None:
        """Return the list columns of one request (to refresh one row after a save)."""
        row = self._db.execute(SUMMARY_SELECT + " WHERE r.ref = ?", [ref]).fetchone()
        return summary_of(row) if row else None

    def _children(self, table: str, column: str, ids: list[int]) -> dict[int, list[str]]:
        out: dict[int, list[str]] = defaultdict(list)
        order = "position" if table == "request_communes" else "rowid"
        if len(ids) > CHUNK:
            sql = f"SELECT request_id, {column} FROM {table} ORDER BY request_id, {order}"
            for rid, value in self._db.execute(sql):
                out[rid].append(value)
            return out
        marks = ",".join("?" * len(ids))
        sql = (
            f"SELECT request_id, {column} FROM {table} WHERE request_id IN ({marks}) "
            f"ORDER BY request_id, {order}"
        )
        for rid, value in self._db.execute(sql, ids):
            out[rid].append(value)
        return out

    def _load(self, sql: str, params: list[Any]) -> list[Request]:
        with gc_paused():
            rows = self._db.execute(sql, params).fetchall()
            if not rows:
                return []
            ids = [r[0] for r in rows]
            motifs = self._children("request_motifs", "code", ids)
            l441 = self._children("request_l441", "code", ids)
            communes = self._children("request_communes", "code_insee", ids)
            return [row_to_request(r, motifs, l441, communes) for r in rows]

    # -- writing ------------------------------------------------------------------------
    def _employer_id(self, employer: Employer, cache: dict[tuple[str, str], int]) -> int:
        raw = (employer.name, employer.siret or "")
        if raw in cache:  # a few hundred employers for 100 000 requests: fold each once
            return cache[raw]
        key = (fold(employer.name), raw[1])
        if key in cache:
            cache[raw] = cache[key]
            return cache[key]
        row = self._db.execute(
            "SELECT id FROM employers WHERE name_key = ? AND siret = ?", list(key)
        ).fetchone()
        if row:
            cache[key] = cache[raw] = int(row[0])
            return int(row[0])
        cur = self._db.execute(
            "INSERT INTO employers (name, siret, name_key) VALUES (?, ?, ?)",
            [employer.name, key[1], key[0]],
        )
        cache[key] = cache[raw] = int(cur.lastrowid or 0)
        return cache[key]

    def employers(self) -> list[Employer]:
        """Return the known employers, by name."""
        rows = self._db.execute("SELECT name, siret FROM employers ORDER BY name_key")
        return [Employer(name, siret or None) for name, siret in rows]

    def save_many(
        self,
        requests: Iterable[Request],
        actor: str,
        source: str,
        preserve_state: bool = True,
    ) -> SaveOutcome:
        """Create or update requests by reference, in one transaction, auditing each change.

        With ``preserve_state`` (imports), an existing request keeps its status, closing data
        and tie-breaker: a file describes the request, not its life cycle.
        """
        items = list(requests)
        outcome = SaveOutcome()
        with self._db.atomic():
            existing = self.get_many([r.ref for r in items])
            elsewhere = self.refs_by_uuid([r.uuid for r in items if r.uuid])
            cache: dict[tuple[str, str], int] = {}
            entries: list[PendingEntry] = []
            inserts: list[tuple[Request, int]] = []
            for request in items:
                old = existing.get(request.ref)
                check_identity(request, old, elsewhere)
                if old is None:
                    request = replace(
                        request,
                        uuid=request.uuid or str(uuid4()),
                        tie_breaker=(
                            secrets.randbelow(2**31)
                            if request.tie_breaker is None
                            else request.tie_breaker
                        ),
                    )
                    inserts.append((request, self._employer_id(request.employer, cache)))
                    entries.append(
                        PendingEntry(
                            "create",
                            "demande",
                            request.ref,
                            {
                                "source": source,
                                "uuid": request.uuid,
                                "after": request_fields(request),
                            },
                        )
                    )
                    outcome.created.append(request.ref)
                    continue
                request = replace(request, uuid=old.uuid)
                if preserve_state:
                    request = replace(
                        request,
                        status=old.status,
                        closed_on=old.closed_on,
                        close_reason=old.close_reason,
                    )
                # Parking follows refusals (proposals), never the file or the editor.
                request = replace(
                    request, id=old.id, tie_breaker=old.tie_breaker, parked_until=old.parked_until
                )
                if request == old:
                    outcome.unchanged.append(request.ref)
                    continue
                changes = diff_fields(request_fields(old), request_fields(request))
                if not changes:
                    outcome.unchanged.append(request.ref)
                    continue
                assert old.id is not None
                self._update(old.id, request, self._employer_id(request.employer, cache))
                entries.append(
                    PendingEntry(
                        "update",
                        "demande",
                        request.ref,
                        {
                            "source": source,
                            "uuid": request.uuid,
                            "changes": changes,
                            "after": request_fields(request),
                        },
                    )
                )
                outcome.updated.append(request.ref)
            if inserts:
                self._insert_many(inserts)
            self._audit.append(actor, entries)
        return outcome

    def save(self, request: Request, actor: str, source: str = "saisie") -> Request:
        """Create or update one request (status included) and return it as stored."""
        self.save_many([request], actor, source, preserve_state=False)
        stored = self.get(request.ref)
        assert stored is not None
        return stored

    def anonymise(
        self, items: Sequence[tuple[Request, dict[str, Any]]], on: date, actor: str
    ) -> None:
        """Overwrite requests with their anonymised values and delete the persons' keys.

        One transaction for all. Each entry recording it holds the anonymised values in clear
        (they are not personal) plus ``details``; the persons' earlier entries stay in the
        chain, sealed under keys that no longer exist.
        """
        if not items:
            return
        with self._db.atomic():
            cache: dict[tuple[str, str], int] = {}
            entries = []
            for request, details in items:
                assert request.id is not None
                self._update(request.id, request, self._employer_id(request.employer, cache))
                entries.append(
                    PendingEntry(
                        "anonymise",
                        "demande",
                        request.ref,
                        {**details, "after": request_fields(request)},
                        seal=False,
                    )
                )
            self._db.conn.executemany(
                "UPDATE requests SET anonymised_on = ? WHERE id = ?",
                [(on.isoformat(), r.id) for r, _ in items],
            )
            # What forum packages brought of the person (their laptop's entries, the forum
            # records of their pairs) is personal too and chained to nothing: it goes.
            uuids = [(r.uuid, r.uuid) for r, _ in items if r.uuid]
            self._db.conn.executemany(
                "DELETE FROM package_entries WHERE record_uuid = ? OR record_uuid IN "
                "(SELECT forum_uuid FROM merge_pairs WHERE office_uuid = ?)",
                uuids,
            )
            self._db.conn.executemany(
                "DELETE FROM merge_pairs WHERE office_uuid = ?", [(u,) for u, _ in uuids]
            )
            self._audit.append(actor, entries)
            self._audit.keys.delete_many([r.ref for r, _ in items])

    def anonymised(self) -> dict[str, date]:
        """Return the day each anonymised request was anonymised, by reference."""
        rows = self._db.execute(
            "SELECT ref, anonymised_on FROM requests WHERE anonymised_on IS NOT NULL"
        )
        return {ref: date.fromisoformat(day) for ref, day in rows}

    def set_tie_breakers(self, values: dict[str, int], actor: str = "système") -> None:
        """Store tie-breakers drawn for requests that had none (audited)."""
        with self._db.atomic():
            self._db.conn.executemany(
                "UPDATE requests SET tie_breaker = ? WHERE ref = ? AND tie_breaker IS NULL",
                [(v, k) for k, v in values.items()],
            )
            self._audit.append(
                actor,
                [
                    PendingEntry("tie_breaker", "demande", k, {"tie_breaker": v})
                    for k, v in values.items()
                ],
            )

    def _values(self, request: Request, employer_id: int) -> list[Any]:
        a, h, w, wish = request.applicant, request.household, request.workplace, request.wishes
        return [
            request.ref,
            request.unique_number,
            request.filing_date.isoformat(),
            iso_day(request.renewal_date),
            a.last_name,
            a.first_name,
            a.birth_date.isoformat(),
            a.email,
            a.phone,
            a.address,
            request.housing.commune,
            request.housing.situation.value,
            request.housing.rent,
            employer_id,
            w.commune,
            w.latitude,
            w.longitude,
            w.transport.value if w.transport else None,
            request.contract.value,
            request.mobility.value,
            iso_day(request.mobility_date),
            h.persons,
            h.dependants,
            iso_day(h.partner_birth_date),
            int(h.disability),
            h.fiscal_income,
            h.monthly_income,
            h.recent_income,
            h.own_income,
            h.children_under_14,
            int(request.dalo),
            wish.typology_min,
            wish.typology_max,
            wish.max_rent,
            int(wish.needs_pmr),
            int(wish.needs_lift),
            request.status.value,
            iso_day(request.closed_on),
            request.close_reason,
            request.tie_breaker,
            search_key(request),
            "|".join(request.to_complete) or None,
            request.uuid,
        ]

    def _insert_many(self, items: list[tuple[Request, int]]) -> None:
        stamp = now_iso()
        cols = ", ".join(COLUMNS) + ", created_at, updated_at"
        marks = ", ".join("?" * (len(COLUMNS) + 2))
        conn = self._db.conn
        conn.executemany(
            f"INSERT INTO requests ({cols}) VALUES ({marks})",
            [[*self._values(r, eid), stamp, stamp] for r, eid in items],
        )
        ids = self.refs()
        self._write_children([(ids[r.ref], r) for r, _ in items])

    def _update(self, request_id: int, request: Request, employer_id: int) -> None:
        sets = ", ".join(f"{c} = ?" for c in COLUMNS)
        self._db.execute(
            f"UPDATE requests SET {sets}, updated_at = ? WHERE id = ?",
            [*self._values(request, employer_id), now_iso(), request_id],
        )
        for table in ("request_motifs", "request_l441", "request_communes"):
            self._db.execute(f"DELETE FROM {table} WHERE request_id = ?", [request_id])
        self._write_children([(request_id, request)])

    def _write_children(self, items: list[tuple[int, Request]]) -> None:
        conn = self._db.conn
        conn.executemany(
            "INSERT OR IGNORE INTO request_motifs (request_id, code) VALUES (?, ?)",
            [(rid, m.value) for rid, r in items for m in r.motifs],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO request_l441 (request_id, code) VALUES (?, ?)",
            [(rid, c.value) for rid, r in items for c in r.l441],
        )
        conn.executemany(
            "INSERT INTO request_communes (request_id, position, code_insee) VALUES (?, ?, ?)",
            [(rid, i, c) for rid, r in items for i, c in enumerate(r.wishes.communes)],
        )
