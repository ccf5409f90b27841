"""The merge of a forum package into the office database: plans, pairs and their states."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from housingmatch.domain.fields import Scalar


class MergeState(StrEnum):
    """Where a possible duplicate stands."""

    EN_ATTENTE = "EN_ATTENTE"  # waiting for an advisor
    LIEE = "LIEE"  # linked: the forum's data completed the office request
    SEPAREE = "SEPAREE"  # kept separate: the forum record became a request of its own

    @property
    def label(self) -> str:
        """Return the French label."""
        return _STATE_LABELS[self]


_STATE_LABELS = {
    MergeState.EN_ATTENTE: "en attente",
    MergeState.LIEE: "liée",
    MergeState.SEPAREE: "séparée",
}


@dataclass(frozen=True, slots=True)
class FieldDiff:
    """A field whose value differs between the office request and the forum record."""

    field: str  # template column name
    label: str  # its French name
    office: Scalar
    forum: Scalar


@dataclass(frozen=True, slots=True)
class MergePair:
    """A forum record that may be an office request (id 0 while only planned)."""

    id: int
    office_ref: str
    forum_ref: str
    score: float
    reasons: tuple[str, ...]
    differing: tuple[FieldDiff, ...]
    state: MergeState
    office_name: str = ""
    forum_name: str = ""
    linked_fields: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        """Return the pair as plain JSON values (codes, not labels)."""
        return {
            "id": self.id,
            "office_ref": self.office_ref,
            "forum_ref": self.forum_ref,
            "score": self.score,
            "reasons": list(self.reasons),
            "state": self.state.value,
            "differing": [
                {"field": d.field, "label": d.label, "office": d.office, "forum": d.forum}
                for d in self.differing
            ],
            "linked_fields": list(self.linked_fields),
        }


@dataclass(frozen=True, slots=True)
class NewRequest:
    """A forum record that becomes a new office request (its reference given at import)."""

    forum_ref: str
    uuid: str
    name: str
    office_ref: str | None = None


@dataclass(frozen=True, slots=True)
class PlannedUpdate:
    """An office request the laptop changed, and the fields that change."""

    office_ref: str
    forum_ref: str
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RefusedRecord:
    """A record of the package that fails the import's validation, and why (French)."""

    forum_ref: str
    messages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What importing a package does (or did): nothing is written by a plan."""

    package_date: str  # ISO time the package was made
    device: str
    batch: str
    new_requests: tuple[NewRequest, ...]
    updates: tuple[PlannedUpdate, ...]
    duplicates: tuple[MergePair, ...]
    refused: tuple[RefusedRecord, ...]
    unchanged: int = 0
    entries: int = 0  # the laptop's audit entries carried
    already_merged: bool = False

    def to_json(self) -> dict[str, object]:
        """Return the plan as plain JSON values."""
        return {
            "package_date": self.package_date,
            "device": self.device,
            "batch": self.batch,
            "already_merged": self.already_merged,
            "new_requests": [
                {"forum_ref": n.forum_ref, "uuid": n.uuid, "office_ref": n.office_ref}
                for n in self.new_requests
            ],
            "updates": [
                {"office_ref": u.office_ref, "forum_ref": u.forum_ref, "fields": list(u.fields)}
                for u in self.updates
            ],
            "duplicates": [p.to_json() for p in self.duplicates],
            "refused": [
                {"forum_ref": r.forum_ref, "messages": list(r.messages)} for r in self.refused
            ],
            "unchanged": self.unchanged,
            "entries": self.entries,
        }


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What a package written on a laptop holds."""

    path: str
    device: str
    batch: str
    created: str
    requests: int
    entries: int
    since: str | None  # the previous package's time, None for the first
