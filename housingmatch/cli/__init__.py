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
from housingmatch.errors import UserError

# Modules that add subcommands with a ``register(subparsers)`` function.
_COMMAND_MODULES = (
    "housingmatch.cli.data",
    "housingmatch.cli.matching",
    "housingmatch.cli.proposals",
    "housingmatch.cli.gui_commands",
)


def default_db_path() -> Path:
    """Return the default database: ``housingmatch.sqlite`` in the user's data folder."""
    from platformdirs import user_data_path

    return user_data_path("HousingMatch", appauthor=False) / "housingmatch.sqlite"


def demo_db_path() -> Path:
    """Return the demonstration database in the user's data folder."""
    return default_db_path().with_name("demo.sqlite")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one French sentence."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Print a short usage line and the error, and exit with code 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur : {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the full argument parser."""
    parser = _Parser(
        prog="housingmatch",
        description="HousingMatch : demandes, logements réservés et classement expliqué des candidats.",
    )
    parser.add_argument("--version", action="version", version=f"HousingMatch {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        metavar="CHEMIN",
        help="base SQLite à utiliser (par défaut : la base de l'utilisateur, créée au besoin)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="ouvrir l'application sur une base de démonstration (Dijon Métropole)",
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
    """Open the database and run the chosen subcommand."""
    from housingmatch.store import Store

    # A mistyped --db must not silently become a new, empty database: only the commands that
    # fill a database (and the user's own default database) create it.
    create = getattr(args, "creates_db", False) or args.db is None
    path = args.db or (demo_db_path() if args.demo else default_db_path())
    args.db = path
    needs_store = getattr(args, "needs_store", True)
    if not needs_store:
        return int(args.handler(args, None))
    with Store.open(path, create=create) as store:
        return int(args.handler(args, store))


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
        print(f"Erreur : {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrompu.", file=sys.stderr)
        return 130
    except OSError as exc:
        print(
            f"Erreur d'accès au fichier : {exc.strerror or exc} ({exc.filename}).", file=sys.stderr
        )
        return 1
    except sqlite3.Error as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            reason = "elle est verrouillée par un autre programme ; réessayez dans un instant"
        else:
            reason = str(exc)
        print(f"Erreur de la base de données : {reason}.", file=sys.stderr)
        return 1
    except Exception as exc:
        if os.environ.get("HOUSINGMATCH_DEBUG"):
            raise
        print(
            f"Erreur inattendue ({type(exc).__name__}) : {exc}. "
            "Relancez avec HOUSINGMATCH_DEBUG=1 pour le détail technique.",
            file=sys.stderr,
        )
        return 70
