"""The convention's art. 4 indicators over a period, as plain figures, tables and chart series.

The records handed in are plain data collected by ``services.indicators`` (no name, no
contact detail); every function here is pure. Counted over the period ``[start, end]``
(both days included):

- **requests**: new ones (filed in the period) and renewed ones (renewed in the period);
- **proposals**: proposals sent to the CALEOL in the period, and the candidates they listed;
- **attributions**: leases signed in the period;
- **delays** in days: filing → lease for the attributions, vacancy (the unit's notice date,
  or the proposal's preparation day when that came first) → sending for the proposals, each
  with its median and mean;
- **refusals** of offers answered in the period, by coded reason (a lapsed answer counts as
  the refusal *Pas de réponse dans le délai*);
- **commute** of the attributed households: home → workplace before (from the commune of
  their current home) and after (from the attributed unit), in km and estimated minutes;
- the same figures for units **in a QPV and outside**, and broken down by the unit's
  commune, landlord or typology. Requests have no landlord: broken down by landlord their
  figures are "—"; by commune they count under their workplace's commune, by typology under
  the smallest typology they wish.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from housingmatch.reports.fairness import GroupFigures
from housingmatch.reports.obligations import Obligation
from housingmatch.rules.groups import GROUP_LABELS

#: Group of the records without a value for the breakdown.
UNKNOWN = "non précisé"


class Breakdown(StrEnum):
    """How the figures are broken down."""

    COMMUNE = "commune"
    BAILLEUR = "bailleur"
    TYPOLOGIE = "typologie"

    @property
    def label(self) -> str:
        """Return the French label (a column header)."""
        return {"commune": "Commune", "bailleur": "Bailleur", "typologie": "Typologie"}[self.value]


@dataclass(frozen=True, slots=True)
class UnitKeys:
    """What a unit is broken down by."""

    commune: str
    landlord: str
    typology: str
    in_qpv: bool


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One request as the indicators count it."""

    ref: str
    filed_on: date
    renewed_on: date | None
    commune: str  # the workplace's commune
    typology: str  # the smallest wished typology ("T2"), or UNKNOWN


@dataclass(frozen=True, slots=True)
class ProposalRecord:
    """One proposal sent to the CALEOL."""

    proposal_id: int
    unit_ref: str
    unit: UnitKeys
    sent_on: date
    vacancy_on: date | None
    candidates: int


@dataclass(frozen=True, slots=True)
class AttributionRecord:
    """One signed lease, with the household's commute before and after."""

    unit_ref: str
    request_ref: str
    unit: UnitKeys
    signed_on: date
    filed_on: date
    km_before: float | None = None
    minutes_before: float | None = None
    km_after: float | None = None
    minutes_after: float | None = None


@dataclass(frozen=True, slots=True)
class RefusalRecord:
    """One refused (or lapsed) offer."""

    unit_ref: str
    unit: UnitKeys
    answered_on: date
    code: str
    label: str
    side: str


@dataclass(frozen=True, slots=True)
class Stat:
    """A count with its median and mean (None when there is nothing)."""

    n: int
    median: float | None
    mean: float | None

    @classmethod
    def of(cls, values: Iterable[float | None]) -> Stat:
        """Return the statistics of the known values."""
        known = [float(v) for v in values if v is not None]
        if not known:
            return cls(0, None, None)
        return cls(len(known), statistics.median(known), statistics.fmean(known))


@dataclass(frozen=True, slots=True)
class Figures:
    """The indicators of one group (or of the whole period)."""

    group: str
    new_requests: int | None
    renewed_requests: int | None
    proposals: int
    proposed_candidates: int
    attributions: int
    refusals: int
    filing_to_lease: Stat
    vacancy_to_proposal: Stat
    km_before: Stat
    km_after: Stat
    minutes_before: Stat
    minutes_after: Stat


@dataclass(frozen=True, slots=True)
class RefusalCount:
    """How many refusals gave one reason."""

    code: str
    label: str
    side: str
    count: int
    share: float


@dataclass(frozen=True, slots=True)
class MonthFigures:
    """The activity of one month of the period."""

    month: str  # "2026-03"
    new_requests: int
    renewed_requests: int
    proposals: int
    attributions: int


@dataclass(frozen=True, slots=True)
class Indicators:
    """Every indicator of a period."""

    start: date
    end: date
    by: Breakdown | None
    total: Figures
    groups: tuple[Figures, ...]
    qpv: tuple[Figures, Figures]  # in a QPV, outside
    refusals: tuple[RefusalCount, ...]
    months: tuple[MonthFigures, ...]

    @property
    def period(self) -> str:
        """Return the period in French ("du 01/01/2026 au 31/12/2026")."""
        return f"du {self.start:%d/%m/%Y} au {self.end:%d/%m/%Y}"


def _within(day: date | None, start: date, end: date) -> bool:
    return day is not None and start <= day <= end


def _figures(
    group: str,
    requests: Sequence[RequestRecord] | None,
    proposals: Sequence[ProposalRecord],
    attributions: Sequence[AttributionRecord],
    refusals: Sequence[RefusalRecord],
    start: date,
    end: date,
) -> Figures:
    return Figures(
        group=group,
        new_requests=None if requests is None else sum(1 for r in requests if _within(r.filed_on, start, end)),
        renewed_requests=None if requests is None else sum(1 for r in requests if _within(r.renewed_on, start, end)),
        proposals=len(proposals),
        proposed_candidates=sum(p.candidates for p in proposals),
        attributions=len(attributions),
        refusals=len(refusals),
        filing_to_lease=Stat.of((a.signed_on - a.filed_on).days for a in attributions),
        vacancy_to_proposal=Stat.of(
            (p.sent_on - p.vacancy_on).days if p.vacancy_on is not None else None for p in proposals
        ),
        km_before=Stat.of(a.km_before for a in attributions),
        km_after=Stat.of(a.km_after for a in attributions),
        minutes_before=Stat.of(a.minutes_before for a in attributions),
        minutes_after=Stat.of(a.minutes_after for a in attributions),
    )  # fmt: skip


def _unit_key(by: Breakdown) -> Callable[[UnitKeys], str]:
    if by is Breakdown.COMMUNE:
        return lambda u: u.commune or UNKNOWN
    if by is Breakdown.BAILLEUR:
        return lambda u: u.landlord or UNKNOWN
    return lambda u: u.typology or UNKNOWN


def _month(day: date | None) -> str:
    return f"{day:%Y-%m}" if day is not None else ""


def _months(start: date, end: date) -> list[str]:
    out, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def compute_indicators(
    start: date,
    end: date,
    requests: Sequence[RequestRecord],
    proposals: Sequence[ProposalRecord],
    attributions: Sequence[AttributionRecord],
    refusals: Sequence[RefusalRecord],
    by: Breakdown | None = None,
) -> Indicators:
    """Return the indicators of ``[start, end]``; records outside the period are ignored."""
    reqs = [
        r for r in requests if _within(r.filed_on, start, end) or _within(r.renewed_on, start, end)
    ]
    props = [p for p in proposals if _within(p.sent_on, start, end)]
    leases = [a for a in attributions if _within(a.signed_on, start, end)]
    refused = [r for r in refusals if _within(r.answered_on, start, end)]
    total = _figures("Ensemble", reqs, props, leases, refused, start, end)

    groups: list[Figures] = []
    if by is not None:
        key = _unit_key(by)
        req_groups: dict[str, list[RequestRecord]] = defaultdict(list)
        if by is Breakdown.COMMUNE:
            for r in reqs:
                req_groups[r.commune or UNKNOWN].append(r)
        elif by is Breakdown.TYPOLOGIE:
            for r in reqs:
                req_groups[r.typology or UNKNOWN].append(r)
        names = set(req_groups)
        names.update(key(p.unit) for p in props)
        names.update(key(a.unit) for a in leases)
        names.update(key(r.unit) for r in refused)
        for name in sorted(names, key=lambda n: (n == UNKNOWN, n)):
            groups.append(
                _figures(
                    name,
                    None if by is Breakdown.BAILLEUR else req_groups.get(name, []),
                    [p for p in props if key(p.unit) == name],
                    [a for a in leases if key(a.unit) == name],
                    [r for r in refused if key(r.unit) == name],
                    start,
                    end,
                )
            )
    qpv = tuple(
        _figures(
            "En QPV" if inside else "Hors QPV",
            None,
            [p for p in props if p.unit.in_qpv is inside],
            [a for a in leases if a.unit.in_qpv is inside],
            [r for r in refused if r.unit.in_qpv is inside],
            start,
            end,
        )
        for inside in (True, False)
    )
    counts = Counter((r.code, r.label, r.side) for r in refused)
    reasons = tuple(
        RefusalCount(code, label, side, n, n / len(refused))
        for (code, label, side), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][1]))
    )
    months = []
    for month in _months(start, end):
        months.append(
            MonthFigures(
                month,
                sum(1 for r in reqs if _within(r.filed_on, start, end) and _month(r.filed_on) == month),
                sum(1 for r in reqs if _within(r.renewed_on, start, end) and _month(r.renewed_on) == month),
                sum(1 for p in props if _month(p.sent_on) == month),
                sum(1 for a in leases if _month(a.signed_on) == month),
            )
        )  # fmt: skip
    return Indicators(
        start, end, by, total, tuple(groups), (qpv[0], qpv[1]), reasons, tuple(months)
    )


# -- tables -------------------------------------------------------------------------------------
Cell = str | int | float | None


@dataclass(frozen=True, slots=True)
class Table:
    """One table of the report: a sheet of the workbook, a table of the PDF and of the window."""

    name: str  # short, used as the sheet's name (at most 31 characters)
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def _r1(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


FIGURE_COLUMNS = (
    "Demandes nouvelles",
    "Demandes renouvelées",
    "Propositions envoyées",
    "Candidats proposés",
    "Attributions (baux)",
    "Refus",
    "Dépôt → bail, médiane (j)",
    "Dépôt → bail, moyenne (j)",
    "Vacance → proposition, médiane (j)",
    "Vacance → proposition, moyenne (j)",
    "Trajet avant, moyenne (min)",
    "Trajet après, moyenne (min)",
    "Distance avant, moyenne (km)",
    "Distance après, moyenne (km)",
)


def figure_cells(f: Figures) -> tuple[Cell, ...]:
    """Return the cells of one group, in the order of :data:`FIGURE_COLUMNS`."""
    return (
        f.new_requests,
        f.renewed_requests,
        f.proposals,
        f.proposed_candidates,
        f.attributions,
        f.refusals,
        _r1(f.filing_to_lease.median),
        _r1(f.filing_to_lease.mean),
        _r1(f.vacancy_to_proposal.median),
        _r1(f.vacancy_to_proposal.mean),
        _r1(f.minutes_before.mean),
        _r1(f.minutes_after.mean),
        _r1(f.km_before.mean),
        _r1(f.km_after.mean),
    )


def summary_rows(f: Figures) -> tuple[tuple[Cell, ...], ...]:
    """Return the whole period's figures as (indicator, value) rows."""
    rows: list[tuple[Cell, ...]] = [
        (name, value) for name, value in zip(FIGURE_COLUMNS, figure_cells(f), strict=True)
    ]
    rows.insert(11, ("Trajet avant, médiane (min)", _r1(f.minutes_before.median)))
    rows.insert(13, ("Trajet après, médiane (min)", _r1(f.minutes_after.median)))
    return tuple(rows)


_REQUESTS_BY = {
    Breakdown.COMMUNE: " (demandes : commune du lieu de travail)",
    Breakdown.BAILLEUR: " (les demandes n'ont pas de bailleur)",
    Breakdown.TYPOLOGIE: " (demandes : plus petite typologie souhaitée)",
}


def tables(ind: Indicators) -> list[Table]:
    """Return the report's tables: summary, breakdown, QPV, refusals, months."""
    out = [
        Table(
            "Synthèse",
            f"Indicateurs {ind.period}",
            ("Indicateur", "Valeur"),
            summary_rows(ind.total),
        )
    ]
    if ind.by is not None:
        out.append(
            Table(
                f"Par {ind.by.value}",
                f"Par {ind.by.value} du logement{_REQUESTS_BY[ind.by]}",
                (ind.by.label, *FIGURE_COLUMNS),
                tuple((f.group, *figure_cells(f)) for f in ind.groups),
            )
        )
    out.append(
        Table(
            "QPV",
            "Logements en QPV et hors QPV",
            ("Logements", *FIGURE_COLUMNS[2:]),
            tuple((f.group, *figure_cells(f)[2:]) for f in ind.qpv),
        )
    )
    out.append(
        Table(
            "Refus par motif",
            "Refus des propositions par motif",
            ("Motif", "Côté", "Refus", "Part (%)"),
            tuple((r.label, r.side, r.count, round(100 * r.share, 1)) for r in ind.refusals),
        )
    )
    out.append(
        Table(
            "Par mois",
            "Activité par mois",
            ("Mois", "Demandes nouvelles", "Demandes renouvelées", "Propositions envoyées", "Attributions (baux)"),
            tuple((m.month, m.new_requests, m.renewed_requests, m.proposals, m.attributions) for m in ind.months),
        )
    )  # fmt: skip
    return out


# -- charts -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Chart:
    """One bar chart: categories along an axis, one or more series of values."""

    key: str  # a file name stem ("activite")
    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    unit: str = ""
    horizontal: bool = False

    @property
    def empty(self) -> bool:
        """Return whether there is nothing to draw."""
        return not self.categories or all(not any(values) for _, values in self.series)


def _zero(value: float | None) -> float:
    return 0.0 if value is None else round(value, 1)


MONTH_NAMES = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")  # fmt: skip


def month_label(month: str) -> str:
    """Return "mars 2026" for "2026-03"."""
    year, number = month.split("-")
    return f"{MONTH_NAMES[int(number) - 1]} {year[2:]}"


#: The most groups a chart compares (the most active ones; every group stays in the tables).
CHART_GROUPS = 12


def _charted(groups: Sequence[Figures]) -> list[Figures]:
    """Return the groups with units proposed or leased, the most active first, at most 12."""
    active = [f for f in groups if f.proposals or f.attributions]
    active.sort(key=lambda f: (-f.proposals, -f.attributions, f.group))
    return active[:CHART_GROUPS]


def charts(ind: Indicators) -> list[Chart]:
    """Return the report's charts (every one drawn in the window and in the PDF)."""
    compared = [ind.total, *ind.qpv] if not ind.groups else _charted(ind.groups)
    names = tuple(f.group for f in compared)
    out = [
        Chart(
            "activite",
            "Activité par mois",
            tuple(month_label(m.month) for m in ind.months),
            (
                ("Demandes nouvelles", tuple(float(m.new_requests) for m in ind.months)),
                ("Propositions envoyées", tuple(float(m.proposals) for m in ind.months)),
                ("Attributions", tuple(float(m.attributions) for m in ind.months)),
            ),
        ),
        Chart(
            "refus",
            "Refus par motif",
            tuple(r.label for r in ind.refusals),
            (("Refus", tuple(float(r.count) for r in ind.refusals)),),
            horizontal=True,
        ),
        Chart(
            "delai_attribution",
            "Délai du dépôt de la demande au bail (jours)",
            names,
            (
                ("Médiane", tuple(_zero(f.filing_to_lease.median) for f in compared)),
                ("Moyenne", tuple(_zero(f.filing_to_lease.mean) for f in compared)),
            ),
            unit="j",
        ),
        Chart(
            "delai_proposition",
            "Délai de la vacance à l'envoi de la proposition (jours)",
            names,
            (
                ("Médiane", tuple(_zero(f.vacancy_to_proposal.median) for f in compared)),
                ("Moyenne", tuple(_zero(f.vacancy_to_proposal.mean) for f in compared)),
            ),
            unit="j",
        ),
        Chart(
            "trajet",
            "Trajet domicile-travail moyen avant et après attribution (minutes)",
            names,
            (
                ("Avant", tuple(_zero(f.minutes_before.mean) for f in compared)),
                ("Après", tuple(_zero(f.minutes_after.mean) for f in compared)),
            ),
            unit="min",
        ),
        Chart(
            "attributions",
            "Propositions et attributions" + (f" par {ind.by.value}" if ind.by else ""),
            names,
            (
                ("Propositions envoyées", tuple(float(f.proposals) for f in compared)),
                ("Attributions", tuple(float(f.attributions) for f in compared)),
            ),
        ),
    ]  # fmt: skip
    return out


# -- the obligations and fairness beside the indicators ------------------------------------------
def _pct(value: float | None) -> float | None:
    return None if value is None else round(100 * value, 1)


def obligations_table(items: Sequence[Obligation]) -> Table:
    """Return the three legal shares with their gap (attributions still needed)."""
    rows = []
    for o in items:
        low_high = o.share_range
        rows.append((
            o.kind.label, _pct(o.target), _pct(o.share), o.numerator, o.denominator, o.unknown,
            f"{100 * low_high[0]:.0f}–{100 * low_high[1]:.0f}" if low_high and o.unknown else None,
            o.gap, {True: "oui", False: "non", None: "—"}[o.met],
        ))  # fmt: skip
    return Table(
        "Obligations",
        "Obligations légales d'attribution (CCH L441-1, L313-26-2)",
        ("Obligation", "Cible (%)", "Part (%)", "Comptées", "Attributions", "Quartile inconnu",
         "Fourchette (%)", "Il en manque", "Atteinte"),
        tuple(rows),
    )  # fmt: skip


_GROUP_NAMES = {g.value: label for g, label in GROUP_LABELS.items()}


def fairness_table(rows: Sequence[GroupFigures]) -> Table:
    """Return each public's shares of the pool, proposals and attributions, flagged when served less."""
    return Table(
        "Équité",
        "Équité entre publics prioritaires",
        ("Dimension", "Groupe", "Vivier", "Proposés", "Attribués", "Part du vivier (%)",
         "Part des propositions (%)", "Part des attributions (%)", "Écart (points)",
         "Attente médiane (j)", "Taux de refus (%)", "Alerte"),
        tuple(
            (r.dimension, _GROUP_NAMES.get(r.group, r.group), r.pool, r.proposed, r.attributed, _pct(r.pool_share),
             _pct(r.proposal_share), _pct(r.attribution_share), _pct(r.gap),
             _r1(r.median_wait_days), _pct(r.refusal_rate), "sous-servi" if r.under_served else "")
            for r in rows
        ),
    )  # fmt: skip
