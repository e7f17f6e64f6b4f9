"""The text view of one article: select, click highlights, hover for notes, keys to tag.

Selections are reported in display-text code points: the one place where Qt's UTF-16
positions are converted (through the pane's PositionMap). What its keys do is
:mod:`~diptych.gui.text_keys`, its clicks and drags :mod:`~diptych.gui.mouse_selection`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from diptych.gui.empty_hint import EmptyHint
from diptych.gui.mouse_selection import MouseSelection
from diptych.gui.passage_index import Mark, PassageIndex
from diptych.gui.point_position import position_at
from diptych.gui.relayout_place import RelayoutPlace
from diptych.gui.rewrap_place import RewrapPlace
from diptych.gui.table_fit import fit_without_signals
from diptych.gui.table_selection import TableSelection
from diptych.gui.text_keys import TextKeys
from diptych.gui.wheel_zoom import WheelZoom, zooms
from diptych.gui.word_drag import whole_number
from diptych.storage.offsets import PositionMap


class ArticleView(QTextEdit):
    """A read-only, selectable view of a rendered article.

    Signals:
        tagKeyPressed(int): a tag key 1-9 was pressed (the key).
        deleteKeyPressed(): Delete or Backspace was pressed (delete the selected passage).
        caretMoved(): the user moved the caret with a key, or clicked text without a
            passage, leaving no text selected: the passage outlined follows the caret.
        passageClicked(int): a highlight was clicked (annotation id).
        contextMenuRequested(QPoint, int): right click at a global position; the annotation
            id under the pointer, or 0.
        tooltipRequested(QPoint, int): the pointer rests on a passage (annotation id).
        zoomRequested(int): Ctrl and the mouse wheel: zoom in (+1) or out (-1) one step.
        typedOnText(): letters were typed over the text, which cannot be edited (once
            each time the keyboard comes to the view: the window says where to type).
    """

    tagKeyPressed = Signal(int)
    deleteKeyPressed = Signal()
    caretMoved = Signal()
    passageClicked = Signal(int)
    contextMenuRequested = Signal(QPoint, int)
    tooltipRequested = Signal(QPoint, int)
    zoomRequested = Signal(int)
    typedOnText = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)  # articles and files dragged over the text go to the window
        self.viewport().setAcceptDrops(False)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.positions = PositionMap("")
        self.index: PassageIndex | None = None
        self.outlined = 0
        """The passage the pane outlines (0: none): of the passages on one character, the
        one a click or Enter there keeps, so that a passage gone to from the Passages list
        stays chosen where a colleague's passage, or another one, covers the same words."""
        self._wheel = WheelZoom()
        self._empty_hint = EmptyHint(self)
        self._place = RewrapPlace(self, self._position_at)
        # The line at the top kept there while the text is laid out after a zoom or a
        # resize, the rest in short steps.
        self._relayout = RelayoutPlace(self)
        self.layout_pacer = self._relayout.pacer
        # The selection as made, also from one piece of a long table into another.
        self._table_selection = TableSelection(
            self, super().setExtraSelections, lambda: self.positions
        )
        self._mouse = MouseSelection(self, self._position_at, self._table_selection)
        self._keys = TextKeys(self, self._table_selection, self._relayout)

    # -- an empty view -------------------------------------------------------------------
    def empty_hint(self) -> str:
        """What the view says while it shows no text."""
        return self._empty_hint.text

    def set_empty_hint(self, hint: str) -> None:
        """Say ``hint`` while the view shows no text, wrapped to the view's width (see
        :mod:`diptych.gui.empty_hint`)."""
        self._empty_hint.set_text(hint)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._empty_hint.paint()

    # -- positions -----------------------------------------------------------------------
    def selection(self) -> tuple[int, int] | None:
        """The selected range in display-text code points, or None if nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or not len(self.positions):
            return None
        ends = self._table_selection.ends() or (cursor.selectionStart(), cursor.selectionEnd())
        # Mapped, then ordered: a right-to-left table's row is in the document last cell first.
        start, end = sorted(map(self.positions.to_display, ends))
        return (start, end) if end > start else None

    def select_range(self, start: int, end: int, *, scroll: bool = True) -> None:
        """Select ``[start, end)`` of the display text (code points)."""
        positions = self.positions
        self._table_selection.select(positions.to_rendered(start), positions.to_rendered(end))
        if scroll:
            self._table_selection.show_end()

    def offset_at(self, point: QPoint) -> int:
        """Display-text offset under a viewport point."""
        return self.positions.to_display(self._position_at(point))

    def passage_at(self, point: QPoint) -> int:
        """Annotation id of the passage under a viewport point, or 0: the one outlined if
        it is there (:attr:`outlined`), else the innermost."""
        if self.index is None or not len(self.positions):
            return 0
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._position_at(point))
        rect = self.cursorRect(cursor)
        if abs(rect.center().y() - point.y()) > rect.height():
            return 0  # below the end of the text
        return self._passage_among(self.index.at(self.positions.to_display(cursor.position())))

    def _position_at(self, point: QPoint) -> int:
        """The document position under a viewport point (see
        :mod:`diptych.gui.point_position`)."""
        return position_at(self, point)

    # -- events --------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Digits 1-9 tag the selection; Enter on a highlight selects it; Delete deletes the
        selected passage; Shift+F10 opens the context menu; the rest as usual (see
        :mod:`diptych.gui.text_keys`)."""
        self._keys.press(event, super().keyPressEvent)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Letters typed over the text after the keyboard comes here are said again."""
        self._keys.keyboard_came()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """The caret's whole line is painted again as the caret goes: in Arabic or Hebrew
        text Qt draws a small flag beside the caret, outside the rectangle it repaints,
        which stayed over the letter like a vowel point."""
        line = self.cursorRect()
        super().focusOutEvent(event)
        self.viewport().update(0, line.top(), self.viewport().width(), line.height())

    def passage_at_cursor(self) -> int:
        """Annotation id of the passage at the text cursor (see :meth:`passage_at`), or 0."""
        if self.index is None or not len(self.positions):
            return 0
        return self._passage_among(
            self.index.at(self.positions.to_display(self.textCursor().position()))
        )

    def _passage_among(self, marks: list[Mark]) -> int:
        """Of the passages on one character (innermost first), the one outlined if it is
        among them, else the innermost; 0 for none."""
        if any(mark.annotation_id == self.outlined for mark in marks):
            return self.outlined
        return marks[0].annotation_id if marks else 0

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Remember where a click or a drag started; Shift+click extends the selection to
        the point clicked, also into or out of a table (see :mod:`diptych.gui.mouse_selection`)."""
        self._mouse.pressing()
        super().mousePressEvent(event)
        self._mouse.pressed(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double click selects its word as Qt does (and a drag from it goes word by word);
        in a figure, the whole figure ("4,548.0", where Qt took "548"); in Chinese or
        Japanese, the word clicked, not its whole sentence (see :mod:`diptych.gui.cjk_words`)."""
        self._mouse.double_clicked()
        super().mouseDoubleClickEvent(event)
        point = event.position().toPoint()
        from diptych.gui.cjk_words import cut_to_word_clicked  # with the first double click

        cut_to_word_clicked(self, point, self._position_at(point))
        self.take_whole_numbers()

    def take_whole_numbers(self, forward: bool = True) -> None:
        """Move the ends of the selection that fall inside a figure out to take the whole
        figure in (see :func:`~diptych.gui.word_drag.whole_number`); a caret inside one,
        to its end (``forward``) or its start."""
        cursor = self.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        if anchor == position:
            start, end = whole_number(self.document(), position, position)
            start = end = end if forward else start
        else:
            start, end = whole_number(self.document(), anchor, position)
        if (start, end) == (anchor, position):
            return
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Dragging selects whole words, and from one cell of a table into another the text
        between (see :mod:`diptych.gui.mouse_selection`)."""
        super().mouseMoveEvent(event)
        self._mouse.moved(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click (not a drag) on a highlight selects its passage; elsewhere, the outline
        follows the caret put there. A drag selecting text leaves the selected passage as
        it is, to be fitted or re-attached to the text."""
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        is_click = self._mouse.released(point)
        if event.button() == Qt.MouseButton.LeftButton and is_click:
            annotation_id = self.passage_at(point)
            if annotation_id:
                self.passageClicked.emit(annotation_id)
            elif not self.textCursor().hasSelection():
                self.caretMoved.emit()

    def setDocument(self, document: QTextDocument) -> None:
        """Show ``document``, dropping the outlines and find matches drawn over the one left:
        Qt keeps them, with cursors into that document, and reads them again as the next
        ones are drawn, after the document is deleted (a crash)."""
        if document is not self.document():
            self.setExtraSelections([])
            self._relayout.give_up()
        super().setDocument(document)
        fit_without_signals(document, self.viewport().width())

    # -- a selection across the pieces of a long table ----------------------------------
    def setExtraSelections(self, selections: Sequence[QTextEdit.ExtraSelection]) -> None:
        """Draw ``selections`` (the find bar's matches, the outline), and a selection
        across pieces of a long table."""
        self._table_selection.set_marks(selections)

    def createMimeDataFromSelection(self) -> QMimeData:
        """What copying the selection gives: a selection across pieces of a long table as
        made, its cells in order, as the article's text reads (see
        :mod:`diptych.gui.table_selection`); a list's items with their bullets and numbers
        (see :mod:`diptych.gui.list_copy`)."""
        data = self._table_selection.mime_data()
        if data is not None:
            return data
        from diptych.gui.list_copy import shaped_text

        data = super().createMimeDataFromSelection()
        cursor = self.textCursor()
        shaped = shaped_text(self.document(), cursor.selectionStart(), cursor.selectionEnd())
        if shaped is not None:
            data.text()  # Qt fills in its own forms now: else later, over this one
            data.setText(shaped)
        return data

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The text wraps again at a new width: the line at the top stays there, as zooming
        keeps it (see :mod:`diptych.gui.rewrap_place`)."""
        rewraps = event.size().width() != event.oldSize().width()
        place = self._relayout.pending if rewraps else None
        if place is None:
            place = self._place.before_resize(event.size(), event.oldSize())
        if place is not None:
            # Qt lays the text out down to where the view is scrolled, in ever longer
            # steps: from the top, only as far as the line kept (below) is laid out.
            self._relayout.scroll_to_top_unseen()
        if rewraps:  # the tables' columns first (the event is the viewport's, the text's
            # width): the text is then laid out once
            fit_without_signals(self.document(), event.size().width())
        super().resizeEvent(event)
        if rewraps:
            kept = place
            self.relaid_out(place, lambda: self._place.after_resize(kept))

    def relaid_out(self, place: int | None, put_back: Callable[[], None]) -> None:
        """The text was laid out anew (a new font or width): have the line at the document
        position ``place`` put back at the top (``put_back``) once it is laid out down to
        there (see :mod:`diptych.gui.relayout_place`)."""
        self._relayout.relaid_out(place, put_back)

    def pending_place(self) -> int | None:
        """The document position whose line goes back at the top once the text is laid out
        down to it (see :meth:`relaid_out`), if any."""
        return self._relayout.pending

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl and the wheel zoom the pane one step a notch, as Ctrl +/− do; a read-only
        text edit would otherwise change its font itself, behind the pane's zoom (its label,
        the margin's bars and the saved layout then no longer match the text)."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._wheel.reset()
            super().wheelEvent(event)
            return
        steps = self._wheel.steps(event)
        for _ in range(abs(steps)):
            self.zoomRequested.emit(1 if steps > 0 else -1)
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Ask the pane for a menu (it knows the tags)."""
        self.contextMenuRequested.emit(event.globalPos(), self.passage_at(event.pos()))

    def viewportEvent(self, event: QEvent) -> bool:
        """Hovering a highlight shows its tags and note. A click or the wheel (not a zoom)
        acts on the text shown: the line pending goes back at the top first."""
        if event.type() in _ACTS_ON_THE_TEXT_SHOWN and not zooms(event):
            self._relayout.settle()
        if event.type() == QEvent.Type.ToolTip:
            point = event.pos()  # type: ignore[attr-defined]
            annotation_id = self.passage_at(point)
            if annotation_id:
                self.tooltipRequested.emit(self.viewport().mapToGlobal(point), annotation_id)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


_ACTS_ON_THE_TEXT_SHOWN = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.ContextMenu,
        QEvent.Type.Wheel,
    }
)
