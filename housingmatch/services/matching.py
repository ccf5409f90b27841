"""Ranking use cases for the GUI and the command line: rank a unit, reverse view, allocation.

The engine (a candidate index of every request) is cached per database file, shared by
every connection to it (the GUI's background jobs each open their own), so repeated
rankings do not reread the database. The cache is checked against the audit log's last hash
(every write is audited): requests changed since are read again and applied to a copy of
the index (copy-on-write: a ranking already handed out keeps reading the engine it came
from); reference-data or rule changes rebuild it. A caller that changed requests itself can
say which with :func:`requests_changed`. The rule set is the one in force on the ranking
date (see ``store/rulesets.py``), or the shipped default (then stored, so rankings can be
replayed with the same text).

Between runs the index is kept in a column cache beside the database (``base.sqlite.hm-index``,
see :mod:`housingmatch.store.column_cache`), keyed by the data's version: the audit head,
a fingerprint of the requests table, the index format, the package version and the shipped
geography. A cache whose key differs in any way is not used: the index is rebuilt from the
database and the cache rewritten. The index does not depend on the rule set.
"""

from __future__ import annotations

import contextlib
import os
import threading
import weakref
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from housingmatch import __version__
from housingmatch.domain.model import UnitStatus
from housingmatch.domain.session import Session
from housingmatch.errors import UserError
from housingmatch.geo import default_gazetteer
from housingmatch.matching.eligibility import MatchingContext
from housingmatch.matching.engine import MatchingEngine
from housingmatch.matching.index import INDEX_FORMAT, CandidateIndex
from housingmatch.matching.ordering import derived_tie_breaker
from housingmatch.matching.places import GazetteerPlaces, Places, TablePlaces, places_table
from housingmatch.matching.results import (
    Allocation,
    CandidateUnits,
    RankedCandidate,
    Ranking,
)
from housingmatch.paths import resource
from housingmatch.rules.ceilings import CeilingTable
from housingmatch.rules.permissions import Action, require
from housingmatch.rules.ruleset import RuleSet, RuleSetError, default_ruleset, parse_ruleset
from housingmatch.store import Store
from housingmatch.store.bulk import gc_paused
from housingmatch.store.column_cache import cache_path, read_columns, write_columns

if TYPE_CHECKING:
    from pathlib import Path


@dataclass(slots=True)
class _Cached:
    engine: MatchingEngine
    ruleset_hash: str
    token: str


# In-memory stores have no file to share: their engines are kept per store object.
_PRIVATE: weakref.WeakKeyDictionary[Store, _Cached] = weakref.WeakKeyDictionary()
_SHARED: dict[str, _Cached] = {}
_SHARED_MAX = 4
_LOCK = threading.Lock()


def _cached(store: Store) -> _Cached | None:
    with _LOCK:
        if store.path is None:
            return _PRIVATE.get(store)
        return _SHARED.get(str(store.path.resolve()))


def _keep(store: Store, cached: _Cached) -> None:
    with _LOCK:
        if store.path is None:
            _PRIVATE[store] = cached
            return
        key = str(store.path.resolve())
        _SHARED.pop(key, None)
        while len(_SHARED) >= _SHARED_MAX:
            _SHARED.pop(next(iter(_SHARED)))
        _SHARED[key] = cached


def active_ruleset(store: Store, on: date | None = None) -> RuleSet:
    """Return the rule set in force on a day (today), storing the shipped default if none.

    Before the in-force date of every approved rule set, the most recently approved one is
    used (a ranking is never refused for want of rules).
    """
    latest = store.rulesets.in_force(on or date.today()) or store.rulesets.latest()
    if latest is None:
        rules = default_ruleset()
        store.rulesets.add(
            rules.name, rules.version, rules.effective_date, rules.content_hash, rules.text
        )
        return rules
    stored_hash, text = latest
    try:
        rules = parse_ruleset(text)
    except RuleSetError as exc:
        raise UserError(f"Les règles enregistrées sont inutilisables : {exc}") from None
    if rules.content_hash != stored_hash:
        raise UserError(
            "Les règles enregistrées ne correspondent plus à leur empreinte : "
            "réimportez le fichier de règles."
        )
    return rules


def matching_context(store: Store, rules: RuleSet, places: Places | None = None) -> MatchingContext:
    """Return the rules, the database's ceiling table and the places (the gazetteer's)."""
    rows = [(r.year, r.zone, r.financing, r.category, r.amount) for r in store.reference.ceilings()]
    if not rows:
        raise UserError("La table des plafonds de ressources de la base est vide.")
    return MatchingContext(
        ruleset=rules,
        ceilings=CeilingTable(rows),
        places=places if places is not None else _gazetteer_places(),
        quartile_thresholds=tuple(
            (t.epci, t.year, t.amount) for t in store.reference.quartile_thresholds()
        ),
    )


def _index_from_database(store: Store, context: MatchingContext) -> CandidateIndex:
    """Build the candidate index from the requests table's columns, storing the tie-breakers
    of requests that had none (drawn once, as the index derives them)."""
    with gc_paused():
        data = store.requests.index_columns()
    refs, ties = data.values["ref"], data.values["tie_breaker"]
    missing = {
        ref: derived_tie_breaker(ref) for ref, tie in zip(refs, ties, strict=True) if tie is None
    }
    if missing:
        store.requests.set_tie_breakers(missing)
    return CandidateIndex.from_columns(
        data.values, data.motifs, data.l441, data.communes, context.places
    )


def engine_for(store: Store, on: date | None = None) -> MatchingEngine:
    """Return the engine of the rule set in force on a day (today), cached and up to date."""
    rules = active_ruleset(store, on)
    cached = _cached(store)
    if cached is not None and cached.ruleset_hash == rules.content_hash:
        if cached.token == store.audit.last_hash():
            return cached.engine
        updated = _catch_up(store, cached)
        if updated is not None:
            _keep(store, updated)
            return updated.engine
    key = _cache_key(store)
    found = _read_cache(store, rules, key)
    if found is not None and key is not None:
        engine, token = found, key["audit_head"]
    else:
        context = matching_context(store, rules)
        engine = MatchingEngine.from_index(context, _index_from_database(store, context))
        token = store.audit.last_hash()
        _write_cache(store, engine, key)
    _keep(store, _Cached(engine, rules.content_hash, token))
    return engine


@cache
def _places_fingerprint() -> str:
    """Return a fingerprint of the shipped geography the index's points come from."""
    folder = resource("geo")
    parts = [
        f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in sorted(folder.glob("*.csv"))
    ]
    return "|".join(parts)


def _cache_key(store: Store) -> dict[str, Any] | None:
    """Return the data's version the column cache must carry (None: no file to cache beside)."""
    if store.path is None or os.environ.get("HOUSINGMATCH_INDEX_CACHE") == "0":
        return None  # in memory, or switched off (benchmarks compare with and without)
    if store.encrypted:
        # The cache holds personal data in clear columns: an encrypted base keeps none.
        return None
    return {
        "format": INDEX_FORMAT,
        "package": __version__,
        "places": _places_fingerprint(),
        "audit_head": store.audit.last_hash(),
        "audit_count": store.audit.count(),
        "requests": store.requests.data_stamp(),
    }


def index_cache_path(store: Store) -> Path | None:
    """Return the column cache file of a store's database (None for an in-memory store)."""
    return None if store.path is None else cache_path(store.path)


def _gazetteer_places() -> Places:
    return GazetteerPlaces(default_gazetteer())


def _read_cache(store: Store, rules: RuleSet, key: dict[str, Any] | None) -> MatchingEngine | None:
    """Return the engine of a column cache that carries exactly ``key``, or None.

    The cache also holds the point, zone and EPCI of every commune, so a ranking from the
    command line does not load the whole gazetteer (it is loaded if a code is missing).
    """
    path = index_cache_path(store)
    if path is None or key is None:
        return None
    arrays = read_columns(path, key)
    if arrays is None:
        return None
    try:
        places = TablePlaces(arrays, _gazetteer_places)
        context = matching_context(store, rules, places)
        index = CandidateIndex.from_arrays(arrays, places)
    except (KeyError, ValueError):
        return None
    return MatchingEngine.from_index(context, index)


def _write_cache(store: Store, engine: MatchingEngine, key: dict[str, Any] | None) -> None:
    """Keep the index beside the database, if nothing changed while it was built."""
    path = index_cache_path(store)
    if path is None or key is None or _cache_key(store) != key:
        return  # written meanwhile (or tie-breakers drawn): the next run writes the cache
    codes = [c.code_insee for c in default_gazetteer().communes()]
    arrays = engine.index.to_arrays()
    arrays.update(places_table(engine.context.places, codes))
    # A read-only folder: ranking works without the cache, only slower to start.
    with contextlib.suppress(OSError):
        write_columns(path, key, arrays)


# Entities whose changes leave the candidate index valid once the changed requests are
# re-read; any other change (reference data, rules) rebuilds the engine.
_INDEX_NEUTRAL = frozenset({"demande", "logement", "proposition", "journal"})


def _catch_up(store: Store, cached: _Cached) -> _Cached | None:
    """Return a copy of the cached engine with what changed since it was built.

    Return None when a rebuild is needed (unknown history, reference or rule changes, or
    so many changed requests that a rebuild is cheaper).
    """
    entries = store.audit.entries_after(cached.token)
    if entries is None or any(e.entity not in _INDEX_NEUTRAL for e in entries):
        return None
    refs = sorted({e.entity_ref for e in entries if e.entity == "demande" and e.entity_ref})
    if len(refs) > max(1000, len(cached.engine.index) // 5):
        return None
    engine = _updated(store, cached.engine, refs) if refs else cached.engine
    return _Cached(engine, cached.ruleset_hash, store.audit.last_hash())


def _updated(store: Store, engine: MatchingEngine, refs: list[str]) -> MatchingEngine:
    """Return a copy of ``engine`` with these requests re-read (or removed if gone)."""
    found = store.requests.get_many(refs)
    missing = {ref: derived_tie_breaker(ref) for ref, r in found.items() if r.tie_breaker is None}
    if missing:
        store.requests.set_tie_breakers(missing)
        found = store.requests.get_many(refs)
    twin = engine.copy()
    for ref in refs:
        if ref in found:
            twin.upsert(found[ref])
        else:
            twin.remove(ref)
    return twin


def requests_changed(store: Store, refs: list[str]) -> None:
    """Update the cached engine for requests this connection just saved, closed or deleted."""
    cached = _cached(store)
    if cached is None:
        return
    engine = _updated(store, cached.engine, refs)
    _keep(store, _Cached(engine, cached.ruleset_hash, store.audit.last_hash()))


def forget(store: Store) -> None:
    """Drop the cached engine of a store's database (e.g. before deleting the file)."""
    with _LOCK:
        if store.path is None:
            _PRIVATE.pop(store, None)
        else:
            _SHARED.pop(str(store.path.resolve()), None)


def current_ruleset(store: Store, session: Session) -> RuleSet:
    """Return the rule set rankings use now (see :func:`active_ruleset`)."""
    require(session, Action.READ)
    return active_ruleset(store)


def prepare_matching(store: Store, session: Session) -> int:
    """Build (or bring up to date) the database's candidate index; return its size."""
    require(session, Action.RANK)
    return len(engine_for(store).index)


def rank_unit(
    store: Store, session: Session, unit_ref: str, on: date, top: int | None = None
) -> Ranking:
    """Rank every request for a unit on a date; keep the first ``top`` ranked when given."""
    require(session, Action.RANK)
    unit = store.units.get(unit_ref)
    if unit is None:
        raise UserError(f"Aucun logement n'a la référence « {unit_ref} ».")
    if top is not None and top < 1:
        raise UserError("Le nombre de candidats à afficher doit être au moins 1.")
    ranking = engine_for(store, on).rank(unit, on)
    if top is not None:
        ranking = replace(ranking, ranked=ranking.top(top))
    return ranking


def candidate_units(store: Store, session: Session, request_ref: str, on: date) -> CandidateUnits:
    """Return the open units a request is eligible for, best first."""
    require(session, Action.RANK)
    engine = engine_for(store, on)
    request = store.requests.get(request_ref) if request_ref in engine.index else None
    if request is None:
        raise UserError(f"Aucune demande n'a la référence « {request_ref} ».")
    return engine.candidate_units(request, store.units.all(status=UnitStatus.OUVERT), on)


def allocate(
    store: Store,
    session: Session,
    on: date,
    per_unit: int = 3,
    min_priority: float = 0.0,
    min_first_quartile: float = 0.0,
) -> Allocation:
    """Suggest distinct candidates for all open units at once (maximal total score).

    ``min_priority`` (0 to 1) asks that share of the places filled for DALO or L441-1
    households, ``min_first_quartile`` that share of the places outside QPV for
    first-quartile households; the result's ``shares`` then says what they cost.
    """
    require(session, Action.RANK)
    if per_unit < 1:
        raise UserError("Le nombre de candidats par logement doit être au moins 1.")
    for value, what in ((min_priority, "DALO/prioritaires"), (min_first_quartile, "1er quartile")):
        if not 0.0 <= value <= 1.0:
            raise UserError(
                f"La part minimale {what} doit être comprise entre 0 et 100 % "
                f"(reçu : {value * 100:g} %)."
            )
    from housingmatch.matching import allocation  # scipy: on demand

    engine = engine_for(store, on)
    units = store.units.all(status=UnitStatus.OUVERT)
    if min_priority or min_first_quartile:
        from housingmatch.matching.constrained import ShareTargets

        targets = ShareTargets(min_priority, min_first_quartile)
        return allocation.allocate_with_targets(engine, units, on, per_unit, targets)
    return allocation.allocate(engine, units, on, per_unit)


# -- plain data for JSON output and for keeping a ranking with a proposal -------------------
def candidate_to_dict(candidate: RankedCandidate) -> dict[str, Any]:
    """Return a ranked candidate as the command line's JSON object."""
    return {
        "rank": candidate.rank,
        "ref_demande": candidate.ref,
        "score": candidate.score,
        "groups": [g.value for g in candidate.groups],
        "parts": candidate.parts_dict(),
        "commute_minutes": candidate.commute_minutes,
        "under_occupied": candidate.under_occupied,
    }


def ranking_to_dict(ranking: Ranking) -> dict[str, Any]:
    """Return a ranking as the ``rank --json`` object."""
    return {
        "unit": ranking.unit_ref,
        "date": ranking.on.isoformat(),
        "ruleset": {
            "name": ranking.ruleset.name,
            "version": ranking.ruleset.version,
            "hash": ranking.ruleset.hash,
            "legal_priority": ranking.ruleset.legal_priority,
        },
        "ranked": [candidate_to_dict(c) for c in ranking.ranked],
        "excluded": [
            {"ref_demande": e.ref, "reasons": [c.value for c in e.codes]} for e in ranking.excluded
        ],
        "warnings": list(ranking.warnings),
    }


def candidate_units_to_dict(view: CandidateUnits) -> dict[str, Any]:
    """Return the reverse view as the ``candidates --json`` object."""
    return {
        "request": view.request_ref,
        "date": view.on.isoformat(),
        "ruleset": {
            "name": view.ruleset.name,
            "version": view.ruleset.version,
            "hash": view.ruleset.hash,
        },
        "groups": [g.value for g in view.groups],
        "units": [
            {
                "rank": i,
                "ref_logement": o.unit_ref,
                "score": o.score,
                "parts": {p.value: v for p, v in o.parts},
                "commute_minutes": o.commute_minutes,
            }
            for i, o in enumerate(view.options, start=1)
        ],
        "not_eligible": [
            {"ref_logement": ref, "reasons": [c.value for c in codes]}
            for ref, codes in view.not_eligible
        ],
    }


def allocation_to_dict(allocation: Allocation) -> dict[str, Any]:
    """Return a batch suggestion as the ``allocate --json`` object."""
    return {
        "date": allocation.on.isoformat(),
        "ruleset": {
            "name": allocation.ruleset.name,
            "version": allocation.ruleset.version,
            "hash": allocation.ruleset.hash,
        },
        "per_unit": allocation.per_unit,
        "total_score": allocation.total_score,
        "units": [
            {
                "unit": u.unit_ref,
                "eligible": u.eligible_count,
                "candidates": [candidate_to_dict(c) for c in u.candidates],
                # Rank of each candidate in the unit's own ranking (``rank`` numbers the suggestion).
                "ranking_ranks": list(u.ranking_ranks),
            }
            for u in allocation.units
        ],
        "warnings": list(allocation.warnings),
        "shares": _shares_to_dict(allocation),
    }


def _shares_to_dict(allocation: Allocation) -> dict[str, Any] | None:
    """Return the shares asked of a batch and what they cost (None when none was asked)."""
    shares = allocation.shares
    if shares is None:
        return None
    return {
        "min_priority": shares.priority_share,
        "priority_required": shares.priority_required,
        "priority_reached": shares.priority_reached,
        "min_first_quartile_outside_qpv": shares.first_quartile_share,
        "first_quartile_required": shares.first_quartile_required,
        "first_quartile_reached": shares.first_quartile_reached,
        "filled": shares.filled,
        "unconstrained_total": shares.unconstrained_total,
        "constrained_total": shares.constrained_total,
        "score_lost": shares.score_lost,
        "shortfalls": list(shares.shortfalls),
        "exact": shares.exact,
    }
