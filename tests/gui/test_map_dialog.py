"""The offline map: communes and units drawn, a click on a unit draws its ranking."""

import pytest

from housingmatch.gui.map_dialog import MapDialog
from housingmatch.gui.map_view import commute_colour, density_colour
from tests.gui.conftest import sample_units

pytestmark = pytest.mark.gui


def test_the_map_draws_the_territory_and_a_ranking(app_window, qtbot):
    dialog = MapDialog(app_window.jobs, app_window.store.path, app_window.session, app_window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=20000)
    assert sorted(dialog.map.unit_refs()) == sorted(u.ref for u in sample_units())
    assert "demandes actives" in dialog.status.text()
    with qtbot.waitSignal(dialog.map.unit_selected, timeout=5000) as blocker:
        dialog.map.select_unit(dialog.map.unit_refs()[0])
    assert blocker.args == [dialog.map.unit_refs()[0]]
    qtbot.waitUntil(lambda: dialog.map.line_count() > 0, timeout=20000)
    assert "trajets estimés" in dialog.status.text()


def test_colours_grow_with_density_and_commute():
    assert density_colour(0, 10).name() == "#f8fafc"
    assert density_colour(10, 10).blue() < density_colour(1, 10).blue()
    assert commute_colour(10).name() == "#15803d" and commute_colour(60).name() == "#b91c1c"


def test_the_view_menu_opens_the_map(app_window, monkeypatch):
    opened = []
    monkeypatch.setattr(MapDialog, "exec", lambda self: opened.append(self) or 0)
    app_window.map_action.trigger()
    assert opened and opened[0].windowTitle() == "Carte du territoire"
    app_window.jobs.wait(20000)
