"""A list that shows when it has the keyboard: a line in the highlight colour around its
inside, as a field has one (a list gone to with Ctrl+Shift+P or Ctrl+Shift+B, no row
chosen yet, looked as it did without the keyboard, but for a faint dotted first cell)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFocusEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView

from diptych.gui.contrast import contrast

FRAME_WIDTH = 2  # pixels
MIN_FRAME_CONTRAST = 3.0  # WCAG AA for a line the eye must find on its background


class FocusFramed:
    """Mixed into an item view, before the view's class: the frame while it has focus."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # type: ignore[misc]
        assert isinstance(self, QAbstractItemView)
        if self.hasFocus():
            paint_focus_frame(self)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)  # type: ignore[misc]
        assert isinstance(self, QAbstractItemView)
        if self.hasFocus() and (dx or dy):
            # The viewport scrolls by moving the pixels it shows, the frame's with them:
            # left there, they streaked the list with lines. How far they moved is not
            # told (dx and dy count rows or columns when scrolling item by item, and a
            # tree's or a list's offsets have changed already), so the viewport is
            # painted again, as Qt does when it scrolls by more than a page.
            self.viewport().update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)  # type: ignore[misc]
        assert isinstance(self, QAbstractItemView)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)  # type: ignore[misc]
        assert isinstance(self, QAbstractItemView)
        self.viewport().update()


def frame_color(palette: QPalette) -> QColor:
    """The highlight colour where it shows on the list's background, else the text colour
    (a dark palette's deep blue, as GNOME's, could hardly be seen on its grey)."""
    highlight = palette.color(QPalette.ColorRole.Highlight)
    if contrast(highlight, palette.color(QPalette.ColorRole.Base)) >= MIN_FRAME_CONTRAST:
        return highlight
    return palette.color(QPalette.ColorRole.Text)


def paint_focus_frame(view: QAbstractItemView) -> None:
    """Draw the frame inside ``view``'s viewport, in :func:`frame_color`."""
    viewport = view.viewport()
    painter = QPainter(viewport)
    pen = QPen(frame_color(view.palette()), FRAME_WIDTH)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    half = FRAME_WIDTH // 2
    painter.drawRect(viewport.rect().adjusted(half, half, -half, -half))
    painter.end()
