"""The sealed container of a forum package: AES-256-GCM under a key derived from a passphrase.

Layout (all integers big-endian)::

    magic "HMPKG"  version (1 byte)  header length (4 bytes)  header (UTF-8 JSON)  ciphertext

The header is in clear but authenticated (it is the AEAD's associated data): the KDF and its
parameters (scrypt n, r, p and salt), the nonce, the creation time, the device and batch ids,
and a key check value that tells a wrong passphrase apart from a changed file. The ciphertext
is the zlib-compressed payload followed by GCM's 16-byte tag. A laptop that is lost shows
nothing but these ids and dates; a changed byte anywhere is refused.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import struct
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from housingmatch.errors import UserError

MAGIC = b"HMPKG"
VERSION = 1
#: scrypt cost of a new package: 2**17 × 8 × 128 bytes = 128 MiB of memory, ~0.3 s here;
#: OWASP's password-storage advice gives N=2**17, r=8, p=1 as its scrypt minimum.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
#: A header may ask for no more than this (a forged header must not exhaust memory).
_MAX_N, _MAX_R, _MAX_P = 2**20, 16, 4
_MAX_HEADER = 16 * 1024
#: A payload inflating beyond this is refused (a compression bomb must not exhaust memory).
MAX_PAYLOAD = 512 * 1024 * 1024
MIN_PASSPHRASE = 12
_CHECK_LABEL = b"housingmatch package key check"


class PackageError(UserError):
    """The file is not a readable package; nothing was imported."""


@dataclass(frozen=True, slots=True)
class PackageHeader:
    """What a package says of itself in clear (authenticated, not secret)."""

    created: datetime
    device_id: str
    batch_id: str
    kdf: dict[str, Any]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, what: str) -> bytes:
    try:
        return base64.b64decode(str(text), validate=True)
    except ValueError:
        raise PackageError(f"L'en-tête du paquet est illisible ({what}).") from None


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    """Return the encryption key and the key-check key (64 bytes of scrypt output)."""
    material = hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r * p, dklen=64
    )
    return material[:32], material[32:]


def seal(
    payload: bytes,
    passphrase: str,
    device_id: str,
    batch_id: str,
    created: datetime | None = None,
    *,
    cost: tuple[int, int, int] = (SCRYPT_N, SCRYPT_R, SCRYPT_P),
) -> bytes:
    """Return ``payload`` compressed, encrypted and authenticated under ``passphrase``."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError(
            f"La phrase de passe du paquet doit compter au moins {MIN_PASSPHRASE} caractères."
        )
    n, r, p = cost
    salt, nonce = os.urandom(16), os.urandom(12)
    key, check_key = _derive(passphrase, salt, n, r, p)
    created = (created or datetime.now(UTC)).replace(microsecond=0)
    header = {
        "format": "housingmatch-package",
        "created": created.isoformat(),
        "device_id": device_id,
        "batch_id": batch_id,
        "kdf": {"name": "scrypt", "n": n, "r": r, "p": p, "salt": _b64(salt)},
        "cipher": "AES-256-GCM",
        "nonce": _b64(nonce),
        "compression": "zlib",
        "key_check": _b64(hmac.digest(check_key, _CHECK_LABEL, "sha256")),
    }
    header_bytes = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    prefix = MAGIC + bytes([VERSION]) + struct.pack(">I", len(header_bytes))
    aad = prefix + header_bytes
    ciphertext = AESGCM(key).encrypt(nonce, zlib.compress(payload, 6), aad)
    return aad + ciphertext


def _split(data: bytes) -> tuple[bytes, dict[str, Any], bytes]:
    if not data.startswith(MAGIC):
        raise PackageError("Ce fichier n'est pas un paquet HousingMatch.")
    if len(data) < len(MAGIC) + 5:
        raise PackageError("Le paquet est tronqué : rien n'a été importé.")
    version = data[len(MAGIC)]
    if version != VERSION:
        raise PackageError(
            f"Ce paquet est au format {version}, que cette version de HousingMatch ne lit pas : "
            "mettez l'application à jour."
        )
    (length,) = struct.unpack(">I", data[len(MAGIC) + 1 : len(MAGIC) + 5])
    start = len(MAGIC) + 5
    if length > _MAX_HEADER or start + length > len(data):
        raise PackageError(
            "Le paquet est tronqué ou son en-tête a été modifié : rien n'a été importé."
        )
    header_bytes = data[start : start + length]
    try:
        header = json.loads(header_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise PackageError("L'en-tête du paquet a été modifié : rien n'a été importé.") from None
    if not isinstance(header, dict) or header.get("format") != "housingmatch-package":
        raise PackageError("L'en-tête du paquet a été modifié : rien n'a été importé.")
    return data[: start + length], header, data[start + length :]


def read_header(data: bytes) -> PackageHeader:
    """Return what the package says of itself, without the passphrase (not yet authenticated)."""
    _, header, _ = _split(data)
    try:
        created = datetime.fromisoformat(str(header["created"]))
        return PackageHeader(
            created=created,
            device_id=str(header["device_id"]),
            batch_id=str(header["batch_id"]),
            kdf=dict(header["kdf"]),
        )
    except (KeyError, TypeError, ValueError):
        raise PackageError("L'en-tête du paquet a été modifié : rien n'a été importé.") from None


def open_sealed(data: bytes, passphrase: str) -> tuple[PackageHeader, bytes]:
    """Return the header and the payload; refuse a wrong passphrase or any changed byte."""
    aad, header, ciphertext = _split(data)
    info = read_header(data)
    kdf = info.kdf
    try:
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        salt = _unb64(kdf["salt"], "sel")
        nonce = _unb64(header["nonce"], "nonce")
        expected_check = _unb64(header["key_check"], "contrôle de clé")
    except (KeyError, TypeError, ValueError):
        raise PackageError("L'en-tête du paquet a été modifié : rien n'a été importé.") from None
    valid_cost = kdf.get("name") == "scrypt" and n >= 2 and n & (n - 1) == 0
    if not valid_cost or n > _MAX_N or not 1 <= r <= _MAX_R or not 1 <= p <= _MAX_P:
        raise PackageError(
            "L'en-tête du paquet a été modifié (paramètres de clé) : rien n'a été importé."
        )
    if len(nonce) != 12 or len(salt) < 16:
        raise PackageError("L'en-tête du paquet a été modifié : rien n'a été importé.")
    key, check_key = _derive(passphrase, salt, n, r, p)
    if not hmac.compare_digest(hmac.digest(check_key, _CHECK_LABEL, "sha256"), expected_check):
        raise PackageError("Phrase de passe incorrecte : le paquet n'a pas été ouvert.")
    if len(ciphertext) < 16:
        raise PackageError("Le paquet est tronqué : rien n'a été importé.")
    try:
        compressed = AESGCM(key).decrypt(nonce, ciphertext, aad)
    except InvalidTag:
        raise PackageError(
            "Le paquet a été modifié ou tronqué depuis sa création : rien n'a été importé."
        ) from None
    inflater = zlib.decompressobj()
    try:
        payload = inflater.decompress(compressed, MAX_PAYLOAD)
    except zlib.error:
        raise PackageError("Le contenu du paquet est illisible : rien n'a été importé.") from None
    if inflater.unconsumed_tail:
        raise PackageError("Le contenu du paquet dépasse la taille admise : rien n'a été importé.")
    return info, payload
