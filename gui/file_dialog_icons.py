"""The types and icons Qt's own file dialog shows, told from each file's name alone.

Qt tells a file's type (its Type column, its icon) from its name, and reads the file's
first bytes when the name says nothing to it, as ``.diptych``, ``-wal`` and ``-shm`` do
not. Opening and closing a project this process holds open in SQLite drops every lock
SQLite holds on it (POSIX locks belong to the process, not to a descriptor; see
:mod:`diptych.storage.held_files`): a dialog showing the project's folder, or a path typed
into it, let the next program to close the project take itself for the last one and
delete the log the window still wrote into. Here nothing is read but the file's name.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QEvent, QFileInfo, QMimeDatabase, QObject
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QFileIconProvider

_PLAIN = "application/octet-stream"  # what a name that says nothing gives


class NamesOnlyIcons(QFileIconProvider):
    """A file's type and icon from its name (folders as Qt shows them). Used from the
    dialog's thread that reads folders, too."""

    _shared: NamesOnlyIcons | None = None

    def __init__(self) -> None:
        super().__init__()
        self._mimes = QMimeDatabase()

    @classmethod
    def shared(cls) -> NamesOnlyIcons:
        """One for every dialog, kept for the life of the process (a dialog does not own
        the provider it is given)."""
        if cls._shared is None:
            cls._shared = cls()
        return cls._shared

    def type(self, info: QFileInfo) -> str:
        if not info.isFile():
            return super().type(info)  # a folder, a drive: no file's bytes read
        mime = self._mimes.mimeTypeForFile(info, QMimeDatabase.MatchMode.MatchExtension)
        if mime.name() == _PLAIN:
            suffix = info.suffix()
            return f"{suffix.upper()} file" if suffix else "File"
        return mime.comment() or mime.name()

    def icon(self, what: Any) -> QIcon:
        if not isinstance(what, QFileInfo) or not what.isFile():
            return super().icon(what)
        mime = self._mimes.mimeTypeForFile(what, QMimeDatabase.MatchMode.MatchExtension)
        for name in (mime.iconName(), mime.genericIconName()):
            icon = QIcon.fromTheme(name)
            if not icon.isNull():
                return icon
        return super().icon(QAbstractFileIconProvider.IconType.File)


class _FirstDialog(QObject):
    """Gives the first file dialog polished the names-only icons, before it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(watched, QFileDialog):
            watched.setIconProvider(NamesOnlyIcons.shared())
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
        return False


@contextlib.contextmanager
def names_only() -> Iterator[None]:
    """Around one of QFileDialog's static functions: the dialog it makes tells types and
    icons from names alone (see the module's docstring) from the first time it is drawn.
    A dialog the desktop shows instead (a portal's, GNOME's) is another program's."""
    app = QApplication.instance()
    watch = _FirstDialog()
    if app is not None:
        app.installEventFilter(watch)
    try:
        yield
    finally:
        if app is not None:
            app.removeEventFilter(watch)
