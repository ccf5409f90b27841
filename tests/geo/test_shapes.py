from housingmatch.geo.shapes import Projection, territory_shapes


def test_the_23_communes_of_the_metropolis_ship_with_their_outlines():
    shapes = territory_shapes()
    assert len(shapes) == 23
    dijon = next(s for s in shapes if s.code_insee == "21231")
    assert dijon.name == "Dijon" and len(dijon.rings[0]) > 20
    west, south, east, north = dijon.bounds()
    assert 4.9 < west < east < 5.2 and 47.2 < south < north < 47.4


def test_projection_in_kilometres():
    projection = Projection(5.04, 47.32)
    assert projection.to_km(5.04, 47.32) == (0.0, 0.0)
    east, north = projection.to_km(5.04 + 1 / 111.32 / 0.6777, 47.33)
    assert abs(east - 1.0) < 0.01 and abs(north - 1.106) < 0.01
