"""Reference-data commands: the first-quartile thresholds entered by users."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from housingmatch.domain.session import Session
from housingmatch.errors import UserError

if TYPE_CHECKING:
    from housingmatch.services.database import Store


def _amount(text: str) -> float:
    """Read an amount in euros ("10 500", "10500,50")."""
    try:
        return float(text.replace("\u202f", "").replace(" ", "").replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"montant illisible : « {text} »") from None


def _quartile(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import reference as reference_service

    if args.action == "set":
        if args.epci is None or args.year is None or args.amount is None:
            raise UserError("Indiquez --epci SIREN, --year AAAA et --amount EUR.")
        # Until accounts exist (issue 9), the command line acts as the local user.
        entry = reference_service.set_quartile_threshold(
            store, session, args.epci, args.year, args.amount
        )
        name = entry.epci_name or reference_service.epci_label(entry.epci)
        print(
            f"Seuil du premier quartile {entry.year} de {name} ({entry.epci}) : "
            f"{entry.amount:,.0f} € par unité de consommation et par an.".replace(",", " ")
        )
        return 0
    entries = reference_service.quartile_thresholds(store, session)
    if not entries:
        print("Aucun seuil du premier quartile saisi : les statuts sont « inconnu ».")
        return 0
    for e in entries:
        name = e.epci_name or reference_service.epci_label(e.epci)
        amount = f"{e.amount:,.0f}".replace(",", " ")
        print(f"{e.epci}  {e.year}  {amount:>9} €/UC  {name}  (saisi par {e.updated_by})")
    return 0


def register(sub: Any) -> None:
    """Add the ``reference`` command."""
    p = sub.add_parser("reference", help="données de référence saisies (seuils du 1er quartile)")
    kinds = p.add_subparsers(dest="dataset", required=True, metavar="quartile")
    q = kinds.add_parser("quartile", help="seuils du premier quartile par EPCI et par année")
    q.add_argument("action", choices=("list", "set"), help="lister ou saisir un seuil")
    q.add_argument("--epci", default=None, help="SIREN de l'EPCI (9 chiffres)")
    q.add_argument("--year", type=int, default=None, help="année du seuil (AAAA)")
    q.add_argument("--amount", type=_amount, default=None, help="EUR par UC et par an")
    q.set_defaults(handler=_quartile)
