"""The matching engine: eligibility, scoring, ranking, explanations and batch allocation.

Pure: it takes a rule set, reference data (ceilings, places), units and requests, and
returns frozen results carrying their reasons. The store is never read from here.

The names below are imported on first use: numpy and scipy load only when a command ranks
(``housingmatch --version`` and the command-line parser import ``matching.results`` alone).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from housingmatch.matching.allocation import allocate
    from housingmatch.matching.eligibility import MatchingContext
    from housingmatch.matching.engine import MatchingEngine
    from housingmatch.matching.reference import reference_rank
    from housingmatch.matching.results import (
        Allocation,
        CandidateUnits,
        Excluded,
        Exclusion,
        Part,
        RankedCandidate,
        Ranking,
    )

_HOME = {
    "allocate": "allocation",
    "MatchingContext": "eligibility",
    "MatchingEngine": "engine",
    "reference_rank": "reference",
    "Allocation": "results",
    "CandidateUnits": "results",
    "Excluded": "results",
    "Exclusion": "results",
    "Part": "results",
    "RankedCandidate": "results",
    "Ranking": "results",
}

__all__ = [
    "Allocation",
    "CandidateUnits",
    "Excluded",
    "Exclusion",
    "MatchingContext",
    "MatchingEngine",
    "Part",
    "RankedCandidate",
    "Ranking",
    "allocate",
    "reference_rank",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
