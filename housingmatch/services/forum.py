"""What an advisor uses at a company housing forum: the aids checker and the offers to show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from housingmatch.domain.model import Financement, UnitStatus, label, typology_name
from housingmatch.domain.session import Session
from housingmatch.errors import UserError
from housingmatch.geo import default_gazetteer
from housingmatch.rules.aids import AidAnswer, AidCase, Secteur, Verdict, ZoneLoyer, aid_rules
from housingmatch.rules.aids import check_aids as _check_aids
from housingmatch.rules.permissions import Action, require
from housingmatch.store import Store

__all__ = [
    "AidAnswer",
    "AidCase",
    "Offer",
    "Secteur",
    "Verdict",
    "ZoneLoyer",
    "check_aids",
    "current_offers",
    "resolve_communes",
]


def check_aids(case: AidCase) -> list[AidAnswer]:
    """Answer each Action Logement aid for the person described (nothing is stored)."""
    return _check_aids(case, aid_rules())


@dataclass(frozen=True, slots=True)
class Offer:
    """An open unit as it may be shown to an employee: no personal data, no internal notes."""

    ref: str
    commune: str
    typology: str
    surface: float
    monthly_rent: float
    financing: str
    qpv: bool
    landlord: str
    available_on: date | None

    def to_json(self) -> dict[str, object]:
        """Return the offer as plain JSON types."""
        return {
            "ref_logement": self.ref,
            "commune": self.commune,
            "typologie": self.typology,
            "surface": self.surface,
            "loyer_charges_comprises": round(self.monthly_rent, 2),
            "financement": self.financing,
            "qpv": self.qpv,
            "bailleur": self.landlord,
            "disponible_le": self.available_on.isoformat() if self.available_on else None,
        }


def current_offers(
    store: Store,
    session: Session,
    communes: tuple[str, ...] = (),
    typology_min: int | None = None,
    typology_max: int | None = None,
    max_rent: float | None = None,
    financings: tuple[Financement, ...] = (),
) -> list[Offer]:
    """Return the open units matching what the person wishes, cheapest first."""
    require(session, Action.READ)
    gaz = default_gazetteer()
    offers = []
    for unit in store.units.all(UnitStatus.OUVERT):
        if communes and unit.commune not in communes:
            continue
        if typology_min is not None and unit.typology < typology_min:
            continue
        if typology_max is not None and unit.typology > typology_max:
            continue
        if max_rent is not None and unit.total_rent > max_rent:
            continue
        if financings and unit.financing not in financings:
            continue
        commune = gaz.get(unit.commune)
        offers.append(
            Offer(
                ref=unit.ref,
                commune=commune.nom if commune else unit.commune,
                typology=typology_name(unit.typology),
                surface=unit.surface,
                monthly_rent=unit.total_rent,
                financing=label(unit.financing),
                qpv=bool(unit.qpv),
                landlord=unit.landlord,
                available_on=unit.available_on,
            )
        )
    offers.sort(key=lambda o: (o.monthly_rent, o.commune, o.ref))
    return offers


def resolve_communes(texts: list[str]) -> tuple[str, ...]:
    """Return the INSEE codes of communes typed by name or code; a French error otherwise."""
    gaz = default_gazetteer()
    codes = []
    for text in texts:
        try:
            codes.append(gaz.resolve(text).code_insee)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    return tuple(codes)
