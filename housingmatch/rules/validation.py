"""Coherence checks of a request or a unit, shared by the import and the editors.

Each problem names the template column it concerns and says what is wrong in French, so
the import can report "line, column, value, message" and an editor can flag the field.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from housingmatch.domain.model import Request, Unit

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_BIRTH = date(1900, 1, 1)


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """A problem with one field (template column name) of a record."""

    field: str
    message: str


# Plausible ranges. Areas are (south, north, west, east) boxes: metropolitan France with
# Corsica, then the overseas departments and collectivities a gazetteer may list.
FRANCE_AREAS: tuple[tuple[float, float, float, float], ...] = (
    (41.2, 51.2, -5.3, 9.7),  # metropolitan France and Corsica
    (15.8, 18.2, -63.2, -60.9),  # Guadeloupe, Saint-Martin, Saint-Barthélemy
    (14.3, 14.9, -61.3, -60.8),  # Martinique
    (2.1, 5.9, -54.7, -51.5),  # Guyane
    (-21.5, -20.8, 55.1, 55.9),  # La Réunion
    (-13.1, -12.6, 44.9, 45.4),  # Mayotte
    (46.7, 47.2, -56.5, -56.1),  # Saint-Pierre-et-Miquelon
)
MAX_PERSONS = 20
MAX_FISCAL_INCOME = 10_000_000.0
MAX_MONTHLY_INCOME = 1_000_000.0
MAX_RENT = 100_000.0
MAX_YEARS_AHEAD = 10


def in_france(latitude: float, longitude: float) -> bool:
    """Tell whether a point lies in France (metropolitan or overseas)."""
    return any(s <= latitude <= n and w <= longitude <= e for s, n, w, e in FRANCE_AREAS)


def _shown(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", "\u202f")
    return f"{value}".replace(".", ",")


def check_range(
    out: list[FieldProblem],
    name: str,
    value: float | None,
    low: float,
    high: float,
    what: str,
) -> bool:
    """Append a problem unless ``value`` is None or a finite number in ``[low, high]``.

    Return whether the value is usable (None or in range). The one range check shared by
    the import, the editors and the services: ``inf``, ``nan`` and ``1e400`` never pass.
    """
    if value is None:
        return True
    if isinstance(value, float) and not math.isfinite(value):
        out.append(FieldProblem(name, f"{what} doit être un nombre fini."))
        return False
    if not low <= value <= high:
        out.append(FieldProblem(name, f"{what} doit aller de {_shown(low)} à {_shown(high)}."))
        return False
    return True


def check_date(
    out: list[FieldProblem], name: str, value: date | None, today: date, what: str
) -> None:
    """Append a problem unless ``value`` is None or between 1900 and ten years ahead."""
    if value is None:
        return
    latest = date(min(today.year + MAX_YEARS_AHEAD, 9999), 12, 31)
    if not MIN_BIRTH <= value <= latest:
        out.append(FieldProblem(name, f"{what} doit être comprise entre 1900 et {latest.year}."))


def check_position(
    out: list[FieldProblem], lat_name: str, lon_name: str, lat: float | None, lon: float | None
) -> None:
    """Append a problem unless the point is absent or inside France."""
    if lat is None or lon is None:
        return
    ok = check_range(out, lat_name, lat, -90, 90, "La latitude")
    ok = check_range(out, lon_name, lon, -180, 180, "La longitude") and ok
    if ok and not in_france(lat, lon):
        out.append(
            FieldProblem(
                lat_name,
                "Ce point n'est pas en France (métropole ou outre-mer) : vérifiez latitude et "
                "longitude.",
            )
        )


def siret_is_valid(siret: str) -> bool:
    """Tell whether a SIRET has 14 digits and a valid Luhn key (La Poste's exception included)."""
    if len(siret) != 14 or not siret.isdigit():
        return False
    if siret.startswith("356000000"):
        # La Poste's establishments: the digits add up to a multiple of 5 instead.
        return sum(int(c) for c in siret) % 5 == 0
    total = 0
    for i, char in enumerate(reversed(siret)):
        digit = int(char)
        if i % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def validate_request(request: Request, today: date | None = None) -> list[FieldProblem]:
    """Return the coherence problems of a request (empty when it can be saved)."""
    today = today or date.today()
    out: list[FieldProblem] = []
    a, h, wish = request.applicant, request.household, request.wishes
    if not request.ref.strip():
        out.append(FieldProblem("ref_demande", "La référence de la demande est obligatoire."))
    if not a.last_name.strip():
        out.append(FieldProblem("nom", "Le nom est obligatoire."))
    if not a.first_name.strip():
        out.append(FieldProblem("prenom", "Le prénom est obligatoire."))
    if not request.employer.name.strip():
        out.append(FieldProblem("employeur", "L'employeur est obligatoire."))
    if not request.housing.commune.strip():
        out.append(FieldProblem("commune_residence", "La commune de résidence est obligatoire."))
    if not request.workplace.commune.strip():
        out.append(FieldProblem("commune_travail", "La commune de travail est obligatoire."))
    if a.birth_date < MIN_BIRTH or a.birth_date > today:
        out.append(FieldProblem("date_naissance", "La date de naissance n'est pas plausible."))
    elif (request.filing_date - a.birth_date).days < 16 * 365:
        out.append(
            FieldProblem("date_naissance", "Le demandeur doit avoir au moins 16 ans au dépôt.")
        )
    if request.filing_date > today:
        out.append(FieldProblem("date_depot", "La date de dépôt ne peut pas être dans le futur."))
    if request.renewal_date is not None:
        if request.renewal_date < request.filing_date:
            out.append(
                FieldProblem(
                    "date_renouvellement",
                    "La date de renouvellement est antérieure à la date de dépôt.",
                )
            )
        elif request.renewal_date > today:
            out.append(
                FieldProblem(
                    "date_renouvellement",
                    "La date de renouvellement ne peut pas être dans le futur.",
                )
            )
    if h.partner_birth_date is not None and (
        h.partner_birth_date < MIN_BIRTH or h.partner_birth_date > today
    ):
        out.append(
            FieldProblem(
                "date_naissance_conjoint", "La date de naissance du conjoint n'est pas plausible."
            )
        )
    if a.email and not _EMAIL.match(a.email):
        out.append(FieldProblem("email", "L'adresse électronique n'est pas valide."))
    if request.employer.siret and not siret_is_valid(request.employer.siret):
        out.append(
            FieldProblem(
                "siret", "Le SIRET doit compter 14 chiffres et sa clé de contrôle est fausse."
            )
        )
    if h.persons < 1:
        out.append(FieldProblem("nb_personnes", "Le ménage compte au moins une personne."))
    if h.persons > MAX_PERSONS:
        out.append(FieldProblem("nb_personnes", f"Le nombre de personnes dépasse {MAX_PERSONS}."))
    if h.dependants < 0:
        out.append(
            FieldProblem("nb_personnes_a_charge", "Le nombre de personnes à charge est négatif.")
        )
    elif h.dependants >= h.persons:
        out.append(
            FieldProblem(
                "nb_personnes_a_charge",
                "Les personnes à charge doivent être moins nombreuses que les personnes du ménage.",
            )
        )
    if h.partner_birth_date is not None and h.persons < 2:
        out.append(
            FieldProblem(
                "date_naissance_conjoint",
                "Un conjoint est indiqué mais le ménage compte une seule personne.",
            )
        )
    if h.children_under_14 is not None and not 0 <= h.children_under_14 < h.persons:
        out.append(
            FieldProblem(
                "nb_moins_14_ans",
                "Le nombre de personnes de moins de 14 ans doit être inférieur au nombre de "
                "personnes du ménage (le demandeur compte pour une).",
            )
        )
    for name, amount, ceiling in (
        ("revenu_fiscal_reference", h.fiscal_income, MAX_FISCAL_INCOME),
        ("revenus_mensuels", h.monthly_income, MAX_MONTHLY_INCOME),
        ("revenu_recent", h.recent_income, MAX_FISCAL_INCOME),
        ("ressources_propres", h.own_income, MAX_FISCAL_INCOME),
        ("loyer_actuel", request.housing.rent, MAX_RENT),
        ("loyer_max", wish.max_rent, MAX_RENT),
    ):
        check_range(out, name, amount, 0, ceiling, "Le montant")
    check_date(out, "date_mobilite", request.mobility_date, today, "La date de mobilité")
    check_date(out, "date_depot", request.filing_date, today, "La date de dépôt")
    check_position(
        out,
        "latitude_travail",
        "longitude_travail",
        request.workplace.latitude,
        request.workplace.longitude,
    )
    for name, typ in (("typologie_min", wish.typology_min), ("typologie_max", wish.typology_max)):
        if typ is not None and not 1 <= typ <= 6:
            out.append(FieldProblem(name, "La typologie va de T1 à T6."))
    if (
        wish.typology_min is not None
        and wish.typology_max is not None
        and wish.typology_min > wish.typology_max
    ):
        out.append(
            FieldProblem(
                "typologie_max", "La typologie maximale est inférieure à la typologie minimale."
            )
        )
    if (request.workplace.latitude is None) != (request.workplace.longitude is None):
        out.append(
            FieldProblem(
                "longitude_travail", "Latitude et longitude du lieu de travail vont ensemble."
            )
        )
    return out


def validate_unit(unit: Unit, today: date | None = None) -> list[FieldProblem]:
    """Return the coherence problems of a unit (empty when it can be saved)."""
    today = today or date.today()
    out: list[FieldProblem] = []
    if not unit.ref.strip():
        out.append(FieldProblem("ref_logement", "La référence du logement est obligatoire."))
    if not unit.commune.strip():
        out.append(FieldProblem("commune", "La commune du logement est obligatoire."))
    if not unit.landlord.strip():
        out.append(FieldProblem("bailleur", "Le bailleur est obligatoire."))
    if not 1 <= unit.typology <= 6:
        out.append(FieldProblem("typologie", "La typologie va de T1 à T6."))
    if not math.isfinite(unit.surface) or unit.surface <= 0 or unit.surface > 500:
        out.append(FieldProblem("surface_m2", "La surface doit être comprise entre 0 et 500 m²."))
    if not math.isfinite(unit.rent) or unit.rent < 0 or unit.rent > 10_000:
        out.append(FieldProblem("loyer_hors_charges", "Le loyer n'est pas plausible."))
    if not math.isfinite(unit.charges) or unit.charges < 0 or unit.charges > 5_000:
        out.append(FieldProblem("charges", "Les charges ne sont pas plausibles."))
    check_position(out, "latitude", "longitude", unit.latitude, unit.longitude)
    check_date(out, "date_disponibilite", unit.available_on, today, "La date de disponibilité")
    check_date(out, "date_limite_proposition", unit.proposal_deadline, today, "La date limite")
    if unit.floor is not None and not -2 <= unit.floor <= 60:
        out.append(FieldProblem("etage", "L'étage n'est pas plausible."))
    if (unit.latitude is None) != (unit.longitude is None):
        out.append(FieldProblem("longitude", "Latitude et longitude vont ensemble."))
    return out
