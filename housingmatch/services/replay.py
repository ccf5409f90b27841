"""Replay the ranking receipt of a proposal: the same result again, or what changed and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from housingmatch.domain.fields import diff_fields, unit_fields
from housingmatch.domain.model import Request
from housingmatch.domain.session import Session
from housingmatch.errors import UserError
from housingmatch.geo import default_gazetteer
from housingmatch.matching.places import GazetteerPlaces
from housingmatch.matching.receipts import (
    differences,
    encode_columns,
    read_receipt,
    replay,
    result_of,
)
from housingmatch.rules.permissions import Action, require
from housingmatch.services import matching
from housingmatch.store import Store


@dataclass(frozen=True, slots=True)
class ReplayReport:
    """What a replay found: identical, or the differences (and, against today, their causes)."""

    proposal_id: int
    against_current: bool
    differences: list[str]
    causes: list[str] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        """Return whether the ranking came out the same."""
        return not self.differences

    def to_dict(self) -> dict[str, Any]:
        """Return the report as the ``replay --json`` object."""
        return {
            "proposal": self.proposal_id,
            "against_current": self.against_current,
            "identical": self.identical,
            "differences": self.differences,
            "causes": self.causes,
        }


def _inputs(request: Request) -> dict[str, Any]:
    return {k: v[0] for k, v in encode_columns(Request, [request]).items()}


def replay_proposal(
    store: Store, session: Session, proposal_id: int, against_current: bool = False
) -> ReplayReport:
    """Re-run a proposal's receipt; ``against_current`` ranks today's data on the same date."""
    require(session, Action.READ)
    blob = store.proposals.receipt(proposal_id)
    if blob is None:
        if store.proposals.get(proposal_id) is None:
            raise UserError(f"Aucune proposition n'a le numéro {proposal_id}.")
        raise UserError(f"La proposition {proposal_id} n'a pas de reçu de classement (antérieure).")
    receipt = read_receipt(blob)
    kept = receipt.result
    if not against_current:
        again = replay(receipt, GazetteerPlaces(default_gazetteer()))
        return ReplayReport(proposal_id, False, differences(kept, result_of(again)))
    now = matching.rank_unit(store, session, receipt.unit.ref, kept.on)
    full = differences(kept, result_of(now), limit=10**9)
    diffs = differences(kept, result_of(now))
    causes: list[str] = []
    rules = matching.active_ruleset(store, kept.on)
    if rules.content_hash != kept.ruleset_hash:
        causes.append(
            f"Les règles actives ont changé ({kept.ruleset_hash[:12]} → {rules.content_hash[:12]})."
        )
    rows = tuple(
        (r.year, r.zone, r.financing, r.category, r.amount) for r in store.reference.ceilings()
    )
    if sorted(rows) != sorted(tuple(r) for r in receipt.ceilings):
        causes.append("La table des plafonds de ressources a changé.")
    unit = store.units.get(receipt.unit.ref)
    if unit is not None:
        changed = diff_fields(unit_fields(receipt.unit), unit_fields(unit))
        changed.pop("statut", None)
        if changed:
            causes.append(f"Le logement a changé : {', '.join(sorted(changed))}.")
    then = {r.ref: r for r in receipt.requests}
    moved = {line.split(" : ", 1)[0] for line in full}
    current = store.requests.get_many(sorted(moved))
    for ref in sorted(moved):
        before = then.get(ref)
        after = current.get(ref)
        if before is None and after is not None:
            causes.append(f"{ref} : demande créée depuis.")
        elif before is not None and after is None:
            causes.append(f"{ref} : demande supprimée depuis.")
        elif before is not None and after is not None:
            a, b = _inputs(before), _inputs(after)
            fields = sorted(k for k in a if a[k] != b.get(k))
            if fields:
                causes.append(f"{ref} : {', '.join(fields)} modifié(s).")
    if len(causes) > 50:
        causes = [*causes[:50], f"… et {len(causes) - 50} autres causes"]
    return ReplayReport(proposal_id, True, diffs, causes)
