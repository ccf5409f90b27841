from datetime import date

import pytest

from housingmatch.domain.model import ModeTransport, SituationLogement
from housingmatch.exchange import values


@pytest.mark.parametrize("text", ["2026-03-15", "15/03/2026", "15-03-2026", " 15.03.2026 "])
def test_dates_in_both_template_formats(text):
    assert values.parse_date(text) == date(2026, 3, 15)


@pytest.mark.parametrize("text", ["31/02/2026", "2026/15/03", "hier"])
def test_bad_dates_say_what_is_expected(text):
    with pytest.raises(ValueError, match="AAAA-MM-JJ ou JJ/MM/AAAA"):
        values.parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234.56", 1234.56),
        ("1 234,56", 1234.56),
        ("1234 €", 1234.0),
        ("1\u202f234,5 €", 1234.5),
        ("1.234,56", 1234.56),
        ("1,234.56", 1234.56),
        ("352,40", 352.4),
    ],
)
def test_amounts_in_every_written_form(text, expected):
    assert values.parse_amount(text) == pytest.approx(expected)


def test_bad_amount():
    with pytest.raises(ValueError, match="montant invalide"):
        values.parse_amount("douze")


@pytest.mark.parametrize("text", ["oui", "O", "1", "x", "Vrai", "true"])
def test_true_values(text):
    assert values.parse_bool(text) is True


@pytest.mark.parametrize("text", ["non", "n", "0", "", "faux", "FALSE"])
def test_false_values(text):
    assert values.parse_bool(text) is False


def test_bad_boolean():
    with pytest.raises(ValueError, match="oui/non"):
        values.parse_bool("peut-être")


def test_codes_tolerate_case_spaces_and_labels():
    assert values.parse_code("transport commun", ModeTransport) is ModeTransport.TRANSPORT_COMMUN
    assert values.parse_code("Hébergé par la famille", SituationLogement) is (
        SituationLogement.HEBERGE_FAMILLE
    )


def test_unknown_code_lists_the_allowed_values():
    with pytest.raises(ValueError, match="VOITURE, TRANSPORT_COMMUN"):
        values.parse_code("trottinette", ModeTransport)


@pytest.mark.parametrize(("text", "rooms"), [("T3", 3), ("t1", 1), ("4", 4), ("F2", 2), ("T6+", 6)])
def test_typologies(text, rooms):
    assert values.parse_typology(text) == rooms


def test_bad_typology():
    with pytest.raises(ValueError, match="T1 à T6"):
        values.parse_typology("T9")


def test_lists_split_on_semicolon_or_pipe():
    assert values.split_list("Dijon|Longvic; Chenôve ;") == ["Dijon", "Longvic", "Chenôve"]


def test_siret_spaces_removed():
    assert values.parse_siret("732 829 320 00074") == "73282932000074"
    with pytest.raises(ValueError, match="14 chiffres"):
        values.parse_siret("1234")


@pytest.mark.parametrize("text", ["inf", "-inf", "nan", "1e400", "Infinity"])
def test_numbers_that_are_not_finite_are_refused_in_french(text):
    from housingmatch.exchange import values as v

    for parse in (v.parse_amount, v.parse_decimal, v.parse_int):
        with pytest.raises(ValueError, match="invalide"):
            parse(text)
