"""The art. 4 indicators of a period, collected from the database (requests, units, proposals).

A supervisor's report (``Action.REPORTS``): the records are gathered here without names or
contact details and counted by :mod:`housingmatch.reports.indicators`; the XLSX workbook and
the PDF report are written through :mod:`housingmatch.files` (whole or not at all).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from housingmatch.domain.model import Request, Unit
from housingmatch.domain.proposal import Answer, RefusalReason
from housingmatch.domain.session import Session
from housingmatch.errors import UserError
from housingmatch.files import atomic_path
from housingmatch.geo import default_gazetteer
from housingmatch.matching.places import (
    GazetteerPlaces,
    Places,
    commute_minutes,
    distance_km,
    home_point,
    unit_point,
    workplace_point,
)
from housingmatch.reports import indicators as rep
from housingmatch.reports.indicators import Breakdown, Indicators, Table
from housingmatch.rules.permissions import Action, require
from housingmatch.rules.ruleset import CommuteRules
from housingmatch.services import matching
from housingmatch.store import Store

__all__ = ["Breakdown", "Indicators", "indicators", "parse_breakdown"]


def _commune(code: str) -> str:
    found = default_gazetteer().get(code) if code else None
    return found.nom if found else (code or rep.UNKNOWN)


def _keys(unit: Unit | None, ref: str) -> rep.UnitKeys:
    if unit is None:  # a proposal of a unit since deleted: counted, under "non précisé"
        return rep.UnitKeys(rep.UNKNOWN, rep.UNKNOWN, rep.UNKNOWN, False)
    return rep.UnitKeys(
        _commune(unit.commune), unit.landlord or rep.UNKNOWN, f"T{unit.typology}", bool(unit.qpv)
    )


def _vacancy(notice: date | None, prepared: date) -> date:
    """Return the day a unit fell vacant as a proposal sees it.

    The notice date (the day the unit was recorded), unless the proposal was prepared earlier:
    a unit recorded after its commission (imported, or the demonstration's history) cannot
    have been proposed before it was known to be vacant, so its preparation day counts.
    """
    return prepared if notice is None else min(notice, prepared)


def parse_breakdown(text: str | None) -> Breakdown | None:
    """Return the breakdown named by ``text`` (commune, bailleur, typologie), or None."""
    if not text:
        return None
    try:
        return Breakdown(text.strip().lower())
    except ValueError:
        raise UserError(
            f"Ventilation inconnue « {text} » : choisissez commune, bailleur ou typologie."
        ) from None


def check_period(start: date, end: date) -> None:
    """Refuse, in French, a period that ends before it starts."""
    if end < start:
        raise UserError(
            f"La période se termine le {end:%d/%m/%Y}, avant son début le {start:%d/%m/%Y}."
        )


@dataclass(frozen=True, slots=True)
class _Commute:
    km_before: float | None
    minutes_before: float | None
    km_after: float | None
    minutes_after: float | None


def _commute(
    rules: CommuteRules, places: Places, request: Request | None, unit: Unit | None
) -> _Commute:
    if request is None:
        return _Commute(None, None, None, None)
    work = workplace_point(request, places)
    speed = rules.speed(request.workplace.transport)
    home = home_point(request, places)
    there = unit_point(unit, places) if unit is not None else None
    before = distance_km(home, work) if home and work else None
    after = distance_km(there, work) if there and work else None

    def minutes(km: float | None) -> float | None:
        return None if km is None else commute_minutes(km, rules.detour_factor, speed)

    return _Commute(before, minutes(before), after, minutes(after))


def indicators(
    store: Store, session: Session, start: date, end: date, by: Breakdown | None = None
) -> Indicators:
    """Return the art. 4 indicators of ``[start, end]`` (broken down ``by`` when given)."""
    require(session, Action.REPORTS)
    check_period(start, end)
    requests = [
        rep.RequestRecord(
            s.ref,
            s.filing_date,
            s.renewal_date,
            _commune(s.work_commune),
            f"T{s.typology_min}" if s.typology_min else rep.UNKNOWN,
        )
        for s in store.requests.summaries()
        if start <= s.filing_date <= end or (s.renewal_date and start <= s.renewal_date <= end)
    ]
    units = {u.ref: u for u in store.units.all()}
    notices = store.proposals.unit_notice_dates()
    proposals: list[rep.ProposalRecord] = []
    refusals: list[rep.RefusalRecord] = []
    leased: list[tuple[str, str, date]] = []
    for p in store.proposals.all():
        keys = _keys(units.get(p.unit_ref), p.unit_ref)
        if p.sent_on is not None:
            proposals.append(
                rep.ProposalRecord(
                    p.id or 0,
                    p.unit_ref,
                    keys,
                    p.sent_on,
                    _vacancy(notices.get(p.unit_ref), p.created_on),
                    sum(1 for c in p.candidates if c.listed or c.release_code is not None),
                )
            )
        for c in p.candidates:
            if c.answer is Answer.REFUSE and c.answered_on is not None:
                code = c.refusal_code
                refusals.append(
                    rep.RefusalRecord(
                        p.unit_ref,
                        keys,
                        c.answered_on,
                        code.value if code else "",
                        code.label if code else "Motif non précisé",
                        code.info.side.value if isinstance(code, RefusalReason) else "",
                    )
                )
            if c.leased_on is not None:
                leased.append((p.unit_ref, c.request_ref, c.leased_on))
    in_period = [lease for lease in leased if start <= lease[2] <= end]
    people = store.requests.get_many([ref for _, ref, _ in in_period])
    attributions = []
    rules = matching.active_ruleset(store).commute
    places = GazetteerPlaces(default_gazetteer())
    for unit_ref, ref, on in in_period:
        request, unit = people.get(ref), units.get(unit_ref)
        trip = _commute(rules, places, request, unit)
        attributions.append(
            rep.AttributionRecord(
                unit_ref,
                ref,
                _keys(unit, unit_ref),
                on,
                request.filing_date if request else on,
                trip.km_before,
                trip.minutes_before,
                trip.km_after,
                trip.minutes_after,
            )
        )
    return rep.compute_indicators(start, end, requests, proposals, attributions, refusals, by)


def indicators_to_dict(ind: Indicators) -> dict[str, Any]:
    """Return the indicators as JSON-ready data: the period and every table, cell by cell."""
    return {
        "du": ind.start.isoformat(),
        "au": ind.end.isoformat(),
        "ventilation": ind.by.value if ind.by else None,
        "tableaux": [
            {"nom": t.name, "titre": t.title, "colonnes": list(t.columns),
             "lignes": [list(r) for r in t.rows]}
            for t in rep.tables(ind)
        ],
    }  # fmt: skip


def evaluation_tables(store: Store, session: Session, start: date, end: date) -> list[Table]:
    """Return the obligations and fairness tables of the period, shown beside the indicators."""
    require(session, Action.REPORTS)
    from housingmatch.services import evaluation

    rows, _warnings = evaluation.fairness_report(store, session, start, end)
    return [
        rep.obligations_table(evaluation.obligations_report(store, session, start, end)),
        rep.fairness_table(rows),
    ]


def write_indicators_xlsx(
    store: Store,
    session: Session,
    ind: Indicators,
    path: str | Path,
    on: date | None = None,
    extra: Sequence[Table] = (),
) -> Path:
    """Write the indicators as an XLSX workbook (one sheet per table, with filters)."""
    require(session, Action.REPORTS)
    from housingmatch.reports.indicators_export import indicators_workbook

    book = indicators_workbook(ind, on or date.today(), extra)
    with atomic_path(path, database=store.path) as tmp:
        book.save(tmp)
    return Path(path)


def write_indicators_pdf(
    store: Store,
    session: Session,
    ind: Indicators,
    path: str | Path,
    on: date | None = None,
    extra: Sequence[Table] = (),
) -> Path:
    """Write the indicators as a paginated French PDF report with its charts."""
    require(session, Action.REPORTS)
    from housingmatch.reports.indicators_export import write_indicators_pdf as write

    with atomic_path(path, database=store.path) as tmp:
        write(ind, tmp, on or date.today(), extra)
    return Path(path)


@dataclass(frozen=True, slots=True)
class Bilan:
    """What the *Bilan* workspace shows: the indicators, the obligations, fairness."""

    indicators: Indicators
    evaluation: tuple[Table, ...]
    warnings: tuple[str, ...]


def bilan_work(
    db_path: Path,
    session: Session,
    start: date,
    end: date,
    by: Breakdown | None,
    progress: Any = None,
    cancelled: Any = None,
) -> Bilan:
    """Background work: the indicators of the period with the obligations and fairness."""
    from housingmatch.services import evaluation

    with Store.open(Path(db_path), create=False) as store:
        ind = indicators(store, session, start, end, by)
        _rows, warnings = evaluation.fairness_report(store, session, start, end)
        return Bilan(ind, tuple(evaluation_tables(store, session, start, end)), tuple(warnings))


def export_work(
    db_path: Path,
    session: Session,
    bilan: Bilan,
    kind: str,
    path: Path,
    progress: Any = None,
    cancelled: Any = None,
) -> Path:
    """Background work: write the Bilan as ``kind`` ("pdf" or "xlsx") to ``path``."""
    with Store.open(Path(db_path), create=False) as store:
        write = write_indicators_pdf if kind == "pdf" else write_indicators_xlsx
        return write(store, session, bilan.indicators, path, extra=bilan.evaluation)
