"""The text view of one article: select, click highlights, hover for notes, keys to tag.

Selections are reported in display-text code points: the one place where Qt's UTF-16
positions are converted (through the pane's PositionMap).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from diptych.gui.passage_index import PassageIndex
from diptych.gui.render_tables import (
    a_row_across,
    across_pieces,
    cell_ranges,
    off_the_seam,
)
from diptych.storage.offsets import PositionMap

TAG_KEYS = {
    Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3, Qt.Key.Key_5: 4,
    Qt.Key.Key_6: 5, Qt.Key.Key_7: 6, Qt.Key.Key_8: 7, Qt.Key.Key_9: 8,
}  # fmt: skip
WHEEL_NOTCH = 120  # a wheel's angle delta per notch
LONGEST_WORD = 80  # a drag's end inside a longer run of letters is not moved to its ends
APOSTROPHES = "'’"
_MOVE = QTextCursor.MoveOperation
STEPS = {
    Qt.Key.Key_Left: _MOVE.PreviousCharacter, Qt.Key.Key_Right: _MOVE.NextCharacter,
    Qt.Key.Key_Up: _MOVE.Up, Qt.Key.Key_Down: _MOVE.Down,
    Qt.Key.Key_Home: _MOVE.StartOfLine, Qt.Key.Key_End: _MOVE.EndOfLine,
}  # fmt: skip
WORD_STEPS = {Qt.Key.Key_Left: _MOVE.PreviousWord, Qt.Key.Key_Right: _MOVE.NextWord}
BACK = (_MOVE.PreviousCharacter, _MOVE.Up, _MOVE.StartOfLine, _MOVE.PreviousWord)

# Held with a digit, these make it a shortcut, not a tag key; Shift does not: on layouts
# such as the French AZERTY the digits are typed with Shift.
NOT_A_TAG_KEY = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def tag_digit(event: QKeyEvent) -> int | None:
    """The tag (0-8) a key applies: a key typing a digit 1-9 on the keyboard's layout, with
    or without Shift or the keypad, or a digit key pressed alone; never with Ctrl, Alt or
    Meta, nor Shift with a key typing something else (Shift+1 typing "!"); else None."""
    if event.modifiers() & NOT_A_TAG_KEY:
        return None
    text = event.text()
    if len(text) == 1 and text in "123456789":
        return int(text) - 1
    plain = event.modifiers() in (
        Qt.KeyboardModifier.NoModifier,
        Qt.KeyboardModifier.KeypadModifier,
    )
    return TAG_KEYS.get(Qt.Key(event.key())) if plain else None


def words_dragged(document: QTextDocument, start: int, end: int) -> tuple[int, int]:
    """The selection a drag of the mouse from ``start`` to ``end`` (document positions)
    makes: each end falling inside a word is moved out to take the whole word in, as word
    processors select whole words, so that a passage never starts or ends mid-word. A drag
    within one word selects part of it, as dragged."""
    first, last = _word_around(document, start), _word_around(document, end)
    if first is not None and first == last:
        return start, end
    if end < start:  # dragged backwards: the anchor at the end of its word
        return (first[1] if first else start), (last[0] if last else end)
    return (first[0] if first else start), (last[1] if last else end)


def _word_around(document: QTextDocument, position: int) -> tuple[int, int] | None:
    """The word ``position`` falls inside (between two of its characters), if any."""
    if not (_in_word(document, position - 1) and _in_word(document, position)):
        return None
    start, end = position, position
    while start > position - LONGEST_WORD and _in_word(document, start - 1):
        start -= 1
    while end < position + LONGEST_WORD and _in_word(document, end):
        end += 1
    if end - start >= LONGEST_WORD:
        return None  # no word (a long address, a run of digits): the drag stays as it is
    return start, end


def _in_word(document: QTextDocument, position: int) -> bool:
    """True if the character at ``position`` is part of a word: a letter, digit or "_", or
    an apostrophe between two letters ("don't", "l’État")."""
    if position < 0 or position >= document.characterCount():
        return False
    character = document.characterAt(position)
    if character.isalnum() or character == "_":
        return True
    return (
        character in APOSTROPHES
        and document.characterAt(position - 1).isalnum()
        and document.characterAt(position + 1).isalnum()
    )


class ArticleView(QTextEdit):
    """A read-only, selectable view of a rendered article.

    Signals:
        tagKeyPressed(int): a digit key 1-9 was pressed (0-based tag index).
        deleteKeyPressed(): Delete or Backspace was pressed (delete the selected passage).
        caretMoved(): the user moved the caret with a key, or clicked text without a
            passage, leaving no text selected: the passage outlined follows the caret.
        passageClicked(int): a highlight was clicked (annotation id).
        contextMenuRequested(QPoint, int): right click at a global position; the annotation
            id under the pointer, or 0.
        tooltipRequested(QPoint, int): the pointer rests on a passage (annotation id).
        zoomRequested(int): Ctrl and the mouse wheel: zoom in (+1) or out (-1) one step.
    """

    tagKeyPressed = Signal(int)
    deleteKeyPressed = Signal()
    caretMoved = Signal()
    passageClicked = Signal(int)
    contextMenuRequested = Signal(QPoint, int)
    tooltipRequested = Signal(QPoint, int)
    zoomRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.positions = PositionMap("")
        self.index: PassageIndex | None = None
        self._press: QPoint | None = None
        self._drag_from: int | None = None  # where a drag selecting words started
        self._wheel = 0  # a touchpad turns the wheel in fractions of a notch
        self._empty_hint = ""
        # The place kept by the last resize, the scroll value and the document it was in.
        self._kept_place: tuple[int, int, QTextDocument | None] = (0, -1, None)
        # A selection from one piece of a long table into another: its ends as made, and
        # the ends Qt widened it to (both pieces whole), drawn here as made.
        self._across: tuple[int, int, int, int] | None = None
        self._marks: list[QTextEdit.ExtraSelection] = []
        self._highlight: QColor | None = None  # Qt's selection colour, while hidden
        self.selectionChanged.connect(self.on_selection_changed)

    # -- an empty view -------------------------------------------------------------------
    def empty_hint(self) -> str:
        """What the view says while it shows no text."""
        return self._empty_hint

    def set_empty_hint(self, hint: str) -> None:
        """Say ``hint`` while the view shows no text, wrapped to the view's width (Qt's own
        placeholder text is drawn on one line, cut off in a narrow pane)."""
        if hint != self._empty_hint:
            self._empty_hint = hint
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._empty_hint and self.document().isEmpty():
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            margin = round(self.document().documentMargin())
            painter.drawText(
                self.viewport().rect().adjusted(margin, margin, -margin, -margin),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                self._empty_hint,
            )
            painter.end()

    # -- positions -----------------------------------------------------------------------
    def selection(self) -> tuple[int, int] | None:
        """The selected range in display-text code points, or None if nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or not len(self.positions):
            return None
        ends = self._ends() or (cursor.selectionStart(), cursor.selectionEnd())
        start, end = (self.positions.to_display(end) for end in sorted(ends))
        return (start, end) if end > start else None

    def select_range(self, start: int, end: int, *, scroll: bool = True) -> None:
        """Select ``[start, end)`` of the display text (code points)."""
        self._select(self.positions.to_rendered(start), self.positions.to_rendered(end))
        if scroll:
            self._show_end()

    def _show_end(self) -> None:
        """Scroll to the end of the selection, as made (Qt's cursor of a selection across
        pieces of a long table is at the end of the last piece)."""
        ends = self._ends()
        if ends is None:
            self.ensureCursorVisible()
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(ends[1])
        rect, bar = self.cursorRect(cursor), self.verticalScrollBar()
        if rect.top() < 0:
            bar.setValue(bar.value() + rect.top())
        elif rect.bottom() > self.viewport().height():
            bar.setValue(bar.value() + rect.bottom() - self.viewport().height())

    def offset_at(self, point: QPoint) -> int:
        """Display-text offset under a viewport point."""
        return self.positions.to_display(self._position_at(point))

    def passage_at(self, point: QPoint) -> int:
        """Annotation id of the innermost passage under a viewport point, or 0."""
        if self.index is None or not len(self.positions):
            return 0
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._position_at(point))
        rect = self.cursorRect(cursor)
        if abs(rect.center().y() - point.y()) > rect.height():
            return 0  # below the end of the text
        marks = self.index.at(self.positions.to_display(cursor.position()))
        return marks[0].annotation_id if marks else 0

    def _position_at(self, point: QPoint) -> int:
        """The document position under a viewport point, as the document's layout finds it.

        Not ``cursorForPosition``: while Qt is still laying a long document out in the
        background (just after the view took it), a point above the first line is
        answered with how far that layout has got, far down the text, and the text cursor
        ``cursorForPosition`` then makes there lays the document out up to it at once (a
        quarter of a second at 1 MB, and the margin asks on every paint). So a point above
        the first line is taken on it, and no cursor is made.
        """
        document = self.document()
        layout = document.documentLayout()
        bar = self.horizontalScrollBar()
        x = point.x() + (bar.maximum() - bar.value() if self.isRightToLeft() else bar.value())
        y = point.y() + self.verticalScrollBar().value()
        top = layout.blockBoundingRect(document.firstBlock()).top()
        found = layout.hitTest(QPointF(x, max(y, top)), Qt.HitTestAccuracy.FuzzyHit)
        return max(found, 0)

    # -- events --------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Digits 1-9 tag the selection; Enter on a highlight selects it; Delete deletes the
        selected passage; Shift+F10 opens the context menu; the rest as usual (the text
        itself cannot be edited)."""
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        digit = tag_digit(event)
        if self._extend_across(event):
            return
        if digit is not None:
            self.tagKeyPressed.emit(digit)
            event.accept()
            return
        if plain and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deleteKeyPressed.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
            # The context menu from the keyboard, as the Menu key gives it (which many
            # keyboards lack): for the selection and the passage at the caret.
            below_caret = self.viewport().mapToGlobal(self.cursorRect().bottomLeft())
            self.contextMenuRequested.emit(below_caret, self.passage_at_cursor())
            event.accept()
            return
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            annotation_id = self.passage_at_cursor()
            if annotation_id:  # as a click on it does, without the mouse
                self.passageClicked.emit(annotation_id)
                event.accept()
                return
        before = self._caret()
        super().keyPressEvent(event)
        self._report_caret(before)

    def _caret(self) -> tuple[int, bool]:
        """Where the caret is, and whether text is selected."""
        cursor = self.textCursor()
        return cursor.position(), cursor.hasSelection()

    def _report_caret(self, before: tuple[int, bool]) -> None:
        """Say that the user moved the caret, if they did and left no text selected (a
        selection being made, with Shift and the arrows say, keeps the outlined passage for
        fitting it to the selection)."""
        after = self._caret()
        if after != before and not after[1]:
            self.caretMoved.emit()

    def passage_at_cursor(self) -> int:
        """Annotation id of the innermost passage at the text cursor, or 0."""
        if self.index is None or not len(self.positions):
            return 0
        marks = self.index.at(self.positions.to_display(self.textCursor().position()))
        return marks[0].annotation_id if marks else 0

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Remember where a click started, to tell a click from a drag, and where a drag
        selecting words starts: a plain press of the left button that selected nothing
        (a triple click selects its paragraph, a press on the selection may drag it)."""
        self._press = event.position().toPoint()
        super().mousePressEvent(event)
        plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
        cursor = self.textCursor()
        left = event.button() == Qt.MouseButton.LeftButton
        self._drag_from = (
            cursor.position() if left and plain and not cursor.hasSelection() else None
        )

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double click selects its word as Qt does (and a drag from it goes word by word)."""
        self._drag_from = None
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Dragging selects whole words: an end of the selection falling inside a word takes
        the whole word in, shown so as the mouse moves (see :func:`words_dragged`). A drag
        from one piece of a long table into another ends where the mouse is, not at the end
        of the piece Qt widens it to."""
        super().mouseMoveEvent(event)
        if not event.buttons() & Qt.MouseButton.LeftButton:
            return
        cursor = self.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        pointed = self._position_at(event.position().toPoint())
        if across_pieces(self.document(), anchor, pointed):
            position = pointed  # not the end of the piece Qt widened the selection to
        if self._drag_from is not None:
            anchor, position = words_dragged(self.document(), self._drag_from, position)
        self._select(anchor, position)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click (not a drag) on a highlight selects its passage; elsewhere, the outline
        follows the caret put there. A drag selecting text leaves the selected passage as
        it is, to be fitted or re-attached to the text."""
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        self._drag_from = None
        is_click = self._press is not None and (point - self._press).manhattanLength() < 4
        self._press = None
        if event.button() == Qt.MouseButton.LeftButton and is_click:
            annotation_id = self.passage_at(point)
            if annotation_id:
                self.passageClicked.emit(annotation_id)
            elif not self.textCursor().hasSelection():
                self.caretMoved.emit()

    # -- a selection across the pieces of a long table ----------------------------------
    def _select(self, anchor: int, position: int) -> None:
        """Select from document position ``anchor`` to ``position``: as made, also from
        one piece of a long table into another (see :mod:`diptych.gui.render_tables`),
        where Qt's own selection takes both pieces whole."""
        document = self.document()
        cursor = QTextCursor(document)
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        widened = (cursor.anchor(), cursor.position())
        across = (anchor, position, *widened) if across_pieces(document, anchor, position) else None
        current = self.textCursor()
        if across == self._across and widened == (current.anchor(), current.position()):
            return
        self._across = across
        self.setTextCursor(cursor)
        self._show_across()

    def _ends(self) -> tuple[int, int] | None:
        """The ends (anchor, position) of the selection as made, if it runs from one
        piece of a long table into another; else None."""
        if self._across is None:
            return None
        cursor = self.textCursor()
        anchor, position, *widened = self._across
        return (anchor, position) if widened == [cursor.anchor(), cursor.position()] else None

    def on_selection_changed(self) -> None:
        """Another selection than one across pieces: Qt draws it again."""
        if self._across is not None and self._ends() is None:
            self._across = None
            self._show_across()

    def _extend_across(self, event: QKeyEvent) -> bool:
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
        document, cursor = self.document(), self.textCursor()
        anchor, position = self._ends() or (cursor.anchor(), cursor.position())
        moved = None
        if step in (_MOVE.Up, _MOVE.Down):
            moved = a_row_across(document, position, step == _MOVE.Down)
        if moved is None:
            probe = QTextCursor(document)
            probe.setPosition(position)
            probe.movePosition(step)
            moved = off_the_seam(document, probe.position(), step not in BACK)
        if self._ends() is None and not across_pieces(document, anchor, moved):
            return False
        self._select(anchor, moved)
        self._show_end()
        event.accept()
        return True

    def _show_across(self) -> None:
        """Draw the selection as made over Qt's, which is hidden while it runs across
        pieces (Qt would draw both pieces whole)."""
        ends = self._ends()
        if ends is None and self._highlight is not None:
            self._highlight = None
            self.setPalette(QPalette())  # the inherited one again
        elif ends is not None and self._highlight is None:
            palette = QPalette(self.palette())
            self._highlight = palette.color(QPalette.ColorRole.Highlight)
            # Qt's selection is drawn over this one: its text in the text's colour.
            palette.setColor(QPalette.ColorRole.Highlight, Qt.GlobalColor.transparent)
            palette.setColor(
                QPalette.ColorRole.HighlightedText, palette.color(QPalette.ColorRole.Text)
            )
            self.setPalette(palette)
        super().setExtraSelections(self._marks + self._across_drawn())

    def _across_drawn(self) -> list[QTextEdit.ExtraSelection]:
        """The selection across pieces, drawn cell by cell as Qt draws a selection."""
        ends = self._ends()
        if ends is None or self._highlight is None:
            return []
        fmt = QTextCharFormat()
        fmt.setBackground(self._highlight)
        drawn = []
        for start, end, _separator in cell_ranges(self.document(), *sorted(ends)):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(self.document())
            selection.cursor.setPosition(start)
            selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.format = fmt
            drawn.append(selection)
        return drawn

    def setExtraSelections(self, selections: Sequence[QTextEdit.ExtraSelection]) -> None:
        """Draw ``selections`` (the find bar's matches, the outline), and a selection
        across pieces of a long table."""
        self._marks = list(selections)
        super().setExtraSelections(self._marks + self._across_drawn())

    def createMimeDataFromSelection(self) -> QMimeData:
        """What copying the selection gives: a selection across pieces of a long table as
        made, its cells in order (a tab between the cells of a row, a line break between
        rows), as the article's text reads."""
        ends = self._ends()
        if ends is None:
            return super().createMimeDataFromSelection()
        parts = []
        for start, end, separator in cell_ranges(self.document(), *sorted(ends)):
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            parts.append(separator + cursor.selectedText().replace("\u2029", "\n"))
        data = QMimeData()
        data.setText("".join(parts))
        return data

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The text wraps again at a new width: the line at the top stays there, as zooming
        keeps it (the pixel scroll position kept showed an earlier or a later line, the
        reader's place lost at each step of dragging a divider)."""
        bar = self.verticalScrollBar()
        rewraps = event.size().width() != event.oldSize().width()
        place = None
        if rewraps and bar.value() > 0:
            # Resized again with the view left where it was put: the same place, not the
            # start of the line it is in (which would creep back a line at a time).
            kept, scrolled_to, document = self._kept_place
            same = bar.value() == scrolled_to and document is self.document()
            place = kept if same else self._position_at(QPoint(4, 4))
        super().resizeEvent(event)
        if place is not None:
            self._scroll_to_line_of(place)
            self._kept_place = (place, bar.value(), self.document())

    def _scroll_to_line_of(self, position: int) -> None:
        """Put the line of the document ``position`` at the top of the view."""
        block = self.document().findBlock(position)
        self._lay_out_past(block.position() + block.length())
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        bar = self.verticalScrollBar()
        top = bar.value() + self.cursorRect(cursor).top()
        if top > bar.maximum():  # the range follows the layout a moment later
            bar.setMaximum(top)
        bar.setValue(top)

    def _lay_out_past(self, position: int) -> None:
        """Have the document laid out at its width up to ``position``, and not much beyond.

        Asking where a position is (``cursorRect``) beyond the text laid out so far lays
        out all the rest of the document at once (a tenth of a second for a 1 MB article,
        at each step of a divider dragged); asking what is at a height lays it out up to
        that height only, so the height asked doubles until it is past ``position``.
        """
        layout = self.document().documentLayout()
        y = float(max(self.verticalScrollBar().value() + self.viewport().height(), 1))
        while layout.hitTest(QPointF(0, y), Qt.HitTestAccuracy.FuzzyHit) < position:
            if y > layout.documentSize().height():
                return  # laid out to the end
            y *= 2

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl and the wheel zoom the pane one step a notch, as Ctrl +/− do; a read-only
        text edit would otherwise change its font itself, behind the pane's zoom (its label,
        the margin's bars and the saved layout then no longer match the text)."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._wheel = 0
            super().wheelEvent(event)
            return
        self._wheel += event.angleDelta().y()
        steps = int(self._wheel / WHEEL_NOTCH)
        self._wheel -= steps * WHEEL_NOTCH
        for _ in range(abs(steps)):
            self.zoomRequested.emit(1 if steps > 0 else -1)
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Ask the pane for a menu (it knows the tags)."""
        self.contextMenuRequested.emit(event.globalPos(), self.passage_at(event.pos()))

    def viewportEvent(self, event: QEvent) -> bool:
        """Hovering a highlight shows its tags and note."""
        if event.type() == QEvent.Type.ToolTip:
            point = event.pos()  # type: ignore[attr-defined]
            annotation_id = self.passage_at(point)
            if annotation_id:
                self.tooltipRequested.emit(self.viewport().mapToGlobal(point), annotation_id)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
