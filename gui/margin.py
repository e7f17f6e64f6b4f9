"""The margin beside an article: one coloured bar per tag of each visible passage.

Overlapping passages get bars in separate lanes, so stacked coding stays readable where
the text is striped in several tags' colours.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from diptych.gui.article_view import ArticleView
from diptych.gui.contrast import told_apart
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


def device_pixels(length: int, ratio: float) -> int:
    """A logical length in whole device pixels, never more than it covers (so that lanes
    stay inside the margin) nor less than one."""
    return max(1, int(length * ratio + 0.01))


def lane_pixels(lanes: int, room: int, ratio: float) -> tuple[int, int]:
    """The width of a bar and of the gap before it, in device pixels, for ``lanes`` lanes
    side by side in a margin ``room`` device pixels wide: narrower than usual when they
    would not fit, so that every tag of overlapping passages keeps a bar that is seen (a
    passage with six tags had its fifth and sixth bars painted past the margin's edge)."""
    width, gap = device_pixels(LANE_WIDTH, ratio), device_pixels(LANE_GAP, ratio)
    if lanes * (width + gap) <= room:  # a gap before each bar
        return width, gap
    step = max(2, (room - 1) // max(lanes, 1))  # a bar and the gap after it
    gap = max(1, round(step * LANE_GAP / (LANE_WIDTH + LANE_GAP)))
    return max(1, step - gap), gap


class PassageMargin(QWidget):
    """Paints passage bars for the visible part of an :class:`ArticleView`.

    Signals:
        passageClicked(int): a bar was clicked (annotation id).
        tooltipRequested(QPoint, int): the pointer rests on a bar (global point, annotation
            id): the pane shows the passage's tags and note, as over its highlight.
    """

    passageClicked = Signal(int)
    tooltipRequested = Signal(QPoint, int)

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
        if self.view.pending_place() is not None:
            return []  # the text is being laid out again: the view shows its last picture
        top = self.view.offset_at(QPoint(0, 0))
        bottom = self.view.offset_at(QPoint(0, self.view.viewport().height()))
        seen: dict[int, Mark] = {}
        for block in index.block_range(top, bottom + 1):
            for mark in index.in_block(block):
                seen.setdefault(mark.annotation_id, mark)
        return list(seen.values())

    def _line_edges(self) -> Callable[[int, bool], int]:
        """A function giving the top (or bottom) of the line holding an article offset, in
        margin coordinates: read from the document's layout, as the view draws it (a text
        cursor per offset cost ~10x more, and a margin paint follows every tagging)."""
        view, document = self.view, self.view.document()
        layout = document.documentLayout()
        to_rendered = view.positions.to_rendered
        origin = self.mapFromGlobal(view.viewport().mapToGlobal(QPoint(0, 0))).y()
        shift = origin - view.verticalScrollBar().value()

        def edge(offset: int, bottom: bool) -> int:
            position = to_rendered(offset)
            block = document.findBlock(position)
            box = layout.blockBoundingRect(block)
            line = block.layout().lineForTextPosition(position - block.position())
            top, height = (
                (box.top() + line.y(), line.height())
                if line.isValid()
                else (box.top(), box.height())
            )
            return int(top + shift) + (max(int(height), 1) - 1 if bottom else 0)

        return edge

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        items = []
        edge = self._line_edges()
        for mark in self.visible_marks():
            top = edge(mark.start, False)
            bottom = edge(max(mark.start, mark.end - 1), True)
            for color in mark.colors or ("#A0A0A0",):
                items.append((top, bottom, mark, color))
        self._bars = []
        # Bars are laid out in device pixels: at a fractional scale (125%, 150%) logical
        # edges fall between pixels, and bars of one width came out a pixel apart in width.
        ratio = painter.deviceTransform().m11() or 1.0  # the scale of the pixels painted
        placed = assign_lanes(items)
        lanes = 1 + max((lane for lane, *_ in placed), default=0)
        width, gap = lane_pixels(lanes, device_pixels(self.width(), ratio), ratio)
        painter.scale(1 / ratio, 1 / ratio)  # one unit is one pixel
        page = self.palette().window().color()
        shown: dict[str, QColor] = {}  # each colour as it shows on the margin
        for lane, mark, color, top, bottom in placed:
            height = max(bottom - top, 4)
            x, y = gap + lane * (width + gap), round(top * ratio)
            bar = QRect(x, y, width, round((top + height) * ratio) - y)
            if color not in shown:  # a white tag's bar on a light margin: grey
                shown[color] = told_apart(QColor(color), page)
            painter.fillRect(bar, shown[color])
            # Where the bar is, in logical pixels: what the pointer is over.
            left, right = int(x / ratio), max(int(x / ratio), int((x + width) / ratio) - 1)
            self._bars.append((QRect(QPoint(left, top), QPoint(right, top + height - 1)),
                               mark.annotation_id))  # fmt: skip
        painter.end()

    def bar_at(self, point: QPoint) -> int:
        """Annotation id of the bar under ``point`` (margin coordinates), or 0."""
        for rect, annotation_id in reversed(self._bars):
            if rect.adjusted(-1, 0, 1, 0).contains(point):
                return annotation_id
        return 0

    def event(self, event: QEvent) -> bool:
        """Hovering a bar tells which passage it stands for, as hovering its text does."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            annotation_id = self.bar_at(event.pos())
            if annotation_id:
                self.tooltipRequested.emit(event.globalPos(), annotation_id)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel over the bars scrolls the article (Ctrl: zooms it), as over its text:
        the margin has nothing of its own to scroll, and the wheel did nothing there."""
        viewport = self.view.viewport()
        at = QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint()))
        passed_on = QWheelEvent(
            at,
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
        )
        QApplication.sendEvent(viewport, passed_on)
        event.setAccepted(passed_on.isAccepted())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        annotation_id = self.bar_at(event.position().toPoint())
        if annotation_id and event.button() == Qt.MouseButton.LeftButton:
            self.passageClicked.emit(annotation_id)
