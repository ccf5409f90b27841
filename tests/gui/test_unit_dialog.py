import pytest
from PySide6.QtWidgets import QMessageBox

from housingmatch.gui.unit_dialog import UnitDialog
from tests.builders import SUPERVISOR


def open_editor(app_window, qtbot, ref):
    dialog = UnitDialog(app_window.store, SUPERVISOR, app_window.store.units.get(ref), app_window)
    qtbot.addWidget(dialog)
    return dialog


def test_editing_a_unit_saves_it_with_an_audit_entry(app_window, qtbot):
    store = app_window.store
    before = len(store.audit.entries(entity="logement"))
    dialog = open_editor(app_window, qtbot, "LOG-0002")
    dialog.ui.surface_edit.setText("71,5")
    dialog.ui.landlord_edit.setText("Habitat Côte-d'Or")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.unit_saved, timeout=2000) as saved:
        dialog.save_button.click()
    assert saved.args == ["LOG-0002"]
    assert dialog.result() == UnitDialog.DialogCode.Accepted
    unit = store.units.get("LOG-0002")
    assert unit.surface == 71.5
    assert unit.landlord == "Habitat Côte-d'Or"
    assert dialog.saved == unit
    entries = store.audit.entries(entity="logement")
    assert len(entries) == before + 1
    assert entries[-1].entity_ref == "LOG-0002"
    assert {"surface_m2", "bailleur"} <= set(entries[-1].details["changes"])


def test_validation_error_blocks_saving_and_says_why_in_french(app_window, qtbot):
    store = app_window.store
    before = store.audit.count()
    dialog = open_editor(app_window, qtbot, "LOG-0001")
    dialog.ui.surface_edit.setText("0")
    assert not dialog.save_button.isEnabled()
    message = "La surface doit être comprise entre 0 et 500 m²."
    assert message in dialog.ui.problems_label.text()
    assert message in dialog.ui.surface_edit.toolTip()
    assert dialog.ui.surface_edit.styleSheet()
    assert not dialog.save()
    assert dialog.result() != UnitDialog.DialogCode.Accepted
    assert store.units.get("LOG-0001").surface == 46.0
    assert store.audit.count() == before
    dialog.ui.surface_edit.setText("pas un nombre")
    assert "Nombre illisible" in dialog.ui.problems_label.text()
    dialog.ui.surface_edit.setText("30")
    assert dialog.save_button.isEnabled()
    assert dialog.ui.surface_edit.toolTip() == ""


def test_closing_a_changed_unit_asks(app_window, qtbot, monkeypatch):
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        if len(asked) == 1:
            return QMessageBox.StandardButton.Cancel
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog = open_editor(app_window, qtbot, "LOG-0003")
    dialog.show()
    dialog.ui.rent_edit.setText("350")
    dialog.close()
    assert dialog.isVisible()  # "Annuler" keeps the editor open
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        dialog.ui.button_box.rejected.emit()
    assert len(asked) == 2
    assert "Le logement a été modifié" in asked[0]
    assert app_window.store.units.get("LOG-0003").rent == 290.0


def test_closing_a_changed_unit_can_save_it(app_window, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    dialog = open_editor(app_window, qtbot, "LOG-0003")
    dialog.show()
    dialog.ui.rent_edit.setText("350")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.reject()
    assert app_window.store.units.get("LOG-0003").rent == 350.0


def test_closing_an_unchanged_unit_does_not_ask(app_window, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked"))
    dialog = open_editor(app_window, qtbot, "LOG-0001")
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        dialog.ui.button_box.rejected.emit()


def test_creating_a_unit(app_window, qtbot):
    store = app_window.store
    dialog = UnitDialog(store, SUPERVISOR, None, app_window)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # no reference, landlord, commune or surface
    ui = dialog.ui
    ui.ref_edit.setText("LOG-0100")
    ui.landlord_edit.setText("Orvitis")
    ui.commune_edit.setText("Chenôve")
    ui.surface_edit.setText("52")
    ui.rent_edit.setText("410,50")
    assert dialog.problems == []
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.save_button.click()
    created = store.units.get("LOG-0100")
    assert created.commune == "21166"
    assert created.rent == 410.5
    assert store.audit.entries(entity="logement", entity_ref="LOG-0100")


def test_a_typo_in_the_commune_shows_the_commune_understood(app_window, qtbot):
    dialog = open_editor(app_window, qtbot, "LOG-0001")
    dialog.ui.commune_edit.setText("Dijn")
    dialog.ui.commune_edit.editingFinished.emit()
    assert dialog.ui.commune_edit.text() == "Dijon (21231)"
    assert dialog.ui.commune_edit.toolTip() == "« Dijn » lu comme Dijon (21231, 21)"
    assert dialog.save_button.isEnabled()
