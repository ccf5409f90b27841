from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from housingmatch.gui.backups_dialog import BackupsDialog, offer_latest_backup
from housingmatch.services import local_session
from housingmatch.store import Store
from housingmatch.store.backup import list_backups
from tests.builders import make_request


def test_backups_screen_takes_a_backup_and_restores_one(qtbot, app_window, monkeypatch):
    app_window.backups_action.trigger()
    dialog = app_window.findChild(BackupsDialog, "backups_dialog")
    assert dialog is not None and dialog.isVisible()
    before = dialog.table.rowCount()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == before + 1, timeout=10_000)
    assert "à la demande" in dialog.table.item(0, 1).text()
    # A change after the backup, then the restore of the backup, confirmed by the user.
    app_window.store.requests.save_many([make_request("APRES")], "t", "t")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert app_window.store.requests.get("APRES") is None
    assert any("avant-restauration" in p.name for p in app_window.store.path.parent.iterdir())


def test_a_refused_confirmation_changes_nothing(qtbot, app_window):
    dialog = app_window.show_backups()
    app_window.store.backup()
    dialog.reload()
    app_window.store.requests.save_many([make_request("APRES")], "t", "t")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)  # answer: Discard
    assert app_window.store.requests.get("APRES") is not None


def test_a_damaged_base_is_offered_its_latest_good_backup(qtbot, tmp_path, monkeypatch):
    db = tmp_path / "base.db"
    with Store.open(db) as store:
        store.requests.save_many([make_request(f"R{i}") for i in range(300)], "t", "t")
        store.backup()
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    data[4096 * 2 : 4096 * 6] = b"\x5a" * (4096 * 4)
    db.write_bytes(bytes(data))
    asked = []

    def yes(_parent, _title, text, *a, **k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    assert offer_latest_backup(None, db, local_session())
    assert "endommagée" in asked[0]
    with Store.open(db, check=True) as store:
        assert store.requests.count() == 300
    assert list_backups(db)
