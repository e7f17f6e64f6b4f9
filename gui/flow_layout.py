"""A layout that lays widgets out left to right, wrapping them onto new lines like words
(a passage's tag chips, a row of filters in a narrow panel).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Lays widgets out left to right, wrapping onto new lines like words.

    Args:
        parent: the widget laid out.
        spacing: pixels between items, across and down.
        fill: widen the items of each line, equally, to fill it (a row of filters that
            stacks up in a narrow panel); else each keeps its preferred width.
    """

    def __init__(
        self, parent: QWidget | None = None, *, spacing: int = 4, fill: bool = False
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._fill = fill
        self._width: int | None = None  # the width last laid out at
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal if self._fill else Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        if rect.width() != self._width:
            before = self.minimumSize().height()
            self._width = rect.width()
            if self.minimumSize().height() != before:
                # Narrower, the items take more lines: the layouts above are to give them
                # the room, rather than squeeze them under what follows.
                self.invalidate()
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        if not self._fill:
            return self.minimumSize()
        # All on one line, where there is room for it.
        visible = [item for item in self._items if not item.isEmpty()]
        width = sum(item.sizeHint().width() for item in visible)
        width += self.spacing() * max(len(visible) - 1, 0)
        height = max((item.sizeHint().height() for item in visible), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """The widest item's minimum, and as high as the lines the items take at the width
        last laid out at: a layout above that knows no height for width (a dock's) would
        otherwise squeeze the lines into one, drawn over what follows."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        size += QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
        if self._width is not None:
            size.setHeight(max(size.height(), self.heightForWidth(self._width)))
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items in ``rect`` (if ``move``); returns the height they need."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y, gap = area.y(), self.spacing()
        for line in self._lines(area.width()):
            widths = [width for _item, width in line]
            if self._fill:
                spare = area.width() - sum(widths) - gap * (len(line) - 1)
                widths = [
                    w + spare // len(line) + (i < spare % len(line)) for i, w in enumerate(widths)
                ]
            height = max(item.sizeHint().height() for item, _width in line)
            if move:
                x = area.x()
                for (item, _width), width in zip(line, widths, strict=True):
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, item.sizeHint().height())))
                    x += width + gap
            y += height + gap
        return max(y - gap, area.y()) - rect.y() + margins.bottom()

    def _lines(self, room: int) -> list[list[tuple[QLayoutItem, int]]]:
        """The items in lines no wider than ``room``, each with its width."""
        lines: list[list[tuple[QLayoutItem, int]]] = [[]]
        used, gap = 0, self.spacing()
        for item in self._items:
            # Never wider than a line: an item that would be (a chip with a long name)
            # takes a line of its own, and shortens to it.
            width = max(min(item.sizeHint().width(), room), item.minimumSize().width())
            if lines[-1] and used + gap + width > room:
                lines.append([])
                used = 0
            used += width + (gap if lines[-1] else 0)
            lines[-1].append((item, width))
        return [line for line in lines if line]
