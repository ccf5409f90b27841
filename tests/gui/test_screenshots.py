"""Every view the screenshots command shows gives its references (and badges) room to be read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QTableView, QWidget

from housingmatch.gui.delegates import BadgesDelegate
from housingmatch.gui.main_window import MainWindow
from housingmatch.gui.screenshots import GUIDE_IMAGES, SHOTS, ScreenshotTour
from housingmatch.services.demo import generate_demo
from housingmatch.store import Store
from tests.builders import SUPERVISOR

REFERENCE = re.compile(r"^[A-Z]{2,}(-[A-Z0-9]+)*-\d{4,}")
ROWS_CHECKED = 200


def cut_texts(widget: QWidget) -> list[str]:
    """Return what is cut in the visible tables: references, their names, badges, headers."""
    problems = []
    for view in widget.findChildren(QTableView):
        if not view.isVisible() or view.model() is None:
            continue
        model = view.model()
        header = view.horizontalHeader()
        margin = 2 * (
            view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        )
        cells = view.fontMetrics()
        heads = header.fontMetrics()
        for column in range(model.columnCount()):
            if view.isColumnHidden(column):
                continue
            width = view.columnWidth(column)
            title = str(model.headerData(column, header.orientation()) or "")
            if REFERENCE.match(title) and heads.horizontalAdvance(title) + margin > width:
                problems.append(f"{view.objectName()} header « {title} » in {width} px")
            delegate = view.itemDelegateForColumn(column)
            for row in range(min(model.rowCount(), ROWS_CHECKED)):
                index = model.index(row, column)
                if isinstance(delegate, BadgesDelegate):
                    option = QStyleOptionViewItem()
                    option.initFrom(view)
                    needed = delegate.sizeHint(option, index).width()
                    if needed > width:
                        problems.append(
                            f"{view.objectName()} badges of row {row}: {needed} > {width} px"
                        )
                    continue
                text = str(index.data() or "")
                if REFERENCE.match(text) and cells.horizontalAdvance(text) + margin > width:
                    problems.append(
                        f"{view.objectName()} « {text} » in {width} px (column {title})"
                    )
    return problems


@pytest.fixture
def demo_window(qtbot, tmp_path: Path, settings):
    """The main window on a small demonstration database (references as long as real ones)."""
    path = tmp_path / "demo.sqlite"
    with Store.open(path) as store:
        generate_demo(store, SUPERVISOR, 300, 20, 11)
    store = Store.open(path)
    window = MainWindow(store, SUPERVISOR, settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.jobs.cancel_all()
    window.jobs.wait()
    window.store.close()


def test_every_view_of_the_screenshots_shows_whole_references(demo_window):
    tour = ScreenshotTour(QApplication.instance(), demo_window)
    seen = []
    problems = {}
    for name, widget in tour.views():
        seen.append(name)
        cut = cut_texts(widget)
        if cut:
            problems[name] = cut[:3]
    assert seen == list(SHOTS)
    assert not problems


def test_the_check_fails_on_a_column_narrower_than_its_references(demo_window):
    tour = ScreenshotTour(QApplication.instance(), demo_window)
    for name, widget in tour.views():
        if name == "08_repartition.png":
            demo_window.matching_page.allocation_view.setColumnWidth(0, 60)
            assert any("LOG-" in p for p in cut_texts(widget))
            break
    else:
        pytest.fail("the tour has no allocation view")


def test_the_guide_pictures_are_pictures_the_tour_takes():
    named = [name for names in GUIDE_IMAGES.values() for name in names]
    assert set(named) <= set(SHOTS)
