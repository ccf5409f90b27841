"""The supervisors' sign-offs on proposals; each one audited with its checkpoint."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

import sqlite_utils

from housingmatch.domain.review import SignOff, Verdict
from housingmatch.store.audit import AuditLog, PendingEntry
from housingmatch.store.database import now_iso

_COLUMNS = "id, proposal_id, verdict, comment, signed_by, signed_at, checkpoint_hash"


def _sign_off(row: tuple) -> SignOff:  # type: ignore[type-arg]
    return SignOff(
        proposal_id=int(row[1]),
        verdict=Verdict(row[2]),
        comment=row[3],
        by=row[4],
        at=datetime.fromisoformat(row[5]),
        checkpoint_hash=row[6],
        id=int(row[0]),
    )


class ReviewRepository:
    """Keeps sign-offs; every proposal may have several, the newest is its current verdict."""

    def __init__(self, db: sqlite_utils.Database, audit: AuditLog) -> None:
        """Wrap an open database and its audit log."""
        self._db = db
        self._audit = audit

    def add(self, sign_off: SignOff, checkpoint_id: int | None) -> SignOff:
        """Store a sign-off and its audit entry; call inside the checkpoint's transaction."""
        with self._db.atomic():
            cur = self._db.execute(
                "INSERT INTO review_signoffs (proposal_id, verdict, comment, signed_by, "
                "signed_at, checkpoint_id, checkpoint_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    sign_off.proposal_id,
                    sign_off.verdict.value,
                    sign_off.comment,
                    sign_off.by,
                    sign_off.at.isoformat(),
                    checkpoint_id,
                    sign_off.checkpoint_hash,
                ],
            )
            new_id = int(cur.lastrowid or 0)
            self._audit.append(
                sign_off.by,
                [
                    PendingEntry(
                        "signoff",
                        "proposition",
                        str(sign_off.proposal_id),
                        {
                            "verdict": sign_off.verdict.value,
                            "commentaire": sign_off.comment,
                            "point_de_controle": sign_off.checkpoint_hash,
                        },
                    )
                ],
            )
        return SignOff(
            sign_off.proposal_id, sign_off.verdict, sign_off.comment, sign_off.by,
            sign_off.at, sign_off.checkpoint_hash, new_id,
        )  # fmt: skip

    def for_proposals(self, proposal_ids: Iterable[int]) -> dict[int, list[SignOff]]:
        """Return the sign-offs of proposals, oldest first, by proposal (absent: none)."""
        ids = sorted(set(proposal_ids))
        out: dict[int, list[SignOff]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for row in self._db.execute(
                f"SELECT {_COLUMNS} FROM review_signoffs WHERE proposal_id IN ({marks}) "
                "ORDER BY signed_at, id",
                chunk,
            ):
                out.setdefault(int(row[1]), []).append(_sign_off(row))
        return out

    def all(self) -> list[SignOff]:
        """Return every sign-off, oldest first."""
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM review_signoffs ORDER BY signed_at, id")
        return [_sign_off(r) for r in rows]

    # -- the replay cache (not audited: it holds no record, only a result computed again at will)
    def cached_replay(self, proposal_id: int, digest: str, version: str) -> list[str] | None:
        """Return the differences of the last replay of this very receipt by this version."""
        row = self._db.execute(
            "SELECT differences FROM review_replays WHERE proposal_id = ? AND receipt_digest = ? "
            "AND app_version = ?",
            [proposal_id, digest, version],
        ).fetchone()
        return [str(d) for d in json.loads(row[0])] if row else None

    def keep_replay(
        self, proposal_id: int, digest: str, version: str, differences: list[str]
    ) -> None:
        """Keep the result of a replay of a receipt (replacing the previous one)."""
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO review_replays (proposal_id, receipt_digest, app_version, "
                "differences, replayed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (proposal_id) DO "
                "UPDATE SET receipt_digest = excluded.receipt_digest, app_version = "
                "excluded.app_version, differences = excluded.differences, "
                "replayed_at = excluded.replayed_at",
                [proposal_id, digest, version, json.dumps(differences, ensure_ascii=False),
                 now_iso()],
            )  # fmt: skip
