"""French words and numbers for people: field names, code labels, amounts, dates (no I/O, no Qt).

Shared by the command line's human output and the window, so both say the same thing;
``--json`` output keeps the codes for scripts.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from housingmatch.domain.model import (
    LABELS,
    Financement,
    Mobilite,
    ModeTransport,
    Motif,
    PrioriteL441,
    RequestStatus,
    SituationLogement,
    TypeContrat,
    UnitStatus,
)

# French thousands separator: a narrow no-break space, as typography and QLocale("fr") write it.
THOUSANDS = "\u202f"
NO_VALUE = "—"

# Short names of the priority groups (rank tables, badges); keys are the group codes.
GROUP_SHORT_LABELS: dict[str, str] = {
    "DALO": "DALO",
    "PRIORITAIRE_L441": "Prioritaire L441-1",
    "JEUNE": "Jeune",
    "MOBILITE": "Mobilité",
    "DIFFICULTE": "Difficulté",
}

# Template columns whose values are codes of an enum.
COLUMN_ENUMS: dict[str, type[StrEnum]] = {
    "situation_logement": SituationLogement,
    "mode_transport": ModeTransport,
    "type_contrat": TypeContrat,
    "mobilite": Mobilite,
    "motifs": Motif,
    "prioritaire_l441": PrioriteL441,
    "financement": Financement,
}
STATUS_ENUMS: dict[str, type[StrEnum]] = {"demande": RequestStatus, "logement": UnitStatus}

# The columns of the import templates as an advisor names them.
FIELD_LABELS: dict[str, str] = {
    "ref_demande": "Référence",
    "numero_unique": "Numéro unique",
    "date_depot": "Date de dépôt",
    "date_renouvellement": "Date de renouvellement",
    "nom": "Nom",
    "prenom": "Prénom",
    "date_naissance": "Date de naissance",
    "email": "Courriel",
    "telephone": "Téléphone",
    "adresse": "Adresse",
    "commune_residence": "Commune de résidence",
    "situation_logement": "Situation de logement",
    "loyer_actuel": "Loyer actuel",
    "employeur": "Employeur",
    "siret": "SIRET",
    "commune_travail": "Commune du lieu de travail",
    "latitude_travail": "Latitude du lieu de travail",
    "longitude_travail": "Longitude du lieu de travail",
    "mode_transport": "Mode de transport",
    "type_contrat": "Type de contrat",
    "mobilite": "Mobilité professionnelle",
    "date_mobilite": "Date de la mobilité",
    "nb_personnes": "Personnes au foyer",
    "nb_personnes_a_charge": "Personnes à charge",
    "date_naissance_conjoint": "Date de naissance du conjoint",
    "handicap": "Handicap dans le ménage",
    "revenu_fiscal_reference": "Revenu fiscal de référence",
    "revenus_mensuels": "Revenus mensuels",
    "motifs": "Motifs de la demande",
    "dalo": "Reconnu DALO",
    "prioritaire_l441": "Priorités L441-1",
    "communes_souhaitees": "Communes souhaitées",
    "typologie_min": "Typologie minimale",
    "typologie_max": "Typologie maximale",
    "loyer_max": "Loyer maximal",
    "besoin_pmr": "Besoin d'un logement accessible (PMR)",
    "ascenseur_requis": "Ascenseur requis",
    "statut": "Statut",
    "date_cloture": "Date de clôture",
    "motif_cloture": "Motif de clôture",
    "a_completer": "À compléter à l'agence",
    "ref_logement": "Référence",
    "bailleur": "Bailleur",
    "programme": "Programme",
    "commune": "Commune",
    "latitude": "Latitude",
    "longitude": "Longitude",
    "qpv": "Quartier prioritaire (QPV)",
    "typologie": "Typologie",
    "surface_m2": "Surface",
    "etage": "Étage",
    "ascenseur": "Ascenseur",
    "accessible_pmr": "Accessible (PMR)",
    "financement": "Financement",
    "loyer_hors_charges": "Loyer hors charges",
    "charges": "Charges",
    "date_disponibilite": "Date de disponibilité",
    "date_limite_proposition": "Date limite de proposition",
    "employeur_reserve": "Employeur réservataire",
}

EURO_COLUMNS = frozenset(
    {
        "loyer_actuel",
        "revenu_fiscal_reference",
        "revenus_mensuels",
        "loyer_max",
        "loyer_hors_charges",
        "charges",
    }
)
DATE_COLUMNS = frozenset(k for k in FIELD_LABELS if k.startswith("date_"))
TYPOLOGY_COLUMNS = frozenset({"typologie", "typologie_min", "typologie_max"})


def french_number(value: float | int, decimals: int = 0) -> str:
    """Return a number written the French way: ``12 345,6`` (narrow no-break spaces)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", THOUSANDS).replace(".", ",")


def euros(value: float | int | None, decimals: int = 0) -> str:
    """Return an amount in euros, rounded: ``8 813 €`` (a dash for no amount)."""
    if value is None:
        return NO_VALUE
    return f"{french_number(value, decimals)}\u00a0€"


def euros_to_cent(value: float | int | None) -> str:
    """Return a rent as written on a lease: cents only when there are some (``394,59 €``)."""
    if value is None:
        return NO_VALUE
    return euros(value, 0 if float(value).is_integer() else 2)


def yes_no(value: bool | None) -> str:
    """Return ``oui`` or ``non`` (a dash when unknown)."""
    if value is None:
        return NO_VALUE
    return "oui" if value else "non"


def french_date(value: date | str | None) -> str:
    """Return ``JJ/MM/AAAA`` from a date or an ISO date text (a dash for no date)."""
    if not value:
        return NO_VALUE
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """Return ``1 demande`` / ``2 demandes``: the count and the word in the right number."""
    word = singular if count in (0, 1) else (plural_form or singular + "s")
    return f"{french_number(count)} {word}"


def code_label(column: str, code: str) -> str:
    """Return the French label of a code stored in a template column (the code if unknown)."""
    enum = COLUMN_ENUMS.get(column)
    if enum is None:
        return code
    try:
        return LABELS.get(enum(code), code)
    except ValueError:
        return code


def group_label(code: str) -> str:
    """Return the short French name of a priority group code."""
    return GROUP_SHORT_LABELS.get(code, code)


def field_label(column: str) -> str:
    """Return the French name of a template column."""
    return FIELD_LABELS.get(column, column)
