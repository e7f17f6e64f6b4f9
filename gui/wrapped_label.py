"""A label wrapped at word boundaries that asks, as its minimum, for the height of its
lines at its width (a hint over the Passages table, a passage's orphan warning).

A word-wrapped QLabel's minimum is the height of its text at some width of its own
choosing; in a dock narrower than that, the layout squeezed it under what follows.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class WrappedLabel(QLabel):
    """Text wrapped at word boundaries, never shorter than its lines at its width.

    Args:
        text: the text shown.
        parent: the owning widget.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._width = 0

    def minimumSizeHint(self) -> QSize:
        size = super().minimumSizeHint()
        if self._width > 0:
            size.setHeight(max(size.height(), self.heightForWidth(self._width)))
        return size

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._width:
            before = self.minimumSizeHint().height()
            self._width = event.size().width()
            if self.minimumSizeHint().height() != before:
                self.updateGeometry()
