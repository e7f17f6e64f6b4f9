"""Clicks and drags in the article view: a click told from a drag, a drag that selects
whole words, and a drag from one cell of a table (or piece of a long table) into another,
or between a table and the text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QTextEdit

from diptych.gui.table_positions import across_cells
from diptych.gui.table_selection import TableSelection
from diptych.gui.word_drag import words_dragged


class MouseSelection:
    """What the mouse selects in one text view, press to release.

    Args:
        view: the text view.
        position_at: the document position under a viewport point, as the view finds it.
        table_selection: the view's selection, also across pieces of a long table.
    """

    def __init__(
        self,
        view: QTextEdit,
        position_at: Callable[[QPoint], int],
        table_selection: TableSelection,
    ) -> None:
        self._view = view
        self._position_at = position_at
        self._table_selection = table_selection
        self._press: QPoint | None = None
        self._drag_from: int | None = None  # where a drag selecting words started
        self._anchor = 0  # where the selection started, before a press moves it

    def pressing(self) -> None:
        """Remember where the selection starts (as made, if it runs across pieces of a long
        table), before Qt's handling of the press moves it."""
        ends = self._table_selection.ends()
        self._anchor = ends[0] if ends else self._view.textCursor().anchor()

    def pressed(self, event: QMouseEvent) -> None:
        """Remember where a click started, to tell a click from a drag, and where a drag
        selecting words starts: a plain press of the left button that selected nothing
        (a triple click selects its paragraph, a press on the selection may drag it)."""
        self._press = event.position().toPoint()
        plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
        cursor = self._view.textCursor()
        left = event.button() == Qt.MouseButton.LeftButton
        self._drag_from = (
            cursor.position() if left and plain and not cursor.hasSelection() else None
        )
        shifted = event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        if left and shifted:  # Shift+click: from where the selection started to the click
            pointed = self._position_at(self._press)
            if across_cells(self._view.document(), self._anchor, pointed):
                self._table_selection.select(self._anchor, pointed)  # not Qt's table whole

    def double_clicked(self) -> None:
        """A double click selects its word as Qt does (and a drag from it goes word by word)."""
        self._drag_from = None

    def moved(self, event: QMouseEvent) -> None:
        """Dragging selects whole words: an end of the selection falling inside a word takes
        the whole word in, shown so as the mouse moves (see :mod:`diptych.gui.word_drag`). A drag
        from one cell of a table into another (or from one piece of a long table into the
        next, or from the text into a table or out of one) selects the text between, to
        where the mouse is, not Qt's rectangle of cells (or the table or piece whole)."""
        if not event.buttons() & Qt.MouseButton.LeftButton:
            return
        document = self._view.document()
        cursor = self._view.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        pointed = self._position_at(event.position().toPoint())
        if across_cells(document, anchor, pointed):
            position = pointed  # not where Qt put the end of its cells or pieces
        if self._drag_from is not None:
            backwards = self._table_selection.reads_before(position, self._drag_from)
            anchor, position = words_dragged(
                document, self._drag_from, position, backwards=backwards
            )
        self._table_selection.select(anchor, position)

    def released(self, point: QPoint) -> bool:
        """Whether the press released at ``point`` was a click (not a drag)."""
        self._drag_from = None
        is_click = self._press is not None and (point - self._press).manhattanLength() < 4
        self._press = None
        return is_click
