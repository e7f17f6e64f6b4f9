"""One pane of the reading area: an article's title bar, find bar, margin and text.

Loading (without ever holding up the window) is :class:`ArticleLoader`'s job; the pane
assembles the widgets and keeps the view in step with the article's passages, the find
bar and the zoom. Its parts: the search (:mod:`~diptych.gui.pane_find`), the article's
passages and the one outlined (:mod:`~diptych.gui.pane_passages`, their marks and
outlines :mod:`~diptych.gui.pane_marks`) and the reading place and scrolling
(:mod:`~diptych.gui.pane_reading`); what it shows while its article is read and built is
:mod:`~diptych.gui.pane_loading`.
"""

from __future__ import annotations

from collections.abc import Callable, Container

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from diptych.gui import pane_reading
from diptych.gui.article_loader import ArticleLoader
from diptych.gui.article_model import article_labels, pane_title
from diptych.gui.article_view import ArticleView
from diptych.gui.find_bar import FindBar
from diptych.gui.margin import PassageMargin
from diptych.gui.pane_activation import ReaderWatch
from diptych.gui.pane_find import PaneFind
from diptych.gui.pane_header import PaneHeader, spoken_title
from diptych.gui.pane_history import PaneHistory
from diptych.gui.pane_in_place import OpenedInPlace, follow_opened_in_place
from diptych.gui.pane_loading import EMPTY_PANE_HINT, PaneLoading
from diptych.gui.pane_passages import PanePassages
from diptych.gui.pane_zoom import NORMAL_ZOOM, next_zoom, within_limits, zoomed_font
from diptych.gui.session import ProjectSession

# What the keys that act on an article's text (1-9, Del, F2, F8, Ctrl+F) say in a pane
# without one: "select text here" meant nothing there.
NO_ARTICLE = (
    "This pane shows no article: open one in it from the Library (double-click it, or Enter)."
)
# What letters typed over an article's text say (once), which cannot be typed in: after
# Enter in the Passages list a note typed on there went nowhere.
TYPED_ON_TEXT = (
    "The article's text cannot be typed in: F2 writes the note of the passage at the caret"
    " (Enter on a highlight shows it in the Passage panel; Esc in the note comes back)."
)
# What they say with no pane at all (every pane closed).
NO_PANE = "No article is open: open one from the Library (double-click it, or Enter)."


class ArticlePane(QFrame):
    """Shows one article.

    Signals:
        activated(): the pane got focus (it becomes the current pane).
        closeRequested(): the user closed the pane (or its article was removed).
        articleRemoved(int): the pane's article was removed from the project; the pane
            asks to be closed next.
        moveRequested(int): move the pane left (-1) or right (+1).
        articleLeft(int, int): another article is opened in the pane; the one it showed
            (fully read) and the reading place the reader left it at.
        passageClicked(int): a highlight or margin bar was clicked (annotation id).
        tagKeyPressed(int): a tag key 1-9 was pressed over the text (the key).
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
    articleLeft = Signal(int, int)
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
        self.zoom = NORMAL_ZOOM  # in percent (see pane_zoom)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.header = PaneHeader(self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.view = ArticleView(self)
        self.view.set_empty_hint(EMPTY_PANE_HINT)  # shown while the pane has no article
        self.view.setAccessibleName(spoken_title(""))
        self.loader = ArticleLoader(session, self.view, lambda: zoomed_font(self.zoom))
        # A reading place given to the pane (a saved layout) not yet gone to: its article
        # is still being read in (kept if the pane is closed first).
        self.place_to_resume = 0
        # An imported article opened here in place of the one shown (no room for a pane).
        self.in_place: OpenedInPlace | None = None
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
        self.reader_watch = ReaderWatch(self.view, self)
        self.pane_find = PaneFind(self.find_bar, self.view, self._article_text, self)
        self.passages = PanePassages(
            session, self.view, self.loader, self.margin, self.pane_find, self
        )
        self.loading = PaneLoading(
            session, self.loader, self.header, self.view, self.margin, self.pane_find,
            self.passages, self,
        )  # fmt: skip
        self.history = PaneHistory(self)
        self._connect()

    def _connect(self) -> None:
        self.header.closeClicked.connect(self.closeRequested)
        self.header.moveClicked.connect(self.on_header_move_clicked)
        self.header.zoomClicked.connect(self.set_zoom_step)
        self.header.headingChosen.connect(self.on_header_heading_chosen)
        self.header.titleSpoken.connect(self.view.setAccessibleName)
        self.header.backClicked.connect(self.history.go_back)
        self.header.forwardClicked.connect(self.history.go_forward)
        self.history.changed.connect(self.on_history_changed)
        self.view.passageClicked.connect(self.passageClicked)
        self.margin.passageClicked.connect(self.passageClicked)
        self.margin.passageClicked.connect(self.on_margin_passage_clicked)
        self.view.tagKeyPressed.connect(self.tagKeyPressed)
        self.view.deleteKeyPressed.connect(self.deleteKeyPressed)
        self.view.contextMenuRequested.connect(self.contextMenuRequested)
        self.view.tooltipRequested.connect(self.tooltipRequested)
        self.margin.tooltipRequested.connect(self.tooltipRequested)
        self.view.zoomRequested.connect(self.set_zoom_step)
        self.view.typedOnText.connect(self.on_view_typed_on_text)
        self.view.selectionChanged.connect(self.margin.update)
        self.reader_watch.activated.connect(self.activated)
        self.pane_find.matchesChanged.connect(self.passages.update_outlines)
        self.pane_find.findRequested.connect(self.open_find)  # F3 with nothing to find again
        self.loader.shown.connect(self.shown)
        self.loading.loaded.connect(self.loaded)
        passages = self.passages
        self.session.passageUpdated.connect(passages.on_session_passage_updated)
        self.session.passagesChanged.connect(passages.on_session_passages_changed)
        self.session.allPassagesChanged.connect(passages.on_session_all_passages_changed)
        self.session.tagsChanged.connect(passages.refresh_marks)
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
        """Open an article in this pane, replacing the one shown (Back returns to it)."""
        if self.in_place is not None and article_id != self.in_place.article_id:
            self.in_place = None  # the reader went on: a removal closes the pane again
        if article_id != self.article_id:
            if self.article_id is not None and self.loader.current is not None:
                self.articleLeft.emit(self.article_id, self.reading_place())
            self.history.leave()
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

    def reload(self, moved: Callable[[int], int] = lambda offset: offset) -> None:
        """Show the article again from the file (after its text changed, or to repaint it),
        at the same reading place once it is all in (a long one first shows its top), with
        the caret where it was if it was in view, else at the reading place, and the same
        passage outlined: the keys (the arrows, F8, F2) go on from there, not from the top.
        ``moved`` says where an offset of the text shown is in the text read again."""
        if self.article_id is None:
            return
        place = moved(self.reading_place())
        caret = self.caret_in_view()
        caret = None if caret is None else moved(caret)
        passage = self.selected_passage
        self.show_article(self.article_id)

        def go_on() -> None:
            self.read_on(place, place if caret is None else caret)
            if passage:
                self.select_passage(passage, scroll=False)

        self.when_loaded(go_on)

    def caret_in_view(self) -> int | None:
        """The caret's article offset if it is on the screen, else None."""
        if self.article_id is None or self.loader.current is None or not len(self.view.positions):
            return None
        return pane_reading.caret_in_view(self.view)

    # -- reading place -------------------------------------------------------------------
    def reading_place(self) -> int:
        """The article offset of the line at the top of the view: where the reader is."""
        if self.article_id is None or self.loader.current is None:
            return 0  # nothing shown (yet)
        return pane_reading.reading_place(self.view)

    def read_on(self, place: int, caret: int) -> None:
        """Show ``place``'s line at the top (the beginning if 0) with the caret at ``caret``,
        without making the pane current (a caret moved by the user does)."""
        self.reader_watch.caret_position = pane_reading.put_caret(self.view, caret)
        pane_reading.scroll_to_place(self.view, place)

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so that ``offset``'s line is at the top, leaving the text cursor where it is."""
        pane_reading.scroll_to_offset(self.view, offset)

    def go_to_offset(self, offset: int) -> None:
        """Scroll so that ``offset`` is near the top of the view."""
        pane_reading.go_to_offset(self.view, offset)

    def on_header_heading_chosen(self, offset: int) -> None:
        """A heading chosen in the outline menu: the text goes to it and takes the keyboard
        there (from another pane, or from the ☰ button), so that the keys read on from it.
        A jump, as a search result's: Back returns to where the reader was."""
        self.history.leave()
        self.go_to_offset(offset)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_header_move_clicked(self, step: int) -> None:
        """Move pane left or right, chosen in the ☰ menu: the pane moves, and its text takes
        the keyboard, its caret where it was, as for a heading chosen there (left on the ☰
        button, hidden with its menu, the keys walked the header's buttons)."""
        self.moveRequested.emit(step)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_range(self, start: int, end: int) -> None:
        """Select ``[start, end)`` and scroll it into view with some lines of context above."""
        pane_reading.show_range(self.view, start, end)

    # -- passages ------------------------------------------------------------------------
    @property
    def selected_passage(self) -> int:
        """The annotation id of the passage outlined, or 0."""
        return self.passages.selected

    def on_session_articles_changed(self) -> None:
        """Follow renames (and namesakes come or gone), also in Back's and Forward's
        tooltips; close if the article was removed (but an imported one opened in place of
        another: see :mod:`pane_in_place`)."""
        if self.history.can_go_back or self.history.can_go_forward:
            self.history.keep_only({a.id for a in self.session.articles()})
            self.on_history_changed()  # the article each goes to renamed, or another now
        follow_opened_in_place(self, {a.id for a in self.session.articles()})
        if self.article_id is None:
            return
        listed = {a.id: (a, label) for a, label in article_labels(self.session.articles())}
        if self.article_id not in listed:
            removed, self.loader.article_id = self.article_id, None
            self.articleRemoved.emit(removed)
            self.closeRequested.emit()
        else:
            summary, label = listed[self.article_id]  # a namesake's file named, as listed
            self.header.set_title(label, summary.source_name)

    def on_session_article_text_changed(self, article_id: int) -> None:
        """Show the new text of this pane's article, the reader at the same paragraph."""
        if article_id == self.article_id:
            shown = self.loader.current.builder.content.text if self.loader.current else None
            articles = self.session.project.articles
            self.reload(pane_reading.moved_in_new_text(shown, articles, article_id))

    def select_passage(self, annotation_id: int, *, scroll: bool = True) -> None:
        """Outline a passage and bring it into view (the caret at its start)."""
        self.passages.select_passage(annotation_id, scroll=scroll)

    def neighbour_passage(self, step: int, among: Container[int] | None = None) -> int:
        """The passage after (``step`` 1) or before (-1) the caret, or else 0; only one of
        ``among`` (passage ids) if given (:func:`~diptych.gui.pane_marks.neighbour_passage`)."""
        return self.passages.neighbour_passage(step, among)

    def selection(self) -> tuple[int, int] | None:
        """The selected range (display-text code points), if any."""
        return self.view.selection() if self.article_id is not None else None

    # -- find ----------------------------------------------------------------------------
    def open_find(self) -> None:
        """Show the find bar, prefilled with the selected text; in a pane without an
        article, say so instead (a bar searching nothing said nothing at all)."""
        if self.article_id is None:
            self.session.messages.info(NO_ARTICLE)
            return
        self.pane_find.open_find()

    def _article_text(self) -> str | None:
        """The display text of the article shown, if any (what the find bar searches)."""
        if self.article_id is None:
            return None
        return self.session.project.articles.get(article_id=self.article_id).content.text

    # -- zoom and appearance -------------------------------------------------------------
    def set_zoom_step(self, step: int) -> None:
        """Zoom in (+1) or out (-1) to the next round step, or back to normal (0)."""
        self.set_zoom(next_zoom(self.zoom, step))

    def set_zoom(self, zoom: int) -> None:
        """Set the zoom in percent of the normal size, within the smallest and largest step."""
        self.zoom = within_limits(zoom)
        place = self.reading_place()  # the text wraps again at the new size
        self.loader.apply_font()
        self.view.relaid_out(
            self.view.positions.to_rendered(place) if place > 0 else None,
            lambda: self.scroll_to_offset(place),
        )
        self.header.set_zoom(self.zoom)
        self.margin.update()

    def apply_appearance(self) -> None:
        """Follow a switch between light and dark."""
        self.reload()

    def on_margin_passage_clicked(self, _annotation_id: int) -> None:
        """A bar was clicked: the keys go on in this pane (F8 from that passage, Ctrl+F…)."""
        self.view.setFocus(Qt.FocusReason.MouseFocusReason)

    def on_history_changed(self) -> None:
        """Offer Back and Forward (the header's ◀ and ▶) while there is somewhere to go,
        naming the article each goes to."""
        back, forward = self.history.back_article, self.history.forward_article
        self.header.set_history(
            None if back is None else pane_title(self.session, back, ""),
            None if forward is None else pane_title(self.session, forward, ""),
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """The mouse's back and forward buttons over the pane go back and forward in it."""
        if event.button() == Qt.MouseButton.BackButton:
            self.history.go_back()
        elif event.button() == Qt.MouseButton.ForwardButton:
            self.history.go_forward()
        else:
            super().mousePressEvent(event)

    def on_view_typed_on_text(self) -> None:
        """Letters typed over the text: say where a note is written."""
        self.session.messages.info(TYPED_ON_TEXT)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.activated.emit()
        super().focusInEvent(event)
