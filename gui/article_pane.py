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
from diptych.storage.document import Heading
from diptych.storage.errors import DiptychError

SLICE_MS = 30  # longest stretch of building between two events
SLICE_BLOCKS = 40
MIN_ZOOM, MAX_ZOOM = -6, 12


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
        loaded(): the article is fully built and painted.
    """

    activated = Signal()
    closeRequested = Signal()
    moveRequested = Signal(int)
    passageClicked = Signal(int)
    tagKeyPressed = Signal(int)
    contextMenuRequested = Signal(QPoint, int)
    tooltipRequested = Signal(QPoint, int)
    loaded = Signal()

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.article_id: int | None = None
        self.zoom = 0
        self.selected_passage = 0
        self._builder: DocumentBuilder | None = None
        self._highlighter: PassageHighlighter | None = None
        self._document: QTextDocument | None = None
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
        self.session.passagesChanged.connect(self.on_session_passages_changed)
        self.session.tagsChanged.connect(self.refresh_marks)
        self.session.articlesChanged.connect(self.on_session_articles_changed)
        self.session.articleTextChanged.connect(self.on_session_article_text_changed)

    # -- loading -------------------------------------------------------------------------
    @property
    def is_loading(self) -> bool:
        """True while the article is still being built."""
        return self._builder is not None and not self._builder.done

    def show_article(self, article_id: int) -> None:
        """Open an article in this pane (replacing the one shown)."""
        try:
            article = self.session.project.articles.get(article_id=article_id)
        except DiptychError as exc:
            self.session.messages.known_error(exc)
            return
        self.article_id = article_id
        self.selected_passage = 0
        self.header.set_title(article.title, article.source_name)
        self.header.set_outline(article.content.outline())
        self._matches = []
        builder = DocumentBuilder(article.content, render_style(), QTextDocument(self))
        index = PassageIndex(article.content.blocks)
        index.reset(self.session.marks(article_id))
        # Attached before any text exists: each block is painted once, as it is added.
        self._highlighter = PassageHighlighter(
            builder.document, builder.positions, index, highlight_theme()
        )
        self.view.index = index
        self.view.positions = builder.positions
        self._builder = builder
        self._apply_zoom(builder.document)
        old, self._document = self._document, builder.document
        self._build_slice(first=True)
        self.view.setDocument(builder.document)
        if old is not None:
            old.deleteLater()
        if not builder.done:
            QTimer.singleShot(0, self._build_slice)
        else:
            self._finish_loading()

    def _build_slice(self, first: bool = False) -> None:
        builder = self._builder
        if builder is None or builder.done:
            return
        deadline = time.perf_counter() + SLICE_MS / 1000
        while not builder.done and time.perf_counter() < deadline:
            builder.add_blocks(SLICE_BLOCKS)
        done, total = builder.progress
        self.header.set_progress(done, total)
        if first:
            return
        if builder.done:
            self._finish_loading()
        else:
            QTimer.singleShot(0, self._build_slice)

    def _finish_loading(self) -> None:
        self.header.set_progress(1, 1)
        self.margin.update()
        self.loaded.emit()

    def reload(self) -> None:
        """Show the article again from the file (after its text changed)."""
        if self.article_id is not None:
            scroll = self.view.verticalScrollBar().value()
            self.show_article(self.article_id)
            self.view.verticalScrollBar().setValue(scroll)

    # -- passages ------------------------------------------------------------------------
    def on_session_passages_changed(self, article_id: int) -> None:
        """Repaint only what changed when passages of this article change."""
        if article_id == self.article_id:
            self.refresh_marks()

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
        if self.article_id is None or self._highlighter is None or self.view.index is None:
            return
        index = self.view.index
        fresh = {m.annotation_id: m for m in self.session.marks(self.article_id)}
        for old in index.marks():
            if fresh.get(old.annotation_id) != old:
                self._highlighter.repaint_blocks(index.remove(old.annotation_id))
        for mark in fresh.values():
            if index.get(mark.annotation_id) != mark:
                self._highlighter.repaint_blocks(index.add(mark))
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
        if self._document is not None:
            self._apply_zoom(self._document)
        self.header.set_zoom(self.zoom)
        self.margin.update()

    def _apply_zoom(self, document: QTextDocument) -> None:
        font = reading_font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * (1.1**self.zoom)))
        document.setDefaultFont(font)

    def apply_appearance(self) -> None:
        """Follow a switch between light and dark."""
        if self._highlighter is not None:
            self._highlighter.set_theme(highlight_theme())
        self.reload()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.activated.emit()
        super().focusInEvent(event)
