"""Slow work off the GUI thread: a QRunnable running a job with progress and cancel.

A job is a plain function ``job(progress) -> result`` where ``progress(done, total)``
returns False once the user cancelled. Jobs that touch the project open their own
connection (SQLite connections must not cross threads). A bug in a job is reported by
:class:`Workers` itself, like any other bug; callers only put their own widgets right.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from diptych.gui.messages import MessageBridge, as_shown
from diptych.storage.errors import Cancelled, DiptychError

Progress = Callable[[int, int], bool]
Job = Callable[[Progress], Any]


class WorkerSignals(QObject):
    """Signals of a :class:`Worker` (QRunnable cannot have its own).

    Signals:
        progressed(int, int): done, total.
        finished(object): the job's result.
        failed(str): a known error's message, file and advice included, as the window
            shows it (:func:`~diptych.gui.messages.as_shown`).
        cancelled(): the job stopped because the user cancelled.
        crashed(str, str): an unexpected error's summary and traceback; :class:`Workers`
            has already reported it (crash log and dialog).
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    crashed = Signal(str, str)


class Worker(QRunnable):
    """Runs one job in the thread pool.

    Args:
        job: the function to run; it receives a progress callback.
    """

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.signals = WorkerSignals()
        self.error: BaseException | None = None  # the bug that stopped the job, if one did
        self._cancel = threading.Event()
        self.setAutoDelete(False)  # Python keeps the reference; Qt must not delete it

    def cancel(self) -> None:
        """Ask the job to stop at its next progress report."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> bool:
        self.signals.progressed.emit(done, total)
        return not self._cancel.is_set()

    def run(self) -> None:
        """Qt calls this in a pool thread."""
        try:
            result = self.job(self._progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except DiptychError as exc:
            self.signals.failed.emit(as_shown(exc))
        except Exception as exc:
            self.error = exc
            self.signals.crashed.emit(f"{type(exc).__name__}: {exc}", traceback.format_exc())
        else:
            # The job ran to its end: what it did is done, even if Cancel came too late.
            self.signals.finished.emit(result)


class Workers(QObject):
    """Starts jobs in a thread pool and keeps each worker alive until its job ends.

    A job that crashes (a bug) is reported here, once for every job: its traceback goes to
    ``messages.bug`` (the crash log, then the crash dialog), or, without a bridge, to the
    application's exception hook, which ends in the same place.

    Args:
        pool: the thread pool to run in.
        messages: where bugs in jobs are reported.
    """

    def __init__(
        self,
        pool: QThreadPool,
        parent: QObject | None = None,
        *,
        messages: MessageBridge | None = None,
    ) -> None:
        super().__init__(parent)
        self.pool = pool
        self.messages = messages
        self._running: list[Worker] = []

    def start(self, job: Job) -> Worker:
        """Run ``job`` in the pool once control returns to the event loop.

        The start is deferred so that the caller's connections to ``worker.signals`` are in
        place before the job can finish: a signal emitted with no receiver is lost.
        """
        worker = Worker(job)
        self._running.append(worker)
        for signal in (worker.signals.finished, worker.signals.failed, worker.signals.cancelled):
            signal.connect(lambda *_a, w=worker: self._forget(w))
        worker.signals.crashed.connect(lambda *args, w=worker: self._report_bug(w, *args))
        QTimer.singleShot(0, self, lambda: self._launch(worker))
        return worker

    def _launch(self, worker: Worker) -> None:
        if worker.is_cancelled:
            worker.signals.cancelled.emit()
        else:
            self.pool.start(worker)

    def _forget(self, worker: Worker) -> None:
        if worker in self._running:
            self._running.remove(worker)

    def _report_bug(self, worker: Worker, summary: str, details: str) -> None:
        self._forget(worker)
        if self.messages is not None:
            self.messages.bug(summary, details)
        elif worker.error is not None:
            error = worker.error
            sys.excepthook(type(error), error, error.__traceback__)

    @property
    def busy(self) -> bool:
        """True while a job runs."""
        return bool(self._running)

    def cancel_all(self, wait_ms: int = 5000) -> bool:
        """Cancel every job and wait for the pool; False if something is still running."""
        for worker in list(self._running):
            worker.cancel()
        return self.pool.waitForDone(wait_ms)
