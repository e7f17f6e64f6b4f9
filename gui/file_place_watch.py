"""Finding the window's project file again when it was moved, renamed, deleted, replaced
or overwritten while open (see :mod:`diptych.storage.file_place`): a look every so often,
and one more as the window closes. What was done is told in a bar across the top of the
window, which never takes the keys of a note being typed."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QToolBar,
    QWidget,
)

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import as_shown
from diptych.storage.errors import DiptychError
from diptych.storage.file_overwritten import overwritten, remember_file
from diptych.storage.file_place import follow_file, keep_as

# How often the window looks whether its project file is still where it was opened (a
# file manager or a synchronised folder can move, delete or replace it meanwhile).
FILE_PLACE_INTERVAL_MS = 1500

CLOSE_STRANDED = (
    "{why}\n\nThe project is now only in this window: closing it loses the project, and"
    " everything done since its last backup. Save a copy of it first, to a disk with room?"
)


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
        self.setObjectName("filePlaceWatch")
        self.window = window
        self.fallback = fallback
        self._said = ""  # the last failure told, told once while it lasts
        self._refused = False  # a change was refused since the file left its place
        # The project's file left its place and could be written nowhere: the project is
        # only in the window (why, as said), until it is saved or the user lets it go.
        self.stranded: DiptychError | None = None
        self._let_go = False
        self.timer = QTimer(self)
        self.timer.setInterval(FILE_PLACE_INTERVAL_MS)
        self.timer.timeout.connect(self.follow)
        self.timer.start()
        self.notice: FileNotice | None = None  # made the first time there is something to tell
        window.installEventFilter(self)
        # The session folds the log into the file on a timer of its own: the file is looked
        # at just before, so that the log is never folded into another file written over it
        # since this watch's last look.
        self._session_timers = window.session.findChildren(
            QTimer, "", Qt.FindChildOption.FindDirectChildrenOnly
        )
        for timer in self._session_timers:
            timer.installEventFilter(self)
        window.context.messages.projectFileLeft.connect(self.on_project_file_left)
        remember_file(window.session.project)  # which project its file holds, to tell another

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window is about to close, or the session about to do its timed work (fold
        the log): find the project file first, if it left its place since the last look."""
        if event.type() == QEvent.Type.Close and watched is self.window:
            self._said = ""  # a failure is told again, in a box: the window is about to go
            if not self.let_go():
                event.ignore()
                return True
        elif event.type() == QEvent.Type.Timer and watched in self._session_timers:
            self.follow()
            # And once the log may have been folded: what the file holds then is what the
            # next look compares with (a copy written over it just after is told from it).
            QTimer.singleShot(0, self, self.follow)
        return super().eventFilter(watched, event)

    def let_go(self) -> bool:
        """Find the project file once more before the window closes, or gives way to
        another project's; True if it may. While the project is only in the window (its
        file left its place and could be written nowhere), the user is asked first, and
        offered to save a copy of it: False if the window stays open."""
        self.follow(closing=True)
        if self.stranded is None or self._let_go:
            return True
        answer = ask_stranded(self.window, CLOSE_STRANDED.format(why=as_shown(self.stranded)))
        if answer == "lose":
            self._let_go = True
            return True
        if answer == "copy" and self._save_copy():
            return True
        self.window.context.messages.info(
            "The window stays open, and the project with it: save it with File > Save a"
            " copy…, or free some space (Diptych tries again every few seconds).",
            "Project file",
        )
        return False

    def _save_copy(self) -> bool:
        """Ask where, and write the project there from the window; True once it is."""
        from diptych.gui.project_copy import choose_copy  # imported when first needed

        project = self.window.session.project
        target = choose_copy(self.window, project.path, self.window.context.settings.copy_folder())
        if target is None:
            return False
        try:
            keep_as(project, target)
        except DiptychError as exc:
            self.window.context.messages.known_error(exc, "Project file")
            return False
        self.stranded = None
        self.window.setWindowFilePath(str(project.path))
        self.followed.emit()  # recent projects list it where it is now
        return True

    def on_project_file_left(self) -> None:
        """A change was refused because the file left its place: find it now, not at the
        next look, and say that the change was not saved."""
        self._refused = True
        QTimer.singleShot(0, self, self.follow)  # once the refused change is done with

    def follow(self, *, closing: bool = False) -> None:
        """Find the project file again if it left its place, and say what was done. A
        failure (a full disk, a read-only folder) is told once and tried again at each
        look, until it goes: in the bar, or in a box when the window is ``closing``."""
        project = self.window.session.project
        if project.closed or project.read_only:
            return
        if project.file_status() == "same" and not overwritten(project) and not project.log_left():
            return
        messages = self.window.context.messages
        try:
            followed = follow_file(project, fallback=self.fallback, backup=self.window.backups.last)
        except DiptychError as exc:
            self.stranded = exc if project.file_status() == "missing" else None
            if str(exc) != self._said:
                self._said = str(exc)
                if not closing:
                    self._tell(as_shown(exc), project.path.parent)
                elif self.stranded is None:  # else closing asks, saying why
                    messages.known_error(exc, "Project file")
            return
        if followed is None:
            return  # a reader still holds part of the log: the next look tries again
        self._said = ""
        self.stranded = None
        self.window.setWindowFilePath(str(project.path))
        # The title names the file where it is now (moved, renamed, or a copy kept), and
        # the project's name, or "(read-only)", as the copy of a backup says them.
        with contextlib.suppress(DiptychError):  # no copy to read: the title stays
            self.window.on_session_changed()
        if followed.kind == "overwritten":
            # Its steps were taken in the file written over: undone in the copy of the
            # backup, they would find their passages gone and blame another window.
            self.window.session.undo_stack.clear()
            if not project.read_only:
                self.window.session.reload_all()  # on the copy of the backup: what it holds now
        self.followed.emit()
        refused, self._refused = self._refused, False
        if followed.kind in ("moved", "log") and not refused:  # a word in the status bar
            messages.info(followed.describe(), "Project file")
            return
        # Deleted, replaced or overwritten, or a change refused meanwhile: told in a bar
        # across the window, which stays until dismissed and never takes the keys of a
        # note being typed (a box did).
        text = followed.describe()
        if followed.kind == "overwritten":
            text += " What was done before cannot be undone: it was done in the file overwritten."
        if refused:
            text += (
                " A change made as this happened was not saved: make it again if it does not show."
            )
        self._tell(text, project.path.parent)

    def _tell(self, text: str, folder: Path) -> None:
        """Show ``text`` in the window's bar about its project file (in ``folder``)."""
        if self.notice is None:
            self.notice = FileNotice(self.window)
        self.notice.tell(text, folder)


def ask_stranded(parent: QWidget, text: str) -> str:
    """Ask what to do with a project only in the window as it closes: ``"copy"`` (Save a
    copy…), ``"lose"`` (close anyway) or ``"keep"`` (the window stays open: the default,
    so that Enter pressed for a message before it never loses the project)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, "Close", text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    copy = box.addButton("Save a Copy…", QMessageBox.ButtonRole.AcceptRole)
    lose = box.addButton("Close and Lose It", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep the Window Open", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    clicked = box.clickedButton()
    return "copy" if clicked is copy else "lose" if clicked is lose else "keep"


class FileNotice(QToolBar):
    """A bar across the top of the window telling what happened to the project file and
    what to do. Shown, it leaves the keyboard where it was: a note being typed goes on
    taking every key. Its buttons are reached with Tab or the mouse.

    Args:
        window: the window it is shown in.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__("Project file", window)
        self.setObjectName("fileNotice")
        self.setMovable(False)
        self.setFloatable(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.toggleViewAction().setVisible(False)  # not listed with the toolbars
        self.folder: Path | None = None
        frame = QFrame(self)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setAutoFillBackground(True)
        palette = frame.palette()  # the colours of a tooltip: a note, legible in both themes
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.ToolTipBase))
        palette.setColor(
            QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.ToolTipText)
        )
        frame.setPalette(palette)
        layout = QHBoxLayout(frame)
        icon = QLabel(frame)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(icon)
        self.label = QLabel(frame)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # file names are never markup
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.label.installEventFilter(self)  # as high as its lines at its width: see below
        layout.addWidget(self.label, 1)
        self.show_folder = QPushButton("Show Folder", frame)
        self.show_folder.clicked.connect(self.on_show_folder_clicked)
        self.dismiss = QPushButton("Dismiss", frame)
        self.dismiss.clicked.connect(self.hide)
        for button in (self.show_folder, self.dismiss):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the focus be
            button.setAutoDefault(False)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.addWidget(frame)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The text resized: as high as its lines at its new width. A toolbar sizes what it
        holds by its size hint alone, which for wrapped text is tall and narrow."""
        if watched is self.label and event.type() == QEvent.Type.Resize:
            height = self.label.heightForWidth(self.label.width())
            if height > 0 and height != self.label.height():
                self.label.setFixedHeight(height)
        return super().eventFilter(watched, event)

    def tell(self, text: str, folder: Path) -> None:
        """Show ``text`` (the latest news replaces what was shown), about a file in
        ``folder``; the window's icon asks for attention if another window has the focus."""
        self.label.setText(text)
        self.folder = folder
        self.show()
        QApplication.alert(self.window())

    def text(self) -> str:
        """What the bar says."""
        return self.label.text()

    def on_show_folder_clicked(self) -> None:
        """Show the folder of the project file in the file manager."""
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
