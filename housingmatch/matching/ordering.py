"""The ranking order: legal tier (when the rule set asks for it), score, then the rule set's tie-break keys, then the reference.

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


def legal_tier(dalo: bool, l441: bool) -> int:
    """Return the legal tier of a candidate: 2 for DALO, 1 for L441-1 priority, else 0."""
    return 2 if dalo else 1 if l441 else 0


def sort_key(
    score: float, filing: date, tie: int, ref: str, order: tuple[str, ...], tier: int = 0
) -> tuple[object, ...]:
    """Return the key that sorts candidates best first under a tie-break order.

    ``tier`` (rule sets with ``legal_priority = "tier"``) comes before the score.
    """
    keys: list[object] = [-tier, -score]
    for name in order:
        keys.append(filing.toordinal() if name == "filing_date" else tie)
    keys.append(ref)
    return tuple(keys)
