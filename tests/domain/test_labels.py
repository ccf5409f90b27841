"""French numbers, amounts, dates and code labels."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from housingmatch.domain.labels import (
    code_label,
    euros,
    euros_to_cent,
    field_label,
    french_date,
    french_number,
    group_label,
    plural,
    yes_no,
)


def test_amounts_are_rounded_with_thousands_separator_and_euro_sign():
    assert euros(8813.333333333332) == "8\u202f813\u00a0€"
    assert euros(None) == "—"
    assert euros_to_cent(394.59) == "394,59\u00a0€"
    assert euros_to_cent(400.0) == "400\u00a0€"
    assert french_number(12345.678, 1) == "12\u202f345,7"


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_french_number_reads_back_as_the_same_integer(n):
    assert int(french_number(n).replace("\u202f", "")) == n


def test_words():
    assert yes_no(True) == "oui" and yes_no(False) == "non" and yes_no(None) == "—"
    assert (
        french_date("2027-10-20") == "20/10/2027" and french_date(date(2026, 1, 2)) == "02/01/2026"
    )
    assert plural(1, "an") == "1 an" and plural(3, "an") == "3 ans"
    assert plural(2, "demande exclue", "demandes exclues") == "2 demandes exclues"
    assert code_label("situation_logement", "LOCATAIRE_SOCIAL") == "Locataire du parc social"
    assert code_label("situation_logement", "INCONNU") == "INCONNU"
    assert group_label("PRIORITAIRE_L441") == "Prioritaire L441-1"
    assert field_label("revenu_fiscal_reference") == "Revenu fiscal de référence"
