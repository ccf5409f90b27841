"""Draft proposals: keep up to three candidates for a unit, justifying any skipped rank."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from housingmatch.domain.session import Session
from housingmatch.errors import UserError
from housingmatch.matching.results import Ranking
from housingmatch.rules.permissions import Action, require
from housingmatch.services.matching import candidate_to_dict
from housingmatch.store import DraftProposal, ProposalCandidate, Store
from housingmatch.store.proposals import MAX_CANDIDATES

__all__ = [
    "MAX_CANDIDATES",
    "DeviationReasonNeeded",
    "draft_for",
    "save_allocation_draft",
    "save_draft",
    "skipped_ranks",
]

# How many ranked candidates are kept with a proposal, so the ranking can be replayed.
KEPT_RANKED = 50
ALLOCATION_REASON = (
    "Répartition globale des logements ouverts : les candidats mieux classés sont proposés "
    "sur d'autres logements."
)


class DeviationReasonNeeded(UserError):
    """Better-ranked candidates are left out and no reason was given."""

    def __init__(self, skipped: list[int]) -> None:
        """Keep the skipped ranks and say which in French."""
        self.skipped = skipped
        ranks = ", ".join(map(str, skipped))
        super().__init__(
            f"Des candidats mieux classés ne sont pas retenus (rang {ranks}) : "
            "indiquez le motif de l'écart au classement."
        )


def skipped_ranks(chosen_ranks: Sequence[int]) -> list[int]:
    """Return the ranks above the lowest chosen one that are not chosen."""
    if not chosen_ranks:
        return []
    chosen = set(chosen_ranks)
    return [r for r in range(1, max(chosen) + 1) if r not in chosen]


def draft_for(store: Store, session: Session, unit_ref: str) -> DraftProposal | None:
    """Return the unit's draft proposal, or None."""
    require(session, Action.READ)
    return store.proposals.draft_for(unit_ref)


def save_draft(
    store: Store,
    session: Session,
    ranking: Ranking,
    refs: Sequence[str],
    deviation_reason: str | None = None,
) -> DraftProposal:
    """Keep candidates of a ranking, in order, as the unit's draft proposal (audited).

    Leaving out a better-ranked candidate needs a written reason; the ranking used (its rule
    set, date and first ranked candidates) is stored with the proposal.
    """
    require(session, Action.PREPARE_PROPOSAL)
    if not 1 <= len(refs) <= MAX_CANDIDATES:
        raise UserError(f"Choisissez de 1 à {MAX_CANDIDATES} candidats.")
    ranks = []
    for ref in refs:
        candidate = ranking.candidate(ref)
        if candidate is None:
            raise UserError(f"La demande « {ref} » n'est pas classée pour ce logement.")
        ranks.append(candidate.rank)
    skipped = skipped_ranks(ranks)
    reason = (deviation_reason or "").strip() or None
    if skipped and reason is None:
        raise DeviationReasonNeeded(skipped)
    kept = {
        "unit": ranking.unit_ref,
        "date": ranking.on.isoformat(),
        "ruleset": {
            "name": ranking.ruleset.name,
            "version": ranking.ruleset.version,
            "hash": ranking.ruleset.hash,
        },
        "ranked": [candidate_to_dict(c) for c in ranking.top(KEPT_RANKED)],
        "ranked_count": len(ranking.ranked),
        "excluded_count": len(ranking.excluded),
        "warnings": list(ranking.warnings),
    }
    return store.proposals.save_draft(
        ranking.unit_ref,
        [
            ProposalCandidate(i + 1, ref, rank, reason if skipped else None)
            for i, (ref, rank) in enumerate(zip(refs, ranks, strict=True))
        ],
        ranking.on,
        ranking.ruleset.hash,
        json.dumps(kept, ensure_ascii=False),
        session.user,
    )


def save_allocation_draft(
    store: Store,
    session: Session,
    unit_ref: str,
    on: date,
    ruleset_hash: str,
    refs: Sequence[str],
) -> DraftProposal:
    """Keep the batch allocation's candidates of one unit as its draft proposal (audited)."""
    require(session, Action.PREPARE_PROPOSAL)
    if not 1 <= len(refs) <= MAX_CANDIDATES:
        raise UserError(f"Choisissez de 1 à {MAX_CANDIDATES} candidats.")
    return store.proposals.save_draft(
        unit_ref,
        [ProposalCandidate(i + 1, ref, None, ALLOCATION_REASON) for i, ref in enumerate(refs)],
        on,
        ruleset_hash,
        None,
        session.user,
    )
