"""A scroll area for a panel's contents that scrolls up and down only (the Passage panel
in a short dock): the contents keep the height they need rather than draw over one another.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class VerticalScroll(QScrollArea):
    """Shows ``page`` as wide as the area and scrolls it up and down.

    It is never narrower than the page's own minimum (with room for the scroll bar), so
    that the panel keeps its width as before and only its height may fall short.

    Args:
        page: the contents.
        parent: the owning widget.
    """

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(page)

    def minimumSizeHint(self) -> QSize:
        page = self.widget()
        if page is None:
            return super().minimumSizeHint()
        width = page.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(width + 2 * self.frameWidth(), super().minimumSizeHint().height())
