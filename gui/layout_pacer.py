"""Laying the rest of a document out in short steps after a zoom or a resize.

After a document's font or width changes, Qt lays out what is on the screen and then the
rest in the background, with a timer on the document's layout every 10 ms: each step
twice as many characters as the one before, up to 200,000. A table costs about ten times
as much a character as paragraphs, so the steps of an article holding a long table held
the window for 0.3-0.9 s each. While a pacer runs, that timer's ticks are dropped and the
pacer lays the document out itself, a few milliseconds of layout at a time, asking where
a block further on is (which lays the document out up to it, and no further).

The line at the top of the view must be laid out before it can be put back there: deep
in a long table, half a second of layout. A pacer can lay the text out down to it first,
in the same short steps, and then have it put back (see ``ArticleView.relaid_out``).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

from PySide6.QtCore import QAbstractEventDispatcher, QEvent, QObject, QTimer, QTimerEvent
from PySide6.QtGui import QAbstractTextDocumentLayout, QTextDocument

LAYOUT_TICK_MS = 10  # the interval of Qt's timer laying a document out lazily
STEP_MS = 20  # the longest stretch of layout between two events
FIRST_STEP_MS = 25  # laid out at once down to the line kept at the top, if it takes no longer
FIRST_CHUNK = 2_000  # characters laid out by the first request of a step


class LayoutPacer(QObject):
    """Lays a document out to its end in steps of about :data:`STEP_MS`, once its layout
    was made invalid (a new font or width) and the part on the screen laid out."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document: QTextDocument | None = None
        self._layout: QAbstractTextDocumentLayout | None = None
        self._tick = 0  # the id of Qt's layout timer whose ticks are dropped
        self._position = 0  # laid out at least up to here
        self._chunk = FIRST_CHUNK
        self._until = -1  # laid out down to here, ``then`` is called
        self._then: Callable[[], None] | None = None
        self._generation = 0
        self._watched: QTextDocument | None = None  # the document whose end stops this

    def pace(
        self,
        document: QTextDocument,
        *,
        until: int = -1,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Lay the rest of ``document`` out in short steps, from now on; first down to the
        document position ``until``, and then call ``then`` (at once if that is quick)."""
        self.stop()
        layout = document.documentLayout()
        tick = _lazy_layout_timer(layout)
        if tick == 0:  # laid out already
            if then is not None:
                then()
            return
        self._document, self._layout, self._tick = document, layout, tick
        self._position, self._chunk = 0, FIRST_CHUNK
        self._until, self._then = until, then
        layout.installEventFilter(self)
        if document is not self._watched:  # once, not at each step of a divider dragged
            if self._watched is not None:  # an earlier document's end stops nothing now
                with contextlib.suppress(RuntimeError):  # deleted already
                    self._watched.destroyed.disconnect(self.stop)
            document.destroyed.connect(self.stop)
            self._watched = document
        if then is not None:
            self._step(self._generation, FIRST_STEP_MS)
        else:
            self._schedule()

    def is_pacing(self) -> bool:
        """Whether a document is still being laid out by this pacer."""
        return self._layout is not None

    def stop(self) -> None:
        """Give the layout back to Qt's own timer."""
        self._generation += 1
        self._then = None
        if self._layout is not None:
            with contextlib.suppress(RuntimeError):  # the document was deleted
                self._layout.removeEventFilter(self)
        self._document, self._layout, self._tick = None, None, 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Drop the ticks of Qt's own lazy layout while this lays the document out."""
        if event.type() == QEvent.Type.Timer and watched is self._layout:
            assert isinstance(event, QTimerEvent)
            return event.timerId() == self._tick
        return False

    def _schedule(self) -> None:
        generation = self._generation
        QTimer.singleShot(1, self, lambda: self._step(generation))

    def _step(self, generation: int, budget_ms: float = STEP_MS) -> None:
        """Lay out a few milliseconds' worth of the document; again later until done."""
        document, layout = self._document, self._layout
        if generation != self._generation or document is None or layout is None:
            return
        deadline = time.perf_counter() + budget_ms / 1000
        if self._then is not None:
            self._advance(document, layout, self._until, deadline)
            if self._position <= self._until:
                self._schedule()
                return
            then, self._then = self._then, None
            then()
            if generation != self._generation:
                return  # ``then`` paced the document again
        end = document.characterCount() - 1
        self._advance(document, layout, end, deadline)
        if self._position > end or _lazy_layout_timer(layout) != self._tick:
            self.stop()  # laid out to the end: Qt stopped its timer
        else:
            self._schedule()

    def _advance(
        self,
        document: QTextDocument,
        layout: QAbstractTextDocumentLayout,
        limit: int,
        deadline: float,
    ) -> None:
        """Lay the document out up to position ``limit``, or until ``deadline``."""
        while self._position <= limit and time.perf_counter() < deadline:
            target = min(limit, self._position + self._chunk)
            started = time.perf_counter()
            layout.blockBoundingRect(document.findBlock(target))  # lays out up to it
            self._adapt((time.perf_counter() - started) * 1000)
            self._position = target + 1

    def _adapt(self, spent_ms: float) -> None:
        """Size the next request so that it takes about a quarter of a step."""
        if spent_ms < STEP_MS / 8:
            self._chunk *= 2
        elif spent_ms > STEP_MS / 2:
            self._chunk = max(200, self._chunk // 2)


def _lazy_layout_timer(layout: QAbstractTextDocumentLayout) -> int:
    """The id of the timer by which Qt is laying ``layout``'s document out, or 0 if none
    (the document is laid out)."""
    dispatcher = QAbstractEventDispatcher.instance()
    if dispatcher is None:
        return 0
    for timer in dispatcher.registeredTimers(layout):
        if timer.interval == LAYOUT_TICK_MS:
            return timer.timerId
    return 0
