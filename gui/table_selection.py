"""The selection of an article's text, kept as made when it runs from one cell of a table
into another, also from one piece of a long table into the next, or from the text into a
table or out of one (see :mod:`diptych.gui.table_positions`).

Qt's own selection takes the rectangle of cells between its ends (a column's cells for a
drag down a column), or both pieces (or the table) whole; a passage is the text between
its ends. This
keeps the real ends, draws the selection cell by cell over Qt's (hidden meanwhile), copies
it as the article's text reads and moves its end with Shift and the arrows, also across
the seam between two pieces. A selection within one cell, or in the text, is Qt's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from diptych.gui.table_positions import a_row_across, across_cells, cell_ranges, off_the_seam
from diptych.storage.offsets import PositionMap

_MOVE = QTextCursor.MoveOperation
# Left and Right as Qt's own keys move: back in left-to-right text, on in right-to-left.
STEPS = {
    Qt.Key.Key_Left: _MOVE.Left, Qt.Key.Key_Right: _MOVE.Right,
    Qt.Key.Key_Up: _MOVE.Up, Qt.Key.Key_Down: _MOVE.Down,
    Qt.Key.Key_Home: _MOVE.StartOfLine, Qt.Key.Key_End: _MOVE.EndOfLine,
}  # fmt: skip
WORD_STEPS = {Qt.Key.Key_Left: _MOVE.WordLeft, Qt.Key.Key_Right: _MOVE.WordRight}
SIDEWAYS = (_MOVE.Left, _MOVE.Right, _MOVE.WordLeft, _MOVE.WordRight)
BACK = (_MOVE.Up, _MOVE.StartOfLine)

Marks = list[QTextEdit.ExtraSelection]


class TableSelection:
    """The selection of one text view, as made also across the pieces of a long table.

    Args:
        view: the text view whose selection this is.
        draw: draws extra selections in ``view`` (Qt's own ``setExtraSelections``, which
            the view's override hands its marks on to this).
        positions: the map of the article shown between its text and the document.
    """

    def __init__(
        self,
        view: QTextEdit,
        draw: Callable[[Marks], None],
        positions: Callable[[], PositionMap],
    ) -> None:
        self._view = view
        self._draw = draw
        self._positions = positions
        # A selection from one piece of a long table into another: its ends as made, and
        # the ends Qt widened it to (both pieces whole), drawn here as made.
        self._across: tuple[int, int, int, int] | None = None
        self._document: object = None  # the document it was made in
        self._marks: Marks = []
        self._highlight: QColor | None = None  # Qt's selection colour, while hidden
        view.selectionChanged.connect(self.on_selection_changed)

    def select(self, anchor: int, position: int) -> None:
        """Select from document position ``anchor`` to ``position``: as made, also from
        one piece of a long table into another, where Qt's own selection takes both
        pieces whole."""
        document = self._view.document()
        cursor = QTextCursor(document)
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        widened = (cursor.anchor(), cursor.position())
        across = (anchor, position, *widened) if across_cells(document, anchor, position) else None
        current = self._view.textCursor()
        if across == self._across and widened == (current.anchor(), current.position()):
            return
        self._across, self._document = across, document
        self._view.setTextCursor(cursor)
        self._show()

    def ends(self) -> tuple[int, int] | None:
        """The ends (anchor, position) of the selection as made, if it runs from one
        piece of a long table into another; else None."""
        if self._across is None or self._document is not self._view.document():
            return None  # none, or made in the article shown before
        cursor = self._view.textCursor()
        anchor, position, *widened = self._across
        return (anchor, position) if widened == [cursor.anchor(), cursor.position()] else None

    def show_end(self) -> None:
        """Scroll to the end of the selection, as made (Qt's cursor of a selection across
        pieces of a long table is at the end of the last piece)."""
        view, ends = self._view, self.ends()
        if ends is None:
            view.ensureCursorVisible()
            return
        cursor = QTextCursor(view.document())
        cursor.setPosition(ends[1])
        rect, bar = view.cursorRect(cursor), view.verticalScrollBar()
        if rect.top() < 0:
            bar.setValue(bar.value() + rect.top())
        elif rect.bottom() > view.viewport().height():
            bar.setValue(bar.value() + rect.bottom() - view.viewport().height())

    def on_selection_changed(self) -> None:
        """Another selection than one across pieces: Qt draws it again."""
        if self._across is not None and self.ends() is None:
            self._across = None
            self._show()

    def extend(self, event: QKeyEvent) -> bool:
        """Shift and an arrow, Home or End move the end of the selection as made, if it
        runs, or then runs, from one piece of a long table into another; True if it did."""
        held = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if not held & Qt.KeyboardModifier.ShiftModifier or held & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
        ):
            return False
        steps = WORD_STEPS if held & Qt.KeyboardModifier.ControlModifier else STEPS
        step = steps.get(Qt.Key(event.key()))
        if step is None:
            return False
        document, cursor = self._view.document(), self._view.textCursor()
        anchor, position = self.ends() or (cursor.anchor(), cursor.position())
        moved = _moved(document, position, step)
        if step in SIDEWAYS:
            moved = self.as_it_reads(position, moved)
        if self.ends() is None and not across_cells(document, anchor, moved):
            return False
        self.select(anchor, moved)
        self.show_end()
        event.accept()
        return True

    def leave(self, event: QKeyEvent) -> bool:
        """An arrow, Home or End without Shift ends a selection kept as made where the
        caret goes from its real end (Left and Right to its start and its end), not from
        where Qt put the end of its cells or pieces; True if it did."""
        held = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        step = STEPS.get(Qt.Key(event.key()))
        ends = self.ends()
        if ends is None or step is None or held != Qt.KeyboardModifier.NoModifier:
            return False
        if step in (_MOVE.Left, _MOVE.Right):
            start, end = sorted(ends, key=self._positions().to_display)  # as the text reads
            block = self._view.document().findBlock(ends[1])
            back = (step == _MOVE.Left) != (block.textDirection() == Qt.LayoutDirection.RightToLeft)
            moved = start if back else end
        else:
            moved = _moved(self._view.document(), ends[1], step)
        self.select(moved, moved)
        self._view.ensureCursorVisible()
        event.accept()
        return True

    def set_marks(self, selections: Sequence[QTextEdit.ExtraSelection]) -> None:
        """Draw ``selections`` (the find bar's matches, the outline) under the selection
        across pieces."""
        self._marks = list(selections)
        self._draw(self._marks + self._drawn())

    def mime_data(self) -> QMimeData | None:
        """What copying a selection across pieces gives: its cells in order (a tab
        between the cells of a row, a line break between rows), as the article's text
        reads; None for any other selection (Qt's own copy)."""
        ends = self.ends()
        if ends is None:
            return None
        document = self._view.document()
        parts = []
        for start, end, separator in self._runs(ends):
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            parts.append(separator + cursor.selectedText().replace("\u2029", "\n"))
        return plain_mime_data("".join(parts))

    def _show(self) -> None:
        """Draw the selection as made over Qt's, which is hidden while it runs across
        pieces (Qt would draw both pieces whole)."""
        view, ends = self._view, self.ends()
        if ends is None and self._highlight is not None:
            self._highlight = None
            view.setPalette(QPalette())  # the inherited one again
        elif ends is not None and self._highlight is None:
            palette = QPalette(view.palette())
            self._highlight = palette.color(QPalette.ColorRole.Highlight)
            # Qt's selection is drawn over this one: its text in the text's colour.
            palette.setColor(QPalette.ColorRole.Highlight, Qt.GlobalColor.transparent)
            palette.setColor(
                QPalette.ColorRole.HighlightedText, palette.color(QPalette.ColorRole.Text)
            )
            view.setPalette(palette)
        self._draw(self._marks + self._drawn())

    def _drawn(self) -> Marks:
        """The selection across pieces, drawn cell by cell as Qt draws a selection."""
        ends = self.ends()
        if ends is None or self._highlight is None:
            return []
        document = self._view.document()
        fmt = QTextCharFormat()
        fmt.setBackground(self._highlight)
        runs = [(start, end) for start, end, _before in self._runs(ends)]
        return marks_over(document, runs, fmt)

    def as_it_reads(self, position: int, moved: int) -> int:
        """Where a step of the caret from document ``position`` to ``moved`` (a character
        or a word on) goes as the article reads: the next (or the previous) cell where the
        step went from one cell into a cell not beside it in the text, as a right-to-left
        table's rows, in the document last cell first, have it; else ``moved``."""
        positions = self._positions()
        if not len(positions) or moved == position:
            return moved
        here = positions.block_index_at_rendered(position)
        there = positions.block_index_at_rendered(moved)
        forward = moved > position
        if there in (here, here + 1 if forward else here - 1):
            return moved  # the document reads as the text here
        if forward:
            return positions.rendered_start(here + 1) if here + 1 < len(positions) else moved
        return positions.to_rendered(positions.block(here - 1).end) if here > 0 else moved

    def reads_before(self, first: int, second: int) -> bool:
        """True if document position ``first`` reads before ``second`` in the article (not
        so for the cells of a right-to-left table's row, in the document last first)."""
        positions = self._positions()
        if not len(positions):
            return first < second
        return positions.to_display(first) < positions.to_display(second)

    def _runs(self, ends: tuple[int, int]) -> list[tuple[int, int, str]]:
        """The runs of the selection between document positions ``ends``, in the
        article's order (:func:`~diptych.gui.table_positions.cell_ranges`)."""
        positions = self._positions()
        start, end = sorted(map(positions.to_display, ends))
        return cell_ranges(self._view.document(), positions, start, end)


def marks_over(
    document: QTextDocument, runs: Iterable[tuple[int, int]], fmt: QTextCharFormat
) -> Marks:
    """``fmt`` drawn over each run (start, end) of ``document``'s positions."""
    marks = []
    for start, end in runs:
        mark = QTextEdit.ExtraSelection()
        mark.cursor = QTextCursor(document)
        mark.cursor.setPosition(start)
        mark.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        mark.format = fmt
        marks.append(mark)
    return marks


def _moved(document: QTextDocument, position: int, step: QTextCursor.MoveOperation) -> int:
    """Where ``step`` takes the caret from ``position``: also a row down or up into the
    next or the previous piece of a long table, and never onto the seam between two."""
    if step in (_MOVE.Up, _MOVE.Down):
        across = a_row_across(document, position, step == _MOVE.Down)
        if across is not None:
            return across
    probe = QTextCursor(document)
    probe.setPosition(position)
    probe.movePosition(step)
    moved = probe.position()
    return off_the_seam(document, moved, moved > position if step in SIDEWAYS else step not in BACK)


def plain_mime_data(text: str) -> QMimeData:
    """``text`` as the clipboard or a drag takes it, made by Qt itself (a plain text
    field's copy of it). A QMimeData made in Python is an object Python must be there to
    delete: left on the clipboard as the program ended, after Python, it crashed it."""
    field = QTextEdit()
    field.setPlainText(text)
    field.selectAll()
    return field.createMimeDataFromSelection()
