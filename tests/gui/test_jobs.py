from housingmatch.errors import UserError
from housingmatch.gui.jobs import JobRunner
from housingmatch.services.background import generate_demo_work
from housingmatch.store import Store
from tests.builders import SUPERVISOR


def test_job_reports_progress_and_result(app_window, qtbot):
    seen = []
    store = app_window.store
    before = store.requests.count()
    results = []
    job = app_window.jobs.start(
        "démo", generate_demo_work, store.path, SUPERVISOR, 1500, 10, 7, 0, on_done=results.append
    )
    job.signals.progress.connect(lambda done, total: seen.append((done, total)))
    # job_ended is emitted on the GUI thread: connecting after start cannot miss it.
    with qtbot.waitSignal(app_window.jobs.job_ended, timeout=60000):
        pass
    assert results and results[0].requests == 1500
    assert seen, "no progress was reported"
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert store.requests.count() == before + 1500
    qtbot.waitUntil(lambda: not app_window.jobs.running())
    assert app_window.jobs.progress_widget.isHidden()


def test_cancelled_job_leaves_the_database_unchanged(app_window, qtbot):
    store = app_window.store
    counts = (store.requests.count(), store.units.count(), store.audit.count())
    cancelled = []
    app_window.jobs.start(
        "démo",
        generate_demo_work,
        store.path,
        SUPERVISOR,
        20000,
        50,
        7,
        0,
        on_cancelled=lambda: cancelled.append(True),
    )
    assert app_window.jobs.progress_widget.isVisible()
    with qtbot.waitSignal(app_window.jobs.job_ended, timeout=60000):
        app_window.jobs.progress_widget.cancel_button.click()
    assert cancelled == [True]
    with Store.open(store.path) as other:
        assert (other.requests.count(), other.units.count(), other.audit.count()) == counts
    assert (store.requests.count(), store.units.count(), store.audit.count()) == counts


def failing(db_path, progress, cancelled):
    raise UserError("Le fichier est illisible.")


def crashing(db_path, progress, cancelled):
    raise ZeroDivisionError("division by zero")


def test_errors_are_shown_in_french_in_one_place(qtbot, no_modal_boxes):
    runner = JobRunner(None)
    with qtbot.waitSignal(runner.job_ended, timeout=5000):
        runner.start("Import du fichier", failing, None)
    with qtbot.waitSignal(runner.job_ended, timeout=5000):
        runner.start("Calcul", crashing, None)
    runner.wait()
    messages = [text for kind, text in no_modal_boxes if kind == "critical"]
    assert messages[0] == "Import du fichier: Le fichier est illisible."
    assert "erreur inattendue" in messages[1]
