"""Offline geography: commune gazetteer (names, INSEE and postal codes, zoning, QPV) and distances.

Reads only the CSV files under ``resources/geo``; no network access, no Qt.
"""

from housingmatch.geo.distance import (
    EARTH_RADIUS_KM,
    commute_minutes,
    haversine_km,
    haversine_km_array,
)
from housingmatch.geo.gazetteer import (
    DEFAULT_DEPARTMENT,
    DIJON_METROPOLE_SIREN,
    AmbiguousCommune,
    CodeKind,
    Commune,
    CommuneLookupError,
    CommuneNotFound,
    Gazetteer,
    default_gazetteer,
)
from housingmatch.geo.normalize import normalize_name

__all__ = [
    "DEFAULT_DEPARTMENT",
    "DIJON_METROPOLE_SIREN",
    "EARTH_RADIUS_KM",
    "AmbiguousCommune",
    "CodeKind",
    "Commune",
    "CommuneLookupError",
    "CommuneNotFound",
    "Gazetteer",
    "commute_minutes",
    "default_gazetteer",
    "haversine_km",
    "haversine_km_array",
    "normalize_name",
]
