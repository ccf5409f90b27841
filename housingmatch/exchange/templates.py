"""The two import templates (``formats/IMPORT.md``) and the mapping of a file's headers to them."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from housingmatch.domain.text import fold


@dataclass(frozen=True, slots=True)
class Column:
    """A template column: its name, whether it is required and its kind of value."""

    name: str
    required: bool
    kind: str
    label: str


def _c(name: str, required: bool, kind: str, label: str) -> Column:
    return Column(name, required, kind, label)


REQUEST_COLUMNS: tuple[Column, ...] = (
    _c("ref_demande", True, "text", "Référence de la demande"),
    _c("numero_unique", False, "text", "Numéro unique"),
    _c("date_depot", True, "date", "Date de dépôt"),
    _c("date_renouvellement", False, "date", "Date de renouvellement"),
    _c("nom", True, "text", "Nom"),
    _c("prenom", True, "text", "Prénom"),
    _c("date_naissance", True, "date", "Date de naissance"),
    _c("email", False, "text", "Courriel"),
    _c("telephone", False, "text", "Téléphone"),
    _c("adresse", False, "text", "Adresse"),
    _c("commune_residence", True, "commune", "Commune de résidence"),
    _c("situation_logement", True, "code", "Situation de logement"),
    _c("loyer_actuel", False, "amount", "Loyer actuel"),
    _c("employeur", True, "text", "Employeur"),
    _c("siret", False, "siret", "SIRET"),
    _c("commune_travail", True, "commune", "Commune de travail"),
    _c("latitude_travail", False, "decimal", "Latitude du lieu de travail"),
    _c("longitude_travail", False, "decimal", "Longitude du lieu de travail"),
    _c("mode_transport", False, "code", "Mode de transport"),
    _c("type_contrat", True, "code", "Type de contrat"),
    _c("mobilite", False, "code", "Mobilité"),
    _c("date_mobilite", False, "date", "Date de mobilité"),
    _c("nb_personnes", True, "int", "Nombre de personnes"),
    _c("nb_personnes_a_charge", False, "int", "Personnes à charge"),
    _c("date_naissance_conjoint", False, "date", "Date de naissance du conjoint"),
    _c("handicap", False, "bool", "Handicap"),
    _c("revenu_fiscal_reference", True, "amount", "Revenu fiscal de référence"),
    _c("revenus_mensuels", False, "amount", "Revenus mensuels"),
    _c("motifs", False, "codes", "Motifs"),
    _c("dalo", False, "bool", "DALO"),
    _c("prioritaire_l441", False, "codes", "Priorité L441-1"),
    _c("communes_souhaitees", False, "communes", "Communes souhaitées"),
    _c("typologie_min", False, "typology", "Typologie minimale"),
    _c("typologie_max", False, "typology", "Typologie maximale"),
    _c("loyer_max", False, "amount", "Loyer maximal"),
    _c("besoin_pmr", False, "bool", "Besoin PMR"),
    _c("ascenseur_requis", False, "bool", "Ascenseur requis"),
    # Optional since the legal corrections: files without them still import.
    _c("revenu_recent", False, "amount", "Revenu N-1 ou des 12 derniers mois"),
    _c("ressources_propres", False, "amount", "Ressources propres du demandeur"),
    _c("nb_moins_14_ans", False, "int", "Personnes de moins de 14 ans"),
    # The life cycle, so that an export imports back as the same records (ACTIVE when empty).
    _c("statut", False, "code", "Statut"),
    _c("date_cloture", False, "date", "Date de clôture"),
    _c("motif_cloture", False, "text", "Motif de clôture"),
    # A forum intake still to complete at the office (rules.intake): the fields it lacks.
    _c("a_completer", False, "text", "À compléter à l'agence"),
)

UNIT_COLUMNS: tuple[Column, ...] = (
    _c("ref_logement", True, "text", "Référence du logement"),
    _c("bailleur", True, "text", "Bailleur"),
    _c("programme", False, "text", "Programme"),
    _c("adresse", False, "text", "Adresse"),
    _c("commune", True, "commune", "Commune"),
    _c("latitude", False, "decimal", "Latitude"),
    _c("longitude", False, "decimal", "Longitude"),
    _c("qpv", False, "qpv", "QPV"),
    _c("typologie", True, "typology", "Typologie"),
    _c("surface_m2", True, "decimal", "Surface (m²)"),
    _c("etage", False, "int", "Étage"),
    _c("ascenseur", False, "bool", "Ascenseur"),
    _c("accessible_pmr", False, "bool", "Accessible PMR"),
    _c("financement", True, "code", "Financement"),
    _c("loyer_hors_charges", True, "amount", "Loyer hors charges"),
    _c("charges", False, "amount", "Charges"),
    _c("date_disponibilite", False, "date", "Date de disponibilité"),
    _c("date_limite_proposition", False, "date", "Date limite de proposition"),
    _c("employeur_reserve", False, "text", "Employeur réservataire"),
    _c("statut", False, "code", "Statut"),
)

TEMPLATES = {"demandes": REQUEST_COLUMNS, "logements": UNIT_COLUMNS}

# Usual spellings of other systems' exports that fuzzy matching alone would not catch.
_ALIASES: dict[str, str] = {
    "reference": "ref_demande",
    "reference demande": "ref_demande",
    "nud": "numero_unique",
    "nur": "numero_unique",
    "numero unique demande": "numero_unique",
    "nom de famille": "nom",
    "courriel": "email",
    "mail": "email",
    "tel": "telephone",
    "rfr": "revenu_fiscal_reference",
    "ville de travail": "commune_travail",
    "lieu de travail": "commune_travail",
    "ville": "commune",
    "reference logement": "ref_logement",
    "surface": "surface_m2",
    "loyer": "loyer_hors_charges",
    "loyer hc": "loyer_hors_charges",
    "type": "typologie",
}

MATCH_THRESHOLD = 85.0


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    """How one header of the file was understood."""

    index: int
    header: str
    column: str
    score: float


@dataclass(frozen=True, slots=True)
class HeaderMapping:
    """The mapping of a file's headers onto a template."""

    matches: list[HeaderMatch]
    unknown_headers: list[str]
    missing_columns: list[str]

    def index_of(self) -> dict[str, int]:
        """Return the column index in the file of each mapped template column."""
        return {m.column: m.index for m in self.matches}


def map_headers(headers: list[str], columns: tuple[Column, ...]) -> HeaderMapping:
    """Map headers onto template columns: exact, then known aliases, then fuzzy (≥ 85/100).

    Each template column takes at most one header (the best scoring one); a header that
    matches nothing well enough is listed as unknown and its values are ignored.
    """
    names = {fold(c.name): c.name for c in columns}
    names.update({fold(c.label): c.name for c in columns})
    candidates: list[tuple[float, int, str]] = []
    for index, header in enumerate(headers):
        key = fold(header)
        if not key:
            continue
        if key in names:
            candidates.append((100.0, index, names[key]))
            continue
        if key in _ALIASES:
            candidates.append((99.0, index, _ALIASES[key]))
            continue
        best_score, best_name = 0.0, ""
        for folded, name in names.items():
            score = fuzz.ratio(key, folded)
            if score > best_score:
                best_score, best_name = score, name
        if best_score >= MATCH_THRESHOLD:
            candidates.append((best_score, index, best_name))
    taken_columns: set[str] = set()
    taken_headers: set[int] = set()
    matches = []
    for score, index, name in sorted(candidates, key=lambda c: (-c[0], c[1])):
        if name in taken_columns or index in taken_headers:
            continue
        taken_columns.add(name)
        taken_headers.add(index)
        matches.append(HeaderMatch(index, headers[index], name, round(score, 1)))
    matches.sort(key=lambda m: m.index)
    unknown = [h for i, h in enumerate(headers) if i not in taken_headers and h.strip()]
    missing = [c.name for c in columns if c.required and c.name not in taken_columns]
    return HeaderMapping(matches, unknown, missing)
