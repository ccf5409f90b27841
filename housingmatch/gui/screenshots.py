"""Render each workspace offscreen to PNG files at 1280×800 (for the README and reviews)."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from housingmatch.domain.session import Session
from housingmatch.services import records
from housingmatch.services.database import open_store

SIZE = (1280, 800)
# A typo'd name typed in the requests search box of the screenshot.
SEARCH_TEXT = "martn"


def render_screenshots(db_path: Path, out_dir: Path, session: Session) -> list[Path]:
    """Open the window on ``db_path`` for ``session`` offscreen; save one PNG per workspace."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from housingmatch.gui.app import install_translators, start_demo
    from housingmatch.gui.jobs import Job
    from housingmatch.gui.main_window import DASHBOARD, MATCHING, REQUESTS, UNITS, MainWindow
    from housingmatch.gui.request_dialog import RequestDialog

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    install_translators(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def wait_for(job: Job | None, timeout_s: float = 120.0) -> None:
        end = time.monotonic() + timeout_s
        while job is not None and not job.done and time.monotonic() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        app.processEvents()

    def settle(timeout_s: float = 120.0) -> None:
        # Let background loads (tables, dashboard) finish so the pictures show their result.
        end = time.monotonic() + timeout_s
        while window.jobs.running() and time.monotonic() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        for _ in range(5):
            app.processEvents()

    def shot(widget: QWidget, name: str) -> None:
        settle()
        path = out_dir / name
        widget.grab().save(str(path))
        written.append(path)

    with tempfile.TemporaryDirectory() as settings_dir:
        settings = QSettings(str(Path(settings_dir) / "ui.ini"), QSettings.Format.IniFormat)
        store = open_store(db_path)
        window = MainWindow(store, session, settings)
        window.resize(*SIZE)
        window.show()
        wait_for(start_demo(window), 600)
        window.resize(*SIZE)
        settle()

        window.show_page(DASHBOARD)
        shot(window, "01_tableau_de_bord.png")

        window.show_page(REQUESTS)
        page = window.requests_page
        page.search_edit.setText(SEARCH_TEXT)
        page.apply_search_now()
        if page.model.rowCount():
            page.view.selectRow(0)
        shot(window, "02_demandes_recherche.png")

        if page.model.rowCount():
            request = records.find_request(store, session, page.model.record(0).ref)
            if request is not None:
                dialog = RequestDialog(store, session, request, window)
                dialog.resize(*SIZE)
                dialog.show()
                shot(dialog, "03_editeur_demande.png")
                dialog.ui.sections_tabs.setCurrentIndex(1)
                shot(dialog, "03b_editeur_demande_menage.png")
                dialog.hide()
                dialog.deleteLater()

        window.show_page(UNITS)
        shot(window, "04_logements.png")

        window.show_page(MATCHING)
        matching = window.matching_page
        ref = matching.unit_combo.itemData(0)
        if ref:
            wait_for(matching.select_unit(ref))
            proxy = matching.candidates_proxy
            if proxy.rowCount() > 1:
                matching.candidates_view.selectRow(1)
        shot(window, "05_rapprochement.png")
        matching.result_tabs.setCurrentIndex(1)
        shot(window, "06_exclues.png")
        matching.result_tabs.setCurrentIndex(0)

        window.jobs.wait()
        window.close()
        window.deleteLater()
        store.close()
        app.processEvents()
    return written
