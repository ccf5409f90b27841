"""Work functions run by the job helper: each opens its own store from the database path.

They are plain functions ``fn(db_path, ..., progress, cancelled)`` calling the services, and
return plain data for the GUI thread to show. No Qt here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from housingmatch.errors import JobCancelled
from housingmatch.store import Store

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

# The candidates and exclusions listed in the tables; counts always cover the whole pool.
SHOWN_CANDIDATES = 500
SHOWN_EXCLUDED = 2000

DEMO_REQUESTS = 2000
DEMO_UNITS = 150
DEMO_SEED = 2026


def _check(cancelled: Cancelled) -> None:
    if cancelled():
        raise JobCancelled()


@dataclass(frozen=True, slots=True)
class PersonInfo:
    """What the matching tables show of a request besides its reference."""

    name: str
    employer: str
    persons: int


@dataclass(frozen=True, slots=True)
class UnitRankingView:
    """A ranking with what the tables need, prepared off the GUI thread."""

    ranking: Any
    candidates: tuple[Any, ...]
    excluded: tuple[Any, ...]
    excluded_total: int
    counts_by_reason: tuple[tuple[str, str, int], ...]
    people: dict[str, PersonInfo]


def _people(store: Store, refs: list[str]) -> dict[str, PersonInfo]:
    found = store.requests.get_many(refs)
    return {
        ref: PersonInfo(r.display_name, r.employer.name, r.household.persons)
        for ref, r in found.items()
    }


def rank_unit_work(
    db_path: Path, unit_ref: str, on: date, progress: Progress, cancelled: Cancelled
) -> UnitRankingView:
    """Rank the candidates of one unit and prepare the tables (counts by reason included)."""
    from housingmatch.matching.results import EXCLUSION_LABELS
    from housingmatch.services.matching import rank_unit

    progress(0, 3)
    with Store.open(db_path) as store:
        ranking = rank_unit(store, unit_ref, on)
        _check(cancelled)
        progress(1, 3)
        candidates = tuple(ranking.ranked[:SHOWN_CANDIDATES])
        counter: Counter[str] = Counter()
        excluded_shown = []
        for i, item in enumerate(ranking.excluded):
            counter.update(str(c) for c in item.codes)
            if i < SHOWN_EXCLUDED:
                excluded_shown.append(item)
            if i % 5000 == 0:
                _check(cancelled)
        progress(2, 3)
        refs = [c.ref for c in candidates] + [e.ref for e in excluded_shown]
        people = _people(store, refs)
    labels = {str(code): text for code, text in EXCLUSION_LABELS.items()}
    counts = tuple(
        (code, labels.get(code, code), n)
        for code, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    progress(3, 3)
    return UnitRankingView(
        ranking, candidates, tuple(excluded_shown), len(ranking.excluded), counts, people
    )


def prepare_matching_work(db_path: Path, progress: Progress, cancelled: Cancelled) -> int:
    """Build the database's candidate index ahead of the first ranking; return its size."""
    from housingmatch.services.matching import engine_for

    progress(0, 1)
    with Store.open(db_path) as store:
        size = len(engine_for(store).index)
    progress(1, 1)
    return size


def candidate_units_work(
    db_path: Path, request_ref: str, on: date, progress: Progress, cancelled: Cancelled
) -> tuple[Any, dict[str, Any]]:
    """Return the open units a request fits (best first) and those units by reference."""
    from housingmatch.services.matching import candidate_units

    progress(0, 1)
    with Store.open(db_path) as store:
        result = candidate_units(store, request_ref, on)
        units = {u.ref: u for u in store.units.all()}
    progress(1, 1)
    return result, units


def allocate_work(
    db_path: Path, on: date, per_unit: int, progress: Progress, cancelled: Cancelled
) -> tuple[Any, dict[str, PersonInfo], dict[str, Any]]:
    """Compute the batch allocation over all open units, with names and units for display."""
    from housingmatch.services.matching import allocate

    progress(0, 2)
    with Store.open(db_path) as store:
        allocation = allocate(store, on, per_unit=per_unit)
        _check(cancelled)
        progress(1, 2)
        refs = [c.ref for item in allocation.units for c in item.candidates]
        people = _people(store, refs)
        units = {u.ref: u for u in store.units.all()}
    progress(2, 2)
    return allocation, people, units


def generate_demo_work(
    db_path: Path,
    requests: int,
    units: int,
    seed: int,
    progress: Progress,
    cancelled: Cancelled,
) -> Any:
    """Fill the database with demonstration data (nothing written when cancelled)."""
    from housingmatch.services.demo import generate_demo

    with Store.open(db_path) as store:
        return generate_demo(
            store, requests=requests, units=units, seed=seed, progress=progress, cancelled=cancelled
        )


def import_work(
    db_path: Path,
    kind: str,
    path: Path,
    partial: bool,
    progress: Progress,
    cancelled: Cancelled,
) -> Any:
    """Import a file of requests or units (nothing written when cancelled or refused)."""
    from housingmatch.services.imports import import_file

    with Store.open(db_path) as store:
        return import_file(
            store, kind, path, partial=partial, progress=progress, cancelled=cancelled
        )


def save_draft_work(
    db_path: Path,
    unit_ref: str,
    on: date,
    refs: list[str],
    reason: str | None,
    progress: Progress,
    cancelled: Cancelled,
) -> int:
    """Start or extend a unit's proposal (its ranking receipt takes seconds on a large pool)."""
    from housingmatch.services import local_session, proposals
    from housingmatch.services.matching import rank_unit

    progress(0, 1)
    with Store.open(db_path) as store:
        ranking = rank_unit(store, unit_ref, on)
        proposal = proposals.save_draft(store, local_session(), ranking, refs, reason)
    progress(1, 1)
    return proposal.id or 0
