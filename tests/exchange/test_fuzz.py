"""Any input gives a report or a clean French refusal, never an exception."""

import math
from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from housingmatch.rules.validation import validate_request, validate_unit
from tests.builders import make_request, make_unit
from tests.exchange.fuzz_inputs import mutated_xlsx, read_or_refuse, template_csv

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(
    data=st.one_of(template_csv(), st.binary(max_size=300)),
    kind=st.sampled_from(["demandes", "logements"]),
)
def test_any_csv_gives_a_report_or_a_refusal(tmp_path_factory, data, kind):
    path = tmp_path_factory.mktemp("fuzz") / "f.csv"
    path.write_bytes(data)
    assert read_or_refuse(path, kind) in ("report", "refused")


@FUZZ
@given(data=st.one_of(mutated_xlsx(), st.binary(max_size=300)))
def test_any_xlsx_gives_a_report_or_a_refusal(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "f.xlsx"
    path.write_bytes(data)
    assert read_or_refuse(path, "demandes") in ("report", "refused")


numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([1e400, -0.0, 47.3, 5.0])
)


@FUZZ
@given(income=numbers, rent=numbers, lat=numbers, lon=numbers, persons=st.integers(-5, 10**6))
def test_validation_never_lets_a_non_finite_number_through(income, rent, lat, lon, persons):
    request = make_request()
    request = replace(
        request,
        household=replace(request.household, fiscal_income=income, persons=persons),
        housing=replace(request.housing, rent=rent),
        workplace=replace(request.workplace, latitude=lat, longitude=lon),
    )
    problems = validate_request(request, date(2026, 11, 29))
    if not all(math.isfinite(x) for x in (income, rent, lat, lon)) or not 1 <= persons <= 20:
        assert problems
    unit = make_unit(rent=rent, latitude=lat, longitude=lon, surface=income)
    if not all(math.isfinite(x) for x in (rent, lat, lon, income)):
        assert validate_unit(unit, date(2026, 11, 29))
