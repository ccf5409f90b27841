"""The Bilan workspace: loads in the background, reloads on a new period, exports PNG, PDF, XLSX."""

from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from housingmatch.gui.main_window import BILAN, DASHBOARD, MainWindow
from housingmatch.reports.indicators import Breakdown
from housingmatch.store import Store
from tests.builders import ADVISOR

pytestmark = pytest.mark.gui


def _loaded(qtbot, page, action):
    with qtbot.waitSignal(page.loaded, timeout=30000):
        action()


def test_the_workspace_loads_and_a_new_period_reloads_it(app_window, qtbot):
    page = app_window.bilan_page
    _loaded(qtbot, page, lambda: app_window.show_page(BILAN))
    year = date.today().year
    assert page.bilan.indicators.start == date(year, 1, 1)
    # the sample requests were filed over the last months
    assert page.bilan.indicators.total.new_requests > 0
    assert page.table_tabs.count() == 4 and page.table_tabs.tabText(0) == "Synthèse"
    assert page.obligations_view.rowCount() == 3 and page.fairness_view.rowCount() > 0
    assert len(page.charts) == 6 and page.charts[0].chart.title == "Activité par mois"
    _loaded(qtbot, page, lambda: page.set_period(date(2001, 1, 1), date(2001, 3, 31)))
    assert page.bilan.indicators.total.new_requests == 0
    assert [m.month for m in page.bilan.indicators.months] == ["2001-01", "2001-02", "2001-03"]
    assert "du 01/01/2001 au 31/03/2001" in page.status.text()
    _loaded(qtbot, page, lambda: page.set_breakdown(Breakdown.COMMUNE))
    assert page.table_tabs.count() == 5 and page.table_tabs.tabText(1) == "Par commune"


def test_a_chart_exports_a_real_png(app_window, qtbot, tmp_path, monkeypatch):
    page = app_window.bilan_page
    _loaded(qtbot, page, lambda: app_window.show_page(BILAN))
    target = tmp_path / "activite.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(page.exported, timeout=5000):
        page.charts[0]._export_asking()
    image = QImage(str(target))
    assert not image.isNull() and (image.width(), image.height()) == (1200, 700)
    colours = {image.pixelColor(x, y).name() for x in range(0, 1200, 7) for y in range(0, 700, 7)}
    assert "#1f4e79" in colours  # the first series' bars are drawn


def test_the_pdf_and_xlsx_exports_write_their_files(app_window, qtbot, tmp_path):
    page = app_window.bilan_page
    _loaded(qtbot, page, lambda: app_window.show_page(BILAN))
    pdf, xlsx = tmp_path / "bilan.pdf", tmp_path / "bilan.xlsx"
    with qtbot.waitSignal(page.exported, timeout=30000):
        page.export("pdf", pdf)
    with qtbot.waitSignal(page.exported, timeout=30000):
        page.export("xlsx", xlsx)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert page.bilan.indicators.period in text and "Obligations légales" in text
    assert "Équité" in load_workbook(xlsx).sheetnames


def test_an_advisor_cannot_open_the_workspace(qtbot, sample_db, settings):
    store = Store.open(sample_db)
    window = MainWindow(store, ADVISOR, settings)
    qtbot.addWidget(window)
    assert window.side_bar.item(BILAN).isHidden()
    assert not window.page_actions[BILAN].isVisible()
    window.show_page(DASHBOARD)
    window.show_page(BILAN)
    assert window.current_page() == DASHBOARD
    window.jobs.wait(20000)
    assert window.bilan_page.bilan is None
    store.close()


def test_a_changed_proposal_reloads_the_shown_bilan(app_window, qtbot):
    page = app_window.bilan_page
    _loaded(qtbot, page, lambda: app_window.show_page(BILAN))
    first = page.bilan
    _loaded(qtbot, page, app_window._on_proposals_changed)
    assert page.bilan is not first
    app_window.jobs.wait(20000)
