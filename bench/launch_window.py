"""Start a window in this fresh process and report when its text was first painted.

Usage::

    python bench/launch_window.py diptych     # Diptych, as `diptych open` starts it
    python bench/launch_window.py bare FILE   # a QMainWindow with a QTextBrowser showing FILE

Prints one JSON line of ``time.monotonic()`` stamps (comparable between processes on
Linux): when the QApplication existed and when the first paint of the text view in the
window's central area was complete. Then the window is closed as a user would close it.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser, QTextEdit, QWidget


class FirstTextPaint(QObject):
    """Watches the text views in a main window's centre for their first paint.

    The probe must cost both windows as little as it can: an application-wide Python
    event filter would run for every one of the thousands of events a larger window
    gets while it is built, which a user's window never pays. So the probe waits for
    ``QMainWindow.show`` and then filters only the viewports of the text views in the
    window's central area; a window that has no text view yet when it is shown is
    watched application-wide instead.

    The paint event is delivered from the filter itself (through the view's own filters
    and handlers, as Qt would deliver it), so that the time is taken once it is painted.
    """

    def __init__(self, stamps: dict[str, float]) -> None:
        super().__init__()
        self.stamps = stamps
        self.delivering = False
        probe = self
        show = QMainWindow.show

        def show_watched(window: QMainWindow) -> None:
            probe.watch(window)
            show(window)

        QMainWindow.show = show_watched  # type: ignore[method-assign]

    def watch(self, window: QMainWindow) -> None:
        """Filter the viewports of the text views in ``window``'s centre."""
        central = window.centralWidget()
        views = central.findChildren(QTextEdit) if central is not None else []
        for view in views:
            view.viewport().installEventFilter(self)
        if not views:
            QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or "painted" in self.stamps or self.delivering:
            return False
        if not _is_central_text(watched):
            return False
        self.delivering = True
        try:
            QCoreApplication.sendEvent(watched, event)
        finally:
            self.delivering = False
        self.stamps["painted"] = time.monotonic()
        QTimer.singleShot(0, self.report)
        return True  # painted above: not again

    def report(self) -> None:
        print(json.dumps(self.stamps), flush=True)
        QApplication.closeAllWindows()
        QApplication.quit()


def _is_central_text(watched: QObject) -> bool:
    if not isinstance(watched, QWidget) or not isinstance(watched.parent(), QTextEdit):
        return False
    window = watched.window()
    central = window.centralWidget() if isinstance(window, QMainWindow) else None
    if central is None:
        return False
    return watched.objectName() == "qt_scrollarea_viewport" and central.isAncestorOf(watched)


def bare_window(text: str) -> QMainWindow:
    """The baseline: a main window whose central widget is a QTextBrowser."""
    window = QMainWindow()
    browser = QTextBrowser(window)
    browser.setPlainText(text)
    window.setCentralWidget(browser)
    window.resize(1440, 900)  # Diptych's default size
    window.show()
    return window


def main() -> int:
    """Start the window named on the command line."""
    stamps: dict[str, float] = {}
    app = QApplication(sys.argv[:1])
    stamps["application"] = time.monotonic()
    FirstTextPaint(stamps)  # kept alive by the QMainWindow.show hook it installs
    if sys.argv[1] == "bare":
        window = bare_window(Path(sys.argv[2]).read_text(encoding="utf-8"))
        status = app.exec()
        del window
        return status
    from diptych.gui.__main__ import main as diptych_main

    return diptych_main(["open"])  # imports the window's modules as `diptych open` does


if __name__ == "__main__":
    sys.exit(main())
