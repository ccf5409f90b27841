"""Reference data a user enters: the first-quartile thresholds of each EPCI and year.

The préfet (now the minister) publishes each year, per EPCI, the highest resources per
consumption unit of the poorest quartile of applicants (brief §2.5). HousingMatch ships no
value (none was found for Dijon Métropole); a supervisor types them from the arrêté.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from housingmatch.domain.session import Session
from housingmatch.errors import UserError
from housingmatch.geo import default_gazetteer
from housingmatch.rules.permissions import Action, require
from housingmatch.store import Store

MIN_YEAR = 2017  # loi Égalité et Citoyenneté, the first thresholds
MAX_YEAR = 2100


@dataclass(frozen=True, slots=True)
class QuartileEntry:
    """A threshold as listed: EPCI (SIREN and name when known), year, amount, who and when."""

    epci: str
    epci_name: str | None
    year: int
    amount: float
    updated_at: str
    updated_by: str


def epci_label(siren: str) -> str:
    """Return the name of an EPCI, or its SIREN with a note when its name is not shipped."""
    name = default_gazetteer().epci_name(siren)
    return name if name else f"EPCI {siren} (nom inconnu hors Côte-d'Or)"


@cache
def known_epcis() -> frozenset[str]:
    """Return the SIREN of every EPCI of the communes of France."""
    return frozenset(c.code_epci for c in default_gazetteer() if c.code_epci)


def set_quartile_threshold(
    store: Store, session: Session, epci: str, year: int, amount: float
) -> QuartileEntry:
    """Record the first-quartile threshold (EUR per consumption unit and year) of an EPCI."""
    require(session, Action.REFERENCE_EDIT)
    siren = re.sub(r"\s", "", epci)
    if not re.fullmatch(r"\d{9}", siren):
        raise UserError(f"« {epci} » n'est pas un SIREN d'EPCI : il faut 9 chiffres.")
    if siren not in known_epcis():
        raise UserError(
            f"Le SIREN {siren} n'est celui d'aucun EPCI des communes de France (COG 2026)."
        )
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise UserError(f"L'année {year} n'est pas plausible (de {MIN_YEAR} à {MAX_YEAR}).")
    if not 0 < amount < 1_000_000:
        raise UserError(
            "Le seuil du premier quartile doit être un montant positif en euros par unité "
            "de consommation et par an."
        )
    store.reference.set_quartile_threshold(siren, year, float(amount), session.user)
    return next(e for e in quartile_thresholds(store, session) if (e.epci, e.year) == (siren, year))


def quartile_thresholds(store: Store, session: Session) -> list[QuartileEntry]:
    """Return the thresholds entered, by EPCI then year, with the EPCI names when known."""
    require(session, Action.READ)
    gaz = default_gazetteer()
    return [
        QuartileEntry(t.epci, gaz.epci_name(t.epci), t.year, t.amount, t.updated_at, t.updated_by)
        for t in store.reference.quartile_thresholds()
    ]
