"""Account commands: ``users add|list|disable|enable|password`` (administrators)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from housingmatch.cli.session import new_password
from housingmatch.domain.session import Role, Session
from housingmatch.errors import UserError

if TYPE_CHECKING:
    from housingmatch.services.database import Store


def _users(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import accounts

    if args.action == "list":
        rows = accounts.list_accounts(store, session)
        if not rows:
            print("Aucun compte : la base est ouverte à l'utilisateur du poste.")
            return 0
        width = max(len(a.name) for a in rows)
        for a in rows:
            line = f"{a.name:{width}}  {a.role.value:14}  {a.state:10}  {a.display_name}"
            print(line.rstrip())
        return 0
    if args.name is None:
        raise UserError("Indiquez le nom du compte.")
    if args.action == "add":
        if args.role is None:
            raise UserError(
                "Indiquez le rôle du compte avec --role (conseiller, superviseur, administrateur)."
            )
        role = accounts.parse_role(args.role)
        password = new_password(args.name)
        added = accounts.add_account(store, session, args.name, role, password, args.nom or "")
        print(f"Compte « {added.name} » créé ({added.role.label.lower()}).")
    elif args.action == "disable":
        done = accounts.disable_account(store, session, args.name)
        print(f"Compte « {done.name} » désactivé.")
    elif args.action == "enable":
        done = accounts.enable_account(store, session, args.name)
        print(f"Compte « {done.name} » réactivé.")
    else:
        done = accounts.reset_password(store, session, args.name, new_password(args.name))
        print(f"Mot de passe de « {done.name} » modifié ; le compte est déverrouillé.")
    return 0


def register(sub: Any) -> None:
    """Add the ``users`` command."""
    p = sub.add_parser(
        "users", help="comptes : ajouter, lister, désactiver, changer un mot de passe"
    )
    p.add_argument("action", choices=("add", "list", "disable", "enable", "password"))
    p.add_argument("name", nargs="?", default=None, metavar="NOM", help="nom du compte")
    p.add_argument("--role", default=None, help="rôle : " + ", ".join(r.value for r in Role))
    p.add_argument(
        "--nom", default=None, metavar="NOM_AFFICHÉ", help="nom affiché (« Léa Martin »)"
    )
    p.set_defaults(handler=_users)
