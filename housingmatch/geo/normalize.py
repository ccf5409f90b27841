"""Text keys used to compare commune and QPV names typed by hand with the reference spelling.

``normalize_name("Saint-Apollinaire")``, ``normalize_name("ST APOLLINAIRE")`` and
``normalize_name("st-apollinaire ")`` all give ``"saint apollinaire"``: lower case, no accents,
every run of punctuation or blanks becomes one space, and the usual postal abbreviations
(St, Ste, S/) are spelled out.
"""

from __future__ import annotations

import re
import unicodedata

# Ligatures spelled out; non-ASCII punctuation (typographic apostrophes, dashes, quotes,
# no-break spaces) turned into separators before the accents are dropped.
_TRANSLATION = str.maketrans(
    {
        "œ": "oe",
        "Œ": "OE",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        **dict.fromkeys("’‘‛´`«»‹›“”„–—‐‑‒―·•\u00a0\u202f\u2009\u2007", " "),
    }
)
_SUR_ABBREVIATION = re.compile(r"\bs\s*/\s*")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_NOT_ALNUM_LINE = re.compile(r"[^0-9a-z\n]+")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
_ABBREVIATION_RE = re.compile(r"\b(?:st|ste|sts|stes)\b")
_ARTICLES = frozenset({"le", "la", "les", "l"})


def strip_accents(text: str) -> str:
    """Return ``text`` in lower-case ASCII: accents dropped, œ → oe, dashes and quotes → space."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLATION))
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


def name_tokens(text: str, *, expand_last: bool = True) -> list[str]:
    """Split a name into normalised words, expanding St/Ste (the last word only if asked)."""
    plain = _SUR_ABBREVIATION.sub(" sur ", strip_accents(text))
    tokens = _NOT_ALNUM.sub(" ", plain).split()
    last = len(tokens) - 1
    return [
        _ABBREVIATIONS.get(token, token) if (index < last or expand_last) else token
        for index, token in enumerate(tokens)
    ]


def normalize_name(text: str) -> str:
    """Return the comparison key of a place name (lower case, no accents, single spaces)."""
    return " ".join(name_tokens(text))


def reference_key(name: str) -> str:
    """Return ``normalize_name(name)`` quickly for an official name (no abbreviations in it)."""
    key = _NOT_ALNUM.sub(" ", strip_accents(name)).strip()
    if "/" in name or _ABBREVIATION_RE.search(key):
        return normalize_name(name)
    return key


def reference_keys(names: list[str]) -> list[str]:
    """Return ``[reference_key(name) for name in names]``, computed in one pass (fast)."""
    if any("\n" in name for name in names):
        return [reference_key(name) for name in names]
    plain = _NOT_ALNUM_LINE.sub(" ", strip_accents("\n".join(names)))
    keys = [line.strip() for line in plain.split("\n")]
    if "/" in plain or _ABBREVIATION_RE.search(plain):
        keys = [
            normalize_name(name) if ("/" in name or _ABBREVIATION_RE.search(key)) else key
            for name, key in zip(names, keys, strict=True)
        ]
    return keys


def without_article(key: str) -> str:
    """Drop a leading article ("le", "la", "les", "l") from a normalised key, if any."""
    head, _, rest = key.partition(" ")
    return rest if head in _ARTICLES and rest else key
