"""Where a pane's reader is in the article: the reading place, the caret, scrolling to an
offset of the article's display text, and where the reader's place went in a newer text."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSignalBlocker
from PySide6.QtGui import QTextCursor

from diptych.gui.article_loader import BACKGROUND_CHARS
from diptych.gui.article_view import ArticleView

if TYPE_CHECKING:
    from diptych.storage.articles import ArticleStore

CONTEXT_FRACTION = 4  # a range shown from elsewhere starts a quarter down the view


def reading_place(view: ArticleView) -> int:
    """The article offset of the line at the top of the view: where the reader is."""
    pending = view.pending_place()
    if pending is not None:  # the text is being laid out down to it again
        return view.positions.to_display(pending)
    if view.verticalScrollBar().value() == 0:
        return 0  # at the beginning (above the first line, the margin maps to no offset)
    return view.offset_at(QPoint(4, 4))


def caret_in_view(view: ArticleView) -> int | None:
    """The caret's article offset if it is on the screen, else None."""
    if not view.viewport().rect().intersects(view.cursorRect()):
        return None
    return view.positions.to_display(view.textCursor().position())


def put_caret(view: ArticleView, caret: int) -> int:
    """Put the caret at the article offset ``caret`` without the view announcing the move
    (it does not make the pane current); returns its position in the view's document."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_rendered(caret))
    with QSignalBlocker(view):
        view.setTextCursor(cursor)
    return cursor.position()


def scroll_to_place(view: ArticleView, place: int) -> None:
    """Show ``place``'s line at the top (the beginning if 0)."""
    if place > 0:
        scroll_to_offset(view, place)
    else:
        view.verticalScrollBar().setValue(0)


def scroll_to_offset(view: ArticleView, offset: int) -> None:
    """Scroll so that ``offset``'s line is at the top, leaving the text cursor where it is."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_rendered(offset))
    bar = view.verticalScrollBar()
    top = bar.value() + view.cursorRect(cursor).top()
    if top > bar.maximum():  # laid out anew (zoomed): the range follows a moment later
        bar.setMaximum(top)
    bar.setValue(top)


def go_to_offset(view: ArticleView, offset: int) -> None:
    """Put the caret at ``offset`` and scroll so that it is near the top of the view."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_rendered(offset))
    view.setTextCursor(cursor)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    view.ensureCursorVisible()


def bring_into_view(view: ArticleView, offset: int, end: int | None = None) -> None:
    """Put the caret at ``offset``; the text moves only if ``[offset, end)`` (no ``end``: the
    caret's line alone) is out of view, or as much of it as the view can hold, and then so
    that it shows with some lines of context above it (stepping through passages with F8
    does not make the text jump under the reader's eyes)."""
    cursor = _cursor_at(view, offset)
    first = view.cursorRect(cursor)
    last = view.cursorRect(_cursor_at(view, end)) if end is not None else first
    viewport = view.viewport().rect()
    taller = last.bottom() - first.top() >= viewport.height()
    if viewport.contains(first) and (viewport.contains(last) or taller):
        bar = view.verticalScrollBar()
        value = bar.value()
        view.setTextCursor(cursor)
        bar.setValue(value)
        return
    go_to_offset(view, offset)
    _leave_context_above(view, offset, offset if end is None else end)


def show_range(view: ArticleView, start: int, end: int) -> None:
    """Select ``[start, end)`` and scroll it into view with some lines of context above."""
    go_to_offset(view, start)
    _leave_context_above(view, start, end)
    view.select_range(start, end)


def _leave_context_above(view: ArticleView, start: int, end: int) -> None:
    """With ``start``'s line at the top of the view, scroll up so that it shows a quarter
    down the view, the lines before it above it, as far as ``[start, end)`` stays in view:
    near the end of the article, where the text scrolls no further, it stays low in the
    last screen (a quarter more pushed it below the view). A range taller than the view
    shows from its start."""
    height = view.viewport().height()
    first = view.cursorRect(_cursor_at(view, start))
    last = view.cursorRect(_cursor_at(view, end))
    shift = min(height // CONTEXT_FRACTION - first.top(), height - 1 - last.bottom())
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() - max(shift, -first.top()))


def _cursor_at(view: ArticleView, offset: int) -> QTextCursor:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_rendered(offset))
    return cursor


def moved_in_new_text(
    old_text: str | None, articles: ArticleStore, article_id: int
) -> Callable[[int], int]:
    """Where each offset of ``old_text`` (the text shown; None: none) is in the article's
    text now, once updated (or the update undone): an offset moves with the lines that
    stayed around it, so that paragraphs added or taken away above the reader do not move
    the text under the eyes (the line diff that re-anchoring passages starts from). The new
    text is read here only when the pane reads it at once too (not one so long that it is
    read in the background): else offsets stay."""
    summary = articles.summary(article_id=article_id)
    if old_text is None or (
        summary.characters >= BACKGROUND_CHARS and not articles.is_cached(article_id=article_id)
    ):
        return _same
    new_text = articles.get(article_id=article_id).text
    if old_text == new_text:
        return _same
    from diptych.storage.line_diff import LineDiff  # only when an article's text changes

    return LineDiff(old_text, new_text).new_offset


def _same(offset: int) -> int:
    """An offset of a text that did not change."""
    return offset
