"""Locate the data folders (``ui/``, ``resources/``, ``db/``) in a checkout or an installed wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_root() -> Path:
    """Return the folder that holds ``ui``, ``resources`` and ``db``.

    An installed wheel carries them in ``housingmatch/_data``; a checkout (or an editable
    install) has them at the repository root, beside the package.
    """
    bundled = _PACKAGE_DIR / "_data"
    if (bundled / "resources").is_dir():
        return bundled
    checkout = _PACKAGE_DIR.parent
    if (checkout / "resources").is_dir():
        return checkout
    raise FileNotFoundError(
        "Les données de HousingMatch (resources/, db/, ui/) sont introuvables : "
        "l'installation est incomplète."
    )


def resources_dir() -> Path:
    """Return the ``resources`` folder (reference data, rule sets, icons)."""
    return data_root() / "resources"


def migrations_dir() -> Path:
    """Return the ``db`` folder with the numbered SQL migrations."""
    return data_root() / "db"


def ui_dir() -> Path:
    """Return the ``ui`` folder with the Qt Designer forms."""
    return data_root() / "ui"


def resource(*parts: str) -> Path:
    """Return the path of one file under ``resources``."""
    return resources_dir().joinpath(*parts)
