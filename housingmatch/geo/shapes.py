"""Commune polygons for the offline map (GeoJSON shipped in ``resources/geo``), no tiles."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from housingmatch.paths import resource

Ring = tuple[tuple[float, float], ...]  # (longitude, latitude) points


@dataclass(frozen=True, slots=True)
class CommuneShape:
    """One commune's outline: its polygons, each an outer ring (holes are not drawn)."""

    code_insee: str
    name: str
    rings: tuple[Ring, ...]

    def bounds(self) -> tuple[float, float, float, float]:
        """Return (min longitude, min latitude, max longitude, max latitude)."""
        lons = [p[0] for ring in self.rings for p in ring]
        lats = [p[1] for ring in self.rings for p in ring]
        return min(lons), min(lats), max(lons), max(lats)


def load_shapes(path: Path) -> tuple[CommuneShape, ...]:
    """Read the communes of a GeoJSON FeatureCollection (Polygon or MultiPolygon)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    shapes = []
    for feature in data.get("features", ()):
        geometry = feature.get("geometry") or {}
        properties = feature.get("properties") or {}
        if geometry.get("type") == "Polygon":
            polygons = [geometry["coordinates"]]
        elif geometry.get("type") == "MultiPolygon":
            polygons = geometry["coordinates"]
        else:
            continue
        rings = tuple(
            tuple((float(x), float(y)) for x, y, *_ in polygon[0]) for polygon in polygons
        )
        shapes.append(
            CommuneShape(
                str(properties.get("code_insee", "")), str(properties.get("nom", "")), rings
            )
        )
    return tuple(shapes)


@cache
def territory_shapes() -> tuple[CommuneShape, ...]:
    """Return the shipped communes of Dijon Métropole."""
    return load_shapes(resource("geo", "dijon_metropole_communes.geojson"))


@dataclass(frozen=True, slots=True)
class Projection:
    """A local equirectangular projection to kilometres, good enough for a metropolis."""

    lon0: float
    lat0: float

    @classmethod
    def around(cls, shapes: tuple[CommuneShape, ...]) -> Projection:
        """Return the projection centred on the shapes' bounding box."""
        boxes = [s.bounds() for s in shapes]
        return cls(
            (min(b[0] for b in boxes) + max(b[2] for b in boxes)) / 2,
            (min(b[1] for b in boxes) + max(b[3] for b in boxes)) / 2,
        )

    def to_km(self, lon: float, lat: float) -> tuple[float, float]:
        """Return (east, north) in km from the centre (north up)."""
        east = (lon - self.lon0) * 111.32 * math.cos(math.radians(self.lat0))
        north = (lat - self.lat0) * 110.574
        return east, north
