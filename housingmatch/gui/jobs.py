"""The one helper that runs long work off the GUI thread, with progress, cancel and errors.

A work function is a plain function ``fn(db_path, *args, progress, cancelled, **kwargs)``:
it opens its own :class:`~housingmatch.store.Store` from the path (sqlite3 connections are
thread-bound), calls ``progress(done, total)`` now and then, raises
:class:`~housingmatch.errors.JobCancelled` when ``cancelled()`` turns true (writing nothing),
and returns its result. Results and errors come back on the GUI thread through the signals
of a ``QObject`` created there; errors are shown in French in one place (:func:`show_error`).
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from housingmatch.errors import JobCancelled, UserError

# Progress is forwarded at most this often: a work function may report every row.
_PROGRESS_INTERVAL_S = 0.05


def error_text(error: BaseException) -> str:
    """Return the French message shown to the user for an error raised by some work."""
    if isinstance(error, UserError):
        return str(error)
    if isinstance(error, OSError):
        return QCoreApplication.translate(
            "Jobs", "Erreur d'accès au fichier ou à la base : {error}"
        ).format(error=error)
    return QCoreApplication.translate(
        "Jobs",
        "Une erreur inattendue s'est produite. Le détail ci-dessous peut être transmis "
        "au support.\n\n{kind} : {error}",
    ).format(kind=type(error).__name__, error=error)


def show_error(parent: QWidget | None, title: str, error: BaseException) -> None:
    """Show an error to the user, in French (the one place errors are displayed)."""
    QMessageBox.critical(parent, title, error_text(error))


class JobSignals(QObject):
    """Signals of one job; created on the GUI thread so that slots run there.

    Signals:
        progress(done, total): some of the work is done.
        finished(result): the work returned ``result``.
        failed(error): the work raised ``error`` (not a cancellation).
        cancelled(): the work stopped because the user cancelled it.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Job(QRunnable):
    """One piece of long work run on the thread pool."""

    def __init__(
        self,
        title: str,
        fn: Callable[..., Any],
        db_path: Path | None,
        args: tuple[Any, ...] = (),
        kwargs: dict[str, Any] | None = None,
    ) -> None:
        """Prepare ``fn(db_path, *args, progress=..., cancelled=..., **kwargs)``."""
        super().__init__()
        self.setAutoDelete(False)
        self.title = title
        self.signals = JobSignals()
        self._fn = fn
        self._db_path = db_path
        self._args = args
        self._kwargs = kwargs or {}
        self._cancel = threading.Event()
        self._last_progress = 0.0
        self.done = False
        self.worker_done = False
        self.show_progress = True
        self.on_done: Callable[[Any], None] | None = None
        self.on_cancelled: Callable[[], None] | None = None
        self.on_failed: Callable[[BaseException], None] | None = None

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._cancel.set()

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last_progress < _PROGRESS_INTERVAL_S:
            return
        self._last_progress = now
        self.signals.progress.emit(int(done), int(total))

    def run(self) -> None:
        """Run the work function and report its outcome through the signals."""
        try:
            result = self._fn(
                self._db_path,
                *self._args,
                progress=self._progress,
                cancelled=self._cancel.is_set,
                **self._kwargs,
            )
        except JobCancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:  # every error goes to the one error path
            exc.__notes__ = [*getattr(exc, "__notes__", []), traceback.format_exc()]
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
        finally:
            self.worker_done = True


class JobRunner(QObject):
    """Starts jobs on a thread pool, shows their progress, and reports their errors.

    Signals:
        job_started(title): a job was started.
        job_ended(title): a job finished, failed or was cancelled.
    """

    job_started = Signal(str)
    job_ended = Signal(str)

    def __init__(self, parent_widget: QWidget | None, pool: QThreadPool | None = None) -> None:
        """Run on ``pool`` (the global pool by default); errors are shown over ``parent_widget``."""
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self.pool = pool or QThreadPool.globalInstance()
        self._running: list[Job] = []
        self._by_signals: dict[JobSignals, Job] = {}
        self.progress_widget = JobProgressWidget(parent_widget)
        self.progress_widget.cancel_requested.connect(self._on_progress_widget_cancel_requested)
        self.progress_widget.hide()

    def start(
        self,
        title: str,
        fn: Callable[..., Any],
        db_path: Path | None,
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        show_progress: bool = True,
        **kwargs: Any,
    ) -> Job:
        """Start ``fn`` on the pool; ``on_done(result)`` runs on the GUI thread when it returns."""
        job = Job(title, fn, db_path, args, kwargs)
        job.on_done, job.on_cancelled, job.on_failed = on_done, on_cancelled, on_failed
        job.show_progress = show_progress
        # Bound slots of this GUI-thread object: the worker's emissions are queued to the
        # GUI thread (a plain lambda could be called in the worker thread).
        job.signals.progress.connect(self._on_job_progress)
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        job.signals.cancelled.connect(self._on_job_cancelled)
        self._by_signals[job.signals] = job
        if show_progress:
            self.progress_widget.track(job)
        self._running.append(job)
        self.job_started.emit(title)
        self.pool.start(job)
        return job

    def running(self) -> list[Job]:
        """Return the jobs whose work is still going on."""
        return [job for job in self._running if not job.worker_done]

    def cancel_all(self) -> None:
        """Ask every running job to stop."""
        for job in self._running:
            job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the pool to be idle (teardown, closing the window)."""
        return self.pool.waitForDone(msecs)

    def _job_of_sender(self) -> Job | None:
        return self._by_signals.get(self.sender())  # type: ignore[call-overload]

    @Slot(int, int)
    def _on_job_progress(self, done: int, total: int) -> None:
        job = self._job_of_sender()
        if job is not None and job.show_progress:
            self.progress_widget.show_progress(job, done, total)

    @Slot(object)
    def _on_job_finished(self, result: object) -> None:
        job = self._job_of_sender()
        if job is None:
            return
        self._forget(job)
        if job.on_done is not None:
            job.on_done(result)

    @Slot(object)
    def _on_job_failed(self, error: BaseException) -> None:
        job = self._job_of_sender()
        if job is None:
            return
        self._forget(job)
        if job.on_failed is not None:
            job.on_failed(error)
        show_error(self._parent_widget, job.title, error)

    @Slot()
    def _on_job_cancelled(self) -> None:
        job = self._job_of_sender()
        if job is None:
            return
        self._forget(job)
        if job.on_cancelled is not None:
            job.on_cancelled()

    def _forget(self, job: Job) -> None:
        job.done = True
        self._by_signals.pop(job.signals, None)
        if job in self._running:
            self._running.remove(job)
        self.progress_widget.untrack(job)
        self.job_ended.emit(job.title)

    @Slot()
    def _on_progress_widget_cancel_requested(self) -> None:
        job = self.progress_widget.current_job()
        if job is not None:
            job.cancel()


class JobProgressWidget(QWidget):
    """A title, a progress bar and a cancel button for the current job (in the status bar).

    Signals:
        cancel_requested(): the user pressed "Annuler".
    """

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build the label, bar and button."""
        super().__init__(parent)
        self._jobs: list[Job] = []
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Annuler"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)

    def track(self, job: Job) -> None:
        """Show the progress of ``job`` (the newest tracked job is the one shown)."""
        self._jobs.append(job)
        self._show(job)

    def untrack(self, job: Job) -> None:
        """Stop showing ``job``; hide when no job is left."""
        if job in self._jobs:
            self._jobs.remove(job)
        if self._jobs:
            self._show(self._jobs[-1])
        else:
            self.hide()

    def current_job(self) -> Job | None:
        """Return the job shown, if any."""
        return self._jobs[-1] if self._jobs else None

    def _show(self, job: Job) -> None:
        self.label.setText(job.title)
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.cancel_button.setEnabled(True)
        self.show()

    def show_progress(self, job: Job, done: int, total: int) -> None:
        """Show the progress of ``job`` if it is the job shown."""
        if job is not self.current_job():
            return
        if total <= 0:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    @Slot()
    def _on_cancel_button_clicked(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Annulation…"))
        self.cancel_requested.emit()
