"""The fast engine: eligibility and scoring of every indexed request at once, over columns.

Pure and deterministic: a rule set, reference data, a unit, a date and the indexed requests
in; the same ranking out on any machine. Date-dependent columns (ages, categories, groups,
seniority) are computed once per date and index version and reused across units.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from housingmatch.domain.model import Request, Unit, UnitStatus
from housingmatch.geo.distance import EARTH_RADIUS_KM, haversine_km_array
from housingmatch.matching.eligibility import (
    MatchingContext,
    UnitFacts,
    exclusion_codes,
    is_under_occupied,
)
from housingmatch.matching.index import (
    MOBILITY_CODES,
    MODE_CODES,
    MOTIF_BITS,
    NO_MODE,
    SITUATION_CODES,
    CandidateIndex,
)
from housingmatch.matching.reference import unit_warnings
from housingmatch.matching.results import (
    EXCLUSION_BIT,
    PART_ORDER,
    CandidateUnits,
    Exclusion,
    LazyExcluded,
    LazyResults,
    Part,
    RankedCandidate,
    Ranking,
    UnitOption,
)
from housingmatch.matching.scoring import score_candidate
from housingmatch.rules.groups import (
    GROUP_ORDER,
    Group,
    QuartileStatus,
    mobility_window,
    priority_groups,
)
from housingmatch.rules.household import JEUNE_MENAGE_MAX_AGE_SUM
from housingmatch.rules.ruleset import LEGAL_PRIORITY_TIER

_BIT: dict[Exclusion, np.uint16] = {code: np.uint16(bit) for code, bit in EXCLUSION_BIT.items()}
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]


def _round1(values: FloatArray) -> FloatArray:
    return np.floor(values * 10 + 0.5) / 10


def _round2(values: FloatArray) -> FloatArray:
    return np.floor(values * 100 + 0.5) / 100


def _haversine_pairs(
    lat1: FloatArray, lon1: FloatArray, lat2: FloatArray, lon2: FloatArray
) -> FloatArray:
    """Distances in km between pairs, with the operations of ``geo.distance.haversine_km``."""
    phi1 = np.radians(lat1)
    phi2 = np.radians(lat2)
    half_dphi = (phi2 - phi1) / 2.0
    half_dlambda = np.radians(lon2 - lon1) / 2.0
    h = np.sin(half_dphi) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(half_dlambda) ** 2
    result: FloatArray = 2.0 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(1.0, h)))
    return result


def _ages(years: IntArray, month_days: IntArray, on: date) -> IntArray:
    on_md = on.month * 100 + on.day
    ages: IntArray = on.year - years - (on_md < month_days).astype(np.int64)
    return ages


def _slots(keys: IntArray, alive: BoolArray) -> tuple[IntArray, IntArray]:
    """Return the distinct keys of live rows and, per row, the position of its key."""
    live_keys = np.unique(keys[alive])
    slot = np.searchsorted(live_keys, keys)
    return live_keys, np.minimum(slot, max(len(live_keys) - 1, 0))


@dataclass(frozen=True, slots=True)
class _DateView:
    """Rule-set and date dependent columns of every row."""

    category: IntArray
    extra: IntArray
    active: BoolArray
    groups: dict[Group, BoolArray]
    group_points: FloatArray
    legal_points: FloatArray
    seniority_points: FloatArray
    speed: FloatArray
    home_minutes: FloatArray
    category_keys: IntArray  # distinct category * 1000 + extra persons of live rows
    category_slot: IntArray  # per row, the position of its key in ``category_keys``
    pli_keys: IntArray  # the same for the PLI rows (household make-up)
    pli_slot: IntArray
    tier: IntArray  # legal tier: 2 DALO, 1 L441-1, 0 otherwise
    alive_rows: IntArray
    all_alive: bool


@dataclass(frozen=True, slots=True)
class _Evaluation:
    """Codes of a set of rows for one unit, and the points of the eligible ones."""

    rows: IntArray
    codes: npt.NDArray[np.uint16]
    eligible: IntArray  # positions into ``rows`` of the eligible rows
    parts: FloatArray  # shape (len(PART_ORDER), len(eligible))
    total: FloatArray
    minutes: FloatArray
    warnings: tuple[str, ...]


class MatchingEngine:
    """Ranks units against an in-memory candidate index."""

    def __init__(self, context: MatchingContext, requests: Iterable[Request] = ()) -> None:
        """Index the requests under the context's rules."""
        self.context = context
        self.index = CandidateIndex.build(requests, context.places)
        self._views: dict[date, _DateView] = {}
        self._views_version = -1

    @classmethod
    def from_index(cls, context: MatchingContext, index: CandidateIndex) -> MatchingEngine:
        """Return an engine over an existing index (e.g. one read from a column cache)."""
        engine = cls(context)
        engine.index = index
        return engine

    def copy(self) -> MatchingEngine:
        """Return an engine over a copy of the index (results of this one stay valid)."""
        twin = MatchingEngine(self.context)
        twin.index = self.index.copy()
        return twin

    # -- updates --------------------------------------------------------------------------
    def upsert(self, request: Request) -> None:
        """Add or replace a request."""
        self.index.upsert(request)

    def upsert_many(self, requests: Iterable[Request]) -> None:
        """Add or replace several requests."""
        self.index.upsert_many(requests)

    def remove(self, ref: str) -> bool:
        """Remove a request; return False when it was not indexed."""
        return self.index.remove(ref)

    # -- date view ------------------------------------------------------------------------
    def _view(self, on: date) -> _DateView:
        if self._views_version != self.index.version:
            self._views.clear()
            self._views_version = self.index.version
        view = self._views.get(on)
        if view is None:
            if len(self._views) > 8:
                self._views.clear()
            view = self._compute_view(on)
            self._views[on] = view
        return view

    def _compute_view(self, on: date) -> _DateView:
        idx = self.index
        rules = self.context.ruleset
        col = idx.col
        persons = col("persons").astype(np.int64)
        dependants = col("dependants").astype(np.int64)
        age = _ages(col("birth_y").astype(np.int64), col("birth_md").astype(np.int64), on)
        partner_age = _ages(
            col("partner_y").astype(np.int64), col("partner_md").astype(np.int64), on
        )
        jeune_menage = (
            (persons == 2)
            & (dependants == 0)
            & col("has_partner")
            & (age + partner_age <= JEUNE_MENAGE_MAX_AGE_SUM)
        )
        single_parent = (dependants >= 1) & (persons - dependants == 1)
        raw = np.where(single_parent | col("disability"), persons + 1, persons)
        raw = np.where(jeune_menage, np.maximum(raw, 3), raw)
        category = np.minimum(raw, 6)
        extra = np.maximum(raw - 6, 0)
        # PLI rows go by household make-up: no jeune ménage or disability shift.
        pli_raw = np.where(single_parent, persons + 1, persons)
        pli_keys_all = np.minimum(pli_raw, 6) * 1000 + np.maximum(pli_raw - 6, 0)

        day = on.toordinal()
        active = (
            col("alive") & col("status_active") & (col("filing") <= day) & (day < col("expiry"))
        )

        g = rules.groups
        jeune = age < g.age_limit
        events = [MOBILITY_CODES[m] for m in sorted(g.mobility_events)]
        first, last = mobility_window(on, g)
        mdate = col("mobility_date")
        mobilite = (
            np.isin(col("mobility"), events)
            & col("has_mobility_date")
            & (mdate >= first.toordinal())
            & (mdate <= last.toordinal())
        )
        situations = [SITUATION_CODES[s] for s in sorted(g.difficulty_situations)]
        motif_mask = 0
        for motif in g.difficulty_motifs:
            motif_mask |= MOTIF_BITS[motif]
        monthly = col("monthly")
        rent = col("current_rent")
        difficulte = np.isin(col("situation"), situations) | ((col("motifs") & motif_mask) != 0)
        if g.current_effort_above > 0:
            usable = ~np.isnan(rent) & (monthly > 0)
            effort = np.divide(rent, monthly, out=np.zeros_like(rent), where=usable)
            difficulte |= usable & (effort > g.current_effort_above)
        groups = {
            Group.DALO: col("dalo").copy(),
            Group.PRIORITAIRE_L441: col("l441").copy(),
            Group.JEUNE: jeune,
            Group.MOBILITE: mobilite,
            Group.DIFFICULTE: difficulte,
        }
        w = rules.scoring
        group_points = (
            0.0
            + w.jeune * jeune.astype(np.float64)
            + w.mobilite * mobilite.astype(np.float64)
            + w.difficulte * difficulte.astype(np.float64)
        )
        legal_points = (
            0.0
            + w.dalo * groups[Group.DALO].astype(np.float64)
            + w.l441 * groups[Group.PRIORITAIRE_L441].astype(np.float64)
        )
        on_ym = on.year * 12 + on.month - 1
        months = (on_ym - col("filing_ym").astype(np.int64)) - (
            on.day < col("filing_day").astype(np.int64)
        ).astype(np.int64)
        months = np.maximum(months, 0)
        seniority = np.minimum(months * w.seniority_per_month, w.seniority_max)

        commute = rules.commute
        speeds = np.empty(len(MODE_CODES) + 1, dtype=np.float64)
        for mode, code in MODE_CODES.items():
            speeds[code] = commute.speed(mode)
        speeds[NO_MODE] = commute.speed(None)
        speed = speeds[col("mode").astype(np.int64)]
        home_km = _haversine_pairs(
            col("home_lat"), col("home_lon"), col("work_lat"), col("work_lon")
        )
        home_minutes = _round1(home_km * commute.detour_factor / speed * 60.0)
        alive = col("alive")
        live_keys, slot = _slots(category * 1000 + extra, alive)
        pli_keys, pli_slot = _slots(pli_keys_all, alive)
        tier = np.where(
            groups[Group.DALO], 2, np.where(groups[Group.PRIORITAIRE_L441], 1, 0)
        ).astype(np.int64)
        return _DateView(
            category=category,
            extra=extra,
            active=active,
            groups=groups,
            group_points=_round2(group_points),
            legal_points=_round2(legal_points),
            seniority_points=_round2(seniority),
            speed=speed,
            home_minutes=home_minutes,
            category_keys=live_keys,
            category_slot=slot,
            pli_keys=pli_keys,
            pli_slot=pli_slot,
            tier=tier,
            alive_rows=np.flatnonzero(alive),
            all_alive=bool(alive.all()),
        )

    # -- evaluation -----------------------------------------------------------------------
    def _evaluate(self, facts: UnitFacts, on: date, rows: IntArray | None) -> _Evaluation:
        idx = self.index
        view = self._view(on)
        unit = facts.unit
        ruleset = self.context.ruleset
        elig = ruleset.eligibility
        w = ruleset.scoring

        identity = rows is None and view.all_alive
        if rows is None:
            rows = view.alive_rows
        selected: IntArray = rows

        def take(values: npt.NDArray[Any]) -> npt.NDArray[Any]:
            return values if identity else values[selected]

        def column(name: str) -> npt.NDArray[Any]:
            return take(idx.col(name))

        n = len(rows)
        codes = np.zeros(n, dtype=np.uint16)

        def flag(code: Exclusion, mask: BoolArray) -> None:
            # bool viewed as 0/1 bytes times the bit: one pass (astype and shift took ten times
            # longer, and eligibility runs 500 times in a batch allocation)
            np.bitwise_or(codes, np.asarray(mask).view(np.uint8) * _BIT[code], out=codes)

        # Eligibility --------------------------------------------------------------------
        keys, slots = (
            (view.pli_keys, view.pli_slot)
            if facts.pli
            else (view.category_keys, view.category_slot)
        )
        lookups = [facts.ceiling(*divmod(int(k), 1000)) for k in keys.tolist()]
        ceiling_notes = {c.warning for c in lookups if c.warning}
        first = facts.ceiling(1, 0)
        if first.warning:
            ceiling_notes.add(first.warning)
        amounts = np.array([c.amount for c in lookups] or [0], dtype=np.float64)
        persons = column("persons")
        flag(Exclusion.REQUEST_NOT_ACTIVE, ~take(view.active))
        flag(Exclusion.REQUEST_PARKED, column("parked_until") > on.toordinal())
        flag(Exclusion.REQUEST_INCOMPLETE, column("incomplete"))
        flag(Exclusion.INCOME_ABOVE_CEILING, column("counted") > amounts[take(slots)])
        if elig.over_occupation:
            flag(Exclusion.HOUSEHOLD_TOO_LARGE, unit.surface < column("min_surface"))
        if elig.under_occupation:
            flag(Exclusion.HOUSEHOLD_TOO_SMALL, unit.typology > np.maximum(persons, 1) + 1)
        flag(
            Exclusion.TYPOLOGY_NOT_WISHED,
            (unit.typology < column("typo_min")) | (unit.typology > column("typo_max")),
        )
        if elig.typology_grid_enabled:
            grid = np.array(elig.typology_grid, dtype=np.int64)
            position = np.minimum(persons, len(grid)) - 1
            low, high = grid[position, 0], grid[position, 1]
            flag(Exclusion.TYPOLOGY_OUTSIDE_GRID, (unit.typology < low) | (unit.typology > high))
        flag(
            Exclusion.COMMUNE_NOT_WISHED,
            column("has_wishes") & ~take(idx.wish_flags(unit.commune)),
        )
        total_rent = unit.total_rent
        flag(Exclusion.RENT_ABOVE_MAX, total_rent > column("max_rent"))
        monthly_all = column("monthly")
        if elig.effort_enabled:
            known = ~np.isnan(monthly_all)
            rate = np.divide(total_rent, monthly_all, out=np.full(n, np.inf), where=monthly_all > 0)
            flag(Exclusion.EFFORT_RATE_TOO_HIGH, known & (rate > elig.max_effort_rate))
        if not unit.accessible_pmr:
            flag(Exclusion.ACCESSIBILITY_UNMET, column("needs_pmr"))
        if not unit.lift and (unit.floor is None or unit.floor > 0):
            flag(Exclusion.LIFT_UNMET, column("needs_lift"))

        # Points of the eligible rows only ------------------------------------------------
        eligible = np.flatnonzero(codes == 0)
        erows = rows[eligible]
        m = len(erows)

        def ecol(name: str) -> npt.NDArray[Any]:
            return idx.col(name)[erows]

        parts = np.zeros((len(PART_ORDER), m), dtype=np.float64)
        parts[PART_ORDER.index(Part.GROUPS)] = view.group_points[erows]
        parts[PART_ORDER.index(Part.LEGAL_PRIORITY)] = view.legal_points[erows]
        minutes = np.full(m, np.nan)
        if facts.point is not None and m:
            lats, lons, point_of_row = idx.work_points()
            km = haversine_km_array(facts.point[0], facts.point[1], lats, lons)[point_of_row[erows]]
            minutes = _round1(km * ruleset.commute.detour_factor / view.speed[erows] * 60.0)
            located = ~np.isnan(minutes)
            span = w.proximity_zero_minutes - w.proximity_full_minutes
            share = np.clip((w.proximity_zero_minutes - minutes) / span, 0.0, 1.0)
            proximity = np.where(located, w.proximity_max * share, 0.0)
            parts[PART_ORDER.index(Part.PROXIMITY)] = _round2(proximity)
            home_minutes = view.home_minutes[erows]
            with_home = located & ~np.isnan(home_minutes)
            gain = np.maximum(home_minutes - minutes, 0.0)
            gain_points = np.minimum(gain * w.gain_per_minute, w.gain_max)
            parts[PART_ORDER.index(Part.COMMUTE_GAIN)] = _round2(
                np.where(with_home, gain_points, 0.0)
            )
        parts[PART_ORDER.index(Part.SENIORITY)] = view.seniority_points[erows]
        gap = unit.typology - ecol("persons")
        size = np.where(
            (gap == 0) | (gap == 1),
            w.fit_size_points,
            np.where(gap == -1, w.fit_size_points / 2, 0.0),
        )
        monthly = ecol("monthly")
        positive = monthly > 0
        effort = np.divide(total_rent, monthly, out=np.zeros(m), where=positive)
        effort_share = np.clip((w.effort_bad - effort) / (w.effort_bad - w.effort_good), 0.0, 1.0)
        effort_points = np.where(positive, w.fit_effort_points * effort_share, 0.0)
        parts[PART_ORDER.index(Part.FIT)] = _round2(size + effort_points)
        if facts.earmark is not None:
            earmarked = idx.employer_flags(facts.earmark)[erows]
            parts[PART_ORDER.index(Part.EMPLOYER)] = _round2(
                np.where(earmarked, w.earmark_points, 0.0)
            )
        total = np.zeros(m, dtype=np.float64)
        for i in range(len(PART_ORDER)):
            total = total + parts[i]
        return _Evaluation(
            rows, codes, eligible, parts, _round2(total), minutes, tuple(sorted(ceiling_notes))
        )

    def _tiered(self) -> bool:
        return self.context.ruleset.legal_priority == LEGAL_PRIORITY_TIER

    def _order(self, rows: IntArray, total: FloatArray, on: date) -> IntArray:
        """Return positions into ``rows`` sorted best first (tier, score, tie-breaks, ref)."""
        idx = self.index
        keys: list[npt.NDArray[Any]] = [idx.ref_rank()[rows]]
        for name in reversed(self.context.ruleset.tie_break):
            column = idx.col("filing") if name == "filing_date" else idx.col("tie")
            keys.append(column[rows])
        keys.append(-total)
        if self._tiered():
            keys.append(-self._view(on).tier[rows])
        order: IntArray = np.lexsort(tuple(keys))
        return order

    # -- public API -----------------------------------------------------------------------
    def rank(self, unit: Unit, on: date) -> Ranking:
        """Rank every indexed request for a unit on a date."""
        facts = UnitFacts.of(unit, on, self.context)
        ev = self._evaluate(facts, on, None)
        order = self._order(ev.rows[ev.eligible], ev.total, on)
        excluded = np.flatnonzero(ev.codes != 0)
        ref_rank = self.index.ref_rank()
        excluded = excluded[np.argsort(ref_rank[ev.rows[excluded]], kind="stable")]
        ruleset = self.context.ruleset
        threshold = self.context.quartile_threshold(facts.epci, on.year)
        builder = _CandidateBuilder(self.index, ev, order, self._view(on), threshold, unit.typology)
        return Ranking(
            unit_ref=unit.ref,
            on=on,
            ruleset=ruleset.info,
            ceiling=facts.ceiling(1, 0),
            ranked=LazyResults(len(order), builder),
            excluded=LazyExcluded(self.index.refs, ev.rows[excluded], ev.codes[excluded]),
            warnings=unit_warnings(facts, threshold, ev.warnings),
            first_quartile_threshold=threshold,
        )

    def evaluate_rows(self, unit: Unit, on: date, rows: IntArray) -> tuple[BoolArray, FloatArray]:
        """Return (eligible, score) of some index rows for a unit (batch allocation)."""
        facts = UnitFacts.of(unit, on, self.context)
        ev = self._evaluate(facts, on, rows)
        eligible = ev.codes == 0
        scores = np.zeros(len(rows), dtype=np.float64)
        scores[ev.eligible] = ev.total
        return eligible, scores

    def top_rows(self, unit: Unit, on: date, count: int) -> tuple[IntArray, FloatArray, int]:
        """Return the best ``count`` eligible rows for a unit (best first), their scores, and
        the number of eligible rows."""
        facts = UnitFacts.of(unit, on, self.context)
        ev = self._evaluate(facts, on, None)
        positions = np.arange(len(ev.eligible))
        erows = ev.rows[ev.eligible]
        if len(positions) > count:
            # Keep everything at least as good as the count-th best (tier first when the
            # rules put legal priority in tiers), then order exactly.
            rank_value = -ev.total
            if self._tiered():
                tier = self._view(on).tier[erows].astype(np.float64)
                spread = float(np.max(np.abs(ev.total))) * 2 + 1 if len(ev.total) else 1.0
                rank_value = rank_value - tier * spread
            kth = np.partition(rank_value, count - 1)[count - 1]
            positions = positions[rank_value <= kth]
        order = positions[self._order(erows[positions], ev.total[positions], on)][:count]
        return erows[order], ev.total[order], len(ev.eligible)

    def candidate(self, row: int, unit: Unit, on: date, rank: int) -> RankedCandidate:
        """Return the candidate of one eligible index row for a unit, with a given rank."""
        facts = UnitFacts.of(unit, on, self.context)
        ev = self._evaluate(facts, on, np.array([row], dtype=np.int64))
        threshold = self.context.quartile_threshold(facts.epci, on.year)
        builder = _CandidateBuilder(
            self.index, ev, np.array([0]), self._view(on), threshold, unit.typology
        )
        return builder(0, rank=rank)

    def candidates_of(self, rows: Sequence[int], unit: Unit, on: date) -> list[RankedCandidate]:
        """Return the candidates of eligible index rows for a unit, in the given order, rank 0."""
        if not rows:
            return []
        facts = UnitFacts.of(unit, on, self.context)
        ev = self._evaluate(facts, on, np.array(rows, dtype=np.int64))
        if len(ev.eligible) != len(rows):
            raise ValueError("candidates_of takes eligible rows only")
        threshold = self.context.quartile_threshold(facts.epci, on.year)
        builder = _CandidateBuilder(
            self.index, ev, np.arange(len(rows)), self._view(on), threshold, unit.typology
        )
        return [builder(i, rank=0) for i in range(len(rows))]

    def candidate_units(self, request: Request, units: Sequence[Unit], on: date) -> CandidateUnits:
        """Return the open units a request is eligible for, best score first (reverse view)."""
        options = []
        refused = []
        for unit in units:
            if unit.status != UnitStatus.OUVERT:
                continue
            facts = UnitFacts.of(unit, on, self.context)
            codes = exclusion_codes(request, facts)
            if codes:
                refused.append((unit.ref, codes))
                continue
            score = score_candidate(request, facts)
            options.append(
                UnitOption(
                    unit.ref, score.total, score.parts, score.commute_minutes, facts.warnings()
                )
            )
        options.sort(key=lambda o: (-o.score, o.unit_ref))
        refused.sort()
        ruleset = self.context.ruleset
        return CandidateUnits(
            request_ref=request.ref,
            on=on,
            ruleset=ruleset.info,
            groups=priority_groups(request, on, ruleset.groups),
            options=tuple(options),
            not_eligible=tuple(refused),
        )


class _CandidateBuilder:
    """Builds the ranked candidate at a position of an evaluation's order."""

    def __init__(
        self,
        index: CandidateIndex,
        ev: _Evaluation,
        order: IntArray,
        view: _DateView,
        threshold: float | None,
        unit_rooms: int,
    ) -> None:
        self.unit_rooms = unit_rooms
        self.index = index
        self.ev = ev
        self.order = order
        self.view = view
        self.threshold = threshold

    def __call__(self, position: int, rank: int | None = None) -> RankedCandidate:
        at = int(self.order[position])
        row = int(self.ev.rows[self.ev.eligible[at]])
        minutes = float(self.ev.minutes[at])
        return RankedCandidate(
            rank=position + 1 if rank is None else rank,
            ref=self.index.refs[row],
            score=float(self.ev.total[at]),
            parts=tuple((part, float(self.ev.parts[i, at])) for i, part in enumerate(PART_ORDER)),
            groups=tuple(g for g in GROUP_ORDER if bool(self.view.groups[g][row])),
            commute_minutes=None if np.isnan(minutes) else minutes,
            filing_date=date.fromordinal(int(self.index.col("filing")[row])),
            tie_breaker=int(self.index.col("tie")[row]),
            first_quartile=_quartile(float(self.index.col("per_uc")[row]), self.threshold),
            under_occupied=is_under_occupied(int(self.index.col("persons")[row]), self.unit_rooms),
        )


def _quartile(per_unit: float, threshold: float | None) -> QuartileStatus:
    """Return the first-quartile status of resources per UC (NaN: unknown), as the rules do."""
    if threshold is None or np.isnan(per_unit):
        return QuartileStatus.INCONNU
    if per_unit <= threshold:
        return QuartileStatus.PREMIER_QUARTILE
    return QuartileStatus.AUTRES_QUARTILES
