"""The French translation source lists every user-visible string of the window."""

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "housingmatch_fr.ts"


def messages(path: Path) -> set[tuple[str, str]]:
    tree = ET.parse(path)
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
        if (message.find("translation") is None)
        or message.find("translation").get("type") not in ("obsolete", "vanished")
    }


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="pyside6-lupdate missing")
def test_translation_source_is_current(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "housingmatch" / "gui").glob("*.py"))
    forms = sorted(str(p) for p in (ROOT / "ui").glob("*.ui"))
    result = subprocess.run(
        ["pyside6-lupdate", *sources, *forms, "-no-obsolete", "-ts", str(fresh)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    missing = messages(fresh) - messages(TS)
    assert not missing, (
        f"{len(missing)} string(s) not in {TS.name}; regenerate it (command in gui/app.py): "
        f"{sorted(missing)[:5]}"
    )


def test_french_plural_forms_agree_with_their_count(qapp):
    from PySide6.QtCore import QCoreApplication

    from housingmatch.gui.translations import install_translators

    install_translators(qapp, "fr")
    one = QCoreApplication.translate("RequestDialog", "{m} mois (%n an(s) et {r} mois)", "", 1)
    two = QCoreApplication.translate("RequestDialog", "{m} mois (%n an(s) et {r} mois)", "", 2)
    assert one == "{m} mois (1 an et {r} mois)"
    assert two == "{m} mois (2 ans et {r} mois)"
    assert QCoreApplication.translate("CountLabel", "%Ln fiche(s)", "", 0) == "0 fiche"


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None, reason="pyside6-lrelease missing")
@pytest.mark.parametrize("language", ["fr", "en"])
def test_compiled_catalogues_are_current(tmp_path, language):
    ts = TS.with_name(f"housingmatch_{language}.ts")
    fresh = tmp_path / "fresh.qm"
    result = subprocess.run(
        ["pyside6-lrelease", str(ts), "-qm", str(fresh)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
        f"{ts.with_suffix('.qm').name} is older than {ts.name}: run python -m housingmatch.gui.translations"
    )


def test_english_window_with_lang_en(qapp, tmp_path, settings):
    from PySide6.QtCore import QLocale

    from housingmatch.gui.main_window import MainWindow
    from housingmatch.gui.translations import choose_language, install_translators
    from housingmatch.store import Store
    from tests.builders import SUPERVISOR

    assert choose_language("en") == "en" and choose_language("EN_us") == "en"
    install_translators(qapp, "en")
    try:
        with Store.open(tmp_path / "en.sqlite") as store:
            window = MainWindow(store, SUPERVISOR, settings)
            menus = [a.text() for a in window.menuBar().actions()]
            assert [m for m in menus if m in ("&File", "&Edit", "&View", "&Help")] == [
                "&File",
                "&Edit",
                "&View",
                "&Help",
            ]
            assert "&Fichier" not in menus
            assert window.side_bar.item(3).text() == "Matching"
            assert QLocale().toString(12345) == "12,345"
            from housingmatch.gui.request_dialog import format_amount, parse_amount

            assert format_amount(1234.5) == "1,234.50" and format_amount(500.0) == "500"
            assert parse_amount("1,234.50") == 1234.5
            window.close()
            window.deleteLater()
    finally:
        install_translators(qapp, "fr")
    assert QLocale().language() == QLocale.Language.French
    from housingmatch.gui.request_dialog import format_amount, parse_amount

    assert format_amount(1234.5) == "1\u202f234,50" and parse_amount("1 234,50") == 1234.5
