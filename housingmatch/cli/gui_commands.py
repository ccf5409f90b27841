"""Command-line subcommands of the desktop application: ``screenshots``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def _screenshots(args: argparse.Namespace, store: Any, session: Any) -> int:
    """Render every workspace to PNG files in ``args.out``."""
    from housingmatch.gui.screenshots import render_screenshots

    if store is not None:
        store.close()  # the window opens its own connection
    written = render_screenshots(Path(args.db), Path(args.out), session, args.guide)
    for path in written:
        print(path)
    return 0


def register(subparsers: Any) -> None:
    """Add the ``screenshots`` subcommand."""
    parser = subparsers.add_parser(
        "screenshots",
        help="enregistrer une capture PNG de chaque espace de travail (1280×800, hors écran)",
        description=(
            "Ouvre la fenêtre hors écran sur la base et enregistre une image de chaque vue : "
            "tableau de bord, demandes (avec une recherche), éditeur de demande, logements, "
            "rapprochement par logement, demandes exclues, par demande, répartition et "
            "comparaison de deux candidats. Une base vide est d'abord remplie de données "
            "de démonstration."
        ),
    )
    parser.add_argument(
        "--out", required=True, type=Path, metavar="DOSSIER", help="dossier des images"
    )
    parser.add_argument(
        "--guide",
        type=Path,
        default=None,
        metavar="DOSSIER",
        help="écrire aussi les images du guide de l'utilisateur (resources/guide/images)",
    )
    parser.set_defaults(handler=_screenshots)
