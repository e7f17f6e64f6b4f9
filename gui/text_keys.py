"""What the keys do over an article's text: 1-9 tag the selection, Delete deletes the
selected passage, Shift+F10 opens the context menu, Enter on a highlight selects its
passage; a word step stops at the end of a Chinese or Japanese word, and takes a figure
whole; a caret the reader moves with a key is reported (the outline follows it). Letters
typed over the text, which cannot be edited, are reported once (a note meant for the
passage gone to from the Passages list vanished there without a word).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor

from diptych.gui.relayout_place import RelayoutPlace
from diptych.gui.table_selection import TableSelection
from diptych.gui.tag_keys import MODIFIER_KEYS, tag_digit
from diptych.gui.type_ahead import typed_text

if TYPE_CHECKING:
    from diptych.gui.article_view import ArticleView


# The word steps, and whether each goes forward: Qt's stop at a figure's comma and point.
WORD_STEPS = {
    QKeySequence.StandardKey.MoveToNextWord: True,
    QKeySequence.StandardKey.SelectNextWord: True,
    QKeySequence.StandardKey.MoveToPreviousWord: False,
    QKeySequence.StandardKey.SelectPreviousWord: False,
}


class TextKeys:
    """Answers the keys pressed in one article view, through the view's signals.

    Args:
        view: the view whose keys these are (and whose signals say what they did).
        table_selection: the view's selection across the pieces of a long table.
        relayout: the view's line kept at the top while the text is laid out again.
    """

    def __init__(
        self, view: ArticleView, table_selection: TableSelection, relayout: RelayoutPlace
    ) -> None:
        self.view = view
        self._table_selection = table_selection
        self._relayout = relayout
        self._typing_said = False  # letters typed since the keyboard came were reported
        self._typing = False  # the last keys pressed typed words

    def keyboard_came(self) -> None:
        """The keyboard came to the view: letters typed over the text are reported again."""
        self._typing_said = self._typing = False

    def press(self, event: QKeyEvent, default: Callable[[QKeyEvent], None]) -> None:
        """Answer ``event``; a key with no meaning here goes to ``default`` (the text
        itself cannot be edited)."""
        if event.key() not in MODIFIER_KEYS:  # the keys act on the text shown
            self._relayout.settle()
        if self._table_selection.extend(event):
            return
        before = self._caret()
        if self._table_selection.leave(event):
            self._report_caret(before)
            return
        if self._acted(event):
            event.accept()
            return
        default(event)
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not self._caret()[1]:
            # From one cell of a right-to-left table into the next as its row reads, not
            # as the document holds it (last cell first).
            moved = self._table_selection.as_it_reads(before[0], self._caret()[0])
            if moved != self._caret()[0]:
                cursor = self.view.textCursor()
                cursor.setPosition(moved)
                self.view.setTextCursor(cursor)
        step = next((step for step in WORD_STEPS if event.matches(step)), None)
        if step is not None:  # Chinese and Japanese words; a figure is one word, as a drag takes it
            self._stop_at_cjk_words(before[0])
            self.view.take_whole_numbers(forward=WORD_STEPS[step])
        self._report_caret(before)

    def _acted(self, event: QKeyEvent) -> bool:
        """Whether ``event`` tagged, deleted, opened the menu or selected a passage."""
        view = self.view
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        digit = tag_digit(event)
        if digit is not None:
            view.tagKeyPressed.emit(digit)
            return True
        if plain and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            view.deleteKeyPressed.emit()
            return True
        if event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
            # The context menu from the keyboard, as the Menu key gives it (which many
            # keyboards lack): for the selection and the passage at the caret.
            below_caret = view.viewport().mapToGlobal(view.cursorRect().bottomLeft())
            view.contextMenuRequested.emit(below_caret, view.passage_at_cursor())
            return True
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            annotation_id = view.passage_at_cursor()
            if annotation_id:  # as a click on it does, without the mouse
                view.passageClicked.emit(annotation_id)
                return True
        return self._typed_on(event)

    def _typed_on(self, event: QKeyEvent) -> bool:
        """Whether ``event`` is words typed over the text (which cannot be edited), said
        once; a space between them is part of them, not a step down a page, lest the words
        of a note typed here page the passage out of view."""
        space = event.key() == Qt.Key.Key_Space and not event.modifiers()
        if not typed_text(event) and not (space and self._typing):
            self._typing = event.key() in MODIFIER_KEYS and self._typing
            return False
        self._typing = True
        if not self._typing_said:  # once: the window says where a note is written
            self._typing_said = True
            self.view.typedOnText.emit()
        return True

    def _stop_at_cjk_words(self, start: int) -> None:
        """Cut the word step Qt took from ``start`` at the first end of a Chinese or
        Japanese word on the way (Qt finds none in a run of them; see
        :mod:`diptych.gui.cjk_words`)."""
        cursor = self.view.textCursor()
        from diptych.gui.cjk_words import step_end  # with the first step by word

        stop = step_end(self.view.document(), start, cursor.position())
        if stop == cursor.position():
            return
        keep = cursor.hasSelection()
        cursor.setPosition(
            stop, QTextCursor.MoveMode.KeepAnchor if keep else QTextCursor.MoveMode.MoveAnchor
        )
        self.view.setTextCursor(cursor)

    def _caret(self) -> tuple[int, bool]:
        """Where the caret is, and whether text is selected."""
        cursor = self.view.textCursor()
        return cursor.position(), cursor.hasSelection()

    def _report_caret(self, before: tuple[int, bool]) -> None:
        """Say that the user moved the caret, if they did and left no text selected (a
        selection being made, with Shift and the arrows say, keeps the outlined passage for
        fitting it to the selection)."""
        after = self._caret()
        if after != before and not after[1]:
            self.view.caretMoved.emit()
