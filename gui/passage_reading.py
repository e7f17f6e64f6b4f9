"""Reading every passage of the project for the passage table, in a worker when there are
many, so that a big project's window answers while they are read."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from diptych.gui.session import ProjectSession
from diptych.storage.errors import DiptychError
from diptych.storage.model import Annotation
from diptych.storage.passage_rows import load_passages

# More passages than this are read by a worker (~0.4 s for 40,000, which would hold the
# window); fewer are read at once, so that a small project's table is never empty.
BACKGROUND_READ = 5_000


class PassageReader(QObject):
    """Reads every passage for the table: at once when there are few, else in a worker.

    Until a worker's passages arrive the table keeps the rows it has and :attr:`reading`
    is True; articles whose passages change meanwhile are brought up to date once the rows
    are in.

    Args:
        session: the open project.
        install: shows the passages read, all at once.
        catch_up: brings one article's rows in step with the file.
        parent: the owning object (the table model).

    Signals:
        readingChanged(bool): the passages started or finished being read by a worker.
    """

    readingChanged = Signal(bool)

    def __init__(
        self,
        session: ProjectSession,
        install: Callable[[list[Annotation]], None],
        catch_up: Callable[[int], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._install = install
        self._catch_up = catch_up
        self._reading = 0  # the worker read whose rows are awaited (0: none)
        self._reads = 0
        self._changed_while_reading: set[int] = set()

    @property
    def reading(self) -> bool:
        """True while a worker reads the passages."""
        return self._reading != 0

    def defer(self, article_id: int) -> bool:
        """True while a worker reads: the article's rows then follow once the rows are in."""
        if self.reading:
            self._changed_while_reading.add(article_id)
        return self.reading

    def reload(self) -> None:
        """Read every passage again."""
        if self.session.project.annotations.count() > BACKGROUND_READ:
            self._read_in_background()
            return
        self._install(self.session.project.annotations.query())
        self._stop_reading()  # a read still under way is out of date

    def _read_in_background(self) -> None:
        self._reads += 1
        read, path, was_reading = self._reads, self.session.project.path, self.reading
        self._reading = read
        self._changed_while_reading.clear()
        worker = self.session.workers.start(lambda _progress: load_passages(path))
        outcome = _ReadOutcome(self, read)
        worker.signals.finished.connect(outcome.on_finished)
        worker.signals.failed.connect(outcome.on_failed)
        worker.signals.crashed.connect(outcome.on_crashed)
        if not was_reading:
            self.readingChanged.emit(True)

    def on_passages_read(self, read: int, passages: list[Annotation]) -> None:
        """A worker read the passages: show them, then bring changed articles up to date."""
        if read != self._reading or self.session.project.closed:
            return  # an older read, overtaken by a newer one; or the window went
        changed, self._changed_while_reading = self._changed_while_reading, set()
        self._reading = 0
        self._install(passages)
        for article_id in sorted(changed):
            self._catch_up(article_id)  # may start a new read (many changes)
        if not self.reading:
            self.readingChanged.emit(False)

    def on_passages_not_read(self, read: int, message: str) -> None:
        """A worker could not read the passages: read them here (the window waits), and
        say why if that fails too (the table would otherwise show part of the project)."""
        if read != self._reading or self.session.project.closed:
            return  # an older read: the newer one awaited brings the passages
        self._stop_reading()
        try:
            self._install(self.session.project.annotations.query())
        except DiptychError as exc:
            self.session.messages.known_error(exc)

    def on_passages_read_crashed(self, read: int, _summary: str, _details: str) -> None:
        """A bug stopped the read (the workers report it): keep the rows there are, unless
        a newer read is awaited, which brings the passages."""
        if read == self._reading:
            self._stop_reading()

    def _stop_reading(self) -> None:
        if self.reading:
            self._reading = 0
            self._changed_while_reading.clear()
            self.readingChanged.emit(False)


class _ReadOutcome(QObject):
    """Hands what became of one worker read to the reader with the read's number, so that
    an older read's failure or crash does not stop a newer one (whose passages would then
    be dropped as out of date, and the table left as it was).

    Args:
        reader: the reader that started the read (owns this object).
        read: the read's number.
    """

    def __init__(self, reader: PassageReader, read: int) -> None:
        super().__init__(reader)
        self.reader = reader
        self.read = read

    def on_finished(self, passages: list[Annotation]) -> None:
        self.deleteLater()
        self.reader.on_passages_read(self.read, passages)

    def on_failed(self, message: str) -> None:
        self.deleteLater()
        self.reader.on_passages_not_read(self.read, message)

    def on_crashed(self, summary: str, details: str) -> None:
        self.deleteLater()
        self.reader.on_passages_read_crashed(self.read, summary, details)
