"""The sealed package: opens with its passphrase, refuses a wrong one and any changed byte."""

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from housingmatch.errors import UserError
from housingmatch.exchange.package import (
    MAGIC,
    PackageError,
    open_sealed,
    read_header,
    seal,
)

PASS = "forum Quetigny 2026 !"
CHEAP = (2**10, 8, 1)  # the tests' KDF cost; the default is exercised once below
PAYLOAD = ('{"demandes": [{"nom": "Lefèvre", "prenom": "Cédric"}]}' * 40).encode()
WHEN = datetime(2026, 11, 28, 17, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def sealed() -> bytes:
    return seal(PAYLOAD, PASS, "PORTABLE-01", "LOT-0007", WHEN, cost=CHEAP)


def test_round_trip_with_the_default_cost():
    data = seal(b"bonjour", PASS, "PORTABLE-01", "LOT-0001")
    header, payload = open_sealed(data, PASS)
    assert payload == b"bonjour"
    assert header.kdf["n"] == 2**17 and header.device_id == "PORTABLE-01"


def test_header_is_readable_without_the_passphrase(sealed):
    header = read_header(sealed)
    assert header.created == WHEN
    assert (header.device_id, header.batch_id) == ("PORTABLE-01", "LOT-0007")


def test_nothing_personal_is_readable_in_the_file(sealed):
    assert b"Lef" not in sealed and "Cédric".encode() not in sealed and b"nom" not in sealed


def test_wrong_passphrase_is_named(sealed):
    with pytest.raises(PackageError, match="Phrase de passe incorrecte"):
        open_sealed(sealed, "forum Quetigny 2025 !")


@pytest.mark.parametrize("where", ["magic", "header", "ciphertext", "tag"])
def test_a_changed_byte_is_refused(sealed, where):
    header_end = len(MAGIC) + 5 + int.from_bytes(sealed[len(MAGIC) + 1 : len(MAGIC) + 5], "big")
    positions = {
        "magic": 1,
        "header": len(MAGIC) + 5 + 30,
        "ciphertext": len(sealed) - 40,
        "tag": len(sealed) - 1,
    }
    assert positions["header"] < header_end < positions["ciphertext"]
    data = bytearray(sealed)
    data[positions[where]] ^= 0x01
    with pytest.raises(PackageError):
        open_sealed(bytes(data), PASS)


def test_every_truncation_is_refused(sealed):
    for cut in range(0, len(sealed), max(1, len(sealed) // 97)):
        with pytest.raises(PackageError):
            open_sealed(sealed[:cut], PASS)


def test_a_short_passphrase_is_refused():
    with pytest.raises(UserError, match="au moins 12 caractères"):
        seal(b"x", "court", "P", "L")


def test_a_forged_header_cannot_demand_huge_memory(sealed):
    forged = sealed.replace(b'"n":1024', b'"n":1073741824')
    with pytest.raises(PackageError):
        open_sealed(forged, PASS)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_clean_refusal(noise):
    with pytest.raises(PackageError):
        open_sealed(MAGIC + noise, PASS)
    with pytest.raises(PackageError):
        open_sealed(noise, PASS)
