"""Cryptography of the audit trail: per-person sealing, password-wrapped Ed25519 keys.

The functions here hold no SQL: the tables that keep keys are in ``audit.py`` and
``checkpoints.py``. AES-256-GCM seals values (the nonce is stored with the ciphertext and the
record it belongs to is authenticated as associated data); scrypt derives a key from a
supervisor's password to wrap the private half of their signing key.
"""

from __future__ import annotations

import base64
import json
import os
import zlib
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from housingmatch.errors import UserError

_NONCE = 12
# scrypt cost: about 0.1 s and 32 MiB on the project machine (OWASP's minimum is N=2**17, r=8).
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1


class WrongPassword(UserError):
    """The password does not open the signing key."""


def new_key() -> bytes:
    """Return a fresh 256-bit key."""
    return AESGCM.generate_key(bit_length=256)


def seal(key: bytes, value: Any, context: str) -> str:
    """Encrypt a JSON value (deflated first: the log holds one per change); return base64."""
    nonce = os.urandom(_NONCE)
    plain = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    data = AESGCM(key).encrypt(nonce, zlib.compress(plain, 1), context.encode("utf-8"))
    return base64.b64encode(nonce + data).decode("ascii")


def unseal(key: bytes, token: str, context: str) -> Any:
    """Decrypt what :func:`seal` produced; raise ValueError when it does not open."""
    raw = base64.b64decode(token)
    try:
        plain = AESGCM(key).decrypt(raw[:_NONCE], raw[_NONCE:], context.encode("utf-8"))
    except InvalidTag:
        raise ValueError("sealed value does not open with this key") from None
    if plain[:1] != b"{":  # values sealed before deflating was added start with their JSON
        plain = zlib.decompress(plain)
    return json.loads(plain.decode("utf-8"))


@dataclass(frozen=True, slots=True)
class WrappedKey:
    """An Ed25519 key pair whose private half is encrypted under a password."""

    public_key: bytes  # raw 32 bytes
    wrapped_private: bytes  # nonce + AES-GCM ciphertext of the raw private key
    salt: bytes
    kdf: str  # e.g. "scrypt:n=32768,r=8,p=1"


def _kdf_params(kdf: str) -> tuple[int, int, int]:
    name, _, params = kdf.partition(":")
    if name != "scrypt":
        raise UserError(f"Dérivation de clé inconnue : « {name} ».")
    values = dict(p.split("=") for p in params.split(","))
    return int(values["n"]), int(values["r"]), int(values["p"])


def _derive(password: str, salt: bytes, kdf: str) -> bytes:
    n, r, p = _kdf_params(kdf)
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))


def new_signing_key(password: str, owner: str) -> WrappedKey:
    """Create an Ed25519 key pair and wrap its private half under the password."""
    if not password:
        raise UserError("Un mot de passe est nécessaire pour protéger la clé de signature.")
    private = Ed25519PrivateKey.generate()
    raw_private = private.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    salt = os.urandom(16)
    kdf = f"scrypt:n={SCRYPT_N},r={SCRYPT_R},p={SCRYPT_P}"
    nonce = os.urandom(_NONCE)
    wrapped = nonce + AESGCM(_derive(password, salt, kdf)).encrypt(
        nonce, raw_private, owner.encode("utf-8")
    )
    return WrappedKey(public_bytes(private.public_key()), wrapped, salt, kdf)


def rewrap(wrapped: WrappedKey, old_password: str, new_password: str, owner: str) -> WrappedKey:
    """Return the same key pair with its private half wrapped under a new password."""
    if not new_password:
        raise UserError("Un mot de passe est nécessaire pour protéger la clé de signature.")
    raw = unwrap(wrapped, old_password, owner).private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    salt = os.urandom(16)
    nonce = os.urandom(_NONCE)
    sealed = nonce + AESGCM(_derive(new_password, salt, wrapped.kdf)).encrypt(
        nonce, raw, owner.encode("utf-8")
    )
    return WrappedKey(wrapped.public_key, sealed, salt, wrapped.kdf)


def public_bytes(key: Ed25519PublicKey) -> bytes:
    """Return the raw 32 bytes of a public key."""
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def unwrap(wrapped: WrappedKey, password: str, owner: str) -> Ed25519PrivateKey:
    """Open the private key with the password; raise WrongPassword otherwise."""
    key = _derive(password, wrapped.salt, wrapped.kdf)
    data = wrapped.wrapped_private
    try:
        raw = AESGCM(key).decrypt(data[:_NONCE], data[_NONCE:], owner.encode("utf-8"))
    except InvalidTag:
        raise WrongPassword(
            f"Mot de passe incorrect pour la clé de signature de « {owner} »."
        ) from None
    return Ed25519PrivateKey.from_private_bytes(raw)


def signature_ok(public_key: bytes, signature: bytes, message: bytes) -> bool:
    """Tell whether ``signature`` is the Ed25519 signature of ``message`` under the key."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True
