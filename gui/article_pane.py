"""One pane of the reading area: an article's title bar, find bar, margin and text.

Loading (without ever holding up the window) is :class:`ArticleLoader`'s job; the pane
assembles the widgets and keeps the view in step with the article's passages, the find
bar and the zoom.
"""

from __future__ import annotations

from collections.abc import Callable, Container

from PySide6.QtCore import QEvent, QObject, QPoint, QSignalBlocker, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QTextEdit, QVBoxLayout, QWidget

from diptych.gui.article_loader import ArticleLoader
from diptych.gui.article_view import ArticleView
from diptych.gui.find_bar import FindBar, find_all
from diptych.gui.margin import PassageMargin
from diptych.gui.pane_header import PaneHeader
from diptych.gui.passage_index import Mark
from diptych.gui.session import ProjectSession
from diptych.gui.theme import contrast, highlight_theme, painted_over, reading_font
from diptych.storage.errors import InputError
from diptych.storage.model import Article

MIN_ZOOM, MAX_ZOOM = -6, 12
MIN_LINE_CONTRAST = 3.0  # a line drawn over a passage stands out from its fill this much
EMPTY_PANE_HINT = "No article here: double-click one in the Library, or drag it here."
CONTEXT_FRACTION = 4  # a range shown from elsewhere starts a quarter down the view


class ArticlePane(QFrame):
    """Shows one article.

    Signals:
        activated(): the pane got focus (it becomes the current pane).
        closeRequested(): the user closed the pane (or its article was removed).
        articleRemoved(int): the pane's article was removed from the project; the pane
            asks to be closed next.
        moveRequested(int): move the pane left (-1) or right (+1).
        passageClicked(int): a highlight or margin bar was clicked (annotation id).
        tagKeyPressed(int): a digit key was pressed over the text (0-based tag index).
        deleteKeyPressed(): Delete was pressed over the text.
        contextMenuRequested(QPoint, int): right click (global position, annotation id or 0).
        tooltipRequested(QPoint, int): hover over a passage.
        shown(): the article's first screen (or all of it) is in the view.
        loaded(): the article is fully built and painted.
    """

    activated = Signal()
    closeRequested = Signal()
    articleRemoved = Signal(int)
    moveRequested = Signal(int)
    passageClicked = Signal(int)
    tagKeyPressed = Signal(int)
    deleteKeyPressed = Signal()
    contextMenuRequested = Signal(QPoint, int)
    tooltipRequested = Signal(QPoint, int)
    shown = Signal()
    loaded = Signal()

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.zoom = 0
        self.selected_passage = 0
        self._matches: list[tuple[int, int]] = []
        self._match = 0
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.header = PaneHeader(self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.view = ArticleView(self)
        self.view.set_empty_hint(EMPTY_PANE_HINT)  # shown while the pane has no article
        # See on_view_cursor_position_changed.
        self._caret_document = self.view.document()
        self._caret_position = 0
        self._caret_put_back: int | None = None
        self.loader = ArticleLoader(session, self.view, self.zoomed_font)
        self.margin = PassageMargin(self.view, self)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.margin)
        body.addWidget(self.view, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.find_bar)
        layout.addLayout(body, 1)
        self.view.installEventFilter(self)
        self._connect()

    def _connect(self) -> None:
        self.header.closeClicked.connect(self.closeRequested)
        self.header.moveClicked.connect(self.moveRequested)
        self.header.zoomClicked.connect(self.set_zoom_step)
        self.header.headingChosen.connect(self.go_to_offset)
        self.view.passageClicked.connect(self.passageClicked)
        self.margin.passageClicked.connect(self.passageClicked)
        self.margin.passageClicked.connect(self.on_margin_passage_clicked)
        self.view.tagKeyPressed.connect(self.tagKeyPressed)
        self.view.deleteKeyPressed.connect(self.deleteKeyPressed)
        self.view.contextMenuRequested.connect(self.contextMenuRequested)
        self.view.tooltipRequested.connect(self.tooltipRequested)
        self.margin.tooltipRequested.connect(self.tooltipRequested)
        self.view.zoomRequested.connect(self.set_zoom_step)
        self.view.selectionChanged.connect(self.margin.update)
        self.view.cursorPositionChanged.connect(self.on_view_cursor_position_changed)
        self.find_bar.searched.connect(self.on_find_bar_searched)
        self.find_bar.stepped.connect(self.on_find_bar_stepped)
        self.find_bar.closed.connect(self.on_find_bar_closed)
        self.loader.opening.connect(self.on_loader_opening)
        self.loader.presented.connect(self.on_loader_presented)
        self.loader.progressed.connect(self.header.set_progress)
        self.loader.shown.connect(self.shown)
        self.loader.loaded.connect(self.on_loader_loaded)
        self.loader.unavailable.connect(self.on_loader_unavailable)
        self.session.passageUpdated.connect(self.on_session_passage_updated)
        self.session.passagesChanged.connect(self.on_session_passages_changed)
        self.session.allPassagesChanged.connect(self.on_session_all_passages_changed)
        self.session.tagsChanged.connect(self.refresh_marks)
        self.session.articlesChanged.connect(self.on_session_articles_changed)
        self.session.articleTextChanged.connect(self.on_session_article_text_changed)

    # -- loading -------------------------------------------------------------------------
    @property
    def article_id(self) -> int | None:
        """The article shown (or being opened), if any."""
        return self.loader.article_id

    @property
    def is_loading(self) -> bool:
        """True while the article is being read or its full document built."""
        return self.loader.is_loading

    def show_article(self, article_id: int) -> None:
        """Open an article in this pane, replacing the one shown."""
        self.loader.open(article_id)

    def when_loaded(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the article is fully shown: at once if it is, else once only
        when it is. It is meant for this article: if another is opened in the pane before
        this one is shown, the action is dropped (and never runs for a later load either)."""
        if not self.is_loading:
            action()
            return
        article_id = self.article_id

        def run_if_same_article() -> None:
            if self.article_id == article_id:
                action()

        self.loaded.connect(run_if_same_article, Qt.ConnectionType.SingleShotConnection)

    def on_loader_opening(self, article_id: int, title: str, source: str) -> None:
        """A long article is being read: say which, and that it is coming."""
        self.view.set_empty_hint("")
        self.header.set_title(title, source)
        self.header.set_progress(0, 1)

    def on_loader_presented(self, article: Article) -> None:
        """A new article is going in: reset what belonged to the previous one."""
        self.view.set_empty_hint("")
        self.selected_passage = 0
        self._matches = []
        self.header.set_title(article.title, article.source_name)
        self.header.set_outline(article.content.outline())

    def on_loader_loaded(self) -> None:
        """The whole article is in the view (a find bar left open searches it)."""
        self.header.set_progress(1, 1)
        if self.find_bar.isVisible():
            self.on_find_bar_searched(self.find_bar.field.text())
        self._update_extra_selections()
        self.margin.update()
        self.loaded.emit()

    def on_loader_unavailable(self) -> None:
        """The article could not be read: the pane is empty again (opening it retries)."""
        self.view.set_empty_hint(EMPTY_PANE_HINT)
        self.selected_passage = 0
        self._matches = []
        self.header.set_title("")
        self.header.set_outline([])
        self.margin.update()

    def reload(self) -> None:
        """Show the article again from the file (after its text changed, or to repaint it),
        at the same reading place once it is all in (a long one first shows its top), with
        the caret where it was if it was in view, else at the reading place, and the same
        passage outlined: the keys (the arrows, F8, F2) go on from there, not from the top."""
        if self.article_id is None:
            return
        place = self.reading_place()
        caret = self._caret_in_view()
        passage = self.selected_passage
        self.show_article(self.article_id)

        def go_on() -> None:
            self.read_on(place, place if caret is None else caret)
            if passage:
                self.select_passage(passage, scroll=False)

        self.when_loaded(go_on)

    def _caret_in_view(self) -> int | None:
        """The caret's article offset if it is on the screen, else None."""
        if self.article_id is None or self.loader.current is None or not len(self.view.positions):
            return None
        if not self.view.viewport().rect().intersects(self.view.cursorRect()):
            return None
        return self.view.positions.to_display(self.view.textCursor().position())

    # -- reading place -------------------------------------------------------------------
    def reading_place(self) -> int:
        """The article offset of the line at the top of the view: where the reader is."""
        if self.article_id is None or self.loader.current is None:
            return 0  # nothing shown (yet)
        if self.view.verticalScrollBar().value() == 0:
            return 0  # at the beginning (above the first line, the margin maps to no offset)
        return self.view.offset_at(QPoint(4, 4))

    def read_on(self, place: int, caret: int) -> None:
        """Show ``place``'s line at the top (the beginning if 0) with the caret at ``caret``,
        without making the pane current (a caret moved by the user does)."""
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.view.positions.to_rendered(caret))
        with QSignalBlocker(self.view):
            self.view.setTextCursor(cursor)
        self._caret_position = cursor.position()
        if place > 0:
            self.scroll_to_offset(place)
        else:
            self.view.verticalScrollBar().setValue(0)

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so that ``offset``'s line is at the top, leaving the text cursor where it is."""
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.view.positions.to_rendered(offset))
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() + self.view.cursorRect(cursor).top())

    # -- passages ------------------------------------------------------------------------
    def on_session_passage_updated(self, article_id: int, annotation_id: int) -> None:
        """One passage changed: update its mark alone (the article may hold thousands)."""
        if article_id != self.article_id or self.view.index is None:
            return
        try:
            passage = self.session.passage(annotation_id)
        except InputError:
            passage = None  # deleted
        index = self.view.index
        if passage is None or passage.is_orphan:
            self._repaint(index.remove(annotation_id))
        else:
            mark = self.session.mark(passage)
            if index.get(annotation_id) != mark:
                self._repaint(index.add(mark))
        if self.selected_passage == annotation_id and annotation_id not in index:
            self.selected_passage = 0
        self._update_extra_selections()
        self.margin.update()

    def on_session_passages_changed(self, article_id: int) -> None:
        """Passages of an article changed in bulk: compare and repaint what differs."""
        if article_id == self.article_id:
            self.refresh_marks()

    def on_session_all_passages_changed(self) -> None:
        """Passages of any article may have changed: compare this one's and repaint."""
        if self.article_id is not None:
            self.refresh_marks()

    def _repaint(self, blocks: range) -> None:
        self.loader.repaint(blocks)

    def on_session_articles_changed(self) -> None:
        """Follow renames; close if the article was removed."""
        if self.article_id is None:
            return
        ids = {a.id: a for a in self.session.articles()}
        summary = ids.get(self.article_id)
        if summary is None:
            removed, self.loader.article_id = self.article_id, None
            self.articleRemoved.emit(removed)
            self.closeRequested.emit()
        else:
            self.header.set_title(summary.title, summary.source_name)

    def on_session_article_text_changed(self, article_id: int) -> None:
        """Show the new text of this pane's article."""
        if article_id == self.article_id:
            self.reload()

    def refresh_marks(self) -> None:
        """Re-read this article's passages and repaint the blocks whose marks changed."""
        if self.article_id is None or self.loader.current is None or self.view.index is None:
            return

        index = self.view.index
        fresh = {m.annotation_id: m for m in self.session.marks(self.article_id)}
        touched: set[int] = set()  # a block holding many changed passages is painted once
        for old in index.marks():
            if fresh.get(old.annotation_id) != old:
                touched.update(index.remove(old.annotation_id))
        for mark in fresh.values():
            if index.get(mark.annotation_id) != mark:
                touched.update(index.add(mark))
        for run in _runs(sorted(touched)):
            self._repaint(run)
        if self.selected_passage and self.selected_passage not in fresh:
            self.selected_passage = 0
        self._update_extra_selections()
        self.margin.update()

    def select_passage(self, annotation_id: int, *, scroll: bool = True) -> None:
        """Outline a passage and bring it into view (the caret at its start)."""
        mark = self.view.index.get(annotation_id) if self.view.index else None
        self.selected_passage = annotation_id if mark else 0
        if mark is not None and scroll:
            self._bring_into_view(mark.start)
        self._update_extra_selections()

    def _bring_into_view(self, offset: int) -> None:
        """Put the caret at ``offset``; the text moves only if that line is out of view,
        and then so that it shows with some lines of context above it (stepping through
        passages with F8 does not make the text jump under the reader's eyes)."""
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.view.positions.to_rendered(offset))
        if self.view.viewport().rect().contains(self.view.cursorRect(cursor)):
            bar = self.view.verticalScrollBar()
            value = bar.value()
            self.view.setTextCursor(cursor)
            bar.setValue(value)
            return
        self.go_to_offset(offset)
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() - self.view.viewport().height() // CONTEXT_FRACTION)

    def neighbour_passage(self, step: int, among: Container[int] | None = None) -> int:
        """The passage after (``step`` 1) or before (-1) the caret, or else 0; only one of
        ``among`` (passage ids) if given.

        From the selected passage with the caret in it (at its start where moving to it puts
        the caret, inside where a click put it, at its end after tagging), the order is that
        of the text, so passages starting together are each visited and the selected one is
        never chosen again.
        """
        if self.view.index is None or not len(self.view.positions):
            return 0
        caret = self.view.positions.to_display(self.view.textCursor().position())
        marks = self.view.index.marks()
        keys = [(m.start, m.end, m.annotation_id) for m in marks]
        here: tuple[int, ...] = (caret,) if step > 0 else (caret, -1)
        chosen = self.view.index.get(self.selected_passage)
        if chosen is not None and chosen.start <= caret <= chosen.end:
            here = (chosen.start, chosen.end, chosen.annotation_id)
        if among is not None:
            kept = [
                (m, key) for m, key in zip(marks, keys, strict=True) if m.annotation_id in among
            ]
            marks, keys = [m for m, _ in kept], [key for _, key in kept]
        if step > 0:
            after = [m for m, key in zip(marks, keys, strict=True) if key > here]
            return after[0].annotation_id if after else 0
        before = [m for m, key in zip(marks, keys, strict=True) if key < here]
        return before[-1].annotation_id if before else 0

    def selection(self) -> tuple[int, int] | None:
        """The selected range (display-text code points), if any."""
        return self.view.selection() if self.article_id is not None else None

    def go_to_offset(self, offset: int) -> None:
        """Scroll so that ``offset`` is near the top of the view."""
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.view.positions.to_rendered(offset))
        self.view.setTextCursor(cursor)
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.maximum())
        self.view.ensureCursorVisible()

    def show_range(self, start: int, end: int) -> None:
        """Select ``[start, end)`` and scroll it into view with some lines of context above."""
        self.go_to_offset(start)
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() - self.view.viewport().height() // CONTEXT_FRACTION)
        self.view.select_range(start, end)

    # -- find ----------------------------------------------------------------------------
    def open_find(self) -> None:
        """Show the find bar, prefilled with the selected text."""
        selection = self.view.textCursor().selectedText()
        self.find_bar.open_bar(selection if 0 < len(selection) < 80 else "")

    def on_find_bar_searched(self, text: str) -> None:
        """Highlight every match and go to the first one after the cursor."""
        if self.article_id is None:
            return
        content = self.session.project.articles.get(article_id=self.article_id).content
        self._matches = find_all(content.text, text)
        here = self.view.positions.to_display(self.view.textCursor().selectionStart())
        self._match = next((i for i, m in enumerate(self._matches) if m[0] >= here), 0)
        self._show_match()

    def on_find_bar_stepped(self, step: int) -> None:
        """Go to the next or previous match."""
        if self._matches:
            self._match = (self._match + step) % len(self._matches)
            self._show_match()

    def on_find_bar_closed(self) -> None:
        """Forget the matches."""
        self._matches = []
        self._update_extra_selections()
        self.view.setFocus()

    def _show_match(self) -> None:
        self.find_bar.show_count(self._match, len(self._matches))
        if self._matches:
            start, end = self._matches[self._match]
            self.view.select_range(start, end)
        self._update_extra_selections()

    def _update_extra_selections(self) -> None:
        selections = []
        match_format = QTextCharFormat()
        match_format.setBackground(QColor(255, 150, 0, 110))
        for start, end in self._matches:
            selections.append(self._extra(start, end, match_format))
        mark = self.view.index.get(self.selected_passage) if self.view.index else None
        if mark is not None:
            outline = QTextCharFormat()
            outline.setFontUnderline(True)
            outline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            outline.setUnderlineColor(self._outline_color(mark))
            selections.append(self._extra(mark.start, mark.end, outline))
        self.view.setExtraSelections(selections)

    def _outline_color(self, mark: Mark) -> QColor:
        """The selected passage's wavy line: in the highlight colour where it shows on the
        passage's fill, else in the text colour (a dark palette's mid blue on a dark fill,
        or a light one's on a pale fill, could hardly be seen)."""
        palette = self.view.palette()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        rendering = self.loader.current
        theme = rendering.highlighter.theme if rendering is not None else highlight_theme()
        fill = painted_over(theme.background((mark,)), palette.color(QPalette.ColorRole.Base))
        if contrast(highlight, fill) >= MIN_LINE_CONTRAST:
            return highlight
        return palette.color(QPalette.ColorRole.Text)

    def _extra(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.view.positions.to_rendered(start))
        cursor.setPosition(self.view.positions.to_rendered(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    # -- zoom and appearance -------------------------------------------------------------
    def set_zoom_step(self, step: int) -> None:
        """Zoom in (+1), out (-1) or back to normal (0)."""
        self.set_zoom(0 if step == 0 else self.zoom + step)

    def set_zoom(self, zoom: int) -> None:
        """Set the zoom level (font size steps from the normal size)."""
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        place = self.reading_place()  # the text wraps again at the new size
        self.loader.apply_font()
        if place > 0:
            self.scroll_to_offset(place)
        self.header.set_zoom(self.zoom)
        self.margin.update()

    def zoomed_font(self) -> QFont:
        """The reading font at this pane's zoom."""
        font = reading_font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * (1.1**self.zoom)))
        return font

    def apply_appearance(self) -> None:
        """Follow a switch between light and dark."""
        self.reload()

    def on_view_cursor_position_changed(self) -> None:
        """The caret moved: the pane becomes the current one, unless the move is only that
        of a new document put in the view (an article shown again after a switch between
        light and dark, or its full text replacing its first screen): a pane that is not
        the reader's took the keys (F8, 1-9) and the Library's selection."""
        document, position = self.view.document(), self.view.textCursor().position()
        if document is not self._caret_document:
            # Its caret is at the start, or soon put back where the one it replaces had it.
            self._caret_document, self._caret_put_back = document, self._caret_position
            self._caret_position = position
            return
        put_back, self._caret_put_back = self._caret_put_back, None
        self._caret_position = position
        if position != put_back:
            self.activated.emit()

    def on_margin_passage_clicked(self, _annotation_id: int) -> None:
        """A bar was clicked: the keys go on in this pane (F8 from that passage, Ctrl+F…)."""
        self.view.setFocus(Qt.FocusReason.MouseFocusReason)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.activated.emit()
        super().focusInEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The text getting the focus makes the pane the current one, also when the caret
        does not move (Tab, a click where the caret is, the focus coming back to it); Esc
        in the text closes the find bar, as in its field."""
        if watched is self.view and event.type() == QEvent.Type.FocusIn:
            self.activated.emit()
        if (
            watched is self.view
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and self.find_bar.isVisible()
        ):
            self.find_bar.close_bar()
            return True
        return super().eventFilter(watched, event)


def _runs(blocks: list[int]) -> list[range]:
    """Sorted block numbers as ranges of consecutive blocks: [3, 4, 5, 9] -> 3-5, 9."""
    runs: list[range] = []
    for block in blocks:
        if runs and runs[-1].stop == block:
            runs[-1] = range(runs[-1].start, block + 1)
        else:
            runs.append(range(block, block + 1))
    return runs
