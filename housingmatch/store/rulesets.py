"""Stored rule sets: the exact text each ranking used, by content hash.

A rule set is a draft (``BROUILLON``) until approved (``APPROUVE``) with an in-force date.
The rule set in force on a day is, among the approved ones whose in-force date has come,
the most recently approved or activated (``activation``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlite_utils

from housingmatch.store.audit import AuditLog, PendingEntry
from housingmatch.store.database import now_iso


@dataclass(frozen=True, slots=True)
class StoredRuleset:
    """A rule set as imported: identity, hash and source text."""

    id: int
    name: str
    version: str
    effective_date: date
    content_hash: str
    content: str


DRAFT = "BROUILLON"
APPROVED = "APPROUVE"


@dataclass(frozen=True, slots=True)
class RulesetState:
    """A stored rule set with its approval state."""

    ruleset: StoredRuleset
    state: str
    in_force_from: date | None
    imported_by: str | None
    approved_by: str | None
    approved_at: str | None
    activation: int


class RulesetRepository:
    """Keeps every imported rule set; the most recently activated one is the active one."""

    def __init__(self, db: sqlite_utils.Database, audit: AuditLog) -> None:
        """Wrap an open database and its audit log."""
        self._db = db
        self._audit = audit

    def add(
        self,
        name: str,
        version: str,
        effective_date: date,
        content_hash: str,
        content_text: str,
        actor: str = "système",
        activate: bool = True,
    ) -> int:
        """Store a rule set (once per hash), make it the active one, and return its id."""
        known = self._db.execute(
            "SELECT id FROM rulesets WHERE content_hash = ?", [content_hash]
        ).fetchone()
        if known and (not activate or self.latest_hash() == content_hash):
            return int(known[0])  # the common case: no write, no lock
        with self._db.atomic():
            # Two first rankings may install the same rule set at once: the second one finds
            # it (ON CONFLICT) instead of failing on the unique hash.
            row = self._db.execute(
                "INSERT INTO rulesets (name, version, effective_date, content_hash, content, "
                "imported_at, activation, state, in_force_from, imported_by, approved_by, "
                "approved_at) VALUES (?, ?, ?, ?, ?, ?, "
                "(SELECT COALESCE(MAX(activation), 0) + ? FROM rulesets), ?, ?, ?, ?, ?) "
                "ON CONFLICT (content_hash) DO NOTHING RETURNING id",
                [
                    name,
                    version,
                    effective_date.isoformat(),
                    content_hash,
                    content_text,
                    now_iso(),
                    1 if activate else 0,
                    APPROVED if activate else DRAFT,
                    min(effective_date, date.today()).isoformat() if activate else None,
                    actor,
                    actor if activate else None,
                    now_iso() if activate else None,
                ],
            ).fetchone()
            if row is None:
                found = self._db.execute(
                    "SELECT id FROM rulesets WHERE content_hash = ?", [content_hash]
                ).fetchone()
                if activate and self.latest_hash() != content_hash:
                    self.activate(content_hash, actor)
                return int(found[0])
            self._audit.append(
                actor,
                [
                    PendingEntry(
                        "import" if activate else "import_draft",
                        "regles",
                        f"{name} {version}",
                        {"hash": content_hash, "date_effet": effective_date.isoformat()},
                    )
                ],
            )
        return int(row[0])

    def activate(self, content_hash: str, actor: str = "système") -> None:
        """Make a stored rule set the active one again (audited)."""
        stored = self.get(content_hash)
        if stored is None:
            raise KeyError(content_hash)
        with self._db.atomic():
            # A draft activated the old way is approved, in force from its date (or today).
            self._db.execute(
                "UPDATE rulesets SET activation = (SELECT MAX(activation) + 1 FROM rulesets), "
                "state = 'APPROUVE', in_force_from = COALESCE(in_force_from, ?), "
                "approved_by = COALESCE(approved_by, ?), approved_at = COALESCE(approved_at, ?) "
                "WHERE content_hash = ?",
                [
                    min(stored.effective_date, date.today()).isoformat(),
                    actor,
                    now_iso(),
                    content_hash,
                ],
            )
            self._audit.append(
                actor,
                [
                    PendingEntry(
                        "activate",
                        "regles",
                        f"{stored.name} {stored.version}",
                        {"hash": content_hash},
                    )
                ],
            )

    def latest_hash(self) -> str | None:
        """Return the hash of the active rule set, or None."""
        latest = self.latest()
        return latest[0] if latest else None

    def all(self) -> list[StoredRuleset]:
        """Return every stored rule set, oldest first."""
        rows = self._db.execute(
            "SELECT id, name, version, effective_date, content_hash, content FROM rulesets "
            "ORDER BY id"
        )
        return [StoredRuleset(r[0], r[1], r[2], date.fromisoformat(r[3]), r[4], r[5]) for r in rows]

    def get(self, content_hash: str) -> StoredRuleset | None:
        """Return the rule set with this hash, or None."""
        return next((r for r in self.all() if r.content_hash == content_hash), None)

    def latest(self) -> tuple[str, str] | None:
        """Return (hash, content text) of the active (most recently activated) rule set."""
        row = self._db.execute(
            "SELECT content_hash, content FROM rulesets WHERE state = 'APPROUVE' "
            "ORDER BY activation DESC, id DESC LIMIT 1"
        ).fetchone()
        return (row[0], row[1]) if row else None

    def in_force(self, on: date) -> tuple[str, str] | None:
        """Return (hash, content text) of the rule set in force on a day, or None."""
        row = self._db.execute(
            "SELECT content_hash, content FROM rulesets WHERE state = 'APPROUVE' "
            "AND in_force_from <= ? ORDER BY activation DESC, id DESC LIMIT 1",
            [on.isoformat()],
        ).fetchone()
        return (row[0], row[1]) if row else None

    def states(self) -> list[RulesetState]:
        """Return every stored rule set with its approval state, oldest first."""
        rows = self._db.execute(
            "SELECT id, name, version, effective_date, content_hash, content, state, "
            "in_force_from, imported_by, approved_by, approved_at, activation "
            "FROM rulesets ORDER BY id"
        )
        return [
            RulesetState(
                StoredRuleset(r[0], r[1], r[2], date.fromisoformat(r[3]), r[4], r[5]),
                r[6],
                date.fromisoformat(r[7]) if r[7] else None,
                r[8],
                r[9],
                r[10],
                r[11],
            )
            for r in rows
        ]

    def approve(self, content_hash: str, actor: str, in_force_from: date) -> None:
        """Approve a stored rule set, in force from a day; it takes precedence from then on."""
        stored = self.get(content_hash)
        if stored is None:
            raise KeyError(content_hash)
        with self._db.atomic():
            self._db.execute(
                "UPDATE rulesets SET state = 'APPROUVE', in_force_from = ?, approved_by = ?, "
                "approved_at = ?, activation = (SELECT MAX(activation) + 1 FROM rulesets) "
                "WHERE content_hash = ?",
                [in_force_from.isoformat(), actor, now_iso(), content_hash],
            )
            self._audit.append(
                actor,
                [
                    PendingEntry(
                        "approve",
                        "regles",
                        f"{stored.name} {stored.version}",
                        {"hash": content_hash, "en_vigueur_le": in_force_from.isoformat()},
                    )
                ],
            )
