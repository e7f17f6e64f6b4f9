"""Qt's own file dialog with its Size, Type and Date Modified columns wide enough for what
they show.

Where the desktop offers no file dialog of its own (no portal, no GNOME or KDE theme), Qt
shows its own, whose detail columns it sizes once for sample texts ("128.88 GB",
"mp3Folder"): "117.7 MiB", "Markdown document" and even the Date Modified heading were cut
short. Every file is asked for through QFileDialog's static functions, which make and show
the dialog themselves, so the dialog is found as it takes the application's focus; its
columns are widened then and again as each folder it shows is read (never narrowed below
what the user set), and the dialog as far as the screen allows, to show them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QTreeView

WATCHED = "fileDialogsWatched"  # a property of the application: connected once
FITTED = "diptychColumnsFitted"  # a property of a dialog whose columns are followed
# The fitters of the dialogs shown, by their own id, kept until their dialog is destroyed.
# The dialogs are made by Qt (QFileDialog's static functions), so nothing of Python's keeps
# a fitter alive: one left to the collector left its slot to be found nowhere, and every
# folder the dialog read then was an error box.
_FITTERS: dict[int, ColumnFitter] = {}


def watch_file_dialogs(app: QGuiApplication) -> None:
    """Fit the columns of each file dialog of Qt's own that ``app`` shows from now on."""
    if not app.property(WATCHED):
        app.setProperty(WATCHED, True)
        app.focusWindowChanged.connect(on_focus_window_changed)


def on_focus_window_changed(_window: QWindow | None) -> None:
    """A window took the focus: if it is a file dialog not yet followed, follow it.

    The dialog's classes are named only once a modal window is up: PySide6 builds each Qt
    class (and its enums) the first time it is named, and the window starts without them.
    """
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        return
    from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QTreeView

    if isinstance(dialog, QFileDialog) and not dialog.property(FITTED):
        view = dialog.findChild(QTreeView, "treeView")
        model = dialog.findChild(QFileSystemModel)
        if view is not None and model is not None:  # else a Qt built otherwise: as it is
            dialog.setProperty(FITTED, True)
            fitter = ColumnFitter(dialog, view, model)
            key = id(fitter)
            _FITTERS[key] = fitter
            dialog.destroyed.connect(lambda *_: _FITTERS.pop(key, None))
            fitter.fit()


class ColumnFitter:
    """Widens the columns of ``view``, the detail view of ``dialog``, to what they show,
    each time ``model`` has read a folder."""

    def __init__(self, dialog: QFileDialog, view: QTreeView, model: QFileSystemModel) -> None:
        self.dialog, self.view = dialog, view
        self._due = False  # a fit asked for, to be made once the rows are in
        model.directoryLoaded.connect(self.on_directory_loaded)
        # A folder read already (listed by the completer as its path was typed) is shown
        # without being read again, and the rows and types of one being read come in after
        # it is said to be: fitted again as they come.
        dialog.directoryEntered.connect(self.on_directory_loaded)
        model.rowsInserted.connect(self.on_directory_loaded)
        model.dataChanged.connect(self.on_directory_loaded)
        model.layoutChanged.connect(self.on_directory_loaded)

    def on_directory_loaded(self, *_args: object) -> None:
        """A folder's files were read, or shown, or more of what they are: they may be
        wider than the columns. Fitted once the event loop is free (many come at once)."""
        if not self._due:
            self._due = True
            QTimer.singleShot(0, self.dialog, self._fit_now)

    def _fit_now(self) -> None:
        """(A dialog going away meanwhile is left as it is: the columns are only a
        convenience.)"""
        self._due = False
        try:
            self.fit()
        except RuntimeError:  # its widgets already deleted
            return

    def fit(self) -> None:
        """Widen each column but the name's to its heading and its widest row shown, then
        the dialog by what the columns now overflow, as far as its screen has room."""
        view, header = self.view, self.view.header()
        for column in range(1, header.count()):
            wanted = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
            if header.sectionSize(column) < wanted:
                header.resizeSection(column, wanted)
        self._widen(header.length() - view.viewport().width())

    def _widen(self, by: int) -> None:
        """Make the dialog up to ``by`` wider, half on each side, within its screen."""
        shown, screen = self.dialog.geometry(), self.dialog.screen().availableGeometry()
        by = min(by, screen.width() - self.dialog.frameGeometry().width())
        if by > 0:
            shown.setWidth(shown.width() + by)
            shown.moveLeft(shown.left() - by // 2)
            shown.moveLeft(max(screen.left(), min(shown.left(), screen.right() - shown.width())))
            self.dialog.setGeometry(shown)
