"""Work functions of background jobs: each opens its own store from the database path.

They are plain functions ``fn(db_path, session, ..., progress, cancelled)`` calling the
services with the session of who is working, and return plain data for the window to show.
The GUI's job runner (``gui.jobs``) runs them in a thread; nothing here knows about Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from housingmatch.domain.session import Session
from housingmatch.errors import JobCancelled
from housingmatch.matching.results import CandidateUnits, Excluded, RankedCandidate
from housingmatch.services.records import PersonInfo, list_units, people
from housingmatch.store import Store

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
T = TypeVar("T")

# The candidates and exclusions listed in the tables; counts always cover the whole pool.
SHOWN_CANDIDATES = 500
SHOWN_EXCLUDED = 2000

DEMO_REQUESTS = 2000
DEMO_UNITS = 150
DEMO_HISTORY = 40  # units of the past year whose commissions the demonstration plays
DEMO_SEED = 2026


def _check(cancelled: Cancelled) -> None:
    if cancelled():
        raise JobCancelled()


def read_work(
    db_path: Path,
    session: Session,
    read: Callable[[Store, Session], T],
    progress: Progress,
    cancelled: Cancelled,
) -> T:
    """Call ``read(store, session)`` on a store of its own (a read that may take a while)."""
    progress(0, 1)
    with Store.open(db_path) as store:
        result = read(store, session)
    _check(cancelled)  # superseded by a newer read (another save)
    progress(1, 1)
    return result


def load_records_work(
    db_path: Path,
    session: Session,
    read: Callable[[Store, Session], tuple[Sequence[Any], Sequence[str]]],
    columns: Callable[[Sequence[Any]], Any],
    progress: Progress,
    cancelled: Cancelled,
) -> tuple[Sequence[Any], Sequence[str], Any]:
    """Read the records of a table, their search keys and filter columns."""
    progress(0, 2)
    with Store.open(db_path) as store:
        records, keys = read(store, session)
    _check(cancelled)
    progress(1, 2)
    return records, keys, columns(records)


@dataclass(frozen=True, slots=True)
class UnitRankingView:
    """A ranking with what the tables need, prepared off the GUI thread."""

    ranking: Any
    candidates: tuple[RankedCandidate, ...]
    excluded: tuple[Excluded, ...]
    excluded_total: int
    counts_by_reason: tuple[tuple[str, str, int], ...]
    people: dict[str, PersonInfo]


def rank_unit_work(
    db_path: Path,
    session: Session,
    unit_ref: str,
    on: date,
    progress: Progress,
    cancelled: Cancelled,
) -> UnitRankingView:
    """Rank the candidates of one unit and prepare the tables (counts by reason included)."""
    from housingmatch.matching.results import EXCLUSION_LABELS
    from housingmatch.services.matching import rank_unit

    progress(0, 3)
    with Store.open(db_path) as store:
        ranking = rank_unit(store, session, unit_ref, on)
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
        found = people(store, session, refs)
    labels = {str(code): text for code, text in EXCLUSION_LABELS.items()}
    counts = tuple(
        (code, labels.get(code, code), n)
        for code, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    progress(3, 3)
    return UnitRankingView(
        ranking, candidates, tuple(excluded_shown), len(ranking.excluded), counts, found
    )


def prepare_matching_work(
    db_path: Path, session: Session, progress: Progress, cancelled: Cancelled
) -> int:
    """Build the database's candidate index ahead of the first ranking; return its size."""
    from housingmatch.services.matching import prepare_matching

    progress(0, 1)
    with Store.open(db_path) as store:
        size = prepare_matching(store, session)
    progress(1, 1)
    return size


def candidate_units_work(
    db_path: Path,
    session: Session,
    request_ref: str,
    on: date,
    progress: Progress,
    cancelled: Cancelled,
) -> tuple[CandidateUnits, dict[str, Any]]:
    """Return the open units a request fits (best first) and those units by reference."""
    from housingmatch.services.matching import candidate_units

    progress(0, 1)
    with Store.open(db_path) as store:
        result = candidate_units(store, session, request_ref, on)
        units = {u.ref: u for u in list_units(store, session)}
    progress(1, 1)
    return result, units


def allocate_work(
    db_path: Path,
    session: Session,
    on: date,
    per_unit: int,
    progress: Progress,
    cancelled: Cancelled,
    min_priority: float = 0.0,
    min_first_quartile: float = 0.0,
) -> tuple[Any, dict[str, PersonInfo], dict[str, Any]]:
    """Compute the batch allocation over all open units, with names and units for display.

    ``min_priority`` and ``min_first_quartile`` (0 to 1) are the legal shares asked of it.
    """
    from housingmatch.services.matching import allocate

    progress(0, 2)
    with Store.open(db_path) as store:
        allocation = allocate(
            store, session, on, per_unit, min_priority=min_priority,
            min_first_quartile=min_first_quartile,
        )  # fmt: skip
        _check(cancelled)
        progress(1, 2)
        refs = [c.ref for item in allocation.units for c in item.candidates]
        found = people(store, session, refs)
        units = {u.ref: u for u in list_units(store, session)}
    progress(2, 2)
    return allocation, found, units


def generate_demo_work(
    db_path: Path,
    session: Session,
    requests: int,
    units: int,
    seed: int,
    history: int,
    progress: Progress,
    cancelled: Cancelled,
) -> Any:
    """Fill the database with demonstration data and a year of commissions (nothing written
    when cancelled before the history; the history is played unit by unit)."""
    from housingmatch.services.demo import generate_demo

    with Store.open(db_path) as store:
        return generate_demo(
            store,
            session,
            requests=requests,
            units=units,
            seed=seed,
            progress=progress,
            cancelled=cancelled,
            history=history,
        )


def preview_work(
    db_path: Path | None,
    session: Session,
    kind: str,
    path: Path,
    progress: Progress,
    cancelled: Cancelled,
) -> Any:
    """Read and check a file without writing anything."""
    from housingmatch.services.imports import preview_import

    return preview_import(None, session, kind, path, progress=progress, cancelled=cancelled)


def import_work(
    db_path: Path,
    session: Session,
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
            store, session, kind, path, partial=partial, progress=progress, cancelled=cancelled
        )


def authenticate_work(
    db_path: Path, name: str, password: str, progress: Progress, cancelled: Cancelled
) -> Session:
    """Check a name and password (Argon2id takes a good fraction of a second): a session."""
    from housingmatch.services.accounts import authenticate

    with Store.open(db_path, create=False) as store:
        return authenticate(store, name, password)


def backup_work(db_path: Path, session: Session, progress: Progress, cancelled: Cancelled) -> Any:
    """Take a verified backup of the base with its own store; return the backup file."""
    from housingmatch.services import backups

    with Store.open(db_path, create=False) as store:
        return backups.backup_now(store, session)


def save_draft_work(
    db_path: Path,
    session: Session,
    unit_ref: str,
    on: date,
    refs: list[str],
    reason: str | None,
    progress: Progress,
    cancelled: Cancelled,
) -> int:
    """Start or extend a unit's proposal (its ranking receipt takes seconds on a large pool)."""
    from housingmatch.services import proposals
    from housingmatch.services.matching import rank_unit

    progress(0, 1)
    with Store.open(db_path) as store:
        ranking = rank_unit(store, session, unit_ref, on)
        proposal = proposals.save_draft(store, session, ranking, refs, reason)
    progress(1, 1)
    return proposal.id or 0


def retention_work(
    db_path: Path, session: Session, progress: Progress, cancelled: Cancelled
) -> Any:
    """Apply the retention rules when the window opens, if the session may (None otherwise)."""
    from housingmatch.services.retention import apply_retention_at_start

    with Store.open(db_path, create=False) as store:
        return apply_retention_at_start(store, session)


def unlock_work(db_path: Path, passphrase: str, progress: Progress, cancelled: Cancelled) -> bool:
    """Open an encrypted base with a passphrase (its key derivation takes half a second).

    The base's passphrase is then known to this process: the window opens it by its path.
    """
    with Store.open(db_path, create=False, passphrase=passphrase):
        return True


def merge_pairs_work(
    db_path: Path, session: Session, progress: Progress, cancelled: Cancelled
) -> Any:
    """Return the possible duplicates of the imported forum packages, best score first."""
    from housingmatch.services import merge

    with Store.open(db_path, create=False) as store:
        return merge.merge_pairs(store, session)


def apply_merges_work(
    db_path: Path, session: Session, progress: Progress, cancelled: Cancelled
) -> Any:
    """Link the sure pairs still waiting (same unique number); return the pairs linked."""
    from housingmatch.services import merge

    with Store.open(db_path, create=False) as store:
        return merge.apply_merges(store, session)


def review_rows_work(
    db_path: Path,
    session: Session,
    filt: Any,
    progress: Progress,
    cancelled: Cancelled,
    replay: bool = True,
) -> list[Any]:
    """List the proposals of the review (``services.review.review_rows``) with their flags.

    ``replay=False`` skips the receipts' replays (no *reçu non rejouable* flag): a first
    opening replays every receipt not replayed yet, seconds each on a large base.
    """
    from housingmatch.services.review import review_rows

    with Store.open(db_path, create=False) as store:
        return review_rows(store, session, filt, progress, cancelled, replay)


def review_detail_work(
    db_path: Path, session: Session, proposal_id: int, progress: Progress, cancelled: Cancelled
) -> Any:
    """Read one proposal for the review (``services.review.review_detail``): it replays the
    receipt, half a second for a pool of 900 candidates, seconds at 100 000 requests."""
    from housingmatch.services.review import review_detail

    with Store.open(db_path, create=False) as store:
        return review_detail(store, session, proposal_id)


def audit_report_work(
    db_path: Path,
    session: Session,
    start: date,
    end: date,
    xlsx: Path | None,
    pdf: Path | None,
    progress: Progress,
    cancelled: Cancelled,
) -> Any:
    """Gather the audit report of a period and write its files (``services.review.audit_report``)."""
    from housingmatch.services.review import audit_report

    with Store.open(db_path, create=False) as store:
        return audit_report(store, session, start, end, xlsx, pdf, progress, cancelled)


def obligations_work(
    db_path: Path,
    session: Session,
    year: int,
    today: date,
    progress: Progress,
    cancelled: Cancelled,
) -> list[Any]:
    """Compute the legal shares of a civil year as known on ``today`` (dashboard, matching)."""
    from housingmatch.services.evaluation import obligations_report, year_period

    start, end = year_period(year)
    return read_work(
        db_path,
        session,
        lambda store, s: obligations_report(store, s, start, end, today),
        progress,
        cancelled,
    )


def export_package_work(
    db_path: Path,
    session: Session,
    out: Path,
    passphrase: str,
    progress: Progress,
    cancelled: Cancelled,
) -> Any:
    """Write a forum package (``services.merge.export_package``) off the GUI thread."""
    from housingmatch.services import merge

    progress(0, 1)
    with Store.open(db_path) as store:
        summary = merge.export_package(store, session, out, passphrase)
    progress(1, 1)
    return summary


def import_package_work(
    db_path: Path,
    session: Session,
    path: Path,
    passphrase: str,
    apply: bool,
    progress: Progress,
    cancelled: Cancelled,
) -> Any:
    """Plan (``apply`` False) or import a forum package off the GUI thread; an ImportPlan."""
    from housingmatch.services import merge

    progress(0, 1)
    with Store.open(db_path) as store:
        _check(cancelled)
        if apply:
            plan = merge.import_package(store, session, path, passphrase)
        else:
            plan = merge.plan_import(store, session, path, passphrase)
    progress(1, 1)
    return plan
