"""The reader's place in a text view, kept when its text wraps again at a new width.

The pixel scroll position Qt keeps shows an earlier or a later line after the text wraps
again, the reader's place lost at each step of dragging a divider: this keeps the line at
the top where it was, as zooming keeps it.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit


class RewrapPlace:
    """The line at the top of one text view, kept across resizes that wrap it again.

    Args:
        view: the text view resized.
        position_at: the document position under a viewport point, as the view finds it
            (without laying the rest of a long document out).
    """

    def __init__(self, view: QTextEdit, position_at: Callable[[QPoint], int]) -> None:
        self._view = view
        self._position_at = position_at
        # The place kept by the last resize, the scroll value and the document it was in.
        self._kept: tuple[int, int, QTextDocument | None] = (0, -1, None)

    def before_resize(self, size: QSize, old_size: QSize) -> int | None:
        """The document position at the top of the view, to keep, if a resize from
        ``old_size`` to ``size`` wraps the text again; else None."""
        bar = self._view.verticalScrollBar()
        if size.width() == old_size.width() or bar.value() <= 0:
            return None
        # Resized again with the view left where it was put: the same place, not the
        # start of the line it is in (which would creep back a line at a time).
        kept, scrolled_to, document = self._kept
        if bar.value() == scrolled_to and document is self._view.document():
            return kept
        return self._position_at(QPoint(4, 4))

    def after_resize(self, place: int | None) -> None:
        """Put the line of ``place`` (from :meth:`before_resize`) back at the top."""
        if place is None:
            return
        self._scroll_to_line_of(place)
        self._kept = (place, self._view.verticalScrollBar().value(), self._view.document())

    def _scroll_to_line_of(self, position: int) -> None:
        """Put the line of the document ``position`` at the top of the view, or, where the
        text ends within a screen below it, the end of the text at the bottom."""
        view = self._view
        block = view.document().findBlock(position)
        self._lay_out_past(block.position() + block.length())
        cursor = QTextCursor(view.document())
        cursor.setPosition(position)
        bar = view.verticalScrollBar()
        top = min(bar.value() + view.cursorRect(cursor).top(), self._furthest_top(block))
        # The range follows the layout a moment later; never past the text's end, where
        # a scroll bar shown for nothing narrowed the view, which wrapped the text again,
        # and so on, without end.
        if top > bar.maximum():
            bar.setMaximum(top)
        bar.setValue(top)

    def _furthest_top(self, block: QTextBlock) -> int:
        """How far down the view can scroll, if the text ends within a screen below
        ``block`` (laying out only that far); a large number otherwise."""
        view = self._view
        layout = view.document().documentLayout()
        height = view.viewport().height()
        start = layout.blockBoundingRect(block).top()
        while block.isValid():
            bottom = layout.blockBoundingRect(block).bottom()
            if bottom - start > height:
                return 1 << 30  # more than a screen of text below: no limit
            if not block.next().isValid():
                break
            block = block.next()
        end = layout.documentSize().height()
        return max(0, math.ceil(end) - height)

    def _lay_out_past(self, position: int) -> None:
        """Have the document laid out at its width up to ``position``, and not much beyond.

        Asking where a block is lays the document out up to it, in short steps; asking
        what is at a height (``hitTest``) lays it out in steps twice as long each time,
        the last of them far past ``position`` in a long document.
        """
        document = self._view.document()
        document.documentLayout().blockBoundingRect(document.findBlock(position))
