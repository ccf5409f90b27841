"""Sealing: what goes in comes out with the right key and context only."""

import pytest

from housingmatch.store.crypto import new_key, seal, unseal


def test_a_sealed_value_opens_with_its_key_and_record_only():
    key = new_key()
    token = seal(key, {"nom": "Vauquelin", "n": 3}, "demande:A")
    assert "Vauquelin" not in token
    assert unseal(key, token, "demande:A") == {"nom": "Vauquelin", "n": 3}
    with pytest.raises(ValueError):
        unseal(new_key(), token, "demande:A")
    with pytest.raises(ValueError):
        unseal(key, token, "demande:B")  # moved to another record


def test_values_sealed_before_deflating_still_open():
    import base64
    import os

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key, nonce = new_key(), os.urandom(12)
    old = base64.b64encode(nonce + AESGCM(key).encrypt(nonce, b'{"a":1}', b"demande:A")).decode()
    assert unseal(key, old, "demande:A") == {"a": 1}
