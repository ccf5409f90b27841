"""The candidate index: every request as columns of numpy arrays, kept in memory.

Built once from a list of requests and updated in place when a request is added, changed or
removed, so ranking a unit never rereads the database. Rows of removed requests are marked
dead and never reused; the index is rule-set independent (the engine derives the rule-set
and date dependent columns from it).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import numpy.typing as npt

from housingmatch.domain.model import (
    Mobilite,
    ModeTransport,
    Motif,
    Request,
    RequestStatus,
    SituationLogement,
)
from housingmatch.matching.eligibility import employer_keys, min_surface
from housingmatch.matching.ordering import tie_breaker
from housingmatch.matching.places import Places, home_point, workplace_point
from housingmatch.rules.dates import expiry_date

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
    "fiscal": (np.float64, 0.0),
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
}

IntArray = npt.NDArray[np.int64]


class CandidateIndex:
    """Requests as columns; ``version`` changes at every update."""

    def __init__(self, places: Places, capacity: int = 1024) -> None:
        """Make an empty index that locates communes with ``places``."""
        self.places = places
        self.size = 0
        self.version = 0
        self.requests: list[Request | None] = []
        self.refs: list[str] = []
        self.row_of: dict[str, int] = {}
        self.columns: dict[str, npt.NDArray[Any]] = {
            name: np.full(capacity, fill, dtype=dtype) for name, (dtype, fill) in _COLUMNS.items()
        }
        self._wish_rows: dict[str, set[int]] = {}
        self._employer_rows: dict[str, set[int]] = {}
        self._row_wishes: list[tuple[str, ...]] = []
        self._row_employer: list[frozenset[str]] = []
        self._lookup_cache: dict[tuple[str, str], IntArray] = {}
        self._flag_cache: dict[str, npt.NDArray[np.bool_]] = {}
        self._ref_rank: IntArray | None = None

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
        twin.requests = list(self.requests)
        twin.refs = list(self.refs)
        twin.row_of = dict(self.row_of)
        twin.columns = {name: column.copy() for name, column in self.columns.items()}
        twin._wish_rows = {key: set(rows) for key, rows in self._wish_rows.items()}
        twin._employer_rows = {key: set(rows) for key, rows in self._employer_rows.items()}
        twin._row_wishes = list(self._row_wishes)
        twin._row_employer = list(self._row_employer)
        twin._lookup_cache = {}
        twin._flag_cache = {}
        twin._ref_rank = None
        return twin

    def __len__(self) -> int:
        """Return the number of live requests."""
        return len(self.row_of)

    def __contains__(self, ref: object) -> bool:
        """Tell whether a request reference is indexed."""
        return ref in self.row_of

    def get(self, ref: str) -> Request | None:
        """Return the indexed request with this reference, or None."""
        row = self.row_of.get(ref)
        return None if row is None else self.requests[row]

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
        self._unlink(row)
        self.columns["alive"][row] = False
        self.requests[row] = None
        self._changed()
        return True

    def _changed(self) -> None:
        self.version += 1
        self._lookup_cache.clear()
        self._flag_cache.clear()
        self._ref_rank = None

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
            self.requests.append(request)
            self.refs.append(request.ref)
            self._row_wishes.append(())
            self._row_employer.append(frozenset())
        else:
            self._unlink(row)
            self.requests[row] = request
        c = self.columns
        household = request.household
        wishes = request.wishes
        birth = request.applicant.birth_date
        c["alive"][row] = True
        c["status_active"][row] = request.status == RequestStatus.ACTIVE
        c["expiry"][row] = expiry_date(request).toordinal()
        parked = request.parked_until
        c["parked_until"][row] = parked.toordinal() if parked is not None else 0
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
        c["fiscal"][row] = household.fiscal_income
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
        c["l441"][row] = bool(request.l441)
        work = workplace_point(request, self.places)
        c["work_lat"][row], c["work_lon"][row] = work if work else (np.nan, np.nan)
        home = home_point(request, self.places)
        c["home_lat"][row], c["home_lon"][row] = home if home else (np.nan, np.nan)
        mode = request.workplace.transport
        c["mode"][row] = NO_MODE if mode is None else MODE_CODES[mode]
        c["tie"][row] = tie_breaker(request)
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

    def ref_rank(self) -> IntArray:
        """Return, per row, the position of its reference in sorted order (dead rows last)."""
        if self._ref_rank is None:
            order = sorted(range(self.size), key=self.refs.__getitem__)
            ranks = np.empty(self.size, dtype=np.int64)
            ranks[np.array(order, dtype=np.int64)] = np.arange(self.size, dtype=np.int64)
            self._ref_rank = ranks
        return self._ref_rank
