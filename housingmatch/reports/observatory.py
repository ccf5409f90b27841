"""The aggregated export for the housing observatory (convention art. 2.2): counts, no persons.

Demand and attributions are counted by commune against typology, income band and each
priority public. Nothing personal leaves: only counts, and every count under 5 households is
suppressed with the secondary suppression of :mod:`housingmatch.reports.suppression`, so that
no hidden count can be worked out from the totals. A household belongs to several priority
publics at once, so each public is its own table (in the public / not in it) whose totals add
up, rather than one table whose columns overlap.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from housingmatch.reports.suppression import ProtectedTable, protect

IN_PUBLIC, OUTSIDE_PUBLIC = "Dans ce public", "Hors de ce public"


@dataclass(frozen=True, slots=True)
class CountedHousehold:
    """What the observatory counts of one household: no name, no reference, no amount."""

    commune: str
    typology: str
    income_band: str
    publics: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ObservatoryTable:
    """One published table: its title and the protected counts."""

    title: str
    table: ProtectedTable
    counts: tuple[tuple[int, ...], ...]  # kept to audit the protection, never written out


def _crosstab(
    households: Sequence[CountedHousehold], columns: Sequence[str], column_of: object
) -> tuple[list[str], list[list[int]]]:
    rows = sorted({h.commune for h in households})
    counter: Counter[tuple[str, str]] = Counter()
    for h in households:
        counter[(h.commune, column_of(h))] += 1  # type: ignore[operator]
    return rows, [[counter[(r, c)] for c in columns] for r in rows]


def _table(
    title: str, households: Sequence[CountedHousehold], columns: Sequence[str], column_of: object
) -> ObservatoryTable:
    rows, counts = _crosstab(households, columns, column_of)
    protected = (
        protect(rows, columns, counts) if rows else protect(["—"], columns, [[0] * len(columns)])
    )
    return ObservatoryTable(title, protected, tuple(tuple(r) for r in counts))


def observatory_tables(
    subject: str,
    households: Sequence[CountedHousehold],
    typologies: Sequence[str],
    bands: Sequence[str],
    publics: Sequence[str],
) -> list[ObservatoryTable]:
    """Return the protected tables of one subject ("Demande", "Attributions")."""
    tables = [
        _table(f"{subject} par commune et typologie", households, typologies, lambda h: h.typology),
        _table(
            f"{subject} par commune et tranche de ressources",
            households,
            bands,
            lambda h: h.income_band,
        ),
    ]
    for public in publics:
        tables.append(
            _table(
                f"{subject} par commune : {public}",
                households,
                (IN_PUBLIC, OUTSIDE_PUBLIC),
                lambda h, p=public: IN_PUBLIC if p in h.publics else OUTSIDE_PUBLIC,
            )
        )
    return tables
