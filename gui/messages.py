"""The message bridge, and the one place unexpected errors end up.

Logic code reports through :class:`MessageBridge`; only the window turns those reports
into dialogs or status-bar messages, so that code and tests never block on a dialog.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal

from diptych.storage.errors import (
    DiptychError,
    MadeReadOnlyError,
    ProjectBusyError,
    ProjectMovedError,
)
from diptych.storage.wording import sentence

log = logging.getLogger("diptych")


def as_shown(exc: DiptychError) -> str:
    """A known error as the window shows it: with the advice worded for the window (a menu,
    not a command: :meth:`DiptychError.in_window`), starting with a capital, as a sentence
    on its own does ("there is no tag 3" is worded for "diptych: " before it), unless it
    starts with its file's name."""
    text = exc.in_window()
    return text if exc.path is not None else sentence(text)


MADE_READ_ONLY = "projectMadeReadOnly(QString,QString)"  # the signal, as Qt names it


class Level(IntEnum):
    """How much a message matters to the user."""

    INFO = 0
    WARNING = 1
    ERROR = 2


class MessageBridge(QObject):
    """Carries messages from logic code to whatever shows them.

    Signals:
        posted(int, str, str): level, title, text.
        crashed(str, str): a summary and the full traceback of an unexpected error.
        projectFileLeft(): a change was refused because the project file left its place
            (moved, deleted, replaced): the window can find it again at once.
        projectMadeReadOnly(str, str): a change was refused because the project file was
            made read-only while it was open: the error as the window says it, and what
            was typed and given back with it (or ""). The window opens the project again
            read-only and says so, once.
    """

    posted = Signal(int, str, str)
    crashed = Signal(str, str)
    projectFileLeft = Signal()
    projectMadeReadOnly = Signal(str, str)

    def __init__(self, parent: QObject | None = None, *, crash_log: Path | None = None) -> None:
        super().__init__(parent)
        self.crash_log = crash_log  # where bugs' tracebacks are written (None: only logged)
        # What of the window is writing to the project in the background ("the import
        # under way"), or "": a change refused as the file is busy meanwhile names it, not
        # another program. The window sets it.
        self.writing_here: Callable[[], str] = lambda: ""

    def info(self, text: str, title: str = "Diptych") -> None:
        """Something the user may like to know (shown in the status bar)."""
        self.posted.emit(int(Level.INFO), title, text)

    def warning(self, text: str, title: str = "Diptych") -> None:
        """Something went wrong but nothing is lost."""
        self.posted.emit(int(Level.WARNING), title, text)

    def error(self, text: str, title: str = "Diptych") -> None:
        """An action failed; the text says what to do."""
        self.posted.emit(int(Level.ERROR), title, text)

    def known_error(self, exc: DiptychError, title: str = "Diptych", typed: str = "") -> None:
        """Report a known error with its file and advice.

        A change refused because the project file left its place is only a word in the
        status bar when the window watches its file (it finds the file again at once and
        says what it did, without a box that would take the keys of a note being typed).
        The text is :func:`as_shown`; ``typed``, text that could not be saved and is not
        kept anywhere else, is given back after it (in a box, never only the status bar).
        A change refused because the file was made read-only while open is said by the
        window that opens it again read-only, once, when one does (``projectMadeReadOnly``).
        """
        text = as_shown(self._busy_here(exc))
        if isinstance(exc, MadeReadOnlyError) and self._heard(MADE_READ_ONLY):
            self.projectMadeReadOnly.emit(text, typed)  # said once the window shows it so
            return
        moved = isinstance(exc, ProjectMovedError) and self._heard("projectFileLeft()")
        if typed:
            self.error(f"{text}\n\nWhat was typed:\n\n{typed}", title)
        elif moved:
            self.info(text, title)
        else:
            self.error(text, title)
        if moved:
            self.projectFileLeft.emit()

    def _busy_here(self, exc: DiptychError) -> DiptychError:
        """``exc``, or, for a change refused as the project was busy while this window's
        own import writes to it, an error that says so (and when to make it again)."""
        here = self.writing_here() if isinstance(exc, ProjectBusyError) else ""
        if not here:
            return exc
        return ProjectBusyError(
            f"is busy: {here} in this window is writing to it, so that change was not saved",
            path=exc.path,
            advice="Make it again once the import has ended.",
        )

    def _heard(self, signal: str) -> bool:
        """True if something acts on ``signal`` (finds the project file again when told it
        left its place, opens it again read-only when told it was made so)."""
        meta = self.metaObject()
        return self.isSignalConnected(meta.method(meta.indexOfSignal(signal)))

    def bug(self, summary: str, details: str) -> None:
        """An unexpected error: its traceback goes to the crash log, then to ``crashed``.

        Args:
            summary: the error in one line (``KeyError: 'x'``).
            details: the full traceback.
        """
        if self.crash_log is not None:
            try:
                self.crash_log.parent.mkdir(parents=True, exist_ok=True)
                with self.crash_log.open("a", encoding="utf-8") as handle:
                    handle.write(details + "\n")
            except OSError:
                pass
        log.error("unexpected error\n%s", details)
        self.crashed.emit(summary, details)


def install_excepthook(bridge: MessageBridge, log_path: Path) -> None:
    """Send uncaught exceptions (bugs) to :meth:`MessageBridge.bug`, logged in ``log_path``."""
    bridge.crash_log = log_path

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, DiptychError):  # a known error that escaped: still just a message
            bridge.known_error(exc)
            return
        bridge.bug(f"{kind.__name__}: {exc}", "".join(traceback.format_exception(kind, exc, tb)))

    sys.excepthook = hook
