"""Policy what-if: rank units under a draft rule set and under the rules in force, compare.

Two scopes. ``open``: every open unit on a day (today), its candidates from the database
through the engine the application uses (the draft's engine shares the candidate index; only
the rules differ). ``year:Y``: the units of the proposals started in year Y, each from its
proposal's ranking receipt, so the candidates are the households as they were on the day of
the proposal (now housed or closed ones included); the rules in force are the receipt's own,
the draft ranks the same inputs on the same day. The comparison itself is
:func:`housingmatch.reports.whatif.compare`. The draft ranks nobody: nothing is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from housingmatch.domain.session import Session
from housingmatch.errors import UserError
from housingmatch.geo import default_gazetteer
from housingmatch.matching.engine import MatchingEngine
from housingmatch.matching.places import GazetteerPlaces
from housingmatch.matching.receipts import read_receipt, replay
from housingmatch.matching.results import Ranking
from housingmatch.reports.obligations import Quartile
from housingmatch.reports.whatif import Entry, UnitComparison, WhatIf, compare
from housingmatch.rules.groups import QuartileStatus
from housingmatch.rules.permissions import Action, require
from housingmatch.rules.ruleset import RuleSet
from housingmatch.services import matching
from housingmatch.services.rules import read_ruleset_file
from housingmatch.store import Store

_QUARTILE = {
    QuartileStatus.PREMIER_QUARTILE: Quartile.PREMIER,
    QuartileStatus.AUTRES_QUARTILES: Quartile.AUTRES,
    QuartileStatus.INCONNU: Quartile.INCONNU,
}


@dataclass(frozen=True, slots=True)
class WhatIfReport:
    """A what-if and what it compared."""

    scope: str  # "open" or "year:2026"
    scope_label: str
    draft: RuleSet
    current: tuple[str, ...]  # "name version (hash)" of the rule sets in force used
    result: WhatIf


def parse_scope(text: str) -> tuple[str, int | None]:
    """Return ("open", None) or ("year", Y) from ``open`` / ``year:Y`` (a French error else)."""
    value = text.strip().lower()
    if value == "open":
        return "open", None
    found = re.fullmatch(r"year:(\d{4})", value)
    if found:
        return "year", int(found.group(1))
    raise UserError(
        f"Périmètre « {text} » inconnu : indiquez « open » (logements ouverts) ou « year:AAAA » "
        "(logements des propositions de l'année)."
    )


def _entries(ranking: Ranking) -> tuple[Entry, ...]:
    return tuple(
        Entry(c.ref, c.rank, frozenset(g.value for g in c.groups), _QUARTILE[c.first_quartile])
        for c in ranking.ranked
    )


def _label(rules: RuleSet) -> str:
    return f"{rules.name} {rules.version} ({rules.content_hash[:12]})"


def _open_units(
    store: Store, draft: RuleSet, on: date
) -> tuple[list[UnitComparison], tuple[str, ...]]:
    from housingmatch.domain.model import UnitStatus

    engine = matching.engine_for(store, on)
    twin = MatchingEngine.from_index(replace(engine.context, ruleset=draft), engine.index)
    out = []
    for unit in sorted(store.units.all(status=UnitStatus.OUVERT), key=lambda u: u.ref):
        out.append(
            UnitComparison(
                unit.ref, bool(unit.qpv), _entries(engine.rank(unit, on)),
                _entries(twin.rank(unit, on)),
            )
        )  # fmt: skip
    return out, (_label(engine.context.ruleset),)


def _year_units(
    store: Store, draft: RuleSet, year: int
) -> tuple[list[UnitComparison], tuple[str, ...]]:
    latest = {}
    for p in store.proposals.all():
        if p.created_on.year == year:
            latest[p.unit_ref] = p  # oldest first: the unit's last proposal of the year wins
    places = GazetteerPlaces(default_gazetteer())
    out = []
    used: dict[str, str] = {}
    for unit_ref in sorted(latest):
        blob = store.proposals.receipt(latest[unit_ref].id or 0)
        if not blob:
            continue
        receipt = read_receipt(blob)
        current = replay(receipt, places)
        again = replay(receipt, places, draft)
        used[current.ruleset.hash] = (
            f"{current.ruleset.name} {current.ruleset.version} ({current.ruleset.hash[:12]})"
        )
        out.append(
            UnitComparison(unit_ref, bool(receipt.unit.qpv), _entries(current), _entries(again))
        )
    return out, tuple(used[h] for h in sorted(used))


def whatif(
    store: Store,
    session: Session,
    draft_path: str | Path,
    scope: str = "open",
    on: date | None = None,
) -> WhatIfReport:
    """Compare a draft rule-set file with the rules in force over open units or a year's."""
    require(session, Action.REPORTS)
    kind, year = parse_scope(scope)
    draft = read_ruleset_file(draft_path)
    if kind == "open":
        day = on or date.today()
        units, current = _open_units(store, draft, day)
        label = f"logements ouverts au {day:%d/%m/%Y}"
    else:
        assert year is not None
        units, current = _year_units(store, draft, year)
        label = f"logements des propositions de {year}, classés au jour de la proposition"
    return WhatIfReport(scope.strip().lower(), label, draft, current, compare(units))


def whatif_to_dict(report: WhatIfReport) -> dict[str, Any]:
    """Return a what-if as the ``whatif --json`` object."""
    r = report.result
    return {
        "scope": report.scope,
        "draft": {
            "name": report.draft.name,
            "version": report.draft.version,
            "hash": report.draft.content_hash,
        },
        "current": list(report.current),
        "units": r.units,
        "unchanged": r.unchanged,
        "entered_ranking": r.entered_ranking,
        "left_ranking": r.left_ranking,
        "shifts": [
            {
                "public": s.public,
                "candidates": s.candidates,
                "mean_shift": s.mean_shift,
                "median_shift": s.median_shift,
                "moved_up": s.moved_up,
                "moved_down": s.moved_down,
                "entering_top3": s.entering_top,
                "leaving_top3": s.leaving_top,
            }
            for s in r.shifts
        ],
        "top3_changes": [
            {
                "unit": c.unit_ref,
                "ref_demande": c.ref,
                "change": "entre" if c.entering else "sort",
                "rank_current": c.rank_current,
                "rank_draft": c.rank_draft,
                "groups": sorted(c.publics),
            }
            for c in r.changes
        ],
        "obligations_top3": [
            {
                "kind": e.kind.value,
                "target": e.target,
                "current": _counts(e.current, e.current_share),
                "draft": _counts(e.draft, e.draft_share),
            }
            for e in r.shares
        ],
    }


def _counts(values: tuple[int, int, int], share: float | None) -> dict[str, Any]:
    return {
        "counting": values[0],
        "known": values[1],
        "unknown_quartile": values[2],
        "share": share,
    }
