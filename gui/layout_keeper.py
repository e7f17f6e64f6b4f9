"""The window's layout (its size and panels, the panes open, their articles and reading
places) saved as the user works, not only when the window closes: a window ended from
outside (a crash, a logout, the power) opened again as it was, give or take half a
minute, where it fell back to its first-start layout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from diptych.gui import window_layout
from diptych.gui.pane_layout import pane_layout

if TYPE_CHECKING:
    from diptych.gui.main_window import MainWindow

KEEP_EVERY_MS = 30_000  # a look at the layout this often; saved only if it changed


class LayoutKeeper(QObject):
    """Saves ``window``'s layout every :data:`KEEP_EVERY_MS` while it changes, until the
    window closes (which saves it itself)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        # Looked at first half a minute on: nothing done before the first paint.
        self._kept: tuple[bytes, bytes, str] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(KEEP_EVERY_MS)
        self.timer.timeout.connect(self.keep)
        self.timer.start()

    def _state(self) -> tuple[bytes, bytes, str]:
        window = self.window_
        layout = repr(pane_layout(window.area))
        return bytes(window.saveGeometry().data()), bytes(window.saveState().data()), layout

    def keep(self) -> None:
        """Save the layout if it changed since it was last saved or restored."""
        if self.window_.closed:
            self.timer.stop()
            return
        state = self._state()
        if state != self._kept:
            window_layout.save(self.window_)
            self._kept = state
