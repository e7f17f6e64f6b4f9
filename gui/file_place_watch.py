"""Finding the window's project file again when it was moved, renamed, deleted or replaced
while open (see :mod:`diptych.storage.file_place`): a look every so often, and one more as
the window closes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from diptych.gui.main_window import MainWindow
from diptych.storage.errors import DiptychError

# How often the window looks whether its project file is still where it was opened (a
# file manager or a synchronised folder can move, delete or replace it meanwhile).
FILE_PLACE_INTERVAL_MS = 1500


class FilePlaceWatch(QObject):
    """Looks at one window's project file every so often, and once more as the window is
    about to close, so that the note or memo it saves as it closes is written to the
    file, not refused. Until the file is found again the project refuses changes, so
    that none is lost.

    Args:
        window: the window (which owns this watch and its timer).
        fallback: a folder for a deleted project whose own folder is gone too.

    Signals:
        followed(): the project file was found again; the project is at its new path.
    """

    followed = Signal()

    def __init__(self, window: MainWindow, fallback: Path) -> None:
        super().__init__(window)
        self.window = window
        self.fallback = fallback
        self._said = ""  # the last failure told, told once while it lasts
        self.timer = QTimer(self)
        self.timer.setInterval(FILE_PLACE_INTERVAL_MS)
        self.timer.timeout.connect(self.follow)
        self.timer.start()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window is about to close: find its project file first, if it left its
        place since the last look."""
        if event.type() == QEvent.Type.Close and watched is self.window:
            self._said = ""  # a failure is told again: the window is about to go
            self.follow()
        return super().eventFilter(watched, event)

    def follow(self) -> None:
        """Find the project file again if it left its place, and say what was done. A
        failure (a full disk, a read-only folder) is told once and tried again at each
        look, until it goes."""
        project = self.window.session.project
        if project.closed or project.read_only or project.file_status() == "same":
            return
        from diptych.storage.file_place import follow_file  # seldom needed

        messages = self.window.context.messages
        try:
            followed = follow_file(project, fallback=self.fallback)
        except DiptychError as exc:
            if str(exc) != self._said:
                self._said = str(exc)
                messages.known_error(exc, "Project file")
            return
        if followed is None:
            return  # a reader still holds part of the log: the next look tries again
        self._said = ""
        self.window.setWindowFilePath(str(project.path))
        self.followed.emit()
        # A file moved or renamed is followed with nothing to do: said in the status bar,
        # where it takes no keys from a note being typed; a deleted or replaced one, in a box.
        say = messages.info if followed.kind == "moved" else messages.warning
        say(followed.describe(), "Project file")
