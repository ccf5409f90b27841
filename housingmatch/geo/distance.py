"""Straight-line (great-circle) distances and a simple commute-time estimate.

The haversine formula on a sphere of the mean Earth radius is accurate to about 0.5 % at the
scale of a département, far below the uncertainty of a commune-level location.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

__all__ = ["EARTH_RADIUS_KM", "commute_minutes", "haversine_km", "haversine_km_array"]

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG), in kilometres."""


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in km between two WGS84 points in decimal degrees."""
    phi1 = math.radians(lat1)
    phi2 = math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2.0
    half_dlambda = math.radians(lon2 - lon1) / 2.0
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2.0 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def haversine_km_array(
    lat: float,
    lon: float,
    lats: npt.ArrayLike,
    lons: npt.ArrayLike,
) -> npt.NDArray[np.float64]:
    """Return the distances in km from one point to many points (vectorised, NaN-propagating)."""
    phi1 = math.radians(lat)
    phi2 = np.radians(np.asarray(lats, dtype=np.float64))
    lambda2 = np.radians(np.asarray(lons, dtype=np.float64))
    half_dphi = (phi2 - phi1) / 2.0
    half_dlambda = (lambda2 - math.radians(lon)) / 2.0
    h = np.sin(half_dphi) ** 2 + math.cos(phi1) * np.cos(phi2) * np.sin(half_dlambda) ** 2
    distances: npt.NDArray[np.float64] = (
        2.0 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(1.0, h)))
    )
    return distances


def commute_minutes(distance_km: float, detour_factor: float, speed_kmh: float) -> float:
    """Return the travel time in minutes: straight-line km × detour factor ÷ speed × 60.

    ``detour_factor`` is the ratio network distance / straight-line distance (≥ 1; about
    1.15-1.25 in towns, see ``resources/geo/parametres_temps_trajet.csv``); ``speed_kmh`` is a
    door-to-door average speed.
    """
    if distance_km < 0 or math.isnan(distance_km):
        raise ValueError(f"distance invalide : {distance_km} km")
    if not detour_factor >= 1.0:
        raise ValueError(f"facteur de détour invalide : {detour_factor} (doit être ≥ 1)")
    if not speed_kmh > 0.0:
        raise ValueError(f"vitesse invalide : {speed_kmh} km/h (doit être > 0)")
    return distance_km * detour_factor / speed_kmh * 60.0
