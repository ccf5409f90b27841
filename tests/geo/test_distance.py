"""Tests of the great-circle distance and commute-time helpers."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from housingmatch.geo import (
    EARTH_RADIUS_KM,
    commute_minutes,
    default_gazetteer,
    haversine_km,
    haversine_km_array,
)

latitudes = st.floats(min_value=-90.0, max_value=90.0, allow_nan=False)
longitudes = st.floats(min_value=-180.0, max_value=180.0, allow_nan=False)


def test_same_point_is_zero() -> None:
    assert haversine_km(47.32, 5.04, 47.32, 5.04) == 0.0


def test_one_degree_of_longitude_on_the_equator() -> None:
    assert haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(
        EARTH_RADIUS_KM * math.pi / 180.0, rel=1e-12
    )


def test_antipodes() -> None:
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * EARTH_RADIUS_KM)
    assert haversine_km(90.0, 0.0, -90.0, 0.0) == pytest.approx(math.pi * EARTH_RADIUS_KM)


def test_paris_london() -> None:
    # Notre-Dame area to Charing Cross: about 343.5 km on the mean sphere.
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1.0)


@pytest.mark.parametrize("use_mairie", [True, False])
def test_dijon_beaune(use_mairie: bool) -> None:
    gazetteer = default_gazetteer()
    dijon = gazetteer.get("21231")
    beaune = gazetteer.get("21054")
    assert dijon is not None
    assert beaune is not None
    if use_mairie:
        assert dijon.point is not None
        assert beaune.point is not None
        start, end = dijon.point, beaune.point
    else:
        assert dijon.latitude is not None and dijon.longitude is not None
        assert beaune.latitude is not None and beaune.longitude is not None
        start, end = (dijon.latitude, dijon.longitude), (beaune.latitude, beaune.longitude)
    distance = haversine_km(*start, *end)
    # 36.7 km between the town halls, 36.3 km between the centroids: "about 37 km".
    assert 35.5 < distance < 40.0


def test_array_matches_scalar() -> None:
    rng = np.random.default_rng(20261129)
    lats = rng.uniform(-90.0, 90.0, 500)
    lons = rng.uniform(-180.0, 180.0, 500)
    for lat, lon in [(47.32103, 5.04127), (-33.9, 18.4), (0.0, 179.9)]:
        vectorised = haversine_km_array(lat, lon, lats, lons)
        scalar = np.array(
            [haversine_km(lat, lon, float(a), float(b)) for a, b in zip(lats, lons, strict=True)]
        )
        np.testing.assert_allclose(vectorised, scalar, rtol=1e-12, atol=1e-9)


def test_array_accepts_lists_keeps_shape_and_propagates_nan() -> None:
    result = haversine_km_array(47.32, 5.04, [47.32, 47.02553, math.nan], [5.04, 4.83747, 5.0])
    assert result.shape == (3,)
    assert result.dtype == np.float64
    assert result[0] == 0.0
    assert result[1] == pytest.approx(haversine_km(47.32, 5.04, 47.02553, 4.83747))
    assert math.isnan(result[2])
    grid = haversine_km_array(0.0, 0.0, np.zeros((2, 3)), np.ones((2, 3)))
    assert grid.shape == (2, 3)


def test_array_over_all_cote_dor_communes() -> None:
    communes = [c for c in default_gazetteer().communes("21") if c.point is not None]
    points = np.array([c.point for c in communes])
    distances = haversine_km_array(47.32103, 5.04127, points[:, 0], points[:, 1])
    assert distances.shape == (len(communes),)
    assert float(distances.min()) == 0.0  # Dijon itself
    assert float(distances.max()) < 150.0  # the department is about 130 km across


@given(latitudes, longitudes, latitudes, longitudes)
def test_symmetric_and_bounded(lat1: float, lon1: float, lat2: float, lon2: float) -> None:
    forward = haversine_km(lat1, lon1, lat2, lon2)
    assert forward == pytest.approx(haversine_km(lat2, lon2, lat1, lon1), abs=1e-6)
    assert 0.0 <= forward <= math.pi * EARTH_RADIUS_KM + 1e-6


@pytest.mark.parametrize(
    ("distance", "detour", "speed", "minutes"),
    [
        (10.0, 1.2, 36.0, 20.0),
        (0.0, 1.3, 4.5, 0.0),
        (4.5, 1.0, 4.5, 60.0),
        (36.7, 1.25, 36.0, 36.7 * 1.25 / 36.0 * 60.0),
    ],
)
def test_commute_minutes(distance: float, detour: float, speed: float, minutes: float) -> None:
    assert commute_minutes(distance, detour, speed) == pytest.approx(minutes)


@pytest.mark.parametrize(
    ("distance", "detour", "speed"),
    [
        (-1.0, 1.2, 36.0),
        (math.nan, 1.2, 36.0),
        (10.0, 0.9, 36.0),
        (10.0, math.nan, 36.0),
        (10.0, 1.2, 0.0),
        (10.0, 1.2, -5.0),
    ],
)
def test_commute_minutes_rejects_nonsense(distance: float, detour: float, speed: float) -> None:
    with pytest.raises(ValueError):
        commute_minutes(distance, detour, speed)
