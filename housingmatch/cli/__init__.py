"""The command line: ``housingmatch [--db PATH] <command>``, for scripting and checks.

Every command opens the database given by ``--db`` (the user's default database otherwise),
prints its result and returns an exit code. Errors a user can act on are one French
sentence on standard error and exit code 1 (2 for bad arguments), never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from housingmatch import __version__
from housingmatch.cli.argparse_fr import FrenchParser
from housingmatch.errors import UserError

# Modules that add subcommands with a ``register(subparsers)`` function.
_COMMAND_MODULES = (
    "housingmatch.cli.data",
    "housingmatch.cli.matching",
    "housingmatch.cli.users",
    "housingmatch.cli.audit",
    "housingmatch.cli.personal",
    "housingmatch.cli.reference",
    "housingmatch.cli.backups",
    "housingmatch.cli.proposals",
    "housingmatch.cli.review",
    "housingmatch.cli.gui_commands",
    "housingmatch.cli.forum",
    "housingmatch.cli.reports",
    "housingmatch.cli.indicators",
    "housingmatch.cli.package",
)


def default_db_path() -> Path:
    """Return the default database: ``housingmatch.sqlite`` in the user's data folder."""
    from platformdirs import user_data_path

    return user_data_path("HousingMatch", appauthor=False) / "housingmatch.sqlite"


def demo_db_path() -> Path:
    """Return the demonstration database in the user's data folder."""
    return default_db_path().with_name("demo.sqlite")


# French help, usage line and errors (argparse's own messages included).
_Parser = FrenchParser


def build_parser() -> argparse.ArgumentParser:
    """Return the full argument parser."""
    parser = _Parser(
        prog="housingmatch",
        description="HousingMatch : demandes, logements réservés et classement expliqué des candidats.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"HousingMatch {__version__}",
        help="afficher la version et quitter",
    )
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        metavar="CHEMIN",
        help="base SQLite à utiliser (par défaut : la base de l'utilisateur, créée au besoin)",
    )
    parser.add_argument(
        "--user",
        default=None,
        metavar="NOM",
        help="compte de la personne qui travaille (sinon HOUSINGMATCH_USER) ; mot de passe "
        "dans HOUSINGMATCH_PASSWORD ou saisi",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="ouvrir l'application sur une base de démonstration (Dijon Métropole)",
    )
    parser.add_argument(
        "--forum",
        dest="forum_mode",
        action="store_true",
        help="portable de forum : la fenêtre s'ouvre sur l'espace Forum (saisie rapide, aides, "
        "offres) et la base donne des références provisoires (F-…) jusqu'à la fusion au bureau "
        "(enregistré dans la base)",
    )
    parser.add_argument(
        "--lang",
        choices=("fr", "en"),
        default=None,
        metavar="LANGUE",
        help="langue de la fenêtre : fr ou en (par défaut celle du système, sinon fr)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=_Parser)
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Open the database, find who is working, and run the chosen subcommand."""
    from housingmatch.cli.session import command_session
    from housingmatch.services.database import open_store

    # A mistyped --db must not silently become a new, empty database: only the commands that
    # fill a database (and the user's own default database) create it.
    create = getattr(args, "creates_db", False) or args.db is None
    path = args.db or (demo_db_path() if args.demo else default_db_path())
    args.db = path
    needs_store = getattr(args, "needs_store", True)
    if not needs_store:
        return int(args.handler(args, None, None))
    existed = path.exists()
    passphrase = _passphrase(args, path)
    encrypt = bool(getattr(args, "encrypt", False))
    with open_store(
        path, create=create, check=True, passphrase=passphrase, encrypt=encrypt
    ) as store:
        session = command_session(store, args, created=not existed)
        args.created = not existed
        if getattr(args, "forum_mode", False) or getattr(args, "forum", False):
            from housingmatch.services.identity import mark_forum_device

            mark_forum_device(store, session)
        return int(args.handler(args, store, session))


def _passphrase(args: argparse.Namespace, path: Path) -> str | None:
    """Return the passphrase of an encrypted base (or of the one ``init --encrypt`` creates)."""
    from housingmatch.cli.session import db_passphrase
    from housingmatch.services.database import (
        CipherMissingError,
        encryption_available,
        is_encrypted,
    )

    if getattr(args, "encrypt", False):
        if not encryption_available():
            raise CipherMissingError()
        return db_passphrase(new=not is_encrypted(path))
    if is_encrypted(path) and encryption_available():
        return db_passphrase(new=False)
    return None  # a plain base (or SQLCipher missing: the store says how to install it)


def _sqlite_sentence(exc: BaseException) -> str:
    """Return one French sentence for a SQLite error that escaped the store."""
    from housingmatch.services.database import DatabaseBusyError, is_locked_error

    text = str(exc)
    if is_locked_error(exc):
        return str(DatabaseBusyError())
    if "no such table" in text or "no such column" in text:
        return (
            "la base est incomplète (une table attendue manque) : elle a peut-être été "
            "modifiée par un autre programme ; restaurez une sauvegarde (housingmatch backup list)."
        )
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return "la base est endommagée ; restaurez une sauvegarde (housingmatch backup list)."
    if "readonly" in text or "read-only" in text:
        return "la base est en lecture seule : vérifiez les droits du fichier et de son dossier."
    if "disk" in text or "full" in text:
        return "le disque est plein ou inaccessible : rien n'a été écrit."
    return "la base de données a signalé une erreur inattendue ; rien n'a été écrit."


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return run_command(args)
    except UserError as exc:
        from housingmatch.services.database import DatabaseDamagedError

        if isinstance(exc, DatabaseDamagedError):
            from housingmatch.services.backups import damaged_message

            print(f"Erreur : {damaged_message(exc.path)}", file=sys.stderr)
            return 1
        print(f"Erreur : {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrompu.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (``| head``) left: not an error of the user's, nothing more to say.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - the interpreter flushes it at exit
        return 0
    except OSError as exc:
        print(
            f"Erreur d'accès au fichier : {exc.strerror or exc} ({exc.filename}).", file=sys.stderr
        )
        return 1
    except sqlite3.Error as exc:
        print(f"Erreur : {_sqlite_sentence(exc)}", file=sys.stderr)
        return 1
    except Exception as exc:
        from housingmatch.services.database import is_database_error

        if is_database_error(exc):  # SQLCipher's errors are not sqlite3's
            print(f"Erreur : {_sqlite_sentence(exc)}", file=sys.stderr)
            return 1
        if os.environ.get("HOUSINGMATCH_DEBUG"):
            raise
        print(
            f"Erreur inattendue ({type(exc).__name__}) : {exc}. "
            "Relancez avec HOUSINGMATCH_DEBUG=1 pour le détail technique.",
            file=sys.stderr,
        )
        return 70
