"""Proposals to the landlord's commission (CALEOL): states, coded reasons, candidates, events.

A proposal is built from a ranking (Préparation), sent to the CALEOL (Envoyée, possibly
Ajournée), decided per candidate (Décidée: the offer goes to the attributed candidates in
the CALEOL's order, each answering within a deadline) and closed by a signed lease (Bail
signé) or without a tenant (Sans suite). The transitions are rules in
``housingmatch.rules.proposal_flow``; this module only holds the types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class ProposalState(StrEnum):
    """Where a proposal is in its life."""

    PREPARATION = "PREPARATION"
    ENVOYEE = "ENVOYEE"
    AJOURNEE = "AJOURNEE"
    DECIDEE = "DECIDEE"
    BAIL_SIGNE = "BAIL_SIGNE"
    SANS_SUITE = "SANS_SUITE"

    @property
    def label(self) -> str:
        """Return the French label."""
        return STATE_LABELS[self]

    @property
    def closed(self) -> bool:
        """Return whether nothing more can happen to the proposal."""
        return self in (ProposalState.BAIL_SIGNE, ProposalState.SANS_SUITE)


STATE_LABELS: dict[ProposalState, str] = {
    ProposalState.PREPARATION: "En préparation",
    ProposalState.ENVOYEE: "Envoyée à la CALEOL",
    ProposalState.AJOURNEE: "Ajournée par la CALEOL",
    ProposalState.DECIDEE: "Décidée, réponse des candidats",
    ProposalState.BAIL_SIGNE: "Bail signé",
    ProposalState.SANS_SUITE: "Close sans attribution",
}


class ExceptionCode(StrEnum):
    """Why a proposal may count fewer than three candidates (CCH R441-3)."""

    INSUFFISANCE = "INSUFFISANCE"
    DALO_PREFET = "DALO_PREFET"
    PLAI_ADAPTE = "PLAI_ADAPTE"

    @property
    def label(self) -> str:
        """Return the French label."""
        return EXCEPTION_LABELS[self]


EXCEPTION_LABELS: dict[ExceptionCode, str] = {
    ExceptionCode.INSUFFISANCE: "Nombre insuffisant de candidats éligibles",
    ExceptionCode.DALO_PREFET: "Candidat désigné par le préfet au titre du DALO",
    ExceptionCode.PLAI_ADAPTE: "Logement financé en PLAI adapté",
}


class DeviationCode(StrEnum):
    """Why better-ranked candidates are left out of a proposal."""

    PROPOSE_AILLEURS = "PROPOSE_AILLEURS"
    INADAPTE_SITUATION = "INADAPTE_SITUATION"
    DOSSIER_INCOMPLET = "DOSSIER_INCOMPLET"
    SOUHAIT_CANDIDAT = "SOUHAIT_CANDIDAT"
    REPARTITION_GLOBALE = "REPARTITION_GLOBALE"
    AUTRE = "AUTRE"

    @property
    def label(self) -> str:
        """Return the French label."""
        return DEVIATION_LABELS[self]


DEVIATION_LABELS: dict[DeviationCode, str] = {
    DeviationCode.PROPOSE_AILLEURS: "Candidat déjà proposé sur un autre logement",
    DeviationCode.INADAPTE_SITUATION: "Logement inadapté à la situation connue du ménage",
    DeviationCode.DOSSIER_INCOMPLET: "Dossier incomplet ou à mettre à jour",
    DeviationCode.SOUHAIT_CANDIDAT: "Souhait exprimé par le candidat",
    DeviationCode.REPARTITION_GLOBALE: "Répartition globale des logements ouverts",
    DeviationCode.AUTRE: "Autre motif (précisé)",
}


class ContactOutcome(StrEnum):
    """What came of contacting a candidate before sending."""

    JOINT = "JOINT"
    INJOIGNABLE = "INJOIGNABLE"
    DESISTE = "DESISTE"

    @property
    def label(self) -> str:
        """Return the French label."""
        return CONTACT_LABELS[self]


CONTACT_LABELS: dict[ContactOutcome, str] = {
    ContactOutcome.JOINT: "Joint et intéressé",
    ContactOutcome.INJOIGNABLE: "Injoignable",
    ContactOutcome.DESISTE: "Se désiste",
}


class WithdrawalCode(StrEnum):
    """Why a contacted candidate withdraws before the commission."""

    LOGE_AILLEURS = "LOGE_AILLEURS"
    NE_SOUHAITE_PLUS = "NE_SOUHAITE_PLUS"
    LOGEMENT_INADAPTE = "LOGEMENT_INADAPTE"
    LOYER = "LOYER"
    LOCALISATION = "LOCALISATION"
    AUTRE = "AUTRE"

    @property
    def label(self) -> str:
        """Return the French label."""
        return WITHDRAWAL_LABELS[self]


WITHDRAWAL_LABELS: dict[WithdrawalCode, str] = {
    WithdrawalCode.LOGE_AILLEURS: "A trouvé un logement par ailleurs",
    WithdrawalCode.NE_SOUHAITE_PLUS: "Ne souhaite plus déménager",
    WithdrawalCode.LOGEMENT_INADAPTE: "Logement inadapté à ses besoins",
    WithdrawalCode.LOYER: "Loyer trop élevé",
    WithdrawalCode.LOCALISATION: "Localisation ne convenant pas",
    WithdrawalCode.AUTRE: "Autre motif",
}


class Decision(StrEnum):
    """The CALEOL's decision for one candidate (CCH R441-3)."""

    ATTRIBUE = "ATTRIBUE"
    ATTRIBUE_SOUS_CONDITION = "ATTRIBUE_SOUS_CONDITION"
    NON_ATTRIBUE = "NON_ATTRIBUE"
    IRRECEVABLE = "IRRECEVABLE"

    @property
    def label(self) -> str:
        """Return the French label."""
        return DECISION_LABELS[self]

    @property
    def attributes(self) -> bool:
        """Return whether the decision attributes the unit (possibly after others refuse)."""
        return self in (Decision.ATTRIBUE, Decision.ATTRIBUE_SOUS_CONDITION)


DECISION_LABELS: dict[Decision, str] = {
    Decision.ATTRIBUE: "Attribué",
    Decision.ATTRIBUE_SOUS_CONDITION: "Attribué sous condition suspensive",
    Decision.NON_ATTRIBUE: "Non attribué",
    Decision.IRRECEVABLE: "Irrecevable",
}


class NonAttributionCode(StrEnum):
    """Why the CALEOL did not attribute the unit to a candidate."""

    RESSOURCES_INSUFFISANTES = "RESSOURCES_INSUFFISANTES"
    RESSOURCES_SUPERIEURES = "RESSOURCES_SUPERIEURES"
    INADAPTATION_TAILLE = "INADAPTATION_TAILLE"
    DOSSIER_INCOMPLET = "DOSSIER_INCOMPLET"
    AUTRE_CANDIDAT_PRIORITAIRE = "AUTRE_CANDIDAT_PRIORITAIRE"
    DETTE_LOCATIVE = "DETTE_LOCATIVE"
    AUTRE = "AUTRE"

    @property
    def label(self) -> str:
        """Return the French label."""
        return NON_ATTRIBUTION_LABELS[self]


NON_ATTRIBUTION_LABELS: dict[NonAttributionCode, str] = {
    NonAttributionCode.RESSOURCES_INSUFFISANTES: "Ressources insuffisantes pour le loyer",
    NonAttributionCode.RESSOURCES_SUPERIEURES: "Ressources supérieures au plafond",
    NonAttributionCode.INADAPTATION_TAILLE: "Logement inadapté à la taille du ménage",
    NonAttributionCode.DOSSIER_INCOMPLET: "Dossier incomplet",
    NonAttributionCode.AUTRE_CANDIDAT_PRIORITAIRE: "Autre candidat jugé prioritaire",
    NonAttributionCode.DETTE_LOCATIVE: "Dette locative sans plan d'apurement",
    NonAttributionCode.AUTRE: "Autre motif",
}


class Answer(StrEnum):
    """A candidate's answer to the offer."""

    ACCEPTE = "ACCEPTE"
    REFUSE = "REFUSE"

    @property
    def label(self) -> str:
        """Return the French label."""
        return "Accepte" if self is Answer.ACCEPTE else "Refuse"


class RefusalSide(StrEnum):
    """Who a refusal comes from (for the convention's reporting)."""

    CANDIDAT = "candidat"
    BAILLEUR = "bailleur"
    RESERVATAIRE = "réservataire"


class UnitAttribute(StrEnum):
    """The attribute of the unit a refusal is about, when it is about one."""

    LOYER = "loyer"
    ETAGE = "étage"
    TRAJET = "trajet"
    QUARTIER = "quartier"
    TYPOLOGIE = "typologie"
    DATE = "date"


class RefusalReason(StrEnum):
    """Why an offer was refused (or lapsed); each tagged with a side and maybe an attribute."""

    LOYER_TROP_ELEVE = "LOYER_TROP_ELEVE"
    ETAGE_INADAPTE = "ETAGE_INADAPTE"
    SANS_ASCENSEUR = "SANS_ASCENSEUR"
    TRAJET_TROP_LONG = "TRAJET_TROP_LONG"
    QUARTIER = "QUARTIER"
    SERVICES_ELOIGNES = "SERVICES_ELOIGNES"
    TYPOLOGIE = "TYPOLOGIE"
    DATE_ENTREE = "DATE_ENTREE"
    ETAT_LOGEMENT = "ETAT_LOGEMENT"
    STATIONNEMENT = "STATIONNEMENT"
    LOGE_AILLEURS = "LOGE_AILLEURS"
    SITUATION_CHANGEE = "SITUATION_CHANGEE"
    SANS_REPONSE = "SANS_REPONSE"
    AUTRE_CANDIDAT = "AUTRE_CANDIDAT"
    PIECES_NON_FOURNIES = "PIECES_NON_FOURNIES"
    CONDITION_NON_LEVEE = "CONDITION_NON_LEVEE"
    LOGEMENT_RETIRE = "LOGEMENT_RETIRE"
    AUTRE_BAILLEUR = "AUTRE_BAILLEUR"
    PLUS_SALARIE = "PLUS_SALARIE"
    ATTRIBUE_AILLEURS = "ATTRIBUE_AILLEURS"
    AUTRE_RESERVATAIRE = "AUTRE_RESERVATAIRE"

    @property
    def info(self) -> RefusalInfo:
        """Return the label, side and unit attribute of the reason."""
        return REFUSAL_INFO[self]

    @property
    def label(self) -> str:
        """Return the French label."""
        return REFUSAL_INFO[self].label


@dataclass(frozen=True, slots=True)
class RefusalInfo:
    """What a refusal reason means."""

    label: str
    side: RefusalSide
    attribute: UnitAttribute | None = None


_C, _B, _R = RefusalSide.CANDIDAT, RefusalSide.BAILLEUR, RefusalSide.RESERVATAIRE
_A = UnitAttribute
REFUSAL_INFO: dict[RefusalReason, RefusalInfo] = {
    RefusalReason.LOYER_TROP_ELEVE: RefusalInfo("Loyer trop élevé", _C, _A.LOYER),
    RefusalReason.ETAGE_INADAPTE: RefusalInfo("Étage inadapté", _C, _A.ETAGE),
    RefusalReason.SANS_ASCENSEUR: RefusalInfo("Pas d'ascenseur", _C, _A.ETAGE),
    RefusalReason.TRAJET_TROP_LONG: RefusalInfo("Trajet domicile-travail trop long", _C, _A.TRAJET),
    RefusalReason.QUARTIER: RefusalInfo("Quartier ou environnement", _C, _A.QUARTIER),
    RefusalReason.SERVICES_ELOIGNES: RefusalInfo(
        "Écoles, commerces ou services éloignés", _C, _A.QUARTIER
    ),
    RefusalReason.TYPOLOGIE: RefusalInfo("Logement trop petit ou trop grand", _C, _A.TYPOLOGIE),
    RefusalReason.DATE_ENTREE: RefusalInfo("Date d'entrée incompatible", _C, _A.DATE),
    RefusalReason.ETAT_LOGEMENT: RefusalInfo("État du logement", _C),
    RefusalReason.STATIONNEMENT: RefusalInfo("Pas de stationnement", _C),
    RefusalReason.LOGE_AILLEURS: RefusalInfo("A trouvé un logement par ailleurs", _C),
    RefusalReason.SITUATION_CHANGEE: RefusalInfo(
        "Situation familiale ou professionnelle changée", _C
    ),
    RefusalReason.SANS_REPONSE: RefusalInfo("Pas de réponse dans le délai (vaut refus)", _C),
    RefusalReason.AUTRE_CANDIDAT: RefusalInfo("Autre motif du candidat", _C),
    RefusalReason.PIECES_NON_FOURNIES: RefusalInfo("Pièces justificatives non fournies", _B),
    RefusalReason.CONDITION_NON_LEVEE: RefusalInfo("Condition suspensive non levée", _B),
    RefusalReason.LOGEMENT_RETIRE: RefusalInfo("Logement retiré de la location", _B),
    RefusalReason.AUTRE_BAILLEUR: RefusalInfo("Autre motif du bailleur", _B),
    RefusalReason.PLUS_SALARIE: RefusalInfo("N'est plus salarié d'une entreprise cotisante", _R),
    RefusalReason.ATTRIBUE_AILLEURS: RefusalInfo("Logé sur un autre logement proposé", _R),
    RefusalReason.AUTRE_RESERVATAIRE: RefusalInfo("Autre motif du réservataire", _R),
}


class ReleaseCode(StrEnum):
    """Why a candidate's place in a pending proposal was freed."""

    BAIL_SIGNE_AILLEURS = "BAIL_SIGNE_AILLEURS"

    @property
    def label(self) -> str:
        """Return the French label."""
        return "Bail signé sur un autre logement"


class EventKind(StrEnum):
    """What a recorded transition did."""

    CREATION = "CREATION"
    AJOUT = "AJOUT"
    RETRAIT = "RETRAIT"
    ORDRE = "ORDRE"
    JUSTIFICATION = "JUSTIFICATION"
    CONTACT = "CONTACT"
    ENVOI = "ENVOI"
    AJOURNEMENT = "AJOURNEMENT"
    DECISION = "DECISION"
    REPONSE = "REPONSE"
    BAIL = "BAIL"
    LIBERATION = "LIBERATION"

    @property
    def label(self) -> str:
        """Return the French label."""
        return EVENT_LABELS[self]


EVENT_LABELS: dict[EventKind, str] = {
    EventKind.CREATION: "Création",
    EventKind.AJOUT: "Candidat ajouté",
    EventKind.RETRAIT: "Candidat retiré",
    EventKind.ORDRE: "Ordre modifié",
    EventKind.JUSTIFICATION: "Justification",
    EventKind.CONTACT: "Contact du candidat",
    EventKind.ENVOI: "Envoi à la CALEOL",
    EventKind.AJOURNEMENT: "Ajournement",
    EventKind.DECISION: "Décision de la CALEOL",
    EventKind.REPONSE: "Réponse du candidat",
    EventKind.BAIL: "Bail signé",
    EventKind.LIBERATION: "Place libérée",
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One request in a proposal: its place, contact, CALEOL decision and answer.

    ``position`` is its place in the ordered list sent to the CALEOL; a candidate who
    withdrew, was unreachable and removed, or was released keeps its record with no position.
    """

    request_ref: str
    position: int | None
    engine_rank: int | None = None
    contact: ContactOutcome | None = None
    withdrawal_code: WithdrawalCode | None = None
    decision: Decision | None = None
    caleol_rank: int | None = None
    non_attribution_code: NonAttributionCode | None = None
    notified_on: date | None = None
    answer_deadline: date | None = None
    answer: Answer | None = None
    refusal_code: RefusalReason | None = None
    refusal_note: str | None = None
    answered_on: date | None = None
    leased_on: date | None = None
    release_code: ReleaseCode | None = None
    parked_until: date | None = None

    @property
    def listed(self) -> bool:
        """Return whether the candidate is in the ordered list."""
        return self.position is not None

    @property
    def offered(self) -> bool:
        """Return whether the offer is with this candidate now (notified, no answer yet)."""
        return self.notified_on is not None and self.answer is None and self.release_code is None


@dataclass(frozen=True, slots=True)
class ProposalEvent:
    """One transition of a proposal, as shown on its timeline."""

    kind: EventKind
    on: date
    actor: str
    summary: str
    details: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposal of ordered candidates for one unit, with its whole history."""

    id: int | None
    unit_ref: str
    state: ProposalState
    created_on: date
    ranking_date: date
    ruleset_hash: str
    advisor: str = ""
    candidates: tuple[Candidate, ...] = ()
    exception: ExceptionCode | None = None
    deviation_code: DeviationCode | None = None
    deviation_text: str | None = None
    sent_on: date | None = None
    commission_date: date | None = None
    decided_on: date | None = None
    closed_on: date | None = None
    flag: str | None = None
    events: tuple[ProposalEvent, ...] = ()

    @property
    def listed(self) -> tuple[Candidate, ...]:
        """Return the candidates of the ordered list, in order."""
        return tuple(
            sorted((c for c in self.candidates if c.listed), key=lambda c: c.position or 0)
        )

    def candidate(self, ref: str) -> Candidate | None:
        """Return the candidate of a request, or None."""
        for c in self.candidates:
            if c.request_ref == ref:
                return c
        return None

    @property
    def offeree(self) -> Candidate | None:
        """Return the candidate the offer is with, if any."""
        for c in self.candidates:
            if c.offered:
                return c
        return None

    @property
    def tenant(self) -> Candidate | None:
        """Return the candidate who signed the lease, if any."""
        for c in self.candidates:
            if c.leased_on is not None:
                return c
        return None
