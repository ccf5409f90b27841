"""Reproducible demonstration data for Dijon Métropole: requests, employers and units.

Names are drawn from lists of common French surnames and first names, combined at random:
no record describes a real person. Shares follow the published figures shipped in
``resources/geo/logement_social_reperes.csv`` (typologies, QPV share, financing mix, rents
per m²); incomes are drawn around the PLUS ceilings so that some households are above them.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from housingmatch.domain.model import (
    Applicant,
    CurrentHousing,
    Employer,
    Financement,
    Household,
    Mobilite,
    ModeTransport,
    Motif,
    PrioriteL441,
    Request,
    RequestStatus,
    SituationLogement,
    TypeContrat,
    Unit,
    Wishes,
    Workplace,
)
from housingmatch.domain.text import fold
from housingmatch.geo import Commune, Gazetteer, default_gazetteer

K = TypeVar("K")

SURNAMES = [
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefèvre",
    "Leroy",
    "Roux",
    "David",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Lefebvre",
    "Faure",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Garnier",
    "Chevalier",
    "François",
    "Legrand",
    "Gauthier",
    "Garcia",
    "Perrin",
    "Robin",
    "Clément",
    "Morin",
    "Nicolas",
    "Henry",
    "Roussel",
    "Mathieu",
    "Gautier",
    "Masson",
    "Marchand",
    "Duval",
    "Denis",
    "Dumont",
    "Marie",
    "Lemaire",
    "Noël",
    "Meyer",
    "Dufour",
    "Meunier",
    "Brun",
    "Blanchard",
    "Giraud",
    "Joly",
    "Rivière",
    "Lucas",
    "Brunet",
    "Gaillard",
    "Barbier",
    "Arnaud",
    "Martinez",
    "Gérard",
    "Roche",
    "Renard",
    "Schmitt",
    "Roy",
    "Leroux",
    "Colin",
    "Vidal",
    "Caron",
    "Picard",
    "Roger",
    "Fabre",
    "Aubert",
    "Lemoine",
    "Renaud",
    "Dumas",
    "Lacroix",
    "Olivier",
    "Philippe",
    "Bourgeois",
    "Pierre",
    "Benoît",
    "Rey",
    "Leclerc",
    "Payet",
    "Rolland",
    "Lecomte",
    "Hubert",
    "Mallet",
    "Bailly",
    "Prévost",
    "Carré",
    "Charpentier",
    "Benard",
    "Jacquet",
    "Moulin",
    "Besson",
    "Côté",
    "Chauvin",
    "Haddad",
    "Benali",
    "Nguyen",
    "Diallo",
    "Traoré",
    "Da",
    "Silva",
    "Ferreira",
    "Pereira",
    "Lopez",
    "Sanchez",
    "Kaya",
    "Yilmaz",
]
FIRST_NAMES = [
    "Camille",
    "Léa",
    "Manon",
    "Chloé",
    "Emma",
    "Inès",
    "Jade",
    "Louise",
    "Zoé",
    "Lina",
    "Sarah",
    "Clara",
    "Anaïs",
    "Julie",
    "Laura",
    "Marie",
    "Océane",
    "Élodie",
    "Amandine",
    "Mélanie",
    "Nadia",
    "Fatima",
    "Aïcha",
    "Sophie",
    "Céline",
    "Nathalie",
    "Isabelle",
    "Sandrine",
    "Hélène",
    "Maëlle",
    "Lucas",
    "Hugo",
    "Louis",
    "Nathan",
    "Enzo",
    "Léo",
    "Gabriel",
    "Théo",
    "Tom",
    "Jules",
    "Raphaël",
    "Arthur",
    "Mathis",
    "Noah",
    "Maxime",
    "Thomas",
    "Nicolas",
    "Julien",
    "Kévin",
    "Romain",
    "Antoine",
    "Alexandre",
    "Quentin",
    "Sébastien",
    "Frédéric",
    "Laurent",
    "Stéphane",
    "Karim",
    "Mehdi",
    "Yassine",
    "Moussa",
    "Mamadou",
    "Samuel",
    "Benoît",
    "Jérôme",
    "Cédric",
    "Grégory",
    "Florian",
    "Adrien",
    "Bastien",
    "Loïc",
    "Timothée",
    "Noé",
    "Rémi",
]
EMPLOYER_STEMS = (
    "Bourgogne",
    "Côte-d'Or",
    "Dijon",
    "Ouche",
    "Tille",
    "Morvan",
    "Saône",
    "Val de Suzon",
    "Plaine",
    "Auxois",
    "Châtillonnais",
    "Vouge",
)
EMPLOYER_SECTORS = (
    "Santé",
    "Industrie",
    "Logistique",
    "Agroalimentaire",
    "Services",
    "Bâtiment",
    "Distribution",
    "Transports",
    "Mécanique",
    "Informatique",
    "Propreté",
    "Restauration",
)
EMPLOYER_FORMS = ("SAS", "SARL", "SA", "Groupe", "Ateliers", "Clinique", "Entreprise")
LANDLORDS = (
    "Grand Dijon Habitat",
    "Orvitis",
    "CDC Habitat",
    "ICF Habitat",
    "Habellis",
    "Villéo",
)
STREETS = (
    "rue des Tilleuls",
    "avenue du Drapeau",
    "rue de la Liberté",
    "boulevard de Champagne",
    "rue d'Auxonne",
    "allée des Érables",
    "rue Jean Jaurès",
    "avenue Victor Hugo",
    "rue des Vignes",
    "impasse des Lilas",
    "rue du Lac",
    "place de la République",
)
PROGRAMMES = ("Résidence", "Les Jardins", "Le Clos", "Les Terrasses", "Le Parc", "Les Hauts")
PROGRAMME_NAMES = ("des Tilleuls", "du Lac", "de l'Ouche", "des Vignes", "Saint-Jean", "du Castel")

# Typologies of the regional stock (≈ a quarter of 1-2 rooms, 7.7 % of 5 rooms or more).
TYPOLOGY_WEIGHTS = {1: 8, 2: 17, 3: 37, 4: 30.3, 5: 6.2, 6: 1.5}
SURFACE_BY_TYPOLOGY = {1: 30.0, 2: 47.0, 3: 65.0, 4: 78.0, 5: 92.0, 6: 108.0}
# Financing of recent commissioning in the region: PLUS 52.4 %, PLAI 27.4 %, the rest PLS/PLI.
FINANCING_WEIGHTS = {
    Financement.PLUS: 52.4,
    Financement.PLAI: 27.4,
    Financement.PLS: 14.2,
    Financement.PLI: 6.0,
}
# Rents per m² (2020 regional averages scaled to the 2024 average of 5.8 €/m²).
RENT_PER_M2 = {
    Financement.PLAI: 5.9,
    Financement.PLUS: 5.8,
    Financement.PLS: 7.5,
    Financement.PLI: 7.5,
}
QPV_SHARE = 0.275  # Dijon Métropole, RPLS 2020
# PLUS 2026 ceilings (autres régions), to draw incomes around them.
PLUS_CEILINGS = {1: 23403, 2: 31254, 3: 37584, 4: 45374, 5: 53376, 6: 60156}
PLUS_PER_EXTRA = 6710

SITUATION_WEIGHTS = {
    SituationLogement.LOCATAIRE_PRIVE: 38,
    SituationLogement.LOCATAIRE_SOCIAL: 18,
    SituationLogement.HEBERGE_FAMILLE: 20,
    SituationLogement.HEBERGE_TIERS: 6,
    SituationLogement.STRUCTURE_HEBERGEMENT: 5,
    SituationLogement.LOGEMENT_TEMPORAIRE: 4,
    SituationLogement.SANS_LOGEMENT: 2,
    SituationLogement.PROPRIETAIRE: 3,
    SituationLogement.LOGEMENT_FONCTION: 2,
    SituationLogement.AUTRE: 2,
}
MOTIFS_BY_SITUATION = {
    SituationLogement.LOCATAIRE_PRIVE: (
        Motif.TROP_CHER,
        Motif.TROP_PETIT,
        Motif.RAPPROCHEMENT_TRAVAIL,
        Motif.LOGEMENT_REPRIS,
        Motif.LOGEMENT_NON_DECENT,
    ),
    SituationLogement.LOCATAIRE_SOCIAL: (
        Motif.TROP_PETIT,
        Motif.TROP_GRAND,
        Motif.RAPPROCHEMENT_TRAVAIL,
        Motif.VOISINAGE,
        Motif.HANDICAP,
    ),
    SituationLogement.HEBERGE_FAMILLE: (Motif.HEBERGE, Motif.DECOHABITATION, Motif.FUTUR_COUPLE),
    SituationLogement.HEBERGE_TIERS: (Motif.HEBERGE, Motif.SEPARATION),
    SituationLogement.STRUCTURE_HEBERGEMENT: (Motif.HEBERGE, Motif.SANS_LOGEMENT),
    SituationLogement.LOGEMENT_TEMPORAIRE: (Motif.HEBERGE, Motif.SANS_LOGEMENT),
    SituationLogement.SANS_LOGEMENT: (Motif.SANS_LOGEMENT,),
    SituationLogement.PROPRIETAIRE: (Motif.ACCEDANT_DIFFICULTE, Motif.SEPARATION),
    SituationLogement.LOGEMENT_FONCTION: (
        Motif.MUTATION_PROFESSIONNELLE,
        Motif.RAPPROCHEMENT_TRAVAIL,
    ),
    SituationLogement.AUTRE: (Motif.AUTRE, Motif.RAPPROCHEMENT_FAMILLE),
}
CONTRACT_WEIGHTS = {
    TypeContrat.CDI: 62,
    TypeContrat.CDD: 14,
    TypeContrat.INTERIM: 7,
    TypeContrat.APPRENTISSAGE: 8,
    TypeContrat.PROFESSIONNALISATION: 4,
    TypeContrat.STAGE: 2,
    TypeContrat.AUTRE: 3,
}
TRANSPORT_WEIGHTS = {
    ModeTransport.VOITURE: 55,
    ModeTransport.TRANSPORT_COMMUN: 28,
    ModeTransport.VELO: 10,
    ModeTransport.MARCHE: 7,
}


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What the generator wrote."""

    requests: int
    units: int
    employers: int
    reference_date: date
    history_units: int = 0  # units vacated over the past year, their commissions played
    proposals: int = 0
    leases: int = 0


def email_part(name: str) -> str:
    """Return a name as the local part of an e-mail address: « Élodie » gives ``elodie``.

    Accents are folded (not dropped: ``encode("ascii", "ignore")`` made « Élodie » ``lodie``);
    spaces, hyphens and apostrophes become one hyphen.
    """
    return fold(name).replace(" ", "-")


def _pick(rng: random.Random, weights: Mapping[K, float]) -> K:
    """Draw one key with probability proportional to its weight."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def luhn_siret(rng: random.Random) -> str:
    """Return a random 14-digit SIRET with a valid Luhn key."""
    digits = [rng.randint(0, 9) for _ in range(13)]
    for last in range(10):
        candidate = [*digits, last]
        total = 0
        for i, d in enumerate(reversed(candidate)):
            if i % 2 == 1:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        if total % 10 == 0:
            return "".join(map(str, candidate))
    raise AssertionError("unreachable")


class _Generator:
    def __init__(self, seed: int, on: date, gazetteer: Gazetteer) -> None:
        self.rng = random.Random(seed)
        self.on = on
        self.gaz = gazetteer
        self.metro = [c for c in gazetteer.dijon_metropole() if c.point is not None]
        self.cote_dor = [
            c
            for c in gazetteer.communes("21")
            if c.point is not None and not gazetteer.in_dijon_metropole(c.code_insee)
        ]
        self.qpv_by_commune = {c.code_insee: gazetteer.qpv_names(c.code_insee) for c in self.metro}
        self.employers = self._employers(120)

    def commune(self, pool: Sequence[Commune]) -> Commune:
        return self.rng.choices(pool, weights=[max(c.population, 50) for c in pool])[0]

    def _employers(self, count: int) -> list[tuple[Employer, Commune, tuple[float, float] | None]]:
        rng = self.rng
        out: list[tuple[Employer, Commune, tuple[float, float] | None]] = []
        names: set[str] = set()
        while len(out) < count:
            name = f"{rng.choice(EMPLOYER_FORMS)} {rng.choice(EMPLOYER_SECTORS)} {rng.choice(EMPLOYER_STEMS)}"
            if name in names:
                continue
            names.add(name)
            site = self.commune(self.metro) if rng.random() < 0.72 else self.commune(self.cote_dor)
            point = None
            if rng.random() < 0.4 and site.point is not None:
                lat, lon = site.point
                point = (
                    round(lat + rng.uniform(-0.01, 0.01), 5),
                    round(lon + rng.uniform(-0.015, 0.015), 5),
                )
            siret = luhn_siret(rng) if rng.random() < 0.8 else None
            out.append((Employer(name, siret), site, point))
        return out

    def birth_date(self, young: bool) -> date:
        age_days = (
            self.rng.randint(20 * 365 + 200, 29 * 365 + 300)
            if young
            else self.rng.randint(30 * 365, 63 * 365)
        )
        return self.on - timedelta(days=age_days)

    def request(self, number: int) -> Request:
        rng = self.rng
        young = rng.random() < 0.36
        birth = self.birth_date(young)
        persons = _pick(rng, {1: 40, 2: 25, 3: 15, 4: 12, 5: 5, 6: 2, 7: 1})
        dependants = 0
        partner = None
        if persons >= 2:
            single_parent = rng.random() < 0.3
            if single_parent:
                dependants = persons - 1
            else:
                dependants = persons - 2
                partner = birth + timedelta(days=rng.randint(-1500, 1500))
                partner = min(partner, self.on - timedelta(days=18 * 365 + 10))
        disability = rng.random() < 0.04
        raw_category = min(
            persons + (1 if disability or (dependants and partner is None) else 0), 9
        )
        ceiling = PLUS_CEILINGS[min(raw_category, 6)] + PLUS_PER_EXTRA * max(raw_category - 6, 0)
        rfr = round(ceiling * min(max(rng.lognormvariate(-0.25, 0.35), 0.15), 2.2), 0)
        monthly = round(rfr / 12 * rng.uniform(0.95, 1.35), 0) if rng.random() < 0.85 else None
        situation = _pick(rng, SITUATION_WEIGHTS)
        motif_pool = MOTIFS_BY_SITUATION[situation]
        motifs = tuple(
            dict.fromkeys(rng.sample(motif_pool, k=rng.randint(1, min(2, len(motif_pool)))))
        )
        home = self.commune(self.metro) if rng.random() < 0.75 else self.commune(self.cote_dor)
        employer, site, point = rng.choice(self.employers)
        mobility = Mobilite.AUCUNE
        mobility_date = None
        if rng.random() < 0.22:
            mobility = _pick(
                rng,
                {
                    Mobilite.EMBAUCHE: 45,
                    Mobilite.MUTATION: 30,
                    Mobilite.PROMESSE_EMBAUCHE: 15,
                    Mobilite.DEMENAGEMENT_ENTREPRISE: 10,
                },
            )
            mobility_date = self.on + timedelta(days=rng.randint(-240, 120))
        contract = _pick(rng, CONTRACT_WEIGHTS)
        if young and rng.random() < 0.25:
            contract = TypeContrat.APPRENTISSAGE
        filing = self.on - timedelta(days=rng.randint(5, 900))
        renewal = None
        if (self.on - filing).days > 330 and rng.random() < 0.85:
            anniversaries = (self.on - filing).days // 365
            renewal = filing + timedelta(days=365 * max(anniversaries, 1) - rng.randint(0, 40))
            renewal = min(renewal, self.on)
        wished: tuple[str, ...] = ()
        if rng.random() < 0.6:
            count = rng.randint(1, 4)
            wished = tuple(dict.fromkeys(self.commune(self.metro).code_insee for _ in range(count)))
        need = max(1, min(persons, 5))
        typology_min = max(1, need - 1) if rng.random() < 0.7 else None
        typology_max = min(6, need + 1) if rng.random() < 0.7 else None
        if typology_min and typology_max and typology_min > typology_max:
            typology_min = typology_max
        max_rent = (
            round(rng.uniform(0.25, 0.38) * monthly, -1) if monthly and rng.random() < 0.6 else None
        )
        dalo = rng.random() < 0.02
        l441: tuple[PrioriteL441, ...] = ()
        if rng.random() < 0.08 or dalo:
            l441 = (rng.choice(list(PrioriteL441)),)
        rent_now = None
        if situation in (SituationLogement.LOCATAIRE_PRIVE, SituationLogement.LOCATAIRE_SOCIAL):
            rent_now = round(rng.uniform(350, 950), 0)
        last = rng.choice(SURNAMES)
        first = rng.choice(FIRST_NAMES)
        status = RequestStatus.CLOSE if rng.random() < 0.04 else RequestStatus.ACTIVE
        return Request(
            ref=f"DEM-{self.on.year}-{number:06d}",
            unique_number=f"021{filing:%m%y}{number:07d}AL" if rng.random() < 0.8 else None,
            filing_date=filing,
            renewal_date=renewal,
            applicant=Applicant(
                last_name=last,
                first_name=first,
                birth_date=birth,
                email=f"{email_part(first)}.{email_part(last)}{number}@example.org"
                if rng.random() < 0.7
                else None,
                phone=f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
                if rng.random() < 0.7
                else None,
                address=f"{rng.randint(1, 120)} {rng.choice(STREETS)}",
            ),
            household=Household(
                persons=persons,
                dependants=dependants,
                partner_birth_date=partner,
                disability=disability,
                fiscal_income=rfr,
                monthly_income=monthly,
            ),
            employer=employer,
            workplace=Workplace(
                commune=site.code_insee,
                latitude=point[0] if point else None,
                longitude=point[1] if point else None,
                transport=_pick(rng, TRANSPORT_WEIGHTS) if rng.random() < 0.9 else None,
            ),
            contract=contract,
            housing=CurrentHousing(home.code_insee, situation, rent_now),
            wishes=Wishes(
                communes=wished,
                typology_min=typology_min,
                typology_max=typology_max,
                max_rent=max_rent,
                needs_pmr=disability and rng.random() < 0.5,
                needs_lift=rng.random() < 0.05,
            ),
            mobility=mobility,
            mobility_date=mobility_date,
            motifs=motifs,
            dalo=dalo,
            l441=l441,
            status=status,
            closed_on=self.on - timedelta(days=rng.randint(1, 60))
            if status == RequestStatus.CLOSE
            else None,
            close_reason="Relogé par ailleurs" if status == RequestStatus.CLOSE else None,
            tie_breaker=rng.randrange(2**31),
        )

    def unit(self, number: int) -> Unit:
        rng = self.rng
        qpv = None
        if rng.random() < QPV_SHARE:
            code = rng.choice([c for c, names in self.qpv_by_commune.items() if names])
            commune = self.gaz.get(code)
            assert commune is not None
            qpv = rng.choice(self.qpv_by_commune[code])
        else:
            commune = self.commune(self.metro)
        typology = _pick(rng, TYPOLOGY_WEIGHTS)
        surface = round(SURFACE_BY_TYPOLOGY[typology] * rng.uniform(0.88, 1.12), 1)
        financing = _pick(rng, FINANCING_WEIGHTS)
        rent = round(surface * RENT_PER_M2[financing] * rng.uniform(0.9, 1.1), 2)
        floor = rng.choice([0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 8])
        lat, lon = commune.point or (None, None)
        available = self.on + timedelta(days=rng.randint(5, 75))
        deadline = self.on + timedelta(days=rng.randint(1, 40))
        reserved = rng.choice(self.employers)[0].name if rng.random() < 0.12 else None
        return Unit(
            ref=f"LOG-{self.on.year}-{number:05d}",
            landlord=rng.choice(LANDLORDS),
            programme=f"{rng.choice(PROGRAMMES)} {rng.choice(PROGRAMME_NAMES)}",
            address=f"{rng.randint(1, 80)} {rng.choice(STREETS)}",
            commune=commune.code_insee,
            latitude=round(lat + rng.uniform(-0.006, 0.006), 5) if lat is not None else None,
            longitude=round(lon + rng.uniform(-0.008, 0.008), 5) if lon is not None else None,
            qpv=qpv,
            typology=typology,
            surface=surface,
            floor=floor,
            lift=floor >= 3 or rng.random() < 0.3,
            accessible_pmr=floor == 0 and rng.random() < 0.5,
            financing=financing,
            rent=rent,
            charges=round(surface * rng.uniform(1.1, 1.9), 2),
            available_on=available,
            proposal_deadline=min(deadline, available),
            reserved_employer=reserved,
        )


def generator(seed: int, on: date, gazetteer: Gazetteer | None = None) -> _Generator:
    """Return a seeded generator whose ``request(n)`` and ``unit(n)`` make one record each."""
    return _Generator(seed, on, gazetteer or default_gazetteer())


def generate(
    requests: int,
    units: int,
    seed: int = 2026,
    on: date | None = None,
    gazetteer: Gazetteer | None = None,
) -> tuple[list[Request], list[Unit]]:
    """Return demonstration requests and units (the same for the same seed and date)."""
    gen = _Generator(seed, on or date.today(), gazetteer or default_gazetteer())
    return [gen.request(i + 1) for i in range(requests)], [gen.unit(i + 1) for i in range(units)]
