"""After an export: Open and Show in folder beside the status bar's "Exported to …", so that
the file just written (a brief to read, a table for the spreadsheet) is one click away; they
go with the message."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QStatusBar, QToolButton, QWidget

from diptych.gui.session import ProjectSession


class ExportDoneButtons(QObject):
    """The buttons offered in ``bar`` while it says an export was written.

    Args:
        bar: the window's status bar.
        session: the open project (to say when no program opens the file).
    """

    def __init__(self, bar: QStatusBar, session: ProjectSession) -> None:
        super().__init__(bar)
        self.bar = bar
        self.session = session
        self.path: Path | None = None
        self.open_file = self._button(0, "&Open", "Open the file written in its program")
        self.show_folder = self._button(1, "&Show in folder", "Open the folder it was written to")
        self.open_file.clicked.connect(lambda: self._open(self.path))
        self.show_folder.clicked.connect(
            lambda: self._open(self.path.parent if self.path else None)
        )
        bar.messageChanged.connect(self.on_message_changed)
        self._message = ""

    def _button(self, place: int, text: str, tip: str) -> QToolButton:
        """A button at ``place`` among the status bar's lasting widgets (before the coder)."""
        button = QToolButton(self.bar)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.hide()
        self.bar.insertPermanentWidget(place, button)
        return button

    def offer(self, path: Path) -> None:
        """Offer to open ``path`` (just written) or its folder, while the status bar says so."""
        self.path = path
        self._message = self.bar.currentMessage()
        # As tall as the status bar's own widgets (the coder's name): the window's panels
        # and panes did not move up and down as the buttons came and went.
        beside = [
            w.height()
            for w in self.bar.findChildren(QWidget)
            if w.parent() is self.bar and w.isVisible() and w not in self._buttons()
        ]
        height = max(beside, default=self.bar.fontMetrics().height() + 4)
        for button in (self.open_file, self.show_folder):
            button.setMaximumHeight(height)
            button.show()

    def _buttons(self) -> tuple[QToolButton, QToolButton]:
        return self.open_file, self.show_folder

    def on_message_changed(self, text: str) -> None:
        """Another message (or none): the buttons go with the one they were for."""
        if text != self._message:
            self.withdraw()

    def withdraw(self) -> None:
        """Hide the buttons."""
        self.path = None
        for button in (self.open_file, self.show_folder):
            button.hide()

    def _open(self, target: Path | None) -> None:
        if target is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self.session.messages.info(f"No program on this computer opened {target}.")
