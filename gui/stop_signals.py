"""Diptych told to stop from outside: SIGTERM (a shutdown, ``kill``) or SIGHUP (the
terminal or the session it runs in closing), and a logout's request to save (the session
manager's ``commitDataRequest``). Each keeps what Ctrl+Q keeps: the note or memo being
typed, saved at once rather than after its pause, and the windows' layout. On a stop
signal the windows then close as Ctrl+Q closes them and Diptych ends.

Python runs a signal's handler only between two of its own steps, which a window waiting
for the user never takes: the signal is written to a pipe Qt watches
(``signal.set_wakeup_fd``), and handled as the window's next event.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from diptych.gui.main_window import MainWindow

STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def keep_what_is_typed(app: QApplication) -> list[MainWindow]:
    """Save the note and memos being typed in every main window, and its layout (what
    cannot be saved, a full disk, stays in its field: nothing is asked); the windows."""
    from diptych.gui import window_layout
    from diptych.gui.main_window import MainWindow as Window

    windows = [w for w in app.topLevelWidgets() if isinstance(w, Window) and not w.closed]
    for window in windows:
        window.editor.note.try_save()
        window.memos.try_save()
        window_layout.save(window)
    return list(windows)


class StopSignals(QObject):
    """Handles :data:`STOP_SIGNALS` and the session manager's request to save, for the
    life of ``app`` (or until :meth:`uninstall`).

    Args:
        app: the application.
        quit_app: ends the application once its windows are closed (``app.quit``).
    """

    def __init__(self, app: QApplication, quit_app: Callable[[], None] | None = None) -> None:
        super().__init__(app)
        self._app = app
        self._quit = quit_app or app.quit
        self._read, self._write = os.pipe()
        os.set_blocking(self._read, False)
        os.set_blocking(self._write, False)
        self._previous_fd = signal.set_wakeup_fd(self._write, warn_on_full_buffer=False)
        # A handler of Python's own: without one, the signal ends the process at once.
        self._previous = {sig: signal.signal(sig, _noted) for sig in STOP_SIGNALS}
        self._notifier = QSocketNotifier(self._read, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_woken)
        app.commitDataRequest.connect(self._on_commit_data)
        self.stopped = False

    def uninstall(self) -> None:
        """Give the signals back to the handlers they had."""
        self._notifier.setEnabled(False)
        self._app.commitDataRequest.disconnect(self._on_commit_data)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        os.close(self._read)
        os.close(self._write)

    def _on_woken(self) -> None:
        try:
            received = os.read(self._read, 512)
        except BlockingIOError:
            return
        if any(number in received for number in map(int, STOP_SIGNALS)):
            self.stop()

    def stop(self) -> None:
        """Keep what is typed and the layout, close the windows and end."""
        self.stopped = True
        windows = keep_what_is_typed(self._app)
        if self._app.activeModalWidget() is None:  # a dialog's caller would go on after it
            for window in windows:
                # Else closing would ask (what was typed, a project only in the window),
                # and nobody answers.
                if not window.unsaved_typing() and not _only_in_window(window):
                    window.close()
        self._quit()

    def _on_commit_data(self, _manager: object) -> None:
        keep_what_is_typed(self._app)


def _only_in_window(window: MainWindow) -> bool:
    """True if the window's project is only in it (its file left its place and could be
    written nowhere: see :mod:`diptych.gui.file_place_watch`)."""
    watch = window.findChild(QObject, "filePlaceWatch")
    return getattr(watch, "stranded", None) is not None


def _noted(_number: int, _frame: object) -> None:
    """The signal is handled from the pipe (see the module's docstring)."""


_installed: list[StopSignals] = []


def handle_stop_signals(app: QApplication) -> None:
    """Install :class:`StopSignals` on ``app``, for the life of the process (called once
    the window is up)."""
    _installed.append(StopSignals(app))
