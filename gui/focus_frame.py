"""A list that shows when it has the keyboard: a line in the highlight colour around its
inside, as a field has one (a list gone to with Ctrl+Shift+P or Ctrl+Shift+B, no row
chosen yet, looked as it did without the keyboard, but for a faint dotted first cell)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView

FRAME_WIDTH = 2  # pixels


class FocusFramed:
    """Mixed into an item view, before the view's class: the frame while it has focus."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # type: ignore[misc]
        assert isinstance(self, QAbstractItemView)
        if self.hasFocus():
            paint_focus_frame(self)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)  # type: ignore[misc]
        assert isinstance(self, QAbstractItemView)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)  # type: ignore[misc]
        assert isinstance(self, QAbstractItemView)
        self.viewport().update()


def paint_focus_frame(view: QAbstractItemView) -> None:
    """Draw the frame inside ``view``'s viewport, in its palette's highlight colour."""
    viewport = view.viewport()
    painter = QPainter(viewport)
    pen = QPen(view.palette().color(QPalette.ColorRole.Highlight), FRAME_WIDTH)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    half = FRAME_WIDTH // 2
    painter.drawRect(viewport.rect().adjusted(half, half, -half, -half))
    painter.end()
