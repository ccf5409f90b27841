"""Languages of the window: French (the source, with its plural forms) and English.

The catalogues are Qt Linguist files in ``resources/translations``: ``housingmatch_fr.ts``
(French source text; its translations are only the plural forms of ``%n`` messages) and
``housingmatch_en.ts``, compiled to ``.qm`` by ``pyside6-lrelease``. Regenerate both after
changing user-visible strings::

    python -m housingmatch.gui.translations

which runs ``pyside6-lupdate`` over ``housingmatch/gui/*.py`` and ``ui/*.ui``, fills the French
plural forms from the source text (``%n fiche(s)`` gives ``%n fiche`` / ``%n fiches``), then
runs ``pyside6-lrelease``. English translations are written in Qt Linguist (or in the file).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from housingmatch.paths import resource

DEFAULT_LANGUAGE = "fr"
LANGUAGES: dict[str, tuple[QLocale.Language, QLocale.Country]] = {
    "fr": (QLocale.Language.French, QLocale.Country.France),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}
# The Qt Linguist names of the catalogues' languages.
TARGETS = {"fr": "fr_FR", "en": "en_GB"}
_INSTALLED: list[QTranslator] = []


def system_language() -> str:
    """Return the language of the system's locale when we have it, French otherwise."""
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else DEFAULT_LANGUAGE


def choose_language(requested: str | None = None) -> str:
    """Return the language to use: the one asked for (``--lang``), else the system's."""
    if requested:
        code = requested.strip().lower().replace("-", "_").split("_")[0]
        if code in LANGUAGES:
            return code
    return system_language()


def catalogue(language: str, suffix: str = ".qm") -> Path:
    """Return the path of the application's catalogue for ``language``."""
    return resource("translations", f"housingmatch_{language}{suffix}")


def install_translators(
    app: QCoreApplication, language: str = DEFAULT_LANGUAGE
) -> list[QTranslator]:
    """Use ``language`` for the window: its locale (dates, amounts) and its catalogues.

    Installing again replaces the previous language.
    """
    for old in _INSTALLED:
        app.removeTranslator(old)
    _INSTALLED.clear()
    lang, country = LANGUAGES.get(language, LANGUAGES[DEFAULT_LANGUAGE])
    QLocale.setDefault(QLocale(lang, country))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", folder):
        app.installTranslator(qt)
        _INSTALLED.append(qt)
    ours = QTranslator(app)
    if ours.load(str(catalogue(language))):
        app.installTranslator(ours)
        _INSTALLED.append(ours)
    return list(_INSTALLED)


def current_locale() -> QLocale:
    """Return the locale of the window's language (dates and amounts are written in it)."""
    return QLocale()


# -- regeneration (developers) ---------------------------------------------------------------
_OPTIONAL = re.compile(r"\((e?s|x)\)")


def french_forms(source: str) -> tuple[str, str]:
    """Return the singular and plural of a French ``%n`` message: ``fiche(s)`` → fiche, fiches."""
    singular = _OPTIONAL.sub("", source)
    plural = _OPTIONAL.sub(lambda m: m.group(1), source)
    return singular, plural


def fill_french_plurals(ts: Path) -> int:
    """Write the plural forms of every ``%n`` message of the French catalogue; return how many."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        translation.attrib.pop("type", None)
        for form in french_forms(source):
            ET.SubElement(translation, "numerusform").text = form
        filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def regenerate(root: Path) -> None:
    """Update both catalogues from the sources and compile them."""
    lupdate = shutil.which("pyside6-lupdate")
    lrelease = shutil.which("pyside6-lrelease")
    if lupdate is None or lrelease is None:
        raise SystemExit("pyside6-lupdate and pyside6-lrelease are needed (PySide6 package).")
    sources = sorted(str(p) for p in (root / "housingmatch" / "gui").glob("*.py"))
    sources += sorted(str(p) for p in (root / "ui").glob("*.ui"))
    folder = root / "resources" / "translations"
    for language in LANGUAGES:
        ts = folder / f"housingmatch_{language}.ts"
        subprocess.run(
            [
                lupdate,
                *sources,
                "-no-obsolete",
                "-locations",
                "relative",
                "-target-language",
                TARGETS[language],
                "-ts",
                str(ts),
            ],
            check=True,
        )
        if language == "fr":
            fill_french_plurals(ts)
            # lupdate again writes the file in its own layout (smaller diffs between runs).
            subprocess.run(
                [lupdate, *sources, "-no-obsolete", "-locations", "relative", "-ts", str(ts)],
                check=True,
                capture_output=True,
            )
        subprocess.run([lrelease, str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


if __name__ == "__main__":  # pragma: no cover
    regenerate(Path(__file__).resolve().parents[2])
    sys.exit(0)
