"""Proposals: their state, candidates, timeline and ranking receipt; every transition audited."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlite_utils

from housingmatch.domain.fields import unit_fields
from housingmatch.domain.proposal import (
    Answer,
    Candidate,
    ContactOutcome,
    Decision,
    DeviationCode,
    EventKind,
    ExceptionCode,
    NonAttributionCode,
    Proposal,
    ProposalEvent,
    ProposalState,
    RefusalReason,
    ReleaseCode,
    WithdrawalCode,
)
from housingmatch.errors import UserError
from housingmatch.store.audit import AuditLog, PendingEntry
from housingmatch.store.database import now_iso
from housingmatch.store.units import UnitRepository

_PROPOSAL_COLUMNS = (
    "p.id, u.ref, p.status, p.created_on, p.ranking_date, p.ruleset_hash, p.advisor, "
    "p.exception_code, p.deviation_code, p.deviation_text, p.sent_on, p.commission_date, "
    "p.decided_on, p.closed_on, p.flag"
)
_CANDIDATE_COLUMNS = (
    "position",
    "engine_rank",
    "contact",
    "withdrawal_code",
    "decision",
    "caleol_rank",
    "non_attribution_code",
    "notified_on",
    "answer_deadline",
    "answer",
    "refusal_code",
    "refusal_note",
    "answered_on",
    "leased_on",
    "release_code",
    "parked_until",
)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _code(value: Any) -> Any:
    return value.value if value is not None else None


def _candidate(ref: str, row: Sequence[Any]) -> Candidate:
    (pos, rank, contact, wcode, decision, crank, ncode, notified, deadline, answer, rcode,
     rnote, answered, leased, release, parked) = row  # fmt: skip
    return Candidate(
        request_ref=ref,
        position=pos,
        engine_rank=rank,
        contact=ContactOutcome(contact) if contact else None,
        withdrawal_code=WithdrawalCode(wcode) if wcode else None,
        decision=Decision(decision) if decision else None,
        caleol_rank=crank,
        non_attribution_code=NonAttributionCode(ncode) if ncode else None,
        notified_on=_day(notified),
        answer_deadline=_day(deadline),
        answer=Answer(answer) if answer else None,
        refusal_code=RefusalReason(rcode) if rcode else None,
        refusal_note=rnote,
        answered_on=_day(answered),
        leased_on=_day(leased),
        release_code=ReleaseCode(release) if release else None,
        parked_until=_day(parked),
    )


def _candidate_values(c: Candidate) -> list[Any]:
    return [
        c.position,
        c.engine_rank,
        _code(c.contact),
        _code(c.withdrawal_code),
        _code(c.decision),
        c.caleol_rank,
        _code(c.non_attribution_code),
        _iso(c.notified_on),
        _iso(c.answer_deadline),
        _code(c.answer),
        _code(c.refusal_code),
        c.refusal_note,
        _iso(c.answered_on),
        _iso(c.leased_on),
        _code(c.release_code),
        _iso(c.parked_until),
    ]


class ProposalRepository:
    """Keeps proposals; :meth:`save` writes a proposal's new state and its new events."""

    def __init__(self, db: sqlite_utils.Database, audit: AuditLog) -> None:
        """Wrap an open database and its audit log."""
        self._db = db
        self._audit = audit

    # -- reading ------------------------------------------------------------------------
    def _load(self, where: str, params: list[Any]) -> list[Proposal]:
        rows = self._db.execute(
            f"SELECT {_PROPOSAL_COLUMNS} FROM proposals p JOIN units u ON u.id = p.unit_id "
            f"{where} ORDER BY p.id",
            params,
        ).fetchall()
        if not rows:
            return []
        ids = [r[0] for r in rows]
        marks = ", ".join("?" * len(ids))
        cands: dict[int, list[Candidate]] = {i: [] for i in ids}
        cols = ", ".join(f"c.{c}" for c in _CANDIDATE_COLUMNS)
        for row in self._db.execute(
            f"SELECT c.proposal_id, r.ref, {cols} FROM proposal_candidates c "
            f"JOIN requests r ON r.id = c.request_id WHERE c.proposal_id IN ({marks}) "
            "ORDER BY c.proposal_id, c.position IS NULL, c.position, r.ref",
            ids,
        ):
            cands[row[0]].append(_candidate(row[1], row[2:]))
        events: dict[int, list[ProposalEvent]] = {i: [] for i in ids}
        for pid, kind, on, actor, summary, details in self._db.execute(
            "SELECT proposal_id, kind, on_date, actor, summary, details FROM proposal_events "
            f"WHERE proposal_id IN ({marks}) ORDER BY id",
            ids,
        ):
            events[pid].append(
                ProposalEvent(
                    EventKind(kind), date.fromisoformat(on), actor, summary, json.loads(details)
                )
            )
        out = []
        for r in rows:
            out.append(
                Proposal(
                    id=r[0],
                    unit_ref=r[1],
                    state=ProposalState(r[2]),
                    created_on=date.fromisoformat(r[3]),
                    ranking_date=date.fromisoformat(r[4]),
                    ruleset_hash=r[5],
                    advisor=r[6],
                    exception=ExceptionCode(r[7]) if r[7] else None,
                    deviation_code=DeviationCode(r[8]) if r[8] else None,
                    deviation_text=r[9],
                    sent_on=_day(r[10]),
                    commission_date=_day(r[11]),
                    decided_on=_day(r[12]),
                    closed_on=_day(r[13]),
                    flag=r[14],
                    candidates=tuple(cands[r[0]]),
                    events=tuple(events[r[0]]),
                )
            )
        return out

    def get(self, proposal_id: int) -> Proposal | None:
        """Return a proposal by id, or None."""
        found = self._load("WHERE p.id = ?", [proposal_id])
        return found[0] if found else None

    def all(self, state: ProposalState | None = None) -> list[Proposal]:
        """Return every proposal (of one state when given), oldest first."""
        if state is None:
            return self._load("", [])
        return self._load("WHERE p.status = ?", [state.value])

    def for_unit(self, unit_ref: str) -> list[Proposal]:
        """Return the proposals of a unit, oldest first."""
        return self._load("WHERE u.ref = ?", [unit_ref])

    def for_request(self, request_ref: str) -> list[Proposal]:
        """Return the proposals a request appears in, oldest first."""
        return self._load(
            "WHERE p.id IN (SELECT c.proposal_id FROM proposal_candidates c "
            "JOIN requests r ON r.id = c.request_id WHERE r.ref = ?)",
            [request_ref],
        )

    def receipt(self, proposal_id: int) -> bytes | None:
        """Return the compressed ranking receipt kept with a proposal, if any."""
        row = self._db.execute(
            "SELECT receipt FROM proposals WHERE id = ?", [proposal_id]
        ).fetchone()
        return bytes(row[0]) if row and row[0] is not None else None

    def refusals(self, request_refs: Sequence[str]) -> dict[str, list[str]]:
        """Return the recorded refusal notes of requests, oldest first, by reference."""
        out: dict[str, list[str]] = {}
        refs = list(request_refs)
        for start in range(0, len(refs), 500):
            chunk = refs[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for ref, note in self._db.execute(
                "SELECT r.ref, c.refusal_note FROM proposal_candidates c "
                "JOIN requests r ON r.id = c.request_id "
                f"WHERE r.ref IN ({marks}) AND c.refusal_note IS NOT NULL "
                "ORDER BY c.answered_on, c.proposal_id",
                chunk,
            ):
                out.setdefault(ref, []).append(note)
        return out

    # -- writing ------------------------------------------------------------------------
    def _request_ids(self, refs: Sequence[str]) -> dict[str, int]:
        ids = {}
        for ref in refs:
            row = self._db.execute("SELECT id FROM requests WHERE ref = ?", [ref]).fetchone()
            if row is None:
                raise UserError(f"Demande inconnue : « {ref} ».")
            ids[ref] = int(row[0])
        return ids

    def save(self, proposal: Proposal, actor: str, receipt: bytes | None = None) -> Proposal:
        """Write a proposal's state, candidates and the events it gained (one audit entry each).

        A proposal without id is created (with its receipt when given). Call inside the
        caller's transaction when other records change with it.
        """
        with self._db.atomic():
            ids = self._request_ids([c.request_ref for c in proposal.candidates])
            values = [
                proposal.state.value,
                proposal.ranking_date.isoformat(),
                proposal.ruleset_hash,
                proposal.advisor,
                proposal.created_on.isoformat(),
                _code(proposal.exception),
                _code(proposal.deviation_code),
                proposal.deviation_text,
                _iso(proposal.sent_on),
                _iso(proposal.commission_date),
                _iso(proposal.decided_on),
                _iso(proposal.closed_on),
                proposal.flag,
            ]
            stamp = now_iso()
            if proposal.id is None:
                unit = self._db.execute(
                    "SELECT id FROM units WHERE ref = ?", [proposal.unit_ref]
                ).fetchone()
                if unit is None:
                    raise UserError(f"Logement inconnu : « {proposal.unit_ref} ».")
                cur = self._db.execute(
                    "INSERT INTO proposals (unit_id, status, ranking_date, ruleset_hash, advisor, "
                    "created_on, exception_code, deviation_code, deviation_text, sent_on, "
                    "commission_date, decided_on, closed_on, flag, receipt, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [unit[0], *values, receipt, stamp, stamp],
                )
                pid = int(cur.lastrowid or 0)
                known = 0
            else:
                pid = proposal.id
                known = int(
                    self._db.execute(
                        "SELECT COUNT(*) FROM proposal_events WHERE proposal_id = ?", [pid]
                    ).fetchone()[0]
                )
                self._db.execute(
                    "UPDATE proposals SET status = ?, ranking_date = ?, ruleset_hash = ?, "
                    "advisor = ?, created_on = ?, exception_code = ?, deviation_code = ?, "
                    "deviation_text = ?, sent_on = ?, commission_date = ?, decided_on = ?, "
                    "closed_on = ?, flag = ?, updated_at = ? WHERE id = ?",
                    [*values, stamp, pid],
                )
                self._db.execute("DELETE FROM proposal_candidates WHERE proposal_id = ?", [pid])
            cols = ", ".join(_CANDIDATE_COLUMNS)
            marks = ", ".join("?" * (len(_CANDIDATE_COLUMNS) + 2))
            self._db.conn.executemany(
                f"INSERT INTO proposal_candidates (proposal_id, request_id, {cols}) VALUES ({marks})",
                [[pid, ids[c.request_ref], *_candidate_values(c)] for c in proposal.candidates],
            )
            new_events = proposal.events[known:]
            self._db.conn.executemany(
                "INSERT INTO proposal_events (proposal_id, kind, on_date, actor, summary, details) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (pid, e.kind.value, e.on.isoformat(), e.actor, e.summary,
                     json.dumps(e.details, ensure_ascii=False, default=str))
                    for e in new_events
                ],
            )  # fmt: skip
            self._audit.append(
                actor,
                [
                    PendingEntry(
                        e.kind.value.lower(),
                        "proposition",
                        str(pid),
                        {"logement": proposal.unit_ref, "etat": proposal.state.value,
                         "date": e.on.isoformat(), "resume": e.summary, **e.details},
                    )
                    for e in new_events
                ],
            )  # fmt: skip
        stored = self.get(pid)
        assert stored is not None
        return stored

    def set_unit_status(self, unit_ref: str, status: str, actor: str, why: str) -> None:
        """Change a unit's status (audited)."""
        with self._db.atomic():
            old = self._db.execute("SELECT status FROM units WHERE ref = ?", [unit_ref]).fetchone()
            if old is None:
                raise UserError(f"Logement inconnu : « {unit_ref} ».")
            if old[0] == status:
                return
            self._db.execute(
                "UPDATE units SET status = ?, updated_at = ? WHERE ref = ?",
                [status, now_iso(), unit_ref],
            )
            # The entry holds the unit's values after the change, so verify rebuilds it.
            unit = UnitRepository(self._db, self._audit).get(unit_ref)
            assert unit is not None
            details = {
                "changes": {"statut": [old[0], status]},
                "source": why,
                "after": unit_fields(unit),
            }
            self._audit.append(actor, [PendingEntry("status", "logement", unit_ref, details)])

    def park_request(self, request_ref: str, until: date | None, actor: str, why: str) -> None:
        """Park a request until a date (None lifts the parking); audited as a request change."""
        with self._db.atomic():
            self._db.execute(
                "UPDATE requests SET parked_until = ? WHERE ref = ?", [_iso(until), request_ref]
            )
            self._audit.append(
                actor,
                [PendingEntry("park", "demande", request_ref,
                              {"en_attente_jusquau": _iso(until), "source": why})],
            )  # fmt: skip

    def unit_notice_dates(self) -> dict[str, date]:
        """Return the day each unit's vacancy was recorded (its notice date), by reference."""
        return {
            ref: date.fromisoformat(created[:10])
            for ref, created in self._db.execute("SELECT ref, created_at FROM units")
        }
