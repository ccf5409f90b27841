"""The year's legal shares on the dashboard and over the matching page, computed in a job."""

from __future__ import annotations

from datetime import date

import pytest

from housingmatch.gui.main_window import MainWindow
from housingmatch.reports.obligations import Obligation, ObligationKind
from housingmatch.services import local_session, reference
from housingmatch.store import Store
from tests.builders import ADVISOR
from tests.evaluation_world import DIJON_METROPOLE, constructed_year

DAY = date(2026, 7, 2)


@pytest.fixture
def year_window(qtbot, db_path, settings):
    """The main window, as an advisor, on a database holding the constructed year 2026."""
    with Store.open(db_path) as store:
        constructed_year(store, local_session())
        reference.set_quartile_threshold(store, local_session(), DIJON_METROPOLE, 2026, 10000)
    store = Store.open(db_path)
    window = MainWindow(store, ADVISOR, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.jobs.cancel_all()
    window.jobs.wait()
    window.store.close()


def test_the_dashboard_gauges_show_the_shares_of_the_year(qtbot, year_window):
    box = year_window.dashboard_page.obligations_box
    with qtbot.waitSignal(box.shown, timeout=20000):
        box.refresh(year_window.store, year_window.session, DAY)
    dalo = box.gauges[ObligationKind.DALO_PRIORITAIRES]
    assert dalo.figures.text() == "3 / 8 = 38 % (objectif 25 %)"
    assert "il en faut encore 1 d'ici décembre" in dalo.note.text()
    assert "dont 1 DALO et 2 prioritaires L441-1" in dalo.note.text()
    assert not dalo.bar.behind and dalo.bar.target == 0.25
    outside = box.gauges[ObligationKind.PREMIER_QUARTILE_HORS_QPV]
    assert outside.figures.text() == "2 / 5 = 40 % (objectif 25 %)"
    assert (
        "1 au quartile inconnu" in outside.note.text()
        and "entre 33 % et 50 %" in outside.note.text()
    )
    assert outside.bar.band == pytest.approx((2 / 6, 3 / 6))
    assert "8 attributions au 02/07/2026" in box.title()


def test_the_matching_page_says_what_the_year_still_needs(qtbot, year_window):
    line = year_window.matching_page.obligations_line
    with qtbot.waitSignal(line.shown, timeout=20000):
        line.refresh(year_window.store, year_window.session, DAY)
    assert line.text().startswith(
        "Cette année : 38 % DALO/prioritaires, il en faut 1 de plus d'ici décembre"
    )
    assert "1er quartile hors QPV 40 %" in line.text() and "1 au quartile inconnu" in line.text()


def test_a_share_below_its_target_is_red(qtbot, year_window):
    year_window.show_page(0)
    box = year_window.dashboard_page.obligations_box
    qtbot.waitUntil(box.isVisible)
    behind = Obligation(
        kind=ObligationKind.DALO_PRIORITAIRES, target=0.25, numerator=1, denominator=11,
        unknown=0, counted=("LOG-01",), basis=tuple(f"LOG-{i:02d}" for i in range(11)),
        projected_total=22, gap=5,
    )  # fmt: skip
    box.show_obligations([behind], DAY)
    gauge = box.gauges[ObligationKind.DALO_PRIORITAIRES]
    assert gauge.bar.behind and "c62828" in gauge.figures.styleSheet()
    image = gauge.bar.grab().toImage()
    # the painted fill, left of the target mark, is red
    assert image.pixelColor(4, image.height() // 2).name() == "#c62828"
    line = year_window.matching_page.obligations_line
    line.show_obligations([behind])
    assert line.text() == "Cette année : 9 % DALO/prioritaires, il en faut 5 de plus d'ici décembre"
    assert "c62828" in line.styleSheet()
