"""The ranking order: score, then the rule set's tie-break keys, then the reference.

Ties on score go to the older filing date, then to the request's stored tie-breaker. A
request without a stored tie-breaker gets one derived from its reference (a hash), so a
ranking never depends on the machine or on the order records were read in; the reference
itself closes the order should two tie-breakers collide.
"""

from __future__ import annotations

import hashlib
from datetime import date

from housingmatch.domain.model import Request

TIE_BREAKER_BITS = 31


def derived_tie_breaker(ref: str) -> int:
    """Return a tie-breaker drawn deterministically from a request reference."""
    digest = hashlib.sha256(ref.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> (64 - TIE_BREAKER_BITS)


def tie_breaker(request: Request) -> int:
    """Return the stored tie-breaker of a request, or the one derived from its reference."""
    if request.tie_breaker is not None:
        return request.tie_breaker
    return derived_tie_breaker(request.ref)


def sort_key(
    score: float, filing: date, tie: int, ref: str, order: tuple[str, ...]
) -> tuple[object, ...]:
    """Return the key that sorts candidates best first under a tie-break order."""
    keys: list[object] = [-score]
    for name in order:
        keys.append(filing.toordinal() if name == "filing_date" else tie)
    keys.append(ref)
    return tuple(keys)
