"""The candidate index: every request as columns of numpy arrays, kept in memory.

Built once from a list of requests and updated in place when a request is added, changed or
removed, so ranking a unit never rereads the database. Rows of removed requests are marked
dead and never reused; the index is rule-set independent (the engine derives the rule-set
and date dependent columns from it). It keeps no Request objects: only what eligibility,
scoring and the ranked candidates need, so that it can be written to plain arrays
(:meth:`CandidateIndex.to_arrays`) and read back (:meth:`CandidateIndex.from_arrays`) by a
column cache beside the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from housingmatch.domain.model import (
    Household,
    Mobilite,
    ModeTransport,
    Motif,
    Request,
    RequestStatus,
    SituationLogement,
)
from housingmatch.matching.eligibility import employer_keys, employer_keys_of, min_surface
from housingmatch.matching.ordering import derived_tie_breaker, tie_breaker
from housingmatch.matching.places import Places, home_point, workplace_point
from housingmatch.rules.dates import VALIDITY_YEARS, add_years, expiry_date
from housingmatch.rules.groups import legal_priorities, resources_per_unit
from housingmatch.rules.household import consumption_units
from housingmatch.rules.income import (
    SEPARATION_L441,
    SEPARATION_MOTIFS,
    counted_income,
    recent_is_lower,
)

MOBILITY_CODES: dict[Mobilite, int] = {m: i for i, m in enumerate(Mobilite)}
SITUATION_CODES: dict[SituationLogement, int] = {s: i for i, s in enumerate(SituationLogement)}
MOTIF_BITS: dict[Motif, int] = {m: 1 << i for i, m in enumerate(Motif)}
MODE_CODES: dict[ModeTransport, int] = {m: i for i, m in enumerate(ModeTransport)}
NO_MODE = -1
NO_TYPOLOGY_MAX = 99

_COLUMNS: dict[str, tuple[Any, Any]] = {
    # name: (dtype, fill value of an empty row)
    "alive": (np.bool_, False),
    "status_active": (np.bool_, False),
    "expiry": (np.int32, 0),
    "parked_until": (np.int32, 0),  # ordinal day; 0 when not parked
    "incomplete": (np.bool_, False),  # a forum intake still to complete at the office
    "filing": (np.int32, 0),
    "filing_ym": (np.int32, 0),
    "filing_day": (np.int16, 0),
    "birth_y": (np.int32, 0),
    "birth_md": (np.int32, 0),
    "has_partner": (np.bool_, False),
    "partner_y": (np.int32, 0),
    "partner_md": (np.int32, 0),
    "persons": (np.int32, 1),
    "dependants": (np.int32, 0),
    "disability": (np.bool_, False),
    "counted": (np.float64, 0.0),  # the income compared with the ceiling (rules.income)
    "monthly": (np.float64, np.nan),
    "min_surface": (np.float64, 0.0),
    "typo_min": (np.int32, 0),
    "typo_max": (np.int32, NO_TYPOLOGY_MAX),
    "has_wishes": (np.bool_, False),
    "max_rent": (np.float64, np.inf),
    "needs_pmr": (np.bool_, False),
    "needs_lift": (np.bool_, False),
    "mobility": (np.int8, 0),
    "has_mobility_date": (np.bool_, False),
    "mobility_date": (np.int32, 0),
    "situation": (np.int8, 0),
    "motifs": (np.int64, 0),
    "current_rent": (np.float64, np.nan),
    "dalo": (np.bool_, False),
    "l441": (np.bool_, False),
    "work_lat": (np.float64, np.nan),
    "work_lon": (np.float64, np.nan),
    "home_lat": (np.float64, np.nan),
    "home_lon": (np.float64, np.nan),
    "mode": (np.int8, NO_MODE),
    "tie": (np.int64, 0),
    "per_uc": (np.float64, np.nan),  # yearly resources per consumption unit (first quartile)
}
# Bumped whenever the meaning of a column changes: a column cache of another format is stale.
# 2: counted income, L441-1 a, members under 14; 3: parked requests; 4: incomplete intakes
INDEX_FORMAT = 4

IntArray = npt.NDArray[np.int64]


def _csr(source: dict[str, set[int]]) -> tuple[list[str], IntArray, IntArray]:
    """Return (sorted keys, offsets, rows sorted within each key) of a key -> rows map."""
    keys = sorted(k for k, rows in source.items() if rows)
    offsets = np.zeros(len(keys) + 1, dtype=np.int64)
    chunks = []
    for i, key in enumerate(keys):
        rows = sorted(source[key])
        offsets[i + 1] = offsets[i] + len(rows)
        chunks.append(np.array(rows, dtype=np.int64))
    flat = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int64)
    return keys, offsets, flat


def _lookup_of(pairs: list[tuple[int, str]]) -> _Lookup:
    """Return the lookup of distinct (row, key) pairs: keys sorted, rows sorted per key."""
    if not pairs:
        return _Lookup([], np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int64))
    rows = np.array([row for row, _ in pairs], dtype=np.int64)
    keys, key_of_pair = np.unique(
        np.array([key for _, key in pairs], dtype=np.str_), return_inverse=True
    )
    key_of_pair = key_of_pair.ravel()
    order = np.lexsort((rows, key_of_pair))
    offsets = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum(np.bincount(key_of_pair, minlength=len(keys)), out=offsets[1:])
    return _Lookup(keys.tolist(), offsets, rows[order])


class _Lookup:
    """A key -> sorted rows map held as arrays (as read from a column cache)."""

    def __init__(self, keys: list[str], offsets: IntArray, rows: IntArray) -> None:
        self.keys = keys
        self.offsets = offsets
        self.rows = rows
        self.position = {key: i for i, key in enumerate(keys)}

    def get(self, key: str) -> IntArray:
        """Return the rows of a key (empty when unknown)."""
        i = self.position.get(key)
        if i is None:
            return np.zeros(0, dtype=np.int64)
        return self.rows[self.offsets[i] : self.offsets[i + 1]]

    def as_sets(self) -> dict[str, set[int]]:
        """Return the map as Python sets (before an update)."""
        return {key: set(self.get(key).tolist()) for key in self.keys}


class CandidateIndex:
    """Requests as columns; ``version`` changes at every update."""

    def __init__(self, places: Places, capacity: int = 1024) -> None:
        """Make an empty index that locates communes with ``places``."""
        self.places = places
        self.size = 0
        self.version = 0
        self.refs: list[str] = []
        self.row_of: dict[str, int] = {}
        self.columns: dict[str, npt.NDArray[Any]] = {
            name: np.full(capacity, fill, dtype=dtype) for name, (dtype, fill) in _COLUMNS.items()
        }
        self._wish_rows: dict[str, set[int]] = {}
        self._employer_rows: dict[str, set[int]] = {}
        self._row_wishes: list[tuple[str, ...]] = []
        self._row_employer: list[frozenset[str]] = []
        # An index read from arrays keeps its lookups as arrays until its first update.
        self._frozen: tuple[_Lookup, _Lookup] | None = None
        self._lookup_cache: dict[tuple[str, str], IntArray] = {}
        self._flag_cache: dict[str, npt.NDArray[np.bool_]] = {}
        self._ref_rank: IntArray | None = None
        self._work_points: (
            tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], IntArray] | None
        ) = None

    @classmethod
    def build(cls, requests: Iterable[Request], places: Places) -> CandidateIndex:
        """Build an index from requests."""
        items = list(requests)
        index = cls(places, capacity=max(len(items), 16))
        index.upsert_many(items)
        return index

    def copy(self) -> CandidateIndex:
        """Return an independent copy: updating it leaves this index (and its results) alone."""
        twin = CandidateIndex.__new__(CandidateIndex)
        twin.places = self.places
        twin.size = self.size
        twin.version = self.version
        twin.refs = list(self.refs)
        twin.row_of = dict(self.row_of)
        twin.columns = {name: column.copy() for name, column in self.columns.items()}
        twin._wish_rows = {key: set(rows) for key, rows in self._wish_rows.items()}
        twin._employer_rows = {key: set(rows) for key, rows in self._employer_rows.items()}
        twin._row_wishes = list(self._row_wishes)
        twin._row_employer = list(self._row_employer)
        twin._frozen = self._frozen
        twin._lookup_cache = {}
        twin._flag_cache = {}
        twin._ref_rank = None
        twin._work_points = None
        return twin

    def __len__(self) -> int:
        """Return the number of live requests."""
        return len(self.row_of)

    def __contains__(self, ref: object) -> bool:
        """Tell whether a request reference is indexed."""
        return ref in self.row_of

    def col(self, name: str) -> npt.NDArray[Any]:
        """Return the used part of a column (a view)."""
        return self.columns[name][: self.size]

    def _grow(self, needed: int) -> None:
        capacity = len(self.columns["alive"])
        if needed <= capacity:
            return
        new_capacity = max(needed, capacity * 2)
        for name, (dtype, fill) in _COLUMNS.items():
            grown = np.full(new_capacity, fill, dtype=dtype)
            grown[: self.size] = self.columns[name][: self.size]
            self.columns[name] = grown

    def upsert_many(self, requests: Iterable[Request]) -> None:
        """Add or replace requests (by reference)."""
        items = list(requests)
        self._thaw()
        self._grow(self.size + len(items))
        for request in items:
            self._put(request)
        self._changed()

    def upsert(self, request: Request) -> None:
        """Add or replace one request."""
        self.upsert_many([request])

    def remove(self, ref: str) -> bool:
        """Drop a request; return False when it was not indexed."""
        row = self.row_of.pop(ref, None)
        if row is None:
            return False
        self._thaw()
        self._unlink(row)
        self.columns["alive"][row] = False
        self._changed()
        return True

    def _changed(self) -> None:
        self.version += 1
        self._lookup_cache.clear()
        self._flag_cache.clear()
        self._ref_rank = None
        self._work_points = None

    def _unlink(self, row: int) -> None:
        for commune in self._row_wishes[row]:
            self._wish_rows[commune].discard(row)
        for key in self._row_employer[row]:
            self._employer_rows[key].discard(row)
        self._row_wishes[row] = ()
        self._row_employer[row] = frozenset()

    def _put(self, request: Request) -> None:
        row = self.row_of.get(request.ref)
        if row is None:
            row = self.size
            self.size += 1
            self.row_of[request.ref] = row
            self.refs.append(request.ref)
            self._row_wishes.append(())
            self._row_employer.append(frozenset())
        else:
            self._unlink(row)
        c = self.columns
        household = request.household
        wishes = request.wishes
        birth = request.applicant.birth_date
        c["alive"][row] = True
        c["status_active"][row] = request.status == RequestStatus.ACTIVE
        c["expiry"][row] = expiry_date(request).toordinal()
        parked = request.parked_until
        c["parked_until"][row] = parked.toordinal() if parked is not None else 0
        c["incomplete"][row] = bool(request.to_complete)
        c["filing"][row] = request.filing_date.toordinal()
        c["filing_ym"][row] = request.filing_date.year * 12 + request.filing_date.month - 1
        c["filing_day"][row] = request.filing_date.day
        c["birth_y"][row] = birth.year
        c["birth_md"][row] = birth.month * 100 + birth.day
        partner = household.partner_birth_date
        c["has_partner"][row] = partner is not None
        c["partner_y"][row] = partner.year if partner else 0
        c["partner_md"][row] = partner.month * 100 + partner.day if partner else 0
        c["persons"][row] = max(household.persons, 1)
        c["dependants"][row] = household.dependants
        c["disability"][row] = household.disability
        c["counted"][row] = counted_income(request).amount
        monthly = household.monthly_income
        c["monthly"][row] = np.nan if monthly is None else monthly
        c["min_surface"][row] = min_surface(household.persons)
        c["typo_min"][row] = wishes.typology_min if wishes.typology_min is not None else 0
        c["typo_max"][row] = (
            wishes.typology_max if wishes.typology_max is not None else NO_TYPOLOGY_MAX
        )
        c["has_wishes"][row] = bool(wishes.communes)
        c["max_rent"][row] = np.inf if wishes.max_rent is None else wishes.max_rent
        c["needs_pmr"][row] = wishes.needs_pmr
        c["needs_lift"][row] = wishes.needs_lift
        c["mobility"][row] = MOBILITY_CODES[request.mobility]
        c["has_mobility_date"][row] = request.mobility_date is not None
        c["mobility_date"][row] = request.mobility_date.toordinal() if request.mobility_date else 0
        c["situation"][row] = SITUATION_CODES[request.housing.situation]
        bits = 0
        for motif in request.motifs:
            bits |= MOTIF_BITS[motif]
        c["motifs"][row] = bits
        rent = request.housing.rent
        c["current_rent"][row] = np.nan if rent is None else rent
        c["dalo"][row] = request.dalo
        c["l441"][row] = bool(legal_priorities(request))
        work = workplace_point(request, self.places)
        c["work_lat"][row], c["work_lon"][row] = work if work else (np.nan, np.nan)
        home = home_point(request, self.places)
        c["home_lat"][row], c["home_lon"][row] = home if home else (np.nan, np.nan)
        mode = request.workplace.transport
        c["mode"][row] = NO_MODE if mode is None else MODE_CODES[mode]
        c["tie"][row] = tie_breaker(request)
        per_uc = resources_per_unit(request)
        c["per_uc"][row] = np.nan if per_uc is None else per_uc
        communes = tuple(dict.fromkeys(wishes.communes))
        for commune in communes:
            self._wish_rows.setdefault(commune, set()).add(row)
        keys = employer_keys(request)
        for key in keys:
            self._employer_rows.setdefault(key, set()).add(row)
        self._row_wishes[row] = communes
        self._row_employer[row] = keys

    def _rows(self, kind: str, key: str, source: dict[str, set[int]]) -> IntArray:
        cache_key = (kind, key)
        found = self._lookup_cache.get(cache_key)
        if found is None:
            if self._frozen is not None:
                found = self._frozen[0 if kind == "commune" else 1].get(key)
            else:
                found = np.array(sorted(source.get(key, ())), dtype=np.int64)
            self._lookup_cache[cache_key] = found
        return found

    def rows_wishing(self, commune: str) -> IntArray:
        """Return the rows whose wished communes include ``commune``."""
        return self._rows("commune", commune, self._wish_rows)

    def rows_of_employer(self, key: str | None) -> IntArray:
        """Return the rows whose employer matches an earmark key."""
        if key is None:
            return np.zeros(0, dtype=np.int64)
        return self._rows("employer", key, self._employer_rows)

    def _flags(self, kind: str, rows: IntArray) -> npt.NDArray[np.bool_]:
        found = self._flag_cache.get(kind)
        if found is None:
            found = np.zeros(self.size, dtype=np.bool_)
            found[rows] = True
            self._flag_cache[kind] = found
        return found

    def wish_flags(self, commune: str) -> npt.NDArray[np.bool_]:
        """Return, per row, whether its wished communes include ``commune`` (cached)."""
        return self._flags("commune:" + commune, self.rows_wishing(commune))

    def employer_flags(self, key: str) -> npt.NDArray[np.bool_]:
        """Return, per row, whether its employer matches an earmark key (cached)."""
        return self._flags("employer:" + key, self.rows_of_employer(key))

    def work_points(self) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], IntArray]:
        """Return the distinct workplace points (lats, lons) and, per row, its point's position.

        Workplaces share a few hundred points (communes, sites): distances from a unit are
        computed once per point instead of once per request.
        """
        if self._work_points is None:
            pairs = np.empty((self.size, 2), dtype=np.float64)
            pairs[:, 0] = self.col("work_lat")
            pairs[:, 1] = self.col("work_lon")
            # Compared as raw bytes, so that NaN (a workplace without a point) is one value.
            keys = np.ascontiguousarray(pairs).view(np.dtype((np.void, 16))).ravel()
            _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
            self._work_points = (
                pairs[first, 0].copy(),
                pairs[first, 1].copy(),
                inverse.astype(np.int64).ravel(),
            )
        return self._work_points

    def ref_rank(self) -> IntArray:
        """Return, per row, the position of its reference in sorted order (dead rows last)."""
        if self._ref_rank is None:
            order = sorted(range(self.size), key=self.refs.__getitem__)
            ranks = np.empty(self.size, dtype=np.int64)
            ranks[np.array(order, dtype=np.int64)] = np.arange(self.size, dtype=np.int64)
            self._ref_rank = ranks
        return self._ref_rank

    # -- plain arrays, for the column cache ------------------------------------------------
    def _thaw(self) -> None:
        """Turn array lookups (read from a cache) back into the sets an update edits."""
        if self._frozen is None:
            return
        wishes, employers = self._frozen
        self._frozen = None
        self._wish_rows = wishes.as_sets()
        self._employer_rows = employers.as_sets()
        row_wishes: list[list[str]] = [[] for _ in range(self.size)]
        row_employer: list[set[str]] = [set() for _ in range(self.size)]
        for key, rows in self._wish_rows.items():
            for row in rows:
                row_wishes[row].append(key)
        for key, rows in self._employer_rows.items():
            for row in rows:
                row_employer[row].add(key)
        self._row_wishes = [tuple(w) for w in row_wishes]
        self._row_employer = [frozenset(e) for e in row_employer]

    def _lookups(self) -> tuple[_Lookup, _Lookup]:
        if self._frozen is not None:
            return self._frozen
        return _Lookup(*_csr(self._wish_rows)), _Lookup(*_csr(self._employer_rows))

    def to_arrays(self) -> dict[str, npt.NDArray[Any]]:
        """Return the index as named plain arrays (no Python objects: safe to save)."""
        out = {f"col_{name}": self.col(name).copy() for name in _COLUMNS}
        out["refs"] = np.array(self.refs, dtype=np.str_)
        out["ref_rank"] = self.ref_rank()
        for prefix, lookup in zip(("wish", "employer"), self._lookups(), strict=True):
            out[f"{prefix}_keys"] = np.array(lookup.keys, dtype=np.str_)
            out[f"{prefix}_offsets"] = lookup.offsets
            out[f"{prefix}_rows"] = lookup.rows
        return out

    @classmethod
    def from_arrays(cls, arrays: dict[str, npt.NDArray[Any]], places: Places) -> CandidateIndex:
        """Rebuild an index from :meth:`to_arrays` output; ValueError when it is malformed."""
        refs = arrays["refs"].tolist()
        size = len(refs)
        index = cls(places, capacity=0)
        for name, (dtype, _) in _COLUMNS.items():
            column = arrays[f"col_{name}"]
            if column.dtype != np.dtype(dtype) or column.shape != (size,):
                raise ValueError(f"column {name} has the wrong type or length")
            index.columns[name] = column
        index.size = size
        index.refs = refs
        alive = index.columns["alive"]
        if alive.all():
            index.row_of = dict(zip(refs, range(size), strict=True))
        else:
            index.row_of = {ref: row for row, ref in enumerate(refs) if alive[row]}
        lookups = []
        for prefix in ("wish", "employer"):
            offsets = arrays[f"{prefix}_offsets"].astype(np.int64)
            rows = arrays[f"{prefix}_rows"].astype(np.int64)
            keys = arrays[f"{prefix}_keys"].tolist()
            if len(offsets) != len(keys) + 1 or (len(rows) and rows.max() >= size):
                raise ValueError(f"lookup {prefix} is malformed")
            lookups.append(_Lookup(keys, offsets, rows))
        index._frozen = (lookups[0], lookups[1])
        ranks = arrays["ref_rank"].astype(np.int64)
        if ranks.shape != (size,):
            raise ValueError("ref_rank has the wrong length")
        index._ref_rank = ranks
        return index

    @classmethod
    def from_columns(
        cls,
        values: dict[str, list[Any]],
        motifs: list[tuple[str, ...]],
        l441: list[tuple[str, ...]],
        communes: list[tuple[str, ...]],
        places: Places,
    ) -> CandidateIndex:
        """Build an index from the raw columns of the requests table (no Request objects).

        Gives the same index as :meth:`build` over the same requests (a test holds them
        equal); ``values`` are SQL values by column name (ISO dates, enum values, None).
        """
        refs: list[str] = values["ref"]
        n = len(refs)
        index = cls(places, capacity=max(n, 16))
        c = index.columns
        days: dict[str, date] = {}

        def day(text: str) -> date:
            found = days.get(text)
            if found is None:
                found = days[text] = date.fromisoformat(text)
            return found

        def ordinals(texts: list[str | None]) -> npt.NDArray[np.int32]:
            return np.array([day(t).toordinal() if t else 0 for t in texts], dtype=np.int32)

        def floats(items: list[Any], missing: float) -> npt.NDArray[np.float64]:
            return np.array([missing if v is None else v for v in items], dtype=np.float64)

        def put(name: str, array: npt.ArrayLike) -> None:
            c[name][:n] = array

        filing = [day(t) for t in values["filing_date"]]
        filing_ordinal = np.array([d.toordinal() for d in filing], dtype=np.int64)
        # The request lapses a year after its last renewal (a renewal before the filing
        # counts as the filing): computed once per distinct start day.
        start = np.maximum(ordinals(values["renewal_date"]).astype(np.int64), filing_ordinal)
        starts, start_of_row = np.unique(start, return_inverse=True)
        lapses = [add_years(date.fromordinal(int(o)), VALIDITY_YEARS).toordinal() for o in starts]
        expiry = np.array(lapses, dtype=np.int64)[start_of_row.ravel()] if n else starts
        put("alive", True)
        put("status_active", [s == RequestStatus.ACTIVE.value for s in values["status"]])
        put("expiry", expiry)
        put("filing", filing_ordinal)
        put("filing_ym", [d.year * 12 + d.month - 1 for d in filing])
        put("filing_day", [d.day for d in filing])
        births = [day(t) for t in values["birth_date"]]
        put("birth_y", [b.year for b in births])
        put("birth_md", [b.month * 100 + b.day for b in births])
        partners = [day(t) if t else None for t in values["partner_birth_date"]]
        put("has_partner", [p is not None for p in partners])
        put("partner_y", [p.year if p else 0 for p in partners])
        put("partner_md", [p.month * 100 + p.day if p else 0 for p in partners])
        persons_raw = values["persons"]
        dependants = values["dependants"]
        put("persons", np.maximum(np.array(persons_raw, dtype=np.int64), 1))
        put("dependants", dependants)
        put("disability", [bool(v) for v in values["disability"]])
        # The income compared with the ceiling (rules.income.counted_income, on columns).
        separating = [
            any(m in SEPARATION_MOTIFS for m in ms) or any(c in SEPARATION_L441 for c in cs)
            for ms, cs in zip(motifs, l441, strict=True)
        ]
        counted = []
        for fiscal, recent, own, alone in zip(
            values["fiscal_income"],
            values["recent_income"],
            values["own_income"],
            separating,
            strict=True,
        ):
            if own is not None and alone:
                counted.append(own)
            elif recent is not None and recent_is_lower(recent, fiscal):
                counted.append(recent)
            else:
                counted.append(fiscal)
        put("counted", np.array(counted, dtype=np.float64))
        monthly = floats(values["monthly_income"], np.nan)
        put("monthly", monthly)
        surfaces = {p: min_surface(p) for p in set(persons_raw)}
        put("min_surface", [surfaces[p] for p in persons_raw])
        put("typo_min", [0 if v is None else v for v in values["typology_min"]])
        put("typo_max", [NO_TYPOLOGY_MAX if v is None else v for v in values["typology_max"]])
        put("has_wishes", [bool(w) for w in communes])
        put("max_rent", floats(values["max_rent"], np.inf))
        put("needs_pmr", [bool(v) for v in values["needs_pmr"]])
        put("needs_lift", [bool(v) for v in values["needs_lift"]])
        mobility = {m.value: code for m, code in MOBILITY_CODES.items()}
        put("mobility", [mobility[v] for v in values["mobility"]])
        put("has_mobility_date", [bool(v) for v in values["mobility_date"]])
        put("mobility_date", ordinals(values["mobility_date"]))
        situation = {s.value: code for s, code in SITUATION_CODES.items()}
        put("situation", [situation[v] for v in values["housing_situation"]])
        bits = {m.value: bit for m, bit in MOTIF_BITS.items()}
        put("motifs", [sum(bits[m] for m in set(codes)) for codes in motifs])
        put("current_rent", floats(values["current_rent"], np.nan))
        put("parked_until", ordinals(values["parked_until"]))
        put("incomplete", [bool(v) for v in values["intake_missing"]])
        put("dalo", [bool(v) for v in values["dalo"]])
        # Disability is an L441-1 a priority whether or not the criterion was ticked.
        put(
            "l441",
            [bool(codes) or bool(d) for codes, d in zip(l441, values["disability"], strict=True)],
        )
        nowhere = (np.nan, np.nan)
        points = {
            commune: places.point(commune) or nowhere
            for commune in set(values["work_commune"]) | set(values["home_commune"])
        }
        work = [
            (lat, lon) if lat is not None and lon is not None else points[commune]
            for lat, lon, commune in zip(
                values["work_latitude"],
                values["work_longitude"],
                values["work_commune"],
                strict=True,
            )
        ]
        put("work_lat", [w[0] for w in work])
        put("work_lon", [w[1] for w in work])
        home = [points[commune] for commune in values["home_commune"]]
        put("home_lat", [h[0] for h in home])
        put("home_lon", [h[1] for h in home])
        modes = {m.value: code for m, code in MODE_CODES.items()}
        put("mode", [NO_MODE if v is None else modes[v] for v in values["transport"]])
        put(
            "tie",
            [
                derived_tie_breaker(ref) if tie is None else tie
                for ref, tie in zip(refs, values["tie_breaker"], strict=True)
            ],
        )
        young = values["children_under_14"]
        keys = list(zip(persons_raw, dependants, young, strict=True))
        units = {
            key: consumption_units(
                Household(
                    persons=key[0], fiscal_income=0.0, dependants=key[1], children_under_14=key[2]
                )
            )
            for key in set(keys)
        }
        uc = np.array([units[k] for k in keys])
        put("per_uc", monthly * 12 / uc)  # NaN when the monthly income is unknown
        index.size = n
        index.refs = list(refs)
        index.row_of = dict(zip(refs, range(n), strict=True))
        # The lookups are built as arrays, as a cache read gives them (sets only on update).
        wished = [(row, code) for row, codes in enumerate(communes) for code in set(codes)]
        employers: dict[tuple[str, str | None], list[int]] = {}
        for row, employer in enumerate(zip(values["employer"], values["siret"], strict=True)):
            employers.setdefault(employer, []).append(row)
        earmarks: list[tuple[int, str]] = []
        for (name, siret), rows in employers.items():
            for earmark in employer_keys_of(name, siret or None):
                earmarks.extend((row, earmark) for row in rows)
        index._frozen = (_lookup_of(wished), _lookup_of(earmarks))
        return index
