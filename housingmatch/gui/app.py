"""Start the desktop application on a database.

Translation source (French is the source language): ``pyside6-lupdate housingmatch/gui/*.py ui/*.ui -no-obsolete -locations relative -ts resources/translations/housingmatch_fr.ts``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from housingmatch.gui.backups_dialog import offer_latest_backup
from housingmatch.gui.jobs import Job, show_error
from housingmatch.gui.main_window import MainWindow
from housingmatch.gui.work import DEMO_REQUESTS, DEMO_SEED, DEMO_UNITS, generate_demo_work
from housingmatch.store import DatabaseDamagedError, Store

ORGANIZATION = "ActionLogement"
APPLICATION = "HousingMatch"


def install_translators(app: QApplication) -> list[QTranslator]:
    """Install Qt's own French translations (standard buttons, dialogs) when available."""
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    installed = []
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_fr", "qt_fr"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
            break
    return installed


def make_settings() -> QSettings:
    """Return the settings of the UI state (INI file in the user's configuration folder)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def start_demo(window: MainWindow) -> Job | None:
    """Fill an empty database with demonstration data in the background."""
    store = window.store
    if store.path is None or store.requests.count() > 0:
        return None
    return window.jobs.start(
        QCoreApplication.translate("MainWindow", "Création des données de démonstration"),
        generate_demo_work,
        store.path,
        DEMO_REQUESTS,
        DEMO_UNITS,
        DEMO_SEED,
        on_done=lambda _summary: window.reload(),
    )


def run_gui(db_path: Path, demo: bool = False) -> int:
    """Open the main window on ``db_path`` (created if missing) and run the event loop."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setStyle("Fusion")
    install_translators(app)
    try:
        try:
            store = Store.open(db_path, check=True)
        except DatabaseDamagedError:
            if not offer_latest_backup(None, db_path):
                return 1
            store = Store.open(db_path, check=True)
    except Exception as exc:
        show_error(None, "HousingMatch", exc)
        return 1
    window = MainWindow(store, make_settings())
    window.show()
    if demo:
        start_demo(window)
    code = app.exec()
    window.jobs.wait()
    window.store.close()
    return int(code)
