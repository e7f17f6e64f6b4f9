"""The margin beside an article: one coloured bar per tag of each visible passage.

Overlapping passages get bars in separate lanes, so stacked coding stays readable even
where the highlight colours blend.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QTextCursor
from PySide6.QtWidgets import QWidget

from diptych.gui.article_view import ArticleView
from diptych.gui.passage_index import Mark

LANE_WIDTH = 5
LANE_GAP = 2
MAX_LANES = 8


def assign_lanes(items: list[tuple[int, int, Mark, str]]) -> list[tuple[int, Mark, str, int, int]]:
    """Give each (top, bottom, mark, colour) bar the first lane free at its top.

    Returns (lane, mark, colour, top, bottom) tuples; bars beyond MAX_LANES share the last.
    """
    lanes: list[int] = []  # bottom of the last bar in each lane
    placed = []
    for top, bottom, mark, color in sorted(items, key=lambda i: (i[0], -i[1])):
        lane = next((n for n, end in enumerate(lanes) if end < top), len(lanes))
        lane = min(lane, MAX_LANES - 1)
        if lane == len(lanes):
            lanes.append(bottom)
        else:
            lanes[lane] = max(lanes[lane], bottom)
        placed.append((lane, mark, color, top, bottom))
    return placed


class PassageMargin(QWidget):
    """Paints passage bars for the visible part of an :class:`ArticleView`.

    Signals:
        passageClicked(int): a bar was clicked (annotation id).
    """

    passageClicked = Signal(int)

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self._bars: list[tuple[QRect, int]] = []
        self.setMouseTracking(True)
        view.verticalScrollBar().valueChanged.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(LANE_WIDTH * 4 + LANE_GAP * 4, 100)

    def visible_marks(self) -> list[Mark]:
        """Passages overlapping the visible part of the view."""
        index = self.view.index
        if index is None or not len(self.view.positions) or not len(index):
            return []
        top = self.view.offset_at(QPoint(0, 0))
        bottom = self.view.offset_at(QPoint(0, self.view.viewport().height()))
        seen: dict[int, Mark] = {}
        for block in index.block_range(top, bottom + 1):
            for mark in index.in_block(block):
                seen.setdefault(mark.annotation_id, mark)
        return list(seen.values())

    def _y(self, offset: int, *, bottom: bool) -> int:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.view.positions.to_rendered(offset))
        rect = self.view.cursorRect(cursor)
        y = rect.bottom() if bottom else rect.top()
        return self.mapFromGlobal(self.view.viewport().mapToGlobal(QPoint(0, y))).y()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        items = []
        for mark in self.visible_marks():
            top = self._y(mark.start, bottom=False)
            bottom = self._y(max(mark.start, mark.end - 1), bottom=True)
            for color in mark.colors or ("#A0A0A0",):
                items.append((top, bottom, mark, color))
        self._bars = []
        for lane, mark, color, top, bottom in assign_lanes(items):
            rect = QRect(
                LANE_GAP + lane * (LANE_WIDTH + LANE_GAP), top, LANE_WIDTH, max(bottom - top, 4)
            )
            painter.fillRect(rect, QColor(color))
            self._bars.append((rect, mark.annotation_id))
        painter.end()

    def bar_at(self, point: QPoint) -> int:
        """Annotation id of the bar under ``point`` (margin coordinates), or 0."""
        for rect, annotation_id in reversed(self._bars):
            if rect.adjusted(-1, 0, 1, 0).contains(point):
                return annotation_id
        return 0

    def mousePressEvent(self, event: QMouseEvent) -> None:
        annotation_id = self.bar_at(event.position().toPoint())
        if annotation_id and event.button() == Qt.MouseButton.LeftButton:
            self.passageClicked.emit(annotation_id)
