"""The audit screen: filtered entries, verify in the background, checkpoints."""

import sqlite3

from housingmatch.domain.session import Role, Session
from housingmatch.gui.audit_dialog import AuditEntriesModel
from housingmatch.services import audit
from housingmatch.services.audit import AuditRow


def test_the_entries_model_passes_the_model_tester(qtmodeltester):
    model = AuditEntriesModel()
    model.set_entries(
        [
            AuditRow(1, "2026-01-02T10:00:00+00:00", "alice", "create", "demande", "D-1", "saisie"),
            AuditRow(2, "2026-01-03T10:00:00+00:00", "bob", "update", "demande", "D-1", "nom"),
        ]
    )
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 7


def test_the_audit_menu_shows_entries_filtered_by_record(app_window, qtbot):
    dialog = app_window.open_audit()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
    assert dialog.model.rowCount() == app_window.store.audit.count()
    dialog.ref_edit.setText("DEM-0003")
    with qtbot.waitSignal(dialog.entries_loaded, timeout=10_000) as blocker:
        dialog.filter_button.click()
    assert blocker.args == [1]
    assert {dialog.model.row(r).values[5] for r in range(dialog.model.rowCount())} == {"DEM-0003"}
    dialog.actor_edit.setText("personne")
    with qtbot.waitSignal(dialog.entries_loaded, timeout=10_000) as blocker:
        dialog.filter_button.click()
    assert blocker.args == [0]


def test_verify_runs_in_the_background_and_names_the_tampered_record(app_window, qtbot):
    dialog = app_window.open_audit()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.verified, timeout=20_000) as blocker:
        dialog.verify_button.click()
    assert blocker.args[0].ok
    assert "intact" in dialog.result_label.text()
    conn = sqlite3.connect(app_window.store.path)
    conn.execute("UPDATE requests SET dalo = 1 - dalo WHERE ref = 'DEM-0002'")
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 3")
    conn.commit()
    conn.close()
    with qtbot.waitSignal(dialog.verified, timeout=20_000) as blocker:
        dialog.verify_button.click()
    report = blocker.args[0]
    assert not report.ok and report.first_broken_link == 3
    assert "Premier maillon rompu : entrée 3" in dialog.result_label.text()
    texts = [dialog.findings_list.item(i).text() for i in range(dialog.findings_list.count())]
    assert any("DEM-0002" in t and "dalo" in t for t in texts)


def test_checkpoints_are_listed(app_window, qtbot):
    audit.create_checkpoint(app_window.store, Session("directrice", Role.SUPERVISEUR), "pw")
    dialog = app_window.open_audit()
    qtbot.addWidget(dialog)
    assert dialog.checkpoints_model.rowCount() == 1
    assert dialog.checkpoints_model.row(0).values[3] == "directrice"
