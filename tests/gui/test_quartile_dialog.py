"""The Référence › Seuils du premier quartile form."""

from housingmatch.services.reference import quartile_thresholds


def test_a_threshold_is_entered_from_the_reference_menu(app_window, qtbot):
    dialog = app_window.open_quartile_dialog()
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    dialog.epci_edit.setText("24210041")
    dialog.amount_edit.setText("10 500")
    dialog.save_button.click()
    assert "9 chiffres" in dialog.message_label.text()
    assert quartile_thresholds(app_window.store, app_window.session) == []
    dialog.epci_edit.setText("242100410")
    dialog.year_spin.setValue(2026)
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        dialog.save_button.click()
    assert "Dijon Métropole" in dialog.message_label.text()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data() == "Dijon Métropole"
    assert [
        (e.epci, e.year, e.amount)
        for e in quartile_thresholds(app_window.store, app_window.session)
    ] == [("242100410", 2026, 10500.0)]
