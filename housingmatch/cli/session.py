"""Who runs a command: ``HOUSINGMATCH_USER``/``HOUSINGMATCH_PASSWORD``, or ``--user`` and a prompt.

A database without accounts keeps working as before with the local session (the operating
system user); a database with accounts refuses a command until someone signs in.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

from housingmatch.domain.session import Session
from housingmatch.errors import UserError

if TYPE_CHECKING:
    from housingmatch.services.database import Store

USER_VARIABLE = "HOUSINGMATCH_USER"
PASSWORD_VARIABLE = "HOUSINGMATCH_PASSWORD"
#: The password of the account being created or reset by ``users add`` / ``users password``
#: (scripts); without it the password is prompted twice.
NEW_PASSWORD_VARIABLE = "HOUSINGMATCH_NEW_PASSWORD"

DB_PASSPHRASE_VARIABLE = "HOUSINGMATCH_DB_PASSPHRASE"

NEEDS_LOGIN = (
    "Cette base est protégée par des comptes : indiquez qui travaille avec --user NOM "
    f"ou la variable {USER_VARIABLE} (mot de passe dans {PASSWORD_VARIABLE} ou saisi)."
)


def prompt_password(prompt: str) -> str:
    """Read a password without echo (refused when there is no terminal to ask on)."""
    if not sys.stdin.isatty():
        raise UserError(
            f"Mot de passe requis : définissez {PASSWORD_VARIABLE} (aucun terminal pour le saisir)."
        )
    return getpass.getpass(prompt)


def db_passphrase(new: bool) -> str:
    """Return the passphrase of an encrypted base: from the environment, or prompted.

    A ``new`` base's passphrase is asked twice (at least 12 characters: it is all that
    protects a lost laptop).
    """
    from_env = os.environ.get(DB_PASSPHRASE_VARIABLE)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise UserError(
            f"Phrase secrète de la base requise : définissez {DB_PASSPHRASE_VARIABLE} "
            "(aucun terminal pour la saisir)."
        )
    first = getpass.getpass("Phrase secrète de la base : ")
    if new:
        if len(first) < 12:
            raise UserError("La phrase secrète doit compter au moins 12 caractères.")
        if getpass.getpass("Confirmez la phrase secrète : ") != first:
            raise UserError("Les deux phrases secrètes diffèrent : rien n'a été créé.")
    return first


def new_password(name: str) -> str:
    """Return the new password of ``name``: from the environment, or prompted twice."""
    from_env = os.environ.get(NEW_PASSWORD_VARIABLE)
    if from_env:
        return from_env
    first = prompt_password(f"Nouveau mot de passe de « {name} » : ")
    if prompt_password("Confirmez le mot de passe : ") != first:
        raise UserError("Les deux mots de passe saisis diffèrent : rien n'a été modifié.")
    return first


def _user(args: argparse.Namespace) -> str | None:
    return getattr(args, "user", None) or os.environ.get(USER_VARIABLE) or None


def _password(name: str) -> str:
    return os.environ.get(PASSWORD_VARIABLE) or prompt_password(f"Mot de passe de « {name} » : ")


def command_session(store: Store, args: argparse.Namespace, created: bool) -> Session:
    """Return the session a command runs with, signing in or creating the first administrator.

    ``init`` on a database without accounts, and ``demo``, ``import`` and ``rules`` on a
    database they have just created, make the named user (``--user`` or ``HOUSINGMATCH_USER``)
    its administrator, with the password from ``HOUSINGMATCH_PASSWORD`` or prompted twice.
    """
    from housingmatch.services import accounts, local_session

    user = _user(args)
    if not accounts.has_accounts(store):
        first = args.command == "init" or (created and getattr(args, "creates_db", False))
        if user and first:
            password = os.environ.get(PASSWORD_VARIABLE) or new_password(user)
            session = accounts.create_first_administrator(store, user, password)
            print(f"Compte administrateur « {session.user} » créé.", file=sys.stderr)
            return session
        return local_session()
    if not user:
        raise UserError(NEEDS_LOGIN)
    return accounts.authenticate(store, user, _password(user))
