"""Score of one eligible request for one unit: additive, named parts (per-candidate rule).

Parts (weights in the rule set's ``[scoring]``):
- ``groups``: JEUNE, MOBILITE, DIFFICULTE points, cumulative;
- ``legal_priority``: DALO and L441-1 priority points;
- ``proximity``: full points up to ``full_minutes`` of estimated commute from the unit to the
  workplace by the household's mode, linear down to 0 at ``zero_minutes``;
- ``commute_gain``: points per minute saved against the current home's commute, capped;
- ``seniority``: points per full month since filing, capped;
- ``fit``: size (rooms = persons or persons + 1: full; one room fewer: half) plus rent effort
  of the unit (full up to ``effort_good``, 0 from ``effort_bad``; 0 if resources unknown);
- ``employer``: the unit is earmarked for the applicant's employer.

Every part is rounded half-up to the cent, and the total is the rounded sum of the parts in
their display order, so the fast engine reproduces the points exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from housingmatch.domain.model import Request
from housingmatch.matching.eligibility import UnitFacts, employer_keys
from housingmatch.matching.places import (
    commute_minutes,
    distance_km,
    home_point,
    round2,
    workplace_point,
)
from housingmatch.matching.results import PART_ORDER, Part
from housingmatch.rules.dates import seniority_months
from housingmatch.rules.groups import Group, priority_groups


@dataclass(frozen=True, slots=True)
class Score:
    """Points by part, total, groups and the estimated commute of one candidate."""

    total: float
    parts: tuple[tuple[Part, float], ...]
    groups: tuple[Group, ...]
    commute_minutes: float | None


def clamp01(value: float) -> float:
    """Clamp to [0, 1]."""
    return min(max(value, 0.0), 1.0)


def score_candidate(request: Request, facts: UnitFacts) -> Score:
    """Return the score of a request for a unit (eligibility is checked elsewhere)."""
    ruleset = facts.context.ruleset
    weights = ruleset.scoring
    commute = ruleset.commute
    places = facts.context.places
    unit, on = facts.unit, facts.on
    groups = priority_groups(request, on, ruleset.groups)

    group_points = 0.0
    if Group.JEUNE in groups:
        group_points += weights.jeune
    if Group.MOBILITE in groups:
        group_points += weights.mobilite
    if Group.DIFFICULTE in groups:
        group_points += weights.difficulte
    legal_points = 0.0
    if Group.DALO in groups:
        legal_points += weights.dalo
    if Group.PRIORITAIRE_L441 in groups:
        legal_points += weights.l441

    speed = commute.speed(request.workplace.transport)
    work = workplace_point(request, places)
    minutes: float | None = None
    proximity = 0.0
    gain_points = 0.0
    if work is not None and facts.point is not None:
        minutes = commute_minutes(distance_km(facts.point, work), commute.detour_factor, speed)
        span = weights.proximity_zero_minutes - weights.proximity_full_minutes
        share = clamp01((weights.proximity_zero_minutes - minutes) / span)
        proximity = weights.proximity_max * share
        home = home_point(request, places)
        if home is not None:
            home_minutes = commute_minutes(distance_km(home, work), commute.detour_factor, speed)
            gain = max(home_minutes - minutes, 0.0)
            gain_points = min(gain * weights.gain_per_minute, weights.gain_max)

    months = seniority_months(request, on)
    seniority = min(months * weights.seniority_per_month, weights.seniority_max)

    persons = max(request.household.persons, 1)
    gap = unit.typology - persons
    size = 0.0
    if gap in (0, 1):
        size = weights.fit_size_points
    elif gap == -1:
        size = weights.fit_size_points / 2
    effort_points = 0.0
    monthly = request.household.monthly_income
    if monthly is not None and monthly > 0:
        effort = unit.total_rent / monthly
        share = clamp01((weights.effort_bad - effort) / (weights.effort_bad - weights.effort_good))
        effort_points = weights.fit_effort_points * share
    fit = size + effort_points

    employer = 0.0
    if facts.earmark is not None and facts.earmark in employer_keys(request):
        employer = weights.earmark_points

    values = {
        Part.GROUPS: round2(group_points),
        Part.LEGAL_PRIORITY: round2(legal_points),
        Part.PROXIMITY: round2(proximity),
        Part.COMMUTE_GAIN: round2(gain_points),
        Part.SENIORITY: round2(seniority),
        Part.FIT: round2(fit),
        Part.EMPLOYER: round2(employer),
    }
    total = 0.0
    for part in PART_ORDER:
        total += values[part]
    parts = tuple((part, values[part]) for part in PART_ORDER)
    return Score(round2(total), parts, groups, minutes)
