"""Hypothesis strategies: random but valid requests and units over the test communes."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from housingmatch.domain.model import (
    Financement,
    Mobilite,
    ModeTransport,
    Motif,
    PrioriteL441,
    Request,
    RequestStatus,
    SituationLogement,
    Unit,
)
from tests.matching.builders import POINTS, make_request, make_unit

COMMUNES = [*sorted(POINTS), "99999"]  # one commune the places do not know
UNIT_COMMUNES = sorted(POINTS)  # a unit's commune always has zones (else an error, tested)
REFS = [f"D{i:03d}" for i in range(1000)]


_PERSONS = st.integers(1, 9)
_DAYS = st.integers(0, 520)
_BIRTH = st.integers(0, 16000)
_RENEWED = st.booleans()
_PARTNER = st.sampled_from([None, date(1997, 5, 5), date(1970, 2, 2)])
_INCOME = st.integers(5000, 60000)
_MONTHLY = st.none() | st.integers(0, 6000)
_COMMUNE = st.sampled_from(COMMUNES)
_MODE = st.sampled_from([None, *ModeTransport])
_SITUATION = st.sampled_from(list(SituationLogement))
_RENT = st.none() | st.integers(100, 1500)
_WISHED = st.lists(_COMMUNE, max_size=3)
_TMIN = st.sampled_from([None, 1, 2, 3, 4])
_TMAX = st.sampled_from([None, 2, 3, 4, 6])
_MAX_RENT = st.none() | st.integers(300, 1200)
_MOBILITY = st.sampled_from(list(Mobilite))
_MOBILITY_DATE = st.sampled_from([None, date(2026, 3, 1), date(2025, 1, 1)])
_MOTIFS = st.lists(st.sampled_from([*Motif, Motif.SEPARATION, Motif.VIOLENCES]), max_size=3)
_L441 = st.lists(st.sampled_from(list(PrioriteL441)), max_size=2)
# Parked until before, on and after the usual ranking dates of the tests (2026).
_PARKED = st.sampled_from(
    [None, None, None, date(2026, 1, 10), date(2026, 6, 15), date(2027, 1, 1)]
)
_STATUS = st.sampled_from([RequestStatus.ACTIVE] * 4 + [RequestStatus.CLOSE])
_TIE = st.sampled_from([None, 0, 1, 2, 3])
_EMPLOYER = st.sampled_from(["Exemple Industrie", "Autre SA"])
_BOOL = st.booleans()


def _money(value: int | None) -> float | None:
    return None if value is None else value + 0.25 * (value % 4)


@st.composite
def requests(draw: st.DrawFn, ref: str) -> Request:
    """Draw a request with a given reference."""
    persons = draw(_PERSONS)
    fiscal = draw(_INCOME)
    filing = date(2025, 1, 1) + timedelta(days=draw(_DAYS))
    return make_request(
        ref,
        filing_date=filing,
        renewal_date=filing + timedelta(days=300) if draw(_RENEWED) else None,
        birth_date=date(1960, 1, 1) + timedelta(days=draw(_BIRTH)),
        persons=persons,
        dependants=draw(st.integers(0, persons - 1)),
        partner_birth_date=draw(_PARTNER),
        disability=draw(_BOOL),
        fiscal_income=float(fiscal),
        recent_income=draw(st.none() | st.sampled_from([fiscal * 9 / 10, fiscal * 0.901, 1000.0])),
        own_income=draw(st.none() | st.just(12000.0)),
        children_under_14=draw(st.none() | st.integers(0, persons - 1)),
        monthly_income=_money(draw(_MONTHLY)),
        work_commune=draw(_COMMUNE),
        transport=draw(_MODE),
        home_commune=draw(_COMMUNE),
        situation=draw(_SITUATION),
        current_rent=_money(draw(_RENT)),
        wished_communes=tuple(draw(_WISHED)),
        typology_min=draw(_TMIN),
        typology_max=draw(_TMAX),
        max_rent=_money(draw(_MAX_RENT)),
        needs_pmr=draw(_BOOL),
        needs_lift=draw(_BOOL),
        mobility=draw(_MOBILITY),
        mobility_date=draw(_MOBILITY_DATE),
        motifs=tuple(draw(_MOTIFS)),
        dalo=draw(_BOOL),
        l441=tuple(draw(_L441)),
        status=draw(_STATUS),
        tie_breaker=draw(_TIE),
        parked_until=draw(_PARKED),
        employer_name=draw(_EMPLOYER),
    )


@st.composite
def pools(draw: st.DrawFn, max_size: int = 25) -> list[Request]:
    """Draw a pool of requests with distinct references."""
    size = draw(st.integers(0, max_size))
    first = draw(st.integers(0, len(REFS) - size))
    return [draw(requests(ref)) for ref in REFS[first : first + size]]


@st.composite
def units(draw: st.DrawFn, ref: str = "L1") -> Unit:
    """Draw an open unit."""
    typology = draw(st.integers(1, 6))
    located = draw(st.booleans())
    return make_unit(
        ref,
        commune=draw(st.sampled_from(UNIT_COMMUNES)),
        typology=typology,
        surface=float(draw(st.integers(8, 110))),
        financing=draw(st.sampled_from(list(Financement))),
        rent=float(draw(st.integers(200, 900))),
        charges=float(draw(st.integers(0, 150))),
        latitude=47.30 + draw(st.integers(0, 50)) / 1000 if located else None,
        longitude=5.02 + draw(st.integers(0, 50)) / 1000 if located else None,
        floor=draw(st.none() | st.integers(0, 8)),
        lift=draw(st.booleans()),
        accessible_pmr=draw(st.booleans()),
        reserved_employer=draw(st.none() | st.just("Exemple Industrie") | st.just("123456789")),
    )
