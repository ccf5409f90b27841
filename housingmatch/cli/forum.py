"""Forum commands: ``aides`` (the aids checker) and ``offres`` (open units to show)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from housingmatch.domain.model import Financement, Mobilite, TypeContrat
from housingmatch.domain.session import Session

# The services are imported by the handlers: building the parser must stay instant.
ZONES_LOYER = ("ile_de_france", "agglomeration_plus_100000", "autres")

_YES_NO = {"oui": True, "non": False}


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date invalide « {text} » (attendu AAAA-MM-JJ)") from None


def _amount(text: str) -> float:
    try:
        value = float(text.replace(",", ".").replace(" ", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"montant invalide « {text} »") from None
    if not 0 <= value < 1e7:
        raise argparse.ArgumentTypeError(f"montant hors limites « {text} »")
    return value


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _aids(args: argparse.Namespace, store: object, session: Session | None) -> int:
    from housingmatch.services import forum
    from housingmatch.services.forum import AidCase, Secteur, ZoneLoyer

    case = AidCase(
        on=args.date or date.today(),
        birth_date=args.naissance,
        secteur=Secteur(args.secteur.upper()) if args.secteur else None,
        company_size=args.effectif,
        contract=TypeContrat(args.contrat) if args.contrat else None,
        mobility=Mobilite(args.mobilite) if args.mobilite else None,
        mobility_date=args.date_mobilite,
        net_monthly_salary=args.salaire_net,
        gross_monthly_salary=args.salaire_brut,
        monthly_resources=args.ressources,
        rent=args.loyer,
        move_km=args.distance_km,
        trip_minutes=args.trajet_min,
        double_rent=_YES_NO.get(args.double_loyer) if args.double_loyer else None,
        student=_YES_NO.get(args.etudiant) if args.etudiant else None,
        scholarship=_YES_NO.get(args.boursier) if args.boursier else None,
        job_seeking=_YES_NO.get(args.recherche_emploi) if args.recherche_emploi else None,
        move_in_date=args.entree,
        zone_loyer=ZoneLoyer(args.zone_loyer),
    )
    answers = forum.check_aids(case)
    if args.json:
        _print_json({"date": case.on.isoformat(), "aides": [a.to_json() for a in answers]})
        return 0
    for answer in answers:
        print(f"{answer.label} : {answer.verdict.label}")
        for reason in answer.reasons:
            print(f"  - {reason}")
        if answer.to_ask:
            print(f"  À demander : {', '.join(answer.to_ask)}.")
        if answer.verdict.value != "NON_ELIGIBLE":
            print(f"  Montant : {answer.amount}.")
            if answer.note:
                print(f"  Note : {answer.note}")
        print(f"  Règle en vigueur depuis le {answer.period_from:%d/%m/%Y}.")
    return 0


def _offers(args: argparse.Namespace, store: Any, session: Session) -> int:
    from housingmatch.services import forum

    offers = forum.current_offers(
        store,
        session,
        communes=forum.resolve_communes(args.commune or []),
        typology_min=args.typologie_min,
        typology_max=args.typologie_max,
        max_rent=args.loyer_max,
        financings=tuple(Financement(f) for f in args.financement or []),
    )
    if args.json:
        _print_json([o.to_json() for o in offers])
        return 0
    if not offers:
        print("Aucun logement ouvert ne correspond à ces souhaits.")
        return 0
    for o in offers:
        qpv = ", QPV" if o.qpv else ""
        when = f", disponible le {o.available_on:%d/%m/%Y}" if o.available_on else ""
        rent = f"{o.monthly_rent:,.0f}".replace(",", " ")
        print(
            f"{o.commune} – {o.typology} de {o.surface:.0f} m², {rent} € par mois charges "
            f"comprises, {o.financing}{qpv} ({o.landlord}{when})"
        )
    print(
        f"{len(offers)} logement{'s' if len(offers) > 1 else ''} ouvert{'s' if len(offers) > 1 else ''}."
    )
    return 0


def register(subparsers: Any) -> None:
    """Add the ``aides`` and ``offres`` subcommands."""
    aids = subparsers.add_parser(
        "aides",
        help="vérifier les aides Action Logement (Visale, Mobili-Jeune, Loca-Pass, Mobili-Pass)",
        description="Répond éligible, non éligible ou à vérifier pour chaque aide ; un fait "
        "non renseigné ne décide jamais, il est demandé. Rien n'est enregistré.",
    )
    aids.add_argument("--date", type=_day, default=None, help="date de la vérification")
    aids.add_argument("--naissance", type=_day, metavar="AAAA-MM-JJ", help="date de naissance")
    aids.add_argument(
        "--secteur", choices=["prive", "agricole", "public"], help="secteur de l'employeur"
    )
    aids.add_argument("--effectif", type=int, metavar="N", help="effectif de l'entreprise")
    aids.add_argument(
        "--contrat", choices=[c.value for c in TypeContrat], help="contrat de travail"
    )
    aids.add_argument(
        "--mobilite", choices=[m.value for m in Mobilite], help="événement de mobilité"
    )
    aids.add_argument(
        "--date-mobilite", type=_day, metavar="AAAA-MM-JJ", help="date de l'événement"
    )
    aids.add_argument("--salaire-net", type=_amount, metavar="EUR", help="salaire net mensuel")
    aids.add_argument("--salaire-brut", type=_amount, metavar="EUR", help="salaire brut mensuel")
    aids.add_argument("--ressources", type=_amount, metavar="EUR", help="ressources mensuelles")
    aids.add_argument("--loyer", type=_amount, metavar="EUR", help="loyer visé, charges comprises")
    aids.add_argument("--distance-km", type=_amount, metavar="KM", help="distance du déménagement")
    aids.add_argument(
        "--trajet-min",
        type=_amount,
        metavar="MIN",
        help="temps de trajet vers le nouveau lieu de travail",
    )
    for name, what in (
        ("--double-loyer", "double loyer pendant la mobilité"),
        ("--etudiant", "étudiant"),
        ("--boursier", "étudiant boursier"),
        ("--recherche-emploi", "en recherche d'emploi"),
    ):
        aids.add_argument(name, choices=["oui", "non"], help=what)
    aids.add_argument(
        "--entree", type=_day, metavar="AAAA-MM-JJ", help="date d'entrée dans le logement"
    )
    aids.add_argument(
        "--zone-loyer",
        choices=ZONES_LOYER,
        default="agglomeration_plus_100000",
        help="zone des plafonds de loyer Visale (par défaut : agglomération de plus de 100 000 habitants, Dijon)",
    )
    aids.add_argument("--json", action="store_true", help="sortie JSON")
    aids.set_defaults(handler=_aids, needs_store=False)

    offers = subparsers.add_parser(
        "offres", help="logements ouverts à montrer à un salarié (sans donnée personnelle)"
    )
    offers.add_argument(
        "--commune", action="append", metavar="COMMUNE", help="commune souhaitée (répétable)"
    )
    offers.add_argument("--typologie-min", type=int, metavar="N", help="nombre de pièces minimum")
    offers.add_argument("--typologie-max", type=int, metavar="N", help="nombre de pièces maximum")
    offers.add_argument(
        "--loyer-max", type=_amount, metavar="EUR", help="loyer maximum charges comprises"
    )
    offers.add_argument("--financement", action="append", choices=[f.value for f in Financement])
    offers.add_argument("--json", action="store_true", help="sortie JSON")
    offers.set_defaults(handler=_offers)
