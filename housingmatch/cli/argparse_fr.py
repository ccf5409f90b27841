"""An argument parser that speaks French: its help, usage line and errors.

argparse looks its messages up through the module-level ``gettext`` functions ``argparse._``
and ``argparse.ngettext`` at the moment it writes them; the parser swaps in a French
catalogue while it builds itself, formats help or parses, and puts the originals back after
(nothing else in the process, pytest's own parser included, sees the change).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

# argparse's messages (Python 3.11 to 3.13) and their French wording.
MESSAGES: dict[str, str] = {
    "usage: ": "usage : ",
    "positional arguments": "arguments",
    "options": "options",
    "optional arguments": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "the following arguments are required: %s": "argument(s) obligatoire(s) manquant(s) : %s",
    "unrecognized arguments: %s": "argument(s) non reconnu(s) : %s",
    "expected one argument": "une valeur est attendue",
    "expected at most one argument": "une valeur au plus est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "ignored explicit argument %r": "valeur %r ignorée",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "unexpected option string: %s": "option inattendue : %s",
    "invalid %(type)s value: %(value)r": "valeur invalide : %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix invalide : %(value)r (possibles : %(choices)s)"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "can't open '%(filename)s': %(error)s": "impossible d'ouvrir « %(filename)s » : %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "commande inconnue %(parser_name)r (possibles : %(choices)s)"
    ),
    "subcommands": "commandes",
    "show program's version number and exit": "afficher la version et quitter",
}
PLURALS: dict[str, str] = {
    "expected %s argument": "%s valeur attendue",
    "expected %s arguments": "%s valeurs attendues",
}

# English fragments of argparse's output that must never reach a French user.
ENGLISH_PHRASES = (
    "usage:",
    "positional arguments",
    "optional arguments",
    "show this help",
    "show program",
    "invalid choice",
    "the following arguments are required",
    "unrecognized arguments",
    "expected one argument",
    "error:",
    "(default:",
)


def translate(message: str) -> str:
    """Return the French wording of one of argparse's messages (the message if unknown)."""
    return MESSAGES.get(message, message)


def translate_plural(singular: str, plural: str, n: int) -> str:
    """Return the French wording of one of argparse's plural messages."""
    chosen = singular if n == 1 else plural
    return PLURALS.get(chosen, chosen)


@contextmanager
def french_messages() -> Iterator[None]:
    """Let argparse write French while the block runs."""
    saved: tuple[Callable[[str], str], Callable[[str, str, int], str]] = (
        argparse._,  # type: ignore[attr-defined]
        argparse.ngettext,  # type: ignore[attr-defined]
    )
    argparse._ = translate  # type: ignore[attr-defined]
    argparse.ngettext = translate_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class FrenchParser(argparse.ArgumentParser):
    """An argument parser whose help and errors are French; an error is one sentence, exit 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Build the parser with French group titles and help of ``-h``."""
        with french_messages():
            super().__init__(*args, **kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """Parse with French error messages."""
        with french_messages():
            return super().parse_known_args(args, namespace)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        """Parse with French error messages (unrecognized arguments included)."""
        with french_messages():
            return super().parse_args(args, namespace)

    def format_usage(self) -> str:
        """Return the French usage line."""
        with french_messages():
            return super().format_usage()

    def format_help(self) -> str:
        """Return the French help."""
        with french_messages():
            return super().format_help()

    def add_subparsers(self, **kwargs: Any) -> Any:
        """Add subcommands whose parsers are French too."""
        kwargs.setdefault("parser_class", type(self))
        with french_messages():
            return super().add_subparsers(**kwargs)

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        # An unknown command or choice names what was typed, what exists and the closest one.
        if action.choices is None or value in action.choices:
            return
        choices = [str(c) for c in action.choices]
        close = difflib.get_close_matches(str(value), choices, n=1)
        hint = f" ; vouliez-vous dire « {close[0]} » ?" if close else ""
        if isinstance(action, argparse._SubParsersAction):
            raise argparse.ArgumentError(
                None, f"commande inconnue « {value} » (commandes : {', '.join(choices)}){hint}"
            )
        raise argparse.ArgumentError(
            action, f"valeur inconnue « {value} » (possibles : {', '.join(choices)}){hint}"
        )

    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        try:
            return super()._get_value(action, arg_string)
        except argparse.ArgumentError:
            if action.type is int:
                raise argparse.ArgumentError(
                    action, f"nombre entier attendu, et non « {arg_string} »"
                ) from None
            if action.type is float:
                raise argparse.ArgumentError(
                    action, f"nombre attendu, et non « {arg_string} »"
                ) from None
            raise

    def error(self, message: str) -> NoReturn:
        """Print the usage line and one French sentence, and exit with code 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur : {message}\n")
