"""Where a point of a text view falls in its document, without laying the rest out."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QTextEdit


def position_at(view: QTextEdit, point: QPoint) -> int:
    """The document position under a viewport point of ``view``, as the document's layout
    finds it.

    Not ``cursorForPosition``: while Qt is still laying a long document out in the
    background (just after the view took it), a point above the first line is
    answered with how far that layout has got, far down the text, and the text cursor
    ``cursorForPosition`` then makes there lays the document out up to it at once (a
    quarter of a second at 1 MB, and the margin asks on every paint). So a point above
    the first line is taken on it, and no cursor is made.
    """
    document = view.document()
    layout = document.documentLayout()
    bar = view.horizontalScrollBar()
    x = point.x() + (bar.maximum() - bar.value() if view.isRightToLeft() else bar.value())
    # A point in the margin beside the text is taken at the text's edge: beside a
    # piece of a long table, the layout answers with the line before the piece.
    margin = document.documentMargin()
    inside = max(margin, min(float(x), document.pageSize().width() - margin))
    y = point.y() + view.verticalScrollBar().value()
    top = layout.blockBoundingRect(document.firstBlock()).top()
    found = layout.hitTest(QPointF(inside, max(y, top)), Qt.HitTestAccuracy.FuzzyHit)
    return max(found, 0)
