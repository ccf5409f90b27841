"""The matching engine: eligibility, scoring, ranking, explanations and batch allocation.

Pure: it takes a rule set, reference data (ceilings, places), units and requests, and
returns frozen results carrying their reasons. The store is never read from here.
"""

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
