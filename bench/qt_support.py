"""Qt helpers for benchmarks: the application, waiting for a paint, GUI-thread stalls."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QObject,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QWidget

TICK_MS = 5  # the stall monitor's timer interval
# The offscreen platform cannot size native windows; harmless, and absent on a real screen.
OFFSCREEN_NOISE = ("This plugin does not support",)


def _print_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if not message.startswith(OFFSCREEN_NOISE):
        print(message, file=sys.stderr)


def application() -> QApplication:
    """The QApplication of this process (offscreen unless a platform is set)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance()
    if app is None:
        qInstallMessageHandler(_print_qt_message)
        app = QApplication(["diptych-bench"])
    assert isinstance(app, QApplication)
    return app


def run_events(ms: float) -> None:
    """Run the event loop for ``ms`` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(max(0, round(ms)), loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], *, timeout_s: float = 120.0) -> None:
    """Run the event loop until ``condition()`` holds.

    Raises:
        TimeoutError: it did not hold within ``timeout_s``.
    """
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the condition did not hold in time")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def delete_widget(widget: QWidget) -> None:
    """Close and delete a widget now (its deferred deletion included)."""
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


class PaintWatch(QObject):
    """Notes when a widget's first paint is complete.

    The watcher delivers the paint event itself, from its event filter, through the
    widget's other filters and handlers exactly as Qt would, and takes the time when that
    returns. (A timer queued from the paint event would also count whatever work the
    event loop runs before it, such as the next slice of a document being built.)

    Args:
        widget: the widget to watch (for a text view, its viewport).
    """

    def __init__(self, widget: QWidget, *, armed: bool = True) -> None:
        super().__init__()
        self.widget = widget
        self.painted_at: float | None = None
        self.armed = armed
        self._delivering = False
        widget.installEventFilter(self)

    def arm(self) -> None:
        """Count paints from now on (e.g. once the content to be timed is in place)."""
        self.armed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.Paint
            or not self.armed
            or self.painted_at is not None
            or self._delivering
        ):
            return False
        self._delivering = True
        try:
            QCoreApplication.sendEvent(watched, event)
        finally:
            self._delivering = False
        self.painted_at = time.perf_counter()
        return True  # painted above: not again

    def wait(self, *, timeout_s: float = 120.0) -> float:
        """Run the event loop until the paint is complete; returns its perf_counter time."""
        wait_until(lambda: self.painted_at is not None, timeout_s=timeout_s)
        self.widget.removeEventFilter(self)
        assert self.painted_at is not None
        return self.painted_at


def show_and_paint(widget: QWidget, painted: QWidget | None = None) -> None:
    """Show a widget and wait until it (or ``painted``, one of its children) is painted."""
    watch = PaintWatch(painted or widget)
    widget.show()
    watch.wait()


class StallMonitor(QObject):
    """The longest time the GUI thread went without serving a timer.

    A precise timer ticks every few milliseconds in the GUI thread; the largest gap
    between two ticks is the longest the window could not react to input.
    """

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()
        self.longest_ms = 0.0

    def start(self) -> None:
        """Start watching (and forget earlier gaps)."""
        self.longest_ms = 0.0
        self._clock.start()
        self._timer.start()

    def _tick(self) -> None:
        self.longest_ms = max(self.longest_ms, self._clock.nsecsElapsed() / 1e6)
        self._clock.restart()

    def stop(self) -> float:
        """Stop watching; returns the longest gap in milliseconds (the unfinished one too)."""
        self._tick()
        self._timer.stop()
        return self.longest_ms
