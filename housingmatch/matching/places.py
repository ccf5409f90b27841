"""Where things are, for matching: commune points and zones, and the commute-time estimate.

The engine depends on the small :class:`Places` protocol, not on the gazetteer, so tests can
give a handful of communes and the engine stays pure. A unit's or a workplace's own
coordinates win over its commune's point; the current home is only known by its commune.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from housingmatch.domain.model import Request, Unit
from housingmatch.geo.distance import haversine_km
from housingmatch.rules.zones import social_zone_of

Point = tuple[float, float]


class Places(Protocol):
    """What matching needs to know about communes."""

    def point(self, commune: str) -> Point | None:
        """Return (latitude, longitude) of a commune, or None."""
        ...

    def zone_abc(self, commune: str) -> str | None:
        """Return the A/B/C zone of a commune, or None."""
        ...

    def epci(self, commune: str) -> str | None:
        """Return the SIREN of the commune's EPCI, or None."""
        ...

    def social_zone(self, commune: str) -> str | None:
        """Return the social-housing ceiling zone of a commune, or None when it is unknown."""
        ...

    def name(self, commune: str) -> str | None:
        """Return the name of a commune, or None."""
        ...

    def epci_name(self, epci: str) -> str | None:
        """Return the name of an EPCI, or None when it is not shipped."""
        ...


class StaticPlaces:
    """Places from plain dictionaries (tests, previews)."""

    def __init__(
        self,
        points: Mapping[str, Point] | None = None,
        zones: Mapping[str, str] | None = None,
        epcis: Mapping[str, str] | None = None,
        names: Mapping[str, str] | None = None,
        epci_names: Mapping[str, str] | None = None,
    ) -> None:
        """Keep the given points, zones, EPCIs and names by INSEE code (or SIREN)."""
        self._points = dict(points or {})
        self._zones = dict(zones or {})
        self._epcis = dict(epcis or {})
        self._names = dict(names or {})
        self._epci_names = dict(epci_names or {})

    def point(self, commune: str) -> Point | None:
        """Return the point of a commune, or None."""
        return self._points.get(commune)

    def zone_abc(self, commune: str) -> str | None:
        """Return the zone of a commune, or None."""
        return self._zones.get(commune)

    def epci(self, commune: str) -> str | None:
        """Return the EPCI of a commune, or None."""
        return self._epcis.get(commune)

    def social_zone(self, commune: str) -> str | None:
        """Return the social zone of a commune these places know (by its code), else None."""
        known = commune in self._points or commune in self._zones or commune in self._names
        return social_zone_of(commune) if known else None

    def name(self, commune: str) -> str | None:
        """Return the name of a commune, or None."""
        return self._names.get(commune)

    def epci_name(self, epci: str) -> str | None:
        """Return the name of an EPCI, or None."""
        return self._epci_names.get(epci)


class GazetteerPlaces:
    """Places answered by the offline gazetteer (``housingmatch.geo``)."""

    def __init__(self, gazetteer: Any) -> None:
        """Wrap a gazetteer with ``get``, ``zone_abc`` and ``epci``."""
        self._gazetteer = gazetteer
        self._points: dict[str, Point | None] = {}

    def point(self, commune: str) -> Point | None:
        """Return the town-hall (else centroid) point of a commune, or None."""
        if commune not in self._points:
            found = self._gazetteer.get(commune)
            self._points[commune] = found.point if found is not None else None
        return self._points[commune]

    def zone_abc(self, commune: str) -> str | None:
        """Return the A/B/C zone of a commune, or None."""
        zone = self._gazetteer.zone_abc(commune)
        return str(zone) if zone is not None else None

    def epci(self, commune: str) -> str | None:
        """Return the EPCI of a commune, or None."""
        code = self._gazetteer.epci(commune)
        return str(code) if code is not None else None

    def social_zone(self, commune: str) -> str | None:
        """Return the social zone of a current commune, or None when it is unknown."""
        department = self._gazetteer.department(commune)
        return None if department is None else social_zone_of(commune, str(department))

    def name(self, commune: str) -> str | None:
        """Return the name of a commune, or None."""
        found = self._gazetteer.get(commune)
        return None if found is None else str(found.nom)

    def epci_name(self, epci: str) -> str | None:
        """Return the name of an EPCI (only Côte-d'Or's are shipped), or None."""
        name = self._gazetteer.epci_name(epci)
        return None if name is None else str(name)


class TablePlaces:
    """Places read from a table of communes (a column cache), asking a slower source only for
    codes the table lacks.

    The table is made by :func:`places_table` from the same source, so both answer alike;
    the source (the gazetteer, ~0.3 s to load) is only built when a code is missing.
    """

    def __init__(
        self, arrays: Mapping[str, npt.NDArray[Any]], source: Callable[[], Places]
    ) -> None:
        """Wrap the arrays of :func:`places_table` and a factory of the full source."""
        codes = arrays["places_codes"].tolist()
        self._row = {code: i for i, code in enumerate(codes)}
        self._lat = arrays["places_lat"]
        self._lon = arrays["places_lon"]
        self._zones = arrays["places_zone"]
        self._epcis = arrays["places_epci"]
        self._social = arrays.get("places_social")
        if not (
            len(codes) == len(self._lat) == len(self._lon) == len(self._zones) == len(self._epcis)
        ):
            raise ValueError("places table columns differ in length")
        self._factory = source
        self._source: Places | None = None

    def _fallback(self) -> Places:
        if self._source is None:
            self._source = self._factory()
        return self._source

    def point(self, commune: str) -> Point | None:
        """Return the point of a commune, or None."""
        row = self._row.get(commune)
        if row is None:
            return self._fallback().point(commune)
        lat = float(self._lat[row])
        return None if math.isnan(lat) else (lat, float(self._lon[row]))

    def zone_abc(self, commune: str) -> str | None:
        """Return the A/B/C zone of a commune, or None."""
        row = self._row.get(commune)
        if row is None:
            return self._fallback().zone_abc(commune)
        return str(self._zones[row]) or None

    def epci(self, commune: str) -> str | None:
        """Return the EPCI of a commune, or None."""
        row = self._row.get(commune)
        if row is None:
            return self._fallback().epci(commune)
        return str(self._epcis[row]) or None

    def social_zone(self, commune: str) -> str | None:
        """Return the social-housing ceiling zone of a commune, or None when it is unknown."""
        row = self._row.get(commune)
        if row is None or self._social is None:
            return self._fallback().social_zone(commune)
        return str(self._social[row]) or None

    def name(self, commune: str) -> str | None:
        """Return the name of a commune (asks the full source: names are for display only)."""
        return self._fallback().name(commune)

    def epci_name(self, epci: str) -> str | None:
        """Return the name of an EPCI (asks the full source)."""
        return self._fallback().epci_name(epci)


def places_table(places: Places, codes: Iterable[str]) -> dict[str, npt.NDArray[Any]]:
    """Return the point, zone and EPCI of each commune code as plain arrays (for a cache)."""
    listed = sorted(set(codes))
    points = [places.point(code) for code in listed]
    return {
        "places_codes": np.array(listed, dtype=np.str_),
        "places_lat": np.array([p[0] if p else np.nan for p in points], dtype=np.float64),
        "places_lon": np.array([p[1] if p else np.nan for p in points], dtype=np.float64),
        "places_zone": np.array([places.zone_abc(c) or "" for c in listed], dtype=np.str_),
        "places_epci": np.array([places.epci(c) or "" for c in listed], dtype=np.str_),
        "places_social": np.array([places.social_zone(c) or "" for c in listed], dtype=np.str_),
    }


def unit_point(unit: Unit, places: Places) -> Point | None:
    """Return the unit's own coordinates, else its commune's point."""
    if unit.latitude is not None and unit.longitude is not None:
        return (unit.latitude, unit.longitude)
    return places.point(unit.commune)


def workplace_point(request: Request, places: Places) -> Point | None:
    """Return the workplace's own coordinates, else its commune's point."""
    work = request.workplace
    if work.latitude is not None and work.longitude is not None:
        return (work.latitude, work.longitude)
    return places.point(work.commune)


def home_point(request: Request, places: Places) -> Point | None:
    """Return the point of the current home's commune (used only for the commute gain)."""
    return places.point(request.housing.commune)


def distance_km(a: Point, b: Point) -> float:
    """Return the great-circle distance in km between two (lat, lon) points."""
    return haversine_km(a[0], a[1], b[0], b[1])


def round1(value: float) -> float:
    """Round half-up to one decimal, the same way in scalar and vector code."""
    return math.floor(value * 10 + 0.5) / 10


def round2(value: float) -> float:
    """Round half-up to two decimals, the same way in scalar and vector code."""
    return math.floor(value * 100 + 0.5) / 100


def commute_minutes(distance_km: float, detour_factor: float, speed_kmh: float) -> float:
    """Return the estimated trip in minutes (0.1 min): distance × detour ÷ speed."""
    return round1(distance_km * detour_factor / speed_kmh * 60.0)
