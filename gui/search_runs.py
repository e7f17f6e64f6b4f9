"""The Search panel's searches, run in a worker: the window keeps answering while a search
reads every text (a Chinese, Japanese or Korean query), and the newest query wins."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from diptych.gui.session import ProjectSession
from diptych.storage.errors import Cancelled, DiptychError

if TYPE_CHECKING:
    from pathlib import Path

    from diptych.gui.workers import Progress, Worker
    from diptych.storage.search import SearchHit


class SearchRuns(QObject):
    """One search at a time in the session's workers; asking for another stops it.

    A search asked for while one runs waits for that one to stop (at once: SQLite is
    told to stop, :mod:`diptych.storage.search_reading`), so that two never compete for
    the processor; only the results of the latest search asked for are given.

    Signals:
        found(str, object): the query and its hits (a list of ``SearchHit``), or the
            ``DiptychError`` that stopped it.
        lost(): the search asked for ended without results (a bug, reported by the workers).
    """

    found = Signal(str, object)
    lost = Signal()

    def __init__(self, session: ProjectSession, limit: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.limit = limit
        self._worker: Worker | None = None  # the search running
        self._running = ""  # its query
        self._wanted: str | None = None  # the query asked for, until it is searched
        self._asked = 0  # searches asked for: the running one is wanted if it is the last
        self._started_at = 0  # the number of the running one

    @property
    def busy(self) -> bool:
        """True from a search asked for until its results are given."""
        return self._wanted is not None or (self._asked == self._started_at and self.running)

    @property
    def running(self) -> bool:
        """True while a worker searches (maybe one no longer wanted)."""
        return self._worker is not None

    def is_running(self, query: str) -> bool:
        """True while the search for ``query`` asked for last is running."""
        return self.busy and self._wanted is None and self._running == query

    def ask(self, query: str) -> None:
        """Search for ``query``, instead of any search asked for before."""
        self._asked += 1
        self._wanted = query
        if self._worker is not None:
            self._worker.cancel()  # it ends soon; the wanted search starts then
        else:
            self._start()

    def drop(self) -> None:
        """Want no results (the query was cleared): a running search is stopped."""
        self._asked += 1
        self._wanted = None
        if self._worker is not None:
            self._worker.cancel()

    def _start(self) -> None:
        query, self._wanted = self._wanted, None
        if query is None or self.session.project.closed:
            return
        self._running, self._started_at = query, self._asked
        project = self.session.project
        job = _SearchJob(project.path, query, self.limit, project.file_identity)
        self._worker = worker = self.session.workers.start(job)
        job.worker = worker
        worker.signals.finished.connect(self._on_finished)
        worker.signals.cancelled.connect(self._on_ended)
        worker.signals.failed.connect(self._on_ended)  # a known error is a result: not here
        worker.signals.crashed.connect(self._on_ended)

    def _end(self) -> bool:
        """The running search ended: whether its results are wanted; else start the one
        wanted instead, if there is one."""
        wanted = self._started_at == self._asked and not self.session.project.closed
        self._worker = None
        if not wanted:
            self._start()
        return wanted

    def _on_finished(self, result: list[SearchHit] | DiptychError) -> None:
        if self._end():
            self.found.emit(self._running, result)

    def _on_ended(self, *_args: object) -> None:
        """It ended without results: a bug (the workers report it), or it was stopped
        yet still wanted (the window closing stops every worker)."""
        if self._end():
            self.lost.emit()


class _SearchJob:
    """Searches the file at ``path`` for ``query`` in a pool thread, until its worker is
    cancelled; a known error is its result, shown as a search's own error is."""

    def __init__(
        self, path: Path, query: str, limit: int, identity: tuple[int, int] | None
    ) -> None:
        self.path, self.query, self.limit = path, query, limit
        self.identity = identity  # the open project's file, not another taking its name
        self.worker: Worker | None = None  # set before the job starts

    def stopped(self) -> bool:
        return self.worker is not None and self.worker.is_cancelled

    def __call__(self, _progress: Progress) -> list[SearchHit] | DiptychError:
        from diptych.storage import search_reading  # in the worker: not on the start path

        try:
            return search_reading.search_file(
                self.path,
                query=self.query,
                limit=self.limit,
                stopped=self.stopped,
                identity=self.identity,
            )
        except Cancelled:
            raise
        except DiptychError as exc:
            return exc
