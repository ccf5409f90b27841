"""The user guide opens from the Help menu, with a picture of every workspace."""

from __future__ import annotations

import re

from PySide6.QtGui import QTextDocument

from housingmatch.gui.guide import GuideDialog, guide_path
from housingmatch.gui.screenshots import GUIDE_IMAGES

IMAGE = re.compile(r'<img\s+src="([^"]+)"')


def guide_images() -> list[str]:
    return IMAGE.findall(guide_path().read_text(encoding="utf-8"))


def test_every_image_of_the_guide_is_shipped():
    images = guide_images()
    assert images
    missing = [src for src in images if not (guide_path().parent / src).is_file()]
    assert not missing


def test_every_workspace_has_a_picture_in_the_guide(app_window):
    titles = [app_window.side_bar.item(i).text() for i in range(app_window.side_bar.count())]
    assert sorted(titles) == sorted(GUIDE_IMAGES)
    shown = {src.removeprefix("images/") for src in guide_images()}
    for title in titles:
        assert set(GUIDE_IMAGES[title]) & shown, f"no picture of {title} in the guide"


def test_the_guide_opens_from_the_help_menu(app_window, qtbot):
    menus = {a.text(): a.menu() for a in app_window.menuBar().actions()}
    help_menu = menus["&Aide"]
    assert app_window.guide_action in help_menu.actions()
    app_window.guide_action.trigger()
    dialog = app_window.findChild(GuideDialog, "guide_dialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Guide de l'utilisateur"
    document = dialog.browser.document()
    assert "Rapprochement" in document.toPlainText()
    image = document.resource(
        QTextDocument.ResourceType.ImageResource,
        dialog.browser.source().resolved("images/04_logements.png"),
    )
    assert image is not None and not image.isNull()
    app_window.guide_action.trigger()  # a second time raises the same window
    assert len(app_window.findChildren(GuideDialog)) == 1
    dialog.close()
