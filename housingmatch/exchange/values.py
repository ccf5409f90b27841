"""Parse the cell values of the import templates; each parser raises ValueError in French."""

from __future__ import annotations

import math
import re
from datetime import date
from enum import StrEnum
from functools import cache
from typing import TypeVar

from housingmatch.domain.model import LABELS
from housingmatch.domain.text import fold

E = TypeVar("E", bound=StrEnum)

_SPACES = re.compile(r"[\s\u00a0\u202f']+")
_TRUE = {"oui", "o", "1", "x", "vrai", "true", "yes", "y"}
_FALSE = {"non", "n", "0", "faux", "false", "no", ""}
_TYPOLOGY = re.compile(r"^(?:t|f|type)?\s*([1-9])\s*(?:\+|et plus)?$")


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")
_FR_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def _finite(number: float) -> float:
    """Refuse ``inf``, ``nan`` and overflowing values such as ``1e400``."""
    if not math.isfinite(number):
        raise ValueError("not finite")
    return number


def parse_date(text: str) -> date:
    """Parse ``AAAA-MM-JJ`` or ``JJ/MM/AAAA`` (also ``JJ-MM-AAAA``, ``JJ.MM.AAAA``)."""
    value = text.strip()
    match = _ISO_DATE.match(value)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _FR_DATE.match(value)
        if not match:
            raise ValueError("date invalide (attendu AAAA-MM-JJ ou JJ/MM/AAAA)")
        day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError("date invalide (attendu AAAA-MM-JJ ou JJ/MM/AAAA)") from None


def parse_amount(text: str) -> float:
    """Parse an amount in euros: ``1234.56``, ``1 234,56``, ``1234 €``, ``1.234,56``."""
    value = _SPACES.sub("", text.strip().replace("€", "").replace("EUR", "").replace("eur", ""))
    if not value:
        raise ValueError("montant vide")
    if "," in value and "." in value:
        if value.rfind(",") > value.rfind("."):
            value = value.replace(".", "").replace(",", ".")
        else:
            value = value.replace(",", "")
    elif "," in value:
        value = value.replace(",", ".")
    try:
        return _finite(float(value))
    except ValueError:
        raise ValueError("montant invalide (attendu par exemple 1234,56)") from None


def parse_decimal(text: str) -> float:
    """Parse a decimal number with a point or a comma."""
    value = text.strip().replace(",", ".").replace(" ", "")
    try:
        return _finite(float(value))
    except ValueError:
        raise ValueError("nombre décimal invalide") from None


def parse_int(text: str) -> int:
    """Parse a whole number (``3``, ``3.0`` from a spreadsheet)."""
    value = text.strip().replace(" ", "")
    try:
        number = _finite(float(value.replace(",", ".")))
    except ValueError:
        raise ValueError("nombre entier invalide") from None
    if abs(number) > 1e9:
        raise ValueError("nombre entier hors limites")
    if number != int(number):
        raise ValueError("nombre entier attendu")
    return int(number)


def parse_bool(text: str) -> bool:
    """Parse oui/non, o/n, 1/0, x/vide, vrai/faux, true/false."""
    value = fold(text)
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError("valeur oui/non invalide (attendu oui, non, 1, 0, x ou vide)")


def split_list(text: str) -> list[str]:
    """Split a list cell on ``;`` or ``|``, dropping empty items."""
    return [item.strip() for item in re.split(r"[;|]", text) if item.strip()]


@cache
def _code_index(enum: type[StrEnum]) -> dict[str, StrEnum]:
    index: dict[str, StrEnum] = {}
    for member in enum:
        index[member.value] = member
        index[fold(member.value)] = member
        index[fold(member.value.replace("_", " "))] = member
        if member in LABELS:
            index.setdefault(fold(LABELS[member]), member)
    return index


def parse_code(text: str, enum: type[E]) -> E:
    """Parse a code of a list (case, accents, spaces or underscores do not matter)."""
    member = _code_index(enum).get(text) or _code_index(enum).get(fold(text))
    if member is None:
        allowed = ", ".join(m.value for m in enum)
        raise ValueError(f"code inconnu (valeurs possibles : {allowed})")
    return member  # type: ignore[return-value]


def parse_typology(text: str) -> int:
    """Parse a typology ``T1``..``T6`` (also ``3``, ``F3``, ``T6+``) into a number of rooms."""
    match = _TYPOLOGY.match(fold(text).replace(" ", ""))
    if not match or not 1 <= int(match.group(1)) <= 6:
        raise ValueError("typologie invalide (attendu T1 à T6)")
    return int(match.group(1))


def parse_siret(text: str) -> str:
    """Return the 14 digits of a SIRET written with or without spaces."""
    digits = re.sub(r"[\s.\-]", "", text)
    if not digits.isdigit() or len(digits) != 14:
        raise ValueError("SIRET invalide (14 chiffres attendus)")
    return digits
