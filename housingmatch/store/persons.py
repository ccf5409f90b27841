"""What is held on one person beyond their request: the proposals naming them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlite_utils


@dataclass(frozen=True, slots=True)
class PersonProposal:
    """A proposal in which a request is a candidate."""

    unit_ref: str
    status: str
    ranking_date: date
    ruleset_hash: str
    position: int
    engine_rank: int | None
    deviation_reason: str | None
    updated_at: str


class PersonData:
    """Reads everything that names one request, for an access request (RGPD art. 15)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        """Wrap an open database."""
        self._db = db

    def proposals(self, request_ref: str) -> list[PersonProposal]:
        """Return the proposals in which the request is a candidate, oldest first."""
        rows = self._db.execute(
            "SELECT u.ref, p.status, p.ranking_date, p.ruleset_hash, c.position, "
            "c.engine_rank, p.deviation_text, p.updated_at "
            "FROM proposal_candidates c JOIN proposals p ON p.id = c.proposal_id "
            "JOIN units u ON u.id = p.unit_id JOIN requests r ON r.id = c.request_id "
            "WHERE r.ref = ? ORDER BY p.id",
            [request_ref],
        )
        return [
            PersonProposal(r[0], r[1], date.fromisoformat(r[2]), r[3], r[4], r[5], r[6], r[7])
            for r in rows
        ]
