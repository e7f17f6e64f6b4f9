"""One pane of the reading area: an article's title bar, find bar, margin and text.

Long articles are built in slices between events, so the window keeps responding while
they open; the highlighter is attached before the text is laid out.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint, QTimer, Signal
from PySide6.QtGui import QColor, QFocusEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QTextEdit, QVBoxLayout, QWidget

from diptych.gui.article_view import ArticleView
from diptych.gui.find_bar import FindBar, find_all
from diptych.gui.highlighter import PassageHighlighter
from diptych.gui.margin import PassageMargin
from diptych.gui.pane_header import PaneHeader
from diptych.gui.passage_index import PassageIndex
from diptych.gui.render import DocumentBuilder
from diptych.gui.session import ProjectSession
from diptych.gui.theme import highlight_theme, reading_font, render_style
from diptych.storage.articles import load_article
from diptych.storage.document import ArticleText, Heading
from diptych.storage.errors import DiptychError, InputError
from diptych.storage.model import Article
from diptych.storage.offsets import PositionMap

SLICE_MS = 25  # longest stretch of building between two events
SLICE_BLOCKS = 40
SYNC_BLOCKS = 400  # articles this small are built at once
SYNC_CHARS = 150_000
PREVIEW_BLOCKS = 60  # enough to fill a screen while the rest is built
REPAINT_CHUNK = 200
FIRST_SLICE_DELAY_MS = 15
BACKGROUND_CHARS = 2_000_000  # longer articles are read from the file in a worker
MIN_ZOOM, MAX_ZOOM = -6, 12


class Rendering:
    """One document of an article, with the highlighter attached before any text went in.

    Args:
        content: the article's display text and blocks.
        index: the article's passages (shared by every rendering of the article).
        parent: owner of the document.
    """

    def __init__(self, content: ArticleText, index: PassageIndex, parent: QWidget) -> None:
        self.builder = DocumentBuilder(content, render_style(), QTextDocument(parent))
        self.highlighter = PassageHighlighter(
            self.builder.document, self.builder.positions, index, highlight_theme()
        )
        self.index = index
        self._to_paint: list[int] | None = None
        self.painted = False

    def paint_marked(self, count: int) -> None:
        """Paint up to ``count`` of the blocks that hold passages, then prepare for a view.

        A document without a layout announces no changes, so the highlighter stays idle
        while the document is built (building stays cheap) and the blocks that hold
        passages are painted here, still without a layout, where painting costs next to
        nothing. The formats survive the layout's creation, which is done last and quietly
        (see DocumentBuilder.prepare_for_view).
        """
        if self._to_paint is None:
            self._to_paint = self.index.marked_blocks()
        chunk, self._to_paint[:] = self._to_paint[:count], self._to_paint[count:]
        for block in chunk:
            self.highlighter.repaint_blocks(range(block, block + 1))
        if not self._to_paint and not self.painted:
            self.builder.prepare_for_view()
            self.painted = True

    def paint_all_marked(self) -> None:
        """Prepare and paint every marked block now (short documents and first screens)."""
        self.paint_marked(len(self.index.marked_blocks()) + 1)

    @property
    def document(self) -> QTextDocument:
        """The document being built."""
        return self.builder.document

    @property
    def positions(self) -> PositionMap:
        """Display-text <-> document positions of the blocks built so far."""
        return self.builder.positions


class ArticlePane(QFrame):
    """Shows one article.

    Signals:
        activated(): the pane got focus (it becomes the current pane).
        closeRequested(): the user closed the pane.
        moveRequested(int): move the pane left (-1) or right (+1).
        passageClicked(int): a highlight or margin bar was clicked (annotation id).
        tagKeyPressed(int): a digit key was pressed over the text (0-based tag index).
        contextMenuRequested(QPoint, int): right click (global position, annotation id or 0).
        tooltipRequested(QPoint, int): hover over a passage.
        shown(): the article's first screen (or all of it) is in the view.
        loaded(): the article is fully built and painted.
    """

    activated = Signal()
    closeRequested = Signal()
    moveRequested = Signal(int)
    passageClicked = Signal(int)
    tagKeyPressed = Signal(int)
    contextMenuRequested = Signal(QPoint, int)
    tooltipRequested = Signal(QPoint, int)
    shown = Signal()
    loaded = Signal()

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.article_id: int | None = None
        self.zoom = 0
        self.selected_passage = 0
        self._rendering: Rendering | None = None  # what the view shows
        self._pending: Rendering | None = None  # the full article, while it is being built
        self._generation = 0
        self._awaited: tuple[int, int] | None = None  # (article, generation) being read
        self._updated_article: int | None = None
        self._matches: list[tuple[int, int]] = []
        self._match = 0
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.header = PaneHeader(self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.view = ArticleView(self)
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
        self._connect()

    def _connect(self) -> None:
        self.header.closeClicked.connect(self.closeRequested)
        self.header.moveClicked.connect(self.moveRequested)
        self.header.zoomClicked.connect(self.set_zoom_step)
        self.header.headingChosen.connect(self.go_to_offset)
        self.view.passageClicked.connect(self.passageClicked)
        self.margin.passageClicked.connect(self.passageClicked)
        self.view.tagKeyPressed.connect(self.tagKeyPressed)
        self.view.contextMenuRequested.connect(self.contextMenuRequested)
        self.view.tooltipRequested.connect(self.tooltipRequested)
        self.view.selectionChanged.connect(self.margin.update)
        self.view.cursorPositionChanged.connect(self.activated)
        self.find_bar.searched.connect(self.on_find_bar_searched)
        self.find_bar.stepped.connect(self.on_find_bar_stepped)
        self.find_bar.closed.connect(self.on_find_bar_closed)
        self.session.passageUpdated.connect(self.on_session_passage_updated)
        self.session.passagesChanged.connect(self.on_session_passages_changed)
        self.session.tagsChanged.connect(self.refresh_marks)
        self.session.articlesChanged.connect(self.on_session_articles_changed)
        self.session.articleTextChanged.connect(self.on_session_article_text_changed)

    # -- loading -------------------------------------------------------------------------
    @property
    def is_loading(self) -> bool:
        """True while the article is being read or its full document built."""
        return self._pending is not None or self._awaited is not None

    def show_article(self, article_id: int) -> None:
        """Open an article in this pane (replacing the one shown); see :meth:`present`.

        A long article is read from the file in the background first, so that even
        decoding its blocks never holds up the window.
        """
        articles = self.session.project.articles
        try:
            summary = articles.summary(article_id=article_id)
        except DiptychError as exc:
            self.session.messages.known_error(exc)
            return
        self._generation += 1
        self._awaited = None
        if summary.characters < BACKGROUND_CHARS or articles.is_cached(article_id=article_id):
            try:
                article = articles.get(article_id=article_id)
            except DiptychError as exc:
                self.session.messages.known_error(exc)
                return
            self.present(article)
            return
        self.article_id = article_id
        self.header.set_title(summary.title, summary.source_name)
        self.header.set_progress(0, 1)
        self._awaited = (article_id, self._generation)
        path = self.session.project.path
        worker = self.session.workers.start(lambda _p: load_article(path, article_id=article_id))
        worker.signals.finished.connect(self.on_article_read)
        worker.signals.failed.connect(self.on_article_read_failed)

    def on_article_read(self, article: Article) -> None:
        """A long article was read in the background: show it, if it is still wanted."""
        if self._awaited != (article.id, self._generation):
            return  # another article was asked for meanwhile
        self._awaited = None
        self.session.project.articles.remember(article)
        self.present(article)

    def on_article_read_failed(self, message: str) -> None:
        """Reading a long article failed: say why."""
        self._awaited = None
        self.header.set_progress(1, 1)
        self.session.messages.error(message)

    def present(self, article: Article) -> None:
        """Show an article already read (replacing the one shown).

        A short article is built at once. A long one shows its first blocks at once, while the
        whole document is built detached from the view in slices between events (appending to
        a shown document would make Qt lay out everything before each insertion), then swapped
        in: the view is never blocked for more than a slice.
        """
        article_id = article.id
        self._generation += 1
        self.article_id = article_id
        self.selected_passage = 0
        self.header.set_title(article.title, article.source_name)
        self.header.set_outline(article.content.outline())
        self._matches = []
        index = PassageIndex(article.content.blocks)
        index.reset(self.session.marks(article_id))
        self.view.index = index
        full = Rendering(article.content, index, self)
        small = len(article.content.blocks) <= SYNC_BLOCKS and len(article.text) <= SYNC_CHARS
        if small:
            full.builder.build()
            full.paint_all_marked()
            self._pending = None
            self._show(full)
            self.shown.emit()
            self._finish_loading()
            return
        preview = Rendering(article.content, index, self)
        preview.builder.add_blocks(PREVIEW_BLOCKS)
        preview.paint_all_marked()
        self._show(preview)
        self.shown.emit()
        self._pending = full
        self._apply_zoom(full.document)
        generation = self._generation
        # The first slice waits for the first screen to be painted.
        QTimer.singleShot(FIRST_SLICE_DELAY_MS, self, lambda: self._build_slice(generation))

    def _show(self, rendering: Rendering, *, keep_view: bool = False) -> None:
        """Put a rendering in the view; ``keep_view`` keeps the scroll position and cursor
        (when the full article replaces its own first screen)."""
        old = self._rendering
        scroll = self.view.verticalScrollBar().value()
        cursor = self.view.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        self._rendering = rendering
        self._apply_zoom(rendering.document)
        self.view.positions = rendering.positions
        self.view.setDocument(rendering.document)
        if not keep_view:
            self.view.verticalScrollBar().setValue(0)  # a new article starts at its top
        else:
            restored = QTextCursor(rendering.document)
            last = rendering.document.characterCount() - 1
            restored.setPosition(min(anchor, last))
            restored.setPosition(min(position, last), QTextCursor.MoveMode.KeepAnchor)
            self.view.setTextCursor(restored)
            self.view.verticalScrollBar().setValue(scroll)
        if old is not None and old is not rendering:
            old.document.deleteLater()

    def _build_slice(self, generation: int) -> None:
        rendering = self._pending
        if rendering is None or generation != self._generation:
            return  # another article was opened meanwhile
        deadline = time.perf_counter() + SLICE_MS / 1000
        builder = rendering.builder
        while not builder.done and time.perf_counter() < deadline:
            builder.add_blocks(SLICE_BLOCKS)
        while builder.done and not rendering.painted and time.perf_counter() < deadline:
            rendering.paint_marked(REPAINT_CHUNK)  # still detached: cheap, no layout runs
        self.header.set_progress(*builder.progress)
        if rendering.painted:
            self._pending = None
            self._show(rendering, keep_view=True)
            self._finish_loading()
        else:
            # 1 ms rather than 0: lets timers and paint events in between the slices.
            QTimer.singleShot(1, self, lambda: self._build_slice(generation))

    def _finish_loading(self) -> None:
        self.header.set_progress(1, 1)
        self._update_extra_selections()
        self.margin.update()
        self.loaded.emit()

    def reload(self) -> None:
        """Show the article again from the file (after its text changed)."""
        if self.article_id is not None:
            scroll = self.view.verticalScrollBar().value()
            self.show_article(self.article_id)
            self.view.verticalScrollBar().setValue(scroll)

    # -- passages ------------------------------------------------------------------------
    def on_session_passage_updated(self, article_id: int, annotation_id: int) -> None:
        """One passage changed: update its mark alone (the article may hold thousands)."""
        if article_id != self.article_id or self.view.index is None:
            return
        self._updated_article = article_id  # the passagesChanged that follows is covered
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
        if self._updated_article == article_id:
            self._updated_article = None
            return
        if article_id == self.article_id:
            self.refresh_marks()

    def _repaint(self, blocks: range) -> None:
        for rendering in (self._rendering, self._pending):
            if rendering is not None:
                rendering.highlighter.repaint_blocks(blocks)

    def on_session_articles_changed(self) -> None:
        """Follow renames; close if the article was removed."""
        if self.article_id is None:
            return
        ids = {a.id: a for a in self.session.project.articles.all()}
        summary = ids.get(self.article_id)
        if summary is None:
            self.article_id = None
            self.closeRequested.emit()
        else:
            self.header.set_title(summary.title, summary.source_name)

    def on_session_article_text_changed(self, article_id: int) -> None:
        """Show the new text of this pane's article."""
        if article_id == self.article_id:
            self.reload()

    def refresh_marks(self) -> None:
        """Re-read this article's passages and repaint the blocks whose marks changed."""
        if self.article_id is None or self._rendering is None or self.view.index is None:
            return

        index = self.view.index
        fresh = {m.annotation_id: m for m in self.session.marks(self.article_id)}
        for old in index.marks():
            if fresh.get(old.annotation_id) != old:
                self._repaint(index.remove(old.annotation_id))
        for mark in fresh.values():
            if index.get(mark.annotation_id) != mark:
                self._repaint(index.add(mark))
        if self.selected_passage and self.selected_passage not in fresh:
            self.selected_passage = 0
        self._update_extra_selections()
        self.margin.update()

    def select_passage(self, annotation_id: int, *, scroll: bool = True) -> None:
        """Outline a passage and bring it into view."""
        mark = self.view.index.get(annotation_id) if self.view.index else None
        self.selected_passage = annotation_id if mark else 0
        if mark is not None and scroll:
            self.go_to_offset(mark.start)
        self._update_extra_selections()

    def selection(self) -> tuple[int, int] | None:
        """The selected range (display-text code points), if any."""
        return self.view.selection() if self.article_id is not None else None

    def outline(self) -> list[Heading]:
        """The article's headings."""
        if self.article_id is None:
            return []
        return self.session.project.articles.get(article_id=self.article_id).content.outline()

    def go_to_offset(self, offset: int) -> None:
        """Scroll so that ``offset`` is near the top of the view."""
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.view.positions.to_rendered(offset))
        self.view.setTextCursor(cursor)
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.maximum())
        self.view.ensureCursorVisible()

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
            outline.setUnderlineColor(self.palette().highlight().color())
            selections.append(self._extra(mark.start, mark.end, outline))
        self.view.setExtraSelections(selections)

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
        for rendering in (self._rendering, self._pending):
            if rendering is not None:
                self._apply_zoom(rendering.document)
        self.header.set_zoom(self.zoom)
        self.margin.update()

    def _apply_zoom(self, document: QTextDocument) -> None:
        font = reading_font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * (1.1**self.zoom)))
        if document.defaultFont() != font:  # setting it lays the whole document out again
            document.setDefaultFont(font)

    def apply_appearance(self) -> None:
        """Follow a switch between light and dark."""
        self.reload()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.activated.emit()
        super().focusInEvent(event)
