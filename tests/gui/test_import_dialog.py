from pathlib import Path

import pytest

from housingmatch.gui.import_dialog import ImportDialog
from housingmatch.gui.main_window import REQUESTS
from tests.builders import SUPERVISOR

TEMPLATE_REFS = {"EXEMPLE-001", "EXEMPLE-002"}


@pytest.fixture
def template(data_dir: Path) -> Path:
    return data_dir / "demandes_modele.csv"


@pytest.fixture
def bad_template(template: Path, tmp_path: Path) -> Path:
    """The template with one bad cell: line 3 (EXEMPLE-002) has a household of "beaucoup"."""
    lines = template.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(";")
    cells = lines[2].split(";")
    cells[header.index("nb_personnes")] = "beaucoup"
    lines[2] = ";".join(cells)
    path = tmp_path / "demandes_erreur.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def table(view) -> list[list[str]]:
    model = view.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def previewed_dialog(app_window, qtbot, path: Path) -> ImportDialog:
    dialog = ImportDialog(
        app_window.store, SUPERVISOR, app_window.jobs, "demandes", path, app_window
    )
    qtbot.addWidget(dialog)
    # The preview job's result is queued to the GUI thread: it cannot arrive before this wait.
    with qtbot.waitSignal(dialog.previewed, timeout=10000):
        pass
    return dialog


def stored_template_refs(store) -> set[str]:
    return {ref for ref in TEMPLATE_REFS if store.requests.get(ref) is not None}


def test_preview_shows_the_mapping_before_anything_is_written(app_window, qtbot, template):
    store = app_window.store
    before = (store.requests.count(), store.audit.count())
    dialog = previewed_dialog(app_window, qtbot, template)
    mapping = table(dialog.ui.mapping_view)
    headers = template.read_text(encoding="utf-8-sig").splitlines()[0].split(";")
    assert {row[0] for row in mapping} == set(headers)
    assert ["nom", "nom", "100 %"] in mapping
    assert table(dialog.ui.errors_view) == []
    assert "2 lignes lues : 2 valides, 0 erreur" in dialog.ui.summary_label.text()
    assert "Rien n'a encore été écrit" in dialog.ui.summary_label.text()
    assert dialog.import_button.isEnabled()
    assert (store.requests.count(), store.audit.count()) == before
    assert stored_template_refs(store) == set()


def test_importing_runs_in_a_job_and_the_requests_appear(app_window, qtbot, template, monkeypatch):
    store = app_window.store
    page = app_window.requests_page
    app_window.show_page(REQUESTS)
    before = store.requests.count()
    dialog = previewed_dialog(app_window, qtbot, template)
    # The import reloads the window's tables, as the menu action does.
    dialog.imported.connect(lambda _report: app_window.reload())
    with qtbot.waitSignals([app_window.jobs.job_started, dialog.imported], timeout=30000):
        dialog.import_button.click()
    report = dialog.report
    assert report.written and sorted(report.created) == sorted(TEMPLATE_REFS)
    assert dialog.result() == ImportDialog.DialogCode.Accepted
    assert store.requests.count() == before + 2
    assert stored_template_refs(store) == TEMPLATE_REFS
    qtbot.waitUntil(lambda: page.model.total_count() == before + 2, timeout=5000)
    assert page.select_where(lambda s: s.ref == "EXEMPLE-002")


def test_a_bad_row_is_shown_with_line_column_and_message(app_window, qtbot, bad_template):
    store = app_window.store
    before = store.audit.count()
    dialog = previewed_dialog(app_window, qtbot, bad_template)
    assert table(dialog.ui.errors_view) == [
        ["3", "nb_personnes", "beaucoup", "nombre entier invalide"]
    ]
    assert "1 valide, 1 erreur" in dialog.ui.summary_label.text()
    # All or nothing by default: importing is offered only with the partial option.
    assert not dialog.import_button.isEnabled()
    dialog.ui.partial_check.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.ui.partial_check.setChecked(False)
    assert not dialog.import_button.isEnabled()
    assert store.audit.count() == before
    assert stored_template_refs(store) == set()


def test_a_bad_row_writes_nothing_without_the_partial_option(app_window, qtbot, bad_template):
    store = app_window.store
    before = (store.requests.count(), store.audit.count())
    dialog = previewed_dialog(app_window, qtbot, bad_template)
    # Even when asked directly (e.g. a stale button), the service refuses the whole file.
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.start_import()
    assert not dialog.report.written
    assert "Import refusé" in dialog.ui.summary_label.text()
    assert dialog.result() != ImportDialog.DialogCode.Accepted
    assert (store.requests.count(), store.audit.count()) == before
    assert stored_template_refs(store) == set()


def test_the_partial_option_imports_only_the_valid_rows(app_window, qtbot, bad_template):
    store = app_window.store
    dialog = previewed_dialog(app_window, qtbot, bad_template)
    dialog.ui.partial_check.setChecked(True)
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.import_button.click()
    assert dialog.report.written
    assert stored_template_refs(store) == {"EXEMPLE-001"}
    rejects = dialog.report.rejects_path
    assert rejects is not None and "beaucoup" in rejects.read_text(encoding="utf-8-sig")


def test_the_file_menu_opens_the_preview(app_window, qtbot, template):
    app_window.import_file("demandes", template)
    dialogs = app_window.findChildren(ImportDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert dialog.isVisible()
    assert dialog.mapping_model.rowCount() > 0
    dialog.reject()


def test_a_failed_import_says_so_and_can_be_retried(
    app_window, qtbot, template, tmp_path, no_modal_boxes
):
    path = tmp_path / "demandes.csv"
    path.write_bytes(template.read_bytes())
    dialog = previewed_dialog(app_window, qtbot, path)
    path.unlink()  # the file disappears between the preview and the import
    with qtbot.waitSignal(app_window.jobs.job_ended, timeout=30000):
        dialog.import_button.click()
    assert [kind for kind, _text in no_modal_boxes] == ["critical"]
    assert "en cours" not in dialog.ui.summary_label.text()
    assert "introuvable" in dialog.ui.summary_label.text()
    assert dialog.import_button.isEnabled()
