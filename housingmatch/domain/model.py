"""Requests (demandes), units (logements) and their code lists, as in the import templates.

Code values are those of ``formats/IMPORT.md``; each enum also carries the French label an
advisor reads (``LABELS``). Typologies are stored as the number of rooms (T1 = 1 ... T6 = 6,
T6 meaning six rooms or more).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class SituationLogement(StrEnum):
    """Current housing situation of the applicant."""

    LOCATAIRE_SOCIAL = "LOCATAIRE_SOCIAL"
    LOCATAIRE_PRIVE = "LOCATAIRE_PRIVE"
    PROPRIETAIRE = "PROPRIETAIRE"
    HEBERGE_FAMILLE = "HEBERGE_FAMILLE"
    HEBERGE_TIERS = "HEBERGE_TIERS"
    STRUCTURE_HEBERGEMENT = "STRUCTURE_HEBERGEMENT"
    LOGEMENT_TEMPORAIRE = "LOGEMENT_TEMPORAIRE"
    SANS_LOGEMENT = "SANS_LOGEMENT"
    LOGEMENT_FONCTION = "LOGEMENT_FONCTION"
    AUTRE = "AUTRE"


class Motif(StrEnum):
    """Reason for the request, as on the demand form."""

    SANS_LOGEMENT = "SANS_LOGEMENT"
    HEBERGE = "HEBERGE"
    LOGEMENT_NON_DECENT = "LOGEMENT_NON_DECENT"
    LOGEMENT_REPRIS = "LOGEMENT_REPRIS"
    EXPULSION = "EXPULSION"
    VIOLENCES = "VIOLENCES"
    HANDICAP = "HANDICAP"
    SANTE = "SANTE"
    TROP_CHER = "TROP_CHER"
    TROP_PETIT = "TROP_PETIT"
    TROP_GRAND = "TROP_GRAND"
    SEPARATION = "SEPARATION"
    DECOHABITATION = "DECOHABITATION"
    FUTUR_COUPLE = "FUTUR_COUPLE"
    REGROUPEMENT_FAMILIAL = "REGROUPEMENT_FAMILIAL"
    MUTATION_PROFESSIONNELLE = "MUTATION_PROFESSIONNELLE"
    RAPPROCHEMENT_TRAVAIL = "RAPPROCHEMENT_TRAVAIL"
    RAPPROCHEMENT_SERVICES = "RAPPROCHEMENT_SERVICES"
    RAPPROCHEMENT_FAMILLE = "RAPPROCHEMENT_FAMILLE"
    ACCEDANT_DIFFICULTE = "ACCEDANT_DIFFICULTE"
    VOISINAGE = "VOISINAGE"
    DEMOLITION = "DEMOLITION"
    ASSISTANT_MATERNEL = "ASSISTANT_MATERNEL"
    AUTRE = "AUTRE"


class PrioriteL441(StrEnum):
    """Priority criterion of article L441-1 of the CCH."""

    HANDICAP = "HANDICAP"
    MAL_LOGE_DEFAVORISE = "MAL_LOGE_DEFAVORISE"
    HEBERGE_STRUCTURE = "HEBERGE_STRUCTURE"
    REPRISE_ACTIVITE = "REPRISE_ACTIVITE"
    HABITAT_INDIGNE = "HABITAT_INDIGNE"
    VIOLENCES_COUPLE = "VIOLENCES_COUPLE"
    SUROCCUPATION_ENFANT = "SUROCCUPATION_ENFANT"
    SANS_LOGEMENT = "SANS_LOGEMENT"
    MENACE_EXPULSION = "MENACE_EXPULSION"
    SORTIE_ASE = "SORTIE_ASE"
    VICTIME_TRAITE = "VICTIME_TRAITE"
    SORTIE_PROSTITUTION = "SORTIE_PROSTITUTION"
    VIOLENCES_SEXUELLES = "VIOLENCES_SEXUELLES"


class ModeTransport(StrEnum):
    """Usual mode of the home-work trip."""

    VOITURE = "VOITURE"
    TRANSPORT_COMMUN = "TRANSPORT_COMMUN"
    VELO = "VELO"
    MARCHE = "MARCHE"


class TypeContrat(StrEnum):
    """Employment contract of the applicant."""

    CDI = "CDI"
    CDD = "CDD"
    INTERIM = "INTERIM"
    APPRENTISSAGE = "APPRENTISSAGE"
    PROFESSIONNALISATION = "PROFESSIONNALISATION"
    STAGE = "STAGE"
    AUTRE = "AUTRE"


class Mobilite(StrEnum):
    """Professional mobility event behind the request."""

    AUCUNE = "AUCUNE"
    EMBAUCHE = "EMBAUCHE"
    MUTATION = "MUTATION"
    PROMESSE_EMBAUCHE = "PROMESSE_EMBAUCHE"
    DEMENAGEMENT_ENTREPRISE = "DEMENAGEMENT_ENTREPRISE"


class Financement(StrEnum):
    """Financing of a unit; decides the income ceiling."""

    PLAI = "PLAI"
    PLUS = "PLUS"
    PLS = "PLS"
    PLI = "PLI"


class RequestStatus(StrEnum):
    """Life-cycle state of a request."""

    ACTIVE = "ACTIVE"
    ATTRIBUEE = "ATTRIBUEE"
    CLOSE = "CLOSE"


class UnitStatus(StrEnum):
    """Life-cycle state of a unit."""

    OUVERT = "OUVERT"
    PROPOSE = "PROPOSE"
    ATTRIBUE = "ATTRIBUE"
    RETIRE = "RETIRE"


LABELS: dict[StrEnum, str] = {
    SituationLogement.LOCATAIRE_SOCIAL: "Locataire du parc social",
    SituationLogement.LOCATAIRE_PRIVE: "Locataire du parc privé",
    SituationLogement.PROPRIETAIRE: "Propriétaire",
    SituationLogement.HEBERGE_FAMILLE: "Hébergé par la famille",
    SituationLogement.HEBERGE_TIERS: "Hébergé par un tiers",
    SituationLogement.STRUCTURE_HEBERGEMENT: "Structure d'hébergement (CHRS, foyer, FJT…)",
    SituationLogement.LOGEMENT_TEMPORAIRE: "Logement temporaire (hôtel, sous-location…)",
    SituationLogement.SANS_LOGEMENT: "Sans logement",
    SituationLogement.LOGEMENT_FONCTION: "Logement de fonction",
    SituationLogement.AUTRE: "Autre",
    Motif.SANS_LOGEMENT: "Sans logement propre",
    Motif.HEBERGE: "Hébergé",
    Motif.LOGEMENT_NON_DECENT: "Logement non décent, insalubre ou dangereux",
    Motif.LOGEMENT_REPRIS: "Logement repris ou mis en vente",
    Motif.EXPULSION: "Procédure d'expulsion",
    Motif.VIOLENCES: "Violences familiales",
    Motif.HANDICAP: "Handicap",
    Motif.SANTE: "Raisons de santé",
    Motif.TROP_CHER: "Logement trop cher",
    Motif.TROP_PETIT: "Logement trop petit",
    Motif.TROP_GRAND: "Logement trop grand",
    Motif.SEPARATION: "Divorce, séparation",
    Motif.DECOHABITATION: "Décohabitation",
    Motif.FUTUR_COUPLE: "Futur couple",
    Motif.REGROUPEMENT_FAMILIAL: "Regroupement familial",
    Motif.MUTATION_PROFESSIONNELLE: "Mutation professionnelle",
    Motif.RAPPROCHEMENT_TRAVAIL: "Rapprochement du lieu de travail",
    Motif.RAPPROCHEMENT_SERVICES: "Rapprochement des équipements et services",
    Motif.RAPPROCHEMENT_FAMILLE: "Rapprochement de la famille",
    Motif.ACCEDANT_DIFFICULTE: "Accédant à la propriété en difficulté",
    Motif.VOISINAGE: "Problèmes d'environnement ou de voisinage",
    Motif.DEMOLITION: "Logement en cours de démolition",
    Motif.ASSISTANT_MATERNEL: "Assistant(e) maternel(le) ou familial(e)",
    Motif.AUTRE: "Autre motif",
    PrioriteL441.HANDICAP: "Personne handicapée ou ménage avec une personne handicapée",
    PrioriteL441.MAL_LOGE_DEFAVORISE: "Personne mal logée ou défavorisée",
    PrioriteL441.HEBERGE_STRUCTURE: "Hébergée ou logée temporairement en structure",
    PrioriteL441.REPRISE_ACTIVITE: "Reprise d'activité après chômage de longue durée",
    PrioriteL441.HABITAT_INDIGNE: "Exposée à l'habitat indigne",
    PrioriteL441.VIOLENCES_COUPLE: "Violences au sein du couple",
    PrioriteL441.SUROCCUPATION_ENFANT: "Enfant mineur en logement sur-occupé ou non décent",
    PrioriteL441.SANS_LOGEMENT: "Dépourvue de logement",
    PrioriteL441.MENACE_EXPULSION: "Menacée d'expulsion sans relogement",
    PrioriteL441.SORTIE_ASE: "Jeune sortant de l'aide sociale à l'enfance",
    PrioriteL441.VICTIME_TRAITE: "Victime de traite ou de proxénétisme",
    PrioriteL441.SORTIE_PROSTITUTION: "Engagée dans un parcours de sortie de la prostitution",
    PrioriteL441.VIOLENCES_SEXUELLES: "Victime de viol ou d'agression sexuelle",
    ModeTransport.VOITURE: "Voiture",
    ModeTransport.TRANSPORT_COMMUN: "Transports en commun",
    ModeTransport.VELO: "Vélo",
    ModeTransport.MARCHE: "Marche",
    TypeContrat.CDI: "CDI",
    TypeContrat.CDD: "CDD",
    TypeContrat.INTERIM: "Intérim",
    TypeContrat.APPRENTISSAGE: "Apprentissage",
    TypeContrat.PROFESSIONNALISATION: "Contrat de professionnalisation",
    TypeContrat.STAGE: "Stage",
    TypeContrat.AUTRE: "Autre",
    Mobilite.AUCUNE: "Aucune",
    Mobilite.EMBAUCHE: "Embauche",
    Mobilite.MUTATION: "Mutation",
    Mobilite.PROMESSE_EMBAUCHE: "Promesse d'embauche",
    Mobilite.DEMENAGEMENT_ENTREPRISE: "Déménagement de l'entreprise",
    Financement.PLAI: "PLAI",
    Financement.PLUS: "PLUS",
    Financement.PLS: "PLS",
    Financement.PLI: "PLI",
    RequestStatus.ACTIVE: "Active",
    RequestStatus.ATTRIBUEE: "Attribuée",
    RequestStatus.CLOSE: "Close",
    UnitStatus.OUVERT: "Ouvert",
    UnitStatus.PROPOSE: "Proposé",
    UnitStatus.ATTRIBUE: "Attribué",
    UnitStatus.RETIRE: "Retiré",
}


def label(code: StrEnum) -> str:
    """Return the French label of a code."""
    return LABELS.get(code, str(code))


def typology_name(rooms: int) -> str:
    """Return ``T1``..``T6`` for a number of rooms (six and more is T6)."""
    return f"T{min(max(rooms, 1), 6)}"


@dataclass(frozen=True, slots=True)
class Applicant:
    """The person who files the request."""

    last_name: str
    first_name: str
    birth_date: date
    email: str | None = None
    phone: str | None = None
    address: str | None = None


@dataclass(frozen=True, slots=True)
class Household:
    """The persons who will live in the home, and their resources.

    ``fiscal_income`` is the sum of the revenus fiscaux de référence N-2 (EUR/year);
    ``monthly_income`` the current monthly resources, used for the rent effort;
    ``recent_income`` the optional N-1 or last-12-months income of the household (EUR/year);
    ``own_income`` the optional resources of the applicant alone (EUR/year), counted when
    separating or protected from violence; ``children_under_14`` the number of members under
    14 (consumption units), unknown when None.
    """

    persons: int
    fiscal_income: float
    dependants: int = 0
    partner_birth_date: date | None = None
    disability: bool = False
    monthly_income: float | None = None
    recent_income: float | None = None
    own_income: float | None = None
    children_under_14: int | None = None


@dataclass(frozen=True, slots=True)
class Employer:
    """The company the applicant works for (SIRET of the establishment when known)."""

    name: str
    siret: str | None = None


@dataclass(frozen=True, slots=True)
class Workplace:
    """Where the applicant works: a commune (INSEE code), optionally a precise point."""

    commune: str
    latitude: float | None = None
    longitude: float | None = None
    transport: ModeTransport | None = None


@dataclass(frozen=True, slots=True)
class CurrentHousing:
    """The applicant's home today."""

    commune: str
    situation: SituationLogement
    rent: float | None = None


@dataclass(frozen=True, slots=True)
class Wishes:
    """What the household asks for; empty communes mean no restriction."""

    communes: tuple[str, ...] = ()
    typology_min: int | None = None
    typology_max: int | None = None
    max_rent: float | None = None
    needs_pmr: bool = False
    needs_lift: bool = False


@dataclass(frozen=True, slots=True)
class Request:
    """A housing request (demande) of an employee."""

    ref: str
    filing_date: date
    applicant: Applicant
    household: Household
    employer: Employer
    workplace: Workplace
    contract: TypeContrat
    housing: CurrentHousing
    wishes: Wishes = field(default_factory=Wishes)
    unique_number: str | None = None
    renewal_date: date | None = None
    mobility: Mobilite = Mobilite.AUCUNE
    mobility_date: date | None = None
    motifs: tuple[Motif, ...] = ()
    dalo: bool = False
    l441: tuple[PrioriteL441, ...] = ()
    status: RequestStatus = RequestStatus.ACTIVE
    closed_on: date | None = None
    close_reason: str | None = None
    tie_breaker: int | None = None
    parked_until: date | None = None  # set after a refusal: not proposed before that day
    # Template fields a forum intake could not collect, completed at the office: while any is
    # listed the request is "incomplète" and is not ranked (rules.intake).
    to_complete: tuple[str, ...] = ()
    # Stable identity, created where the request is born; ``ref`` is only its label.
    uuid: str | None = None
    id: int | None = None

    @property
    def display_name(self) -> str:
        """Return "NOM Prénom" as advisors write it."""
        return f"{self.applicant.last_name.upper()} {self.applicant.first_name}"


@dataclass(frozen=True, slots=True)
class Unit:
    """A vacant social-housing unit reserved for, or oriented to, Action Logement."""

    ref: str
    landlord: str
    commune: str
    typology: int
    surface: float
    financing: Financement
    rent: float
    charges: float = 0.0
    programme: str | None = None
    address: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    qpv: str | None = None
    floor: int | None = None
    lift: bool = False
    accessible_pmr: bool = False
    available_on: date | None = None
    proposal_deadline: date | None = None
    reserved_employer: str | None = None
    status: UnitStatus = UnitStatus.OUVERT
    # Stable identity, created where the unit is born; ``ref`` is only its label.
    uuid: str | None = None
    id: int | None = None

    @property
    def total_rent(self) -> float:
        """Return rent plus charges, per month."""
        return self.rent + self.charges
