"""Draft proposals: up to three ranked candidates kept for a unit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlite_utils

from housingmatch.errors import UserError
from housingmatch.store.audit import AuditLog, PendingEntry
from housingmatch.store.database import now_iso

MAX_CANDIDATES = 3


@dataclass(frozen=True, slots=True)
class ProposalCandidate:
    """A candidate kept in a proposal, at a position, with the engine's rank."""

    position: int
    request_ref: str
    engine_rank: int | None = None
    deviation_reason: str | None = None


@dataclass(frozen=True, slots=True)
class DraftProposal:
    """The draft proposal of a unit."""

    id: int
    unit_ref: str
    status: str
    ranking_date: date
    ruleset_hash: str
    candidates: tuple[ProposalCandidate, ...]


class ProposalRepository:
    """Keeps the draft proposal of each unit (the full workflow builds on it)."""

    def __init__(self, db: sqlite_utils.Database, audit: AuditLog) -> None:
        """Wrap an open database and its audit log."""
        self._db = db
        self._audit = audit

    def draft_for(self, unit_ref: str) -> DraftProposal | None:
        """Return the draft proposal of a unit, or None."""
        row = self._db.execute(
            "SELECT p.id, u.ref, p.status, p.ranking_date, p.ruleset_hash FROM proposals p "
            "JOIN units u ON u.id = p.unit_id WHERE u.ref = ? AND p.status = 'BROUILLON' "
            "ORDER BY p.id DESC LIMIT 1",
            [unit_ref],
        ).fetchone()
        if row is None:
            return None
        cands = self._db.execute(
            "SELECT c.position, r.ref, c.engine_rank, c.deviation_reason "
            "FROM proposal_candidates c JOIN requests r ON r.id = c.request_id "
            "WHERE c.proposal_id = ? ORDER BY c.position",
            [row[0]],
        ).fetchall()
        return DraftProposal(
            id=row[0],
            unit_ref=row[1],
            status=row[2],
            ranking_date=date.fromisoformat(row[3]),
            ruleset_hash=row[4],
            candidates=tuple(ProposalCandidate(*c) for c in cands),
        )

    def save_draft(
        self,
        unit_ref: str,
        candidates: list[ProposalCandidate],
        ranking_date: date,
        ruleset_hash: str,
        ranking_json: str | None,
        actor: str,
    ) -> DraftProposal:
        """Replace the draft proposal of a unit with these candidates (at most three)."""
        if len(candidates) > MAX_CANDIDATES:
            raise UserError(f"Une proposition compte au plus {MAX_CANDIDATES} candidats.")
        refs = [c.request_ref for c in candidates]
        if len(set(refs)) != len(refs):
            raise UserError("Un même candidat ne peut figurer deux fois dans une proposition.")
        unit = self._db.execute("SELECT id FROM units WHERE ref = ?", [unit_ref]).fetchone()
        if unit is None:
            raise UserError(f"Logement inconnu : « {unit_ref} ».")
        ids = {}
        for ref in refs:
            row = self._db.execute("SELECT id FROM requests WHERE ref = ?", [ref]).fetchone()
            if row is None:
                raise UserError(f"Demande inconnue : « {ref} ».")
            ids[ref] = row[0]
        stamp = now_iso()
        with self._db.atomic():
            existing = self.draft_for(unit_ref)
            if existing is not None:
                self._db.execute(
                    "DELETE FROM proposal_candidates WHERE proposal_id = ?", [existing.id]
                )
                self._db.execute(
                    "UPDATE proposals SET ranking_date = ?, ruleset_hash = ?, ranking_json = ?, "
                    "updated_at = ? WHERE id = ?",
                    [ranking_date.isoformat(), ruleset_hash, ranking_json, stamp, existing.id],
                )
                proposal_id = existing.id
            else:
                cur = self._db.execute(
                    "INSERT INTO proposals (unit_id, status, ranking_date, ruleset_hash, "
                    "ranking_json, created_at, updated_at) VALUES (?, 'BROUILLON', ?, ?, ?, ?, ?)",
                    [unit[0], ranking_date.isoformat(), ruleset_hash, ranking_json, stamp, stamp],
                )
                proposal_id = int(cur.lastrowid or 0)
            self._db.conn.executemany(
                "INSERT INTO proposal_candidates (proposal_id, position, request_id, engine_rank, "
                "deviation_reason) VALUES (?, ?, ?, ?, ?)",
                [
                    (proposal_id, i + 1, ids[c.request_ref], c.engine_rank, c.deviation_reason)
                    for i, c in enumerate(candidates)
                ],
            )
            self._audit.append(
                actor,
                [
                    PendingEntry(
                        "draft",
                        "proposition",
                        unit_ref,
                        {
                            "candidats": refs,
                            "rangs_moteur": [c.engine_rank for c in candidates],
                            "regles": ruleset_hash,
                            "date_classement": ranking_date.isoformat(),
                        },
                    )
                ],
            )
        draft = self.draft_for(unit_ref)
        assert draft is not None
        return draft
