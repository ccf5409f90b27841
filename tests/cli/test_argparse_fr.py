"""The command line speaks French: argparse's help, usage line and errors."""

import argparse
import subprocess
import sys

import pytest

from housingmatch.cli import build_parser, main
from housingmatch.cli.argparse_fr import ENGLISH_PHRASES, FrenchParser


def usage_error(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    assert exit_info.value.code == 2
    return capsys.readouterr().err


def test_unknown_command_is_one_french_sentence_with_a_suggestion(capsys, db_path):
    err = usage_error(capsys, "--db", str(db_path), "rnak", "LOG-1")
    assert "housingmatch : erreur : commande inconnue « rnak »" in err
    assert "vouliez-vous dire « rank » ?" in err
    assert "invalid choice" not in err


def test_unknown_command_from_a_fresh_process_exits_2_in_french(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "housingmatch", "--db", str(tmp_path / "x.sqlite"), "frobnicate"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "commande inconnue « frobnicate »" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.sqlite").exists()


def test_missing_argument_is_french(capsys, db_path):
    err = usage_error(capsys, "--db", str(db_path), "show", "demande")
    assert "argument(s) obligatoire(s) manquant(s) : REFERENCE" in err
    assert "usage : housingmatch show" in err
    assert "the following arguments" not in err


def test_bad_choice_and_bad_number_are_french(capsys, db_path):
    err = usage_error(capsys, "--db", str(db_path), "show", "dmande", "X")
    assert "valeur inconnue « dmande » (possibles : demande, logement)" in err
    err = usage_error(capsys, "--db", str(db_path), "demo", "--requests", "beaucoup")
    assert "nombre entier attendu, et non « beaucoup »" in err


def test_unrecognized_argument_is_french(capsys, db_path):
    err = usage_error(capsys, "--db", str(db_path), "verify", "--vite")
    assert "argument(s) non reconnu(s) : --vite" in err


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_help_of_every_command_has_no_english_argparse_phrase():
    parser = build_parser()
    helps = {"housingmatch": parser.format_help()}
    helps |= {name: sub.format_help() for name, sub in subcommands(parser).items()}
    assert len(helps) > 10
    for name, text in helps.items():
        assert text.startswith("usage : "), name
        assert "afficher cette aide et quitter" in text, name
        english = [p for p in ENGLISH_PHRASES if p in text]
        assert not english, f"{name}: {english}"
    assert "afficher la version et quitter" in helps["housingmatch"]


def test_french_messages_do_not_leak_into_other_parsers():
    FrenchParser(prog="x").format_help()
    other = argparse.ArgumentParser(prog="y")
    assert "show this help message and exit" in other.format_help()
