"""Slow work off the GUI thread: a QRunnable running a job with progress and cancel.

A job is a plain function ``job(progress) -> result`` where ``progress(done, total)``
returns False once the user cancelled. Jobs that touch the project open their own
connection (SQLite connections must not cross threads). A bug in a job is reported by
:class:`Workers` itself, like any other bug; callers only put their own widgets right.

What a job says is passed on to its callers on the GUI thread, as it arrives there; once
the window that started it has closed (given way to another project), nothing more is
passed on (:meth:`Workers.close`), so that no late result or message of one project
reaches the next project's window.

Jobs started in one line (:meth:`Workers.start`'s ``line``) run one after another, each
once the one before it has ended and its callers were told: two imports into one project
each get the file to themselves, rather than the second waiting for the first's write
and giving up.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from diptych.gui.messages import MessageBridge, as_shown
from diptych.storage.errors import Cancelled, DiptychError

Progress = Callable[[int, int], bool]
Job = Callable[[Progress], Any]


class WorkerSignals(QObject):
    """Signals of a :class:`Worker` (QRunnable cannot have its own).

    Signals:
        started(): the job is given to the thread pool: at once, or, in a line, once the
            jobs before it have ended.
        progressed(int, int): done, total.
        finished(object): the job's result.
        failed(str): a known error's message, file and advice included, as the window
            shows it (:func:`~diptych.gui.messages.as_shown`).
        cancelled(): the job stopped because the user cancelled.
        crashed(str, str): an unexpected error's summary and traceback; :class:`Workers`
            has already reported it (crash log and dialog).
    """

    started = Signal()
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    crashed = Signal(str, str)


class Delivery(QObject):
    """Passes what a job says in its thread on to its worker's signals, on the GUI thread
    (where this object lives), until it is dropped.

    Signals:
        ended(): the job ended, however it ended (said even once dropped).
        bug(str, str): the job crashed (said even once dropped: a bug is always reported).
    """

    ended = Signal()
    bug = Signal(str, str)

    def __init__(self, said: WorkerSignals, signals: WorkerSignals) -> None:
        super().__init__()
        self.signals = signals
        self.dropped = False
        said.progressed.connect(self.on_progressed)
        said.finished.connect(self.on_finished)
        said.failed.connect(self.on_failed)
        said.cancelled.connect(self.on_cancelled)
        said.crashed.connect(self.on_crashed)

    @Slot(int, int)
    def on_progressed(self, done: int, total: int) -> None:
        if not self.dropped:
            self.signals.progressed.emit(done, total)

    @Slot(object)
    def on_finished(self, result: object) -> None:
        self.ended.emit()
        if not self.dropped:
            self.signals.finished.emit(result)

    @Slot(str)
    def on_failed(self, text: str) -> None:
        self.ended.emit()
        if not self.dropped:
            self.signals.failed.emit(text)

    @Slot()
    def on_cancelled(self) -> None:
        self.ended.emit()
        if not self.dropped:
            self.signals.cancelled.emit()

    @Slot(str, str)
    def on_crashed(self, summary: str, details: str) -> None:
        self.bug.emit(summary, details)
        if not self.dropped:
            self.signals.crashed.emit(summary, details)


class Worker(QRunnable):
    """Runs one job in the thread pool.

    Args:
        job: the function to run; it receives a progress callback.
        told_after_close: see :meth:`Workers.start`.
    """

    def __init__(self, job: Job, *, told_after_close: bool = False) -> None:
        super().__init__()
        self.job = job
        self.signals = WorkerSignals()
        self._said = WorkerSignals()  # by the job's thread; passed on by the delivery
        self.delivery = Delivery(self._said, self.signals)
        self.error: BaseException | None = None  # the bug that stopped the job, if one did
        self.told_after_close = told_after_close
        self.waiting = False  # in a line, behind a job that has not ended yet
        self._cancel = threading.Event()
        self.setAutoDelete(False)  # Python keeps the reference; Qt must not delete it

    def cancel(self) -> None:
        """Ask the job to stop at its next progress report; one still waiting in its line
        ends at once (it has done nothing)."""
        self._cancel.set()
        if self.waiting:
            self.waiting = False
            self.delivery.on_cancelled()

    def drop(self) -> None:
        """Cancel the job, and pass on nothing more that it says (but a bug)."""
        self.delivery.dropped = True
        self.cancel()

    @property
    def is_cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> bool:
        self._said.progressed.emit(done, total)
        return not self._cancel.is_set()

    def run(self) -> None:
        """Qt calls this in a pool thread."""
        try:
            result = self.job(self._progress)
        except Cancelled:
            self._said.cancelled.emit()
        except DiptychError as exc:
            self._said.failed.emit(as_shown(exc))
        except Exception as exc:
            self.error = exc
            self._said.crashed.emit(f"{type(exc).__name__}: {exc}", traceback.format_exc())
        else:
            # The job ran to its end: what it did is done, even if Cancel came too late.
            self._said.finished.emit(result)


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
        self._lines: dict[str, list[Worker]] = {}  # each line's jobs, the one running first
        self.closed = False  # see close()

    def start(self, job: Job, *, told_after_close: bool = False, line: str = "") -> Worker:
        """Run ``job`` in the pool once control returns to the event loop.

        The start is deferred so that the caller's connections to ``worker.signals`` are in
        place before the job can finish: a signal emitted with no receiver is lost.
        With ``told_after_close``, what the job says still reaches its callers after
        :meth:`close`: they only report, naming the project (a copy of it saved, say).
        With a ``line`` ("import"), the job waits (``worker.waiting``) until the jobs
        started before it in that line have ended and their callers were told; the
        worker's ``started`` says when it is given to the pool.
        """
        worker = Worker(job, told_after_close=told_after_close)
        if self.closed:  # a window that gave way starts nothing more
            worker.drop()
        self._running.append(worker)
        worker.delivery.ended.connect(lambda w=worker: self._forget(w))
        worker.delivery.bug.connect(lambda *args, w=worker: self._report_bug(w, *args))
        if line:
            queue = self._lines.setdefault(line, [])
            queue.append(worker)
            if len(queue) > 1 and not worker.is_cancelled:
                worker.waiting = True
                return worker
        QTimer.singleShot(0, self, lambda: self._launch(worker))
        return worker

    def _launch(self, worker: Worker) -> None:
        if worker.is_cancelled:
            worker.delivery.on_cancelled()
        else:
            worker.signals.started.emit()
            self.pool.start(worker)

    def _let_go(self, worker: Worker) -> None:
        """The jobs before ``worker`` in its line have ended: run it (unless it was
        cancelled while it waited)."""
        if worker.waiting:
            worker.waiting = False
            self._launch(worker)

    def _forget(self, worker: Worker) -> None:
        if worker in self._running:
            self._running.remove(worker)
        for queue in self._lines.values():
            if worker not in queue:
                continue
            first = queue[0] is worker
            queue.remove(worker)
            if first and queue:  # after what its callers do as they are told it ended
                following = queue[0]
                QTimer.singleShot(0, self, lambda w=following: self._let_go(w))

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

    def close(self, wait_ms: int = 5000) -> bool:
        """The window closes or gives way to another project: cancel every job, and let
        nothing more that they say reach their callers (only a bug is still reported), so
        that nothing of this project is shown or applied in the next one's window. Waits
        for the pool as :meth:`cancel_all` does."""
        self.closed = True
        for worker in list(self._running):
            if not worker.told_after_close:
                worker.drop()
        return self.cancel_all(wait_ms)
