"""Articles dragged from the Library onto a pane: they open beside it, on the side (its
left or right half) they are dropped on, which a band in the highlight colour shows while
dragging; dropped on an empty pane, the first of them opens in it, as its hint offers (the
band covers all of it), the others beside it on its right."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from diptych.gui.article_pane import ArticlePane
from diptych.gui.pane_area import PaneArea

BAND_SHARE = 3  # the band covers a third of the pane's width, on the side dropped on
BAND_ALPHA = 110  # of 255: the text under the band stays readable


class DropBand(QWidget):
    """The band over the side of a pane where the articles dragged would open."""

    def __init__(self, area: PaneArea) -> None:
        super().__init__(area)
        self.area = area
        self.setObjectName("paneDropBand")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def show_beside(self, pane: ArticlePane, right: bool) -> None:
        """Cover the right (or left) part of ``pane``; all of an empty one (the article
        dragged opens in it)."""
        width = max(pane.width() // BAND_SHARE, 8) if pane.article_id else pane.width()
        left = pane.width() - width if right else 0
        top_left = pane.mapTo(self.area, QPoint(left, 0))
        self.setGeometry(QRect(top_left.x(), top_left.y(), width, pane.height()))
        self.show()
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlpha(BAND_ALPHA)
        painter.fillRect(self.rect(), colour)
        painter.end()


def place_under(area: PaneArea, window: QWidget, point: QPoint) -> tuple[ArticlePane, bool] | None:
    """The pane under ``point`` (in ``window``'s coordinates) and whether the point is in
    its right half; None off the panes."""
    for pane in area.panes():
        inside = pane.mapFrom(window, point)
        if pane.rect().contains(inside):
            return pane, inside.x() >= pane.width() // 2
    return None


def open_beside_pane(
    area: PaneArea, article_ids: Sequence[int], pane: ArticlePane, right: bool
) -> None:
    """Open each article in a new pane next to ``pane``, on its right (or left), in the
    order dragged; an empty ``pane`` shows the first of them itself, the others following
    it on its right. The keyboard goes to the last one opened. With no room for a new pane,
    the status bar says so, naming the articles left out and what to do."""
    index = area.splitter.indexOf(pane) + (1 if right else 0)
    opened = area.fill_and_add(pane, article_ids, index=index)  # "drag it here", says its hint
    if opened:
        area.set_current(opened[-1])
        opened[-1].view.setFocus(Qt.FocusReason.OtherFocusReason)
