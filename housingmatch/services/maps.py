"""What the offline map shows: communes, QPV, units by state, workplaces as a density, commutes."""

from __future__ import annotations

from dataclasses import dataclass

from housingmatch.domain.model import UnitStatus
from housingmatch.domain.session import Session
from housingmatch.geo import default_gazetteer
from housingmatch.geo.shapes import CommuneShape, Projection, territory_shapes
from housingmatch.matching.results import Ranking
from housingmatch.rules.permissions import Action, require
from housingmatch.store import Store

__all__ = [
    "CommuneShape",
    "MapData",
    "MapLine",
    "MapUnit",
    "Projection",
    "map_data",
    "ranking_lines",
]


@dataclass(frozen=True, slots=True)
class MapUnit:
    """A unit placed on the map (its own point, else its commune's centre)."""

    ref: str
    status: UnitStatus
    longitude: float
    latitude: float
    label: str


@dataclass(frozen=True, slots=True)
class MapLine:
    """A line from a unit to a candidate's workplace, with the estimated commute."""

    rank: int
    request_ref: str
    from_point: tuple[float, float]
    to_point: tuple[float, float]
    minutes: float | None


@dataclass(frozen=True, slots=True)
class MapData:
    """Everything the map draws, in longitude / latitude."""

    shapes: tuple[CommuneShape, ...]
    qpv_communes: frozenset[str]
    units: tuple[MapUnit, ...]
    workplaces: dict[str, int]  # active requests by workplace commune


def _centre(code: str) -> tuple[float, float] | None:
    commune = default_gazetteer().get(code)
    if commune is None or commune.longitude is None or commune.latitude is None:
        return None
    return commune.longitude, commune.latitude


def map_data(store: Store, session: Session) -> MapData:
    """Return the map of the territory: communes, QPV communes, units, workplace density."""
    require(session, Action.READ)
    gaz = default_gazetteer()
    shapes = territory_shapes()
    units = []
    for unit in store.units.all():
        point = (
            (unit.longitude, unit.latitude)
            if unit.longitude is not None and unit.latitude is not None
            else _centre(unit.commune)
        )
        if point is None:
            continue
        commune = gaz.get(unit.commune)
        label = f"{unit.ref} – {commune.nom if commune else unit.commune}"
        units.append(MapUnit(unit.ref, unit.status, point[0], point[1], label))
    return MapData(
        shapes=shapes,
        qpv_communes=frozenset(s.code_insee for s in shapes if gaz.qpv_names(s.code_insee)),
        units=tuple(units),
        workplaces=store.requests.workplace_counts(),
    )


def ranking_lines(store: Store, session: Session, ranking: Ranking, top: int = 20) -> list[MapLine]:
    """Return lines from the ranked unit to its first candidates' workplaces."""
    require(session, Action.READ)
    unit = store.units.get(ranking.unit_ref)
    if unit is None:
        return []
    start = (
        (unit.longitude, unit.latitude)
        if unit.longitude is not None and unit.latitude is not None
        else _centre(unit.commune)
    )
    if start is None:
        return []
    candidates = list(ranking.ranked)[:top]
    requests = store.requests.get_many([c.ref for c in candidates])
    lines = []
    for candidate in candidates:
        request = requests.get(candidate.ref)
        if request is None:
            continue
        place = request.workplace
        end = (
            (place.longitude, place.latitude)
            if place.longitude is not None and place.latitude is not None
            else _centre(place.commune)
        )
        if end is not None:
            lines.append(
                MapLine(candidate.rank, candidate.ref, start, end, candidate.commute_minutes)
            )
    return lines


def map_data_work(
    db_path: object, session: Session, progress: object = None, cancelled: object = None
) -> MapData:
    """Background work: open the database at ``db_path`` and return its map (the job helper)."""
    from pathlib import Path

    with Store.open(Path(str(db_path)), create=False) as store:
        return map_data(store, session)


def ranking_lines_work(
    db_path: object,
    session: Session,
    unit_ref: str,
    on: object,
    progress: object = None,
    cancelled: object = None,
) -> list[MapLine]:
    """Background work: rank a unit on ``on`` and return the lines to its first candidates."""
    from datetime import date
    from pathlib import Path

    from housingmatch.services.matching import rank_unit

    assert isinstance(on, date)
    with Store.open(Path(str(db_path)), create=False) as store:
        return ranking_lines(store, session, rank_unit(store, session, unit_ref, on, top=20))
