"""Repository of units (logements)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any
from uuid import uuid4

import sqlite_utils

from housingmatch.domain.fields import diff_fields, unit_fields
from housingmatch.domain.model import Financement, Unit, UnitStatus
from housingmatch.errors import IdentityConflict
from housingmatch.store.audit import AuditLog, PendingEntry
from housingmatch.store.database import now_iso

_COLUMNS = (
    "ref",
    "landlord",
    "programme",
    "address",
    "commune",
    "latitude",
    "longitude",
    "qpv",
    "typology",
    "surface",
    "floor",
    "lift",
    "accessible_pmr",
    "financing",
    "rent",
    "charges",
    "available_on",
    "proposal_deadline",
    "reserved_employer",
    "status",
    "uuid",
)
_SELECT = "SELECT id, " + ", ".join(_COLUMNS) + " FROM units"


@dataclass(frozen=True, slots=True)
class UnitSaveOutcome:
    """What a bulk save did, by unit reference."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _row_to_unit(row: Sequence[Any]) -> Unit:
    v = dict(zip(("id", *_COLUMNS), row, strict=True))
    return Unit(
        id=v["id"],
        ref=v["ref"],
        landlord=v["landlord"],
        programme=v["programme"],
        address=v["address"],
        commune=v["commune"],
        latitude=v["latitude"],
        longitude=v["longitude"],
        qpv=v["qpv"],
        typology=v["typology"],
        surface=v["surface"],
        floor=v["floor"],
        lift=bool(v["lift"]),
        accessible_pmr=bool(v["accessible_pmr"]),
        financing=Financement(v["financing"]),
        rent=v["rent"],
        charges=v["charges"],
        available_on=_day(v["available_on"]),
        proposal_deadline=_day(v["proposal_deadline"]),
        reserved_employer=v["reserved_employer"],
        status=UnitStatus(v["status"]),
        uuid=v["uuid"],
    )


def _values(unit: Unit) -> list[Any]:
    return [
        unit.ref,
        unit.landlord,
        unit.programme,
        unit.address,
        unit.commune,
        unit.latitude,
        unit.longitude,
        unit.qpv,
        unit.typology,
        unit.surface,
        unit.floor,
        int(unit.lift),
        int(unit.accessible_pmr),
        unit.financing.value,
        unit.rent,
        unit.charges,
        unit.available_on.isoformat() if unit.available_on else None,
        unit.proposal_deadline.isoformat() if unit.proposal_deadline else None,
        unit.reserved_employer,
        unit.status.value,
        unit.uuid,
    ]


class UnitRepository:
    """Reads and writes units; every write is audited in the same transaction."""

    def __init__(self, db: sqlite_utils.Database, audit: AuditLog) -> None:
        """Wrap an open database and its audit log."""
        self._db = db
        self._audit = audit

    def count(self, status: UnitStatus | None = None) -> int:
        """Return the number of units, optionally in one status."""
        if status is None:
            return int(self._db.execute("SELECT COUNT(*) FROM units").fetchone()[0])
        sql = "SELECT COUNT(*) FROM units WHERE status = ?"
        return int(self._db.execute(sql, [status.value]).fetchone()[0])

    def get(self, ref: str) -> Unit | None:
        """Return the unit with this reference, or None."""
        row = self._db.execute(_SELECT + " WHERE ref = ?", [ref]).fetchone()
        return _row_to_unit(row) if row else None

    def all(self, status: UnitStatus | None = None) -> list[Unit]:
        """Return every unit (optionally in one status), ordered by row id."""
        if status is None:
            rows = self._db.execute(_SELECT + " ORDER BY id").fetchall()
        else:
            rows = self._db.execute(
                _SELECT + " WHERE status = ? ORDER BY id", [status.value]
            ).fetchall()
        return [_row_to_unit(r) for r in rows]

    def save_many(
        self, units: Iterable[Unit], actor: str, source: str, preserve_state: bool = True
    ) -> UnitSaveOutcome:
        """Create or update units by reference in one transaction, auditing each change."""
        outcome = UnitSaveOutcome()
        stamp = now_iso()
        with self._db.atomic():
            entries: list[PendingEntry] = []
            for unit in units:
                old = self.get(unit.ref)
                if unit.uuid is not None and old is not None and old.uuid != unit.uuid:
                    raise IdentityConflict(
                        f"La référence « {unit.ref} » est déjà celle d'un autre logement de cette "
                        "base : une fiche venue d'ailleurs ne la remplace pas (rien n'a été "
                        "enregistré)."
                    )
                if old is None:
                    unit = replace(unit, uuid=unit.uuid or str(uuid4()))
                    cols = ", ".join(_COLUMNS) + ", created_at, updated_at"
                    marks = ", ".join("?" * (len(_COLUMNS) + 2))
                    self._db.execute(
                        f"INSERT INTO units ({cols}) VALUES ({marks})",
                        [*_values(unit), stamp, stamp],
                    )
                    entries.append(
                        PendingEntry(
                            "create",
                            "logement",
                            unit.ref,
                            {"source": source, "uuid": unit.uuid, "after": unit_fields(unit)},
                        )
                    )
                    outcome.created.append(unit.ref)
                    continue
                if preserve_state:
                    unit = replace(unit, status=old.status)
                unit = replace(unit, id=old.id, uuid=old.uuid)
                changes = diff_fields(unit_fields(old), unit_fields(unit))
                if not changes:
                    outcome.unchanged.append(unit.ref)
                    continue
                sets = ", ".join(f"{c} = ?" for c in _COLUMNS)
                self._db.execute(
                    f"UPDATE units SET {sets}, updated_at = ? WHERE id = ?",
                    [*_values(unit), stamp, old.id],
                )
                entries.append(
                    PendingEntry(
                        "update",
                        "logement",
                        unit.ref,
                        {"source": source, "changes": changes, "after": unit_fields(unit)},
                    )
                )
                outcome.updated.append(unit.ref)
            self._audit.append(actor, entries)
        return outcome

    def save(self, unit: Unit, actor: str, source: str = "saisie") -> Unit:
        """Create or update one unit (status included) and return it as stored."""
        self.save_many([unit], actor, source, preserve_state=False)
        stored = self.get(unit.ref)
        assert stored is not None
        return stored
