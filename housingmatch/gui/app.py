"""Start the desktop application on a database.

Translations (French is the source language): ``python -m housingmatch.gui.translations``
updates and compiles ``resources/translations/housingmatch_{fr,en}.ts``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from housingmatch.gui import translations
from housingmatch.gui.backups_dialog import offer_latest_backup
from housingmatch.gui.jobs import Job, show_error
from housingmatch.gui.login_dialog import ask_session
from housingmatch.gui.main_window import MainWindow
from housingmatch.gui.passphrase_dialog import unlock_if_encrypted
from housingmatch.gui.translations import DEFAULT_LANGUAGE
from housingmatch.paths import resource
from housingmatch.services import local_session, records
from housingmatch.services.accounts import has_accounts
from housingmatch.services.background import (
    DEMO_HISTORY,
    DEMO_REQUESTS,
    DEMO_SEED,
    DEMO_UNITS,
    generate_demo_work,
    retention_work,
)
from housingmatch.services.database import DatabaseDamagedError, open_store
from housingmatch.services.demo import create_demo_accounts

ORGANIZATION = "ActionLogement"
APPLICATION = "HousingMatch"


def install_translators(app: QApplication, language: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Use ``language`` (French by default): Qt's own catalogue, ours, and the locale."""
    return translations.install_translators(app, language)


def make_settings() -> QSettings:
    """Return the settings of the UI state (INI file in the user's configuration folder)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def start_demo(window: MainWindow) -> Job | None:
    """Fill an empty database with demonstration data in the background."""
    store = window.store
    if store.path is None or records.request_count(store, window.session) > 0:
        return None
    return window.jobs.start(
        QCoreApplication.translate("MainWindow", "Création des données de démonstration"),
        generate_demo_work,
        store.path,
        window.session,
        DEMO_REQUESTS,
        DEMO_UNITS,
        DEMO_SEED,
        DEMO_HISTORY,
        on_done=lambda _summary: window.reload(),
    )


def run_gui(
    db_path: Path, demo: bool = False, language: str | None = None, forum: bool = False
) -> int:
    """Open the main window on ``db_path`` (created if missing) and run the event loop.

    A database with accounts asks who is working first; ``demo`` gives a new demonstration
    database its documented accounts (README) before asking. ``language`` is ``fr`` or ``en``
    (``--lang``); by default the system's, else French. ``forum`` opens the window on the
    Forum workspace, the cursor in the quick intake (``--forum``).
    """
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setStyle("Fusion")
    app.setDesktopFileName("housingmatch")
    icon = resource("icons", "housingmatch.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    install_translators(app, translations.choose_language(language))
    if not unlock_if_encrypted(db_path):
        return 0
    try:
        try:
            store = open_store(db_path, check=True)
        except DatabaseDamagedError:
            if not offer_latest_backup(None, db_path, local_session()):
                return 1
            store = open_store(db_path, check=True)
        # Only an empty database becomes a demonstration one, with its public accounts.
        if demo and not has_accounts(store) and records.request_count(store, local_session()) == 0:
            create_demo_accounts(store)
    except Exception as exc:
        show_error(None, "HousingMatch", exc)
        return 1
    session = ask_session(store, None, demo_hint=demo)
    if session is None:
        store.close()
        return 0
    if forum:
        # The laptop gives provisional references from now on (services.identity).
        from housingmatch.services.identity import mark_forum_device

        try:
            mark_forum_device(store, session)
        except Exception as exc:  # a role that may not set the base up: the window still opens
            show_error(None, "HousingMatch", exc)
    window = MainWindow(store, session, make_settings())
    window.show()
    if forum:
        window.show_forum()
    if store.path is not None:
        # Anonymise the closed or lapsed requests whose retention period is over (CNIL),
        # in the background; only a session allowed to (supervisor, administrator) does.
        window.jobs.start(
            QCoreApplication.translate("MainWindow", "Durée de conservation"),
            retention_work,
            store.path,
            session,
            show_progress=False,
        )
    if demo:
        start_demo(window)
    code = app.exec()
    window.jobs.wait()
    window.store.close()
    return int(code)
