"""Search the whole project: articles, passages, notes and memos (SQLite full-text search)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from diptych.gui.clear_button import give_clear_button
from diptych.gui.field_undo import pass_undo_on
from diptych.gui.hint_label import show_as_hint
from diptych.gui.note_html import text_to_html
from diptych.gui.search_opening import SearchHitOpener
from diptych.gui.search_results import MATCHES_ROLE, SearchResultDelegate
from diptych.gui.search_runs import SearchRuns
from diptych.gui.search_wording import (
    LIMIT,
    SYNTAX_HINT,
    best_of_each,
    describe,
    heading,
    typed_query,
    why_nothing,
)
from diptych.gui.session import ProjectSession
from diptych.gui.type_ahead import erase_last, erases, type_into, typed_text
from diptych.storage.control_characters import isolated
from diptych.storage.errors import DiptychError, ProjectMovedError

if TYPE_CHECKING:
    from diptych.storage.search import SearchHit

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
DEBOUNCE_MS = 200
SEARCHING = "Searching…"
# The results of the words before stay listed this long while new words are searched: most
# searches answer sooner, and the list is replaced without going blank in between.
KEEP_LISTED_MS = 150
# The project's file left its place: searched again this long after, when the window has
# found it (it looks every 1.5 s).
MOVED_RETRY_MS = 1_600
MOVED = "The project's file was moved: searching again once it is found…"
BATCH = 10  # results laid out between two turns of the event loop


class SearchPanel(QWidget):
    """A search field and its results; activating a result reveals it.

    Signals:
        articleRequested(int, int, int, str): open article id with [start, end) selected
            (-1, -1: at the top), stepping through the query's words found there ("":
            none to step through).
        passageRequested(int, int, str): reveal passage id in article id, found by this
            query (its find bar steps through the query's words found there).
        memoRequested(str, int, str, bool): show the memo of this kind ("project",
            "article", "tag") on this article or tag id (-1 for the project's), at the first
            match of this query in it (:func:`first_match`, in the memo as shown); True: go
            there (the Memos panel in front, the keyboard in the memo), False: only show it
            behind the results (a click, which leaves the user browsing them). An article's
            memo comes after articleRequested has opened its article.
        searched(): the results of the search asked for last are listed (or why there
            are none); the search runs in a worker, the window answering meanwhile.
    """

    articleRequested = Signal(int, int, int, str)
    passageRequested = Signal(int, int, str)
    memoRequested = Signal(str, int, str, bool)
    searched = Signal()

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Search articles, notes and memos")
        self.field.setToolTip(SYNTAX_HINT)
        give_clear_button(self.field, "Clear the search")
        pass_undo_on(self.field)
        self.field.setAccessibleName("Search articles, notes and memos")
        self.results = QListWidget(self)
        self.results.setAccessibleName("Search results")
        self.results.setWordWrap(True)
        # Results wrap at the list's width: nothing to scroll to sideways. The scroll bar
        # is always there: results wrapped without it, then found to need it, wrapped
        # narrower with it, then found not to, and so on: the list was laid out again and
        # again, the window busy and the list blank.
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.results.setBatchSize(BATCH)  # see _list
        self.results.setItemDelegate(SearchResultDelegate(self.results))  # matches in bold
        # Three lines at least, not a list's usual minimum: tabbed with the Passages list,
        # the panel must be as short as it is on a small screen (it scrolls).
        self.results.setMinimumHeight(3 * self.results.fontMetrics().lineSpacing())
        self.status = QLabel(self, wordWrap=True)
        show_as_hint(self.status)  # how to write a search reads; counts are in WindowText
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)
        self.field.textChanged.connect(self._on_text_changed)
        self._runs = SearchRuns(session, LIMIT + 1, self)  # one more: whether there are more
        self._runs.found.connect(self._on_found)
        self._runs.lost.connect(self._on_lost)
        self._opener = SearchHitOpener(session, self.run, self)
        self._opener.articleRequested.connect(self.articleRequested)
        self._opener.passageRequested.connect(self.passageRequested)
        self._opener.memoRequested.connect(self.memoRequested)
        self._listed = ""  # the query whose results are listed (or being listed again)
        self._found_by = ""  # the query that found the results listed (opened at its words)
        self._looked_at: _Key | None = None  # the current result when the list was cleared
        self._changed = False  # the project changed since the last search was asked for
        self._down_asked = False  # Down in the field before the results came
        self._stale = False  # what is listed was found for words searched before
        self._blank_later = QTimer(self)
        self._blank_later.setSingleShot(True)
        self._blank_later.setInterval(KEEP_LISTED_MS)
        self._blank_later.timeout.connect(self._blank)
        self.field.returnPressed.connect(self.run)
        # A click opens a result and Enter does (in eventFilter); not itemActivated too,
        # which a double-click emits after its first click has opened the result already.
        # A memo is only shown on a click, behind the results (which stay in front): its
        # double-click or Enter goes into it.
        self.results.itemClicked.connect(self.on_results_item_clicked)
        self.results.itemDoubleClicked.connect(self.on_results_item_double_clicked)
        self.field.installEventFilter(self)
        self.results.installEventFilter(self)
        self._show_status("")
        # Results name articles, passages and memos (and the tags of these): search again
        # when they change (undo included).
        for signal in (
            session.articlesChanged, session.passagesChanged, session.passageUpdated,
            session.allPassagesChanged, session.articleTextChanged, session.externalChange,
            session.memosChanged, session.tagsChanged,
        ):  # fmt: skip
            signal.connect(self.on_session_changed)

    def on_session_changed(self, *_args: object) -> None:
        """Articles, passages or memos changed: search again shortly, if there is a search."""
        self._changed = True
        if self.field.text().strip():
            self._timer.start()

    def _on_text_changed(self) -> None:
        self._down_asked = False  # a Down pressed for other words
        self._timer.start()

    @property
    def searching(self) -> bool:
        """True from a search asked for until its results are listed."""
        return self._runs.busy

    def focus(self) -> None:
        """Put the cursor in the search field."""
        self.field.setFocus()
        self.field.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search field moves into the results; Enter there opens the current one."""
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.field and key == Qt.Key.Key_Down and self._listed_now():
            self._enter_results()
            return True
        if watched is self.field and key == Qt.Key.Key_Down and self.searching:
            self._down_asked = True  # into the results once they are listed
            return True
        if watched is self.results and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.results.currentItem()
            if item is not None:
                self.on_results_item_activated(item)
            return True
        if watched is self.results and self._back_to_field(event):
            return True
        return super().eventFilter(watched, event)

    def _back_to_field(self, event: QKeyEvent) -> bool:
        """Up on the first result goes back to the field, as Down came from it; words
        typed in the results go on in the field (a space too: it adds a word), and
        Backspace takes its last letter back: to refine a search from the keyboard, the
        keys pressed there went nowhere."""
        plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if event.key() == Qt.Key.Key_Up and plain and self.results.currentRow() <= 0:
            self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.field.end(False)
            return True
        text = typed_text(event) or (" " if event.text() == " " and plain else "")
        if text:
            type_into(self.field, text)
            return True
        return erases(event) and erase_last(self.field)

    def _enter_results(self) -> None:
        if self.results.currentRow() < 0:
            self.results.setCurrentRow(0)
        self.results.setFocus()

    def run(self) -> None:
        """Search now, in a worker: the results are listed when they come (``searched``)."""
        self._timer.stop()
        query = typed_query(self.field.text())  # the word being typed as a prefix
        current = self.results.currentItem()
        if current is not None:
            self._looked_at = _key(current.data(HIT_ROLE))
        if not query:
            self._runs.drop()
            self._listed, self._looked_at = "", None
            self._stale = False
            self._blank_later.stop()
            self.results.clear()
            self._show_status("")
            self.searched.emit()
        elif not self._changed and self._runs.is_running(query):
            return  # Enter just after the pause in typing: the search already runs
        else:
            self._changed = False
            if query != self._listed:  # other words: what is listed is not what they find
                self._listed = query
                self._stale = bool(self.results.count())
                if self._stale:
                    self._blank_later.start()  # listed until the new results, if they are quick
                else:
                    self._blank()
            self._runs.ask(query)  # the same words after a change: listed until replaced

    def _on_found(self, query: str, result: list[SearchHit] | DiptychError) -> None:
        """The search asked for last is done: list its results, the current one kept."""
        current = self.results.currentItem()
        looked_at = _key(current.data(HIT_ROLE)) if current is not None else self._looked_at
        self._looked_at = None
        self._stale = False
        self._blank_later.stop()
        self.results.clear()
        self._found_by = query
        if isinstance(result, ProjectMovedError):  # the window follows the file, and says so
            self._show_status(MOVED)
            self._changed = True  # the same words are searched again, not left running
            QTimer.singleShot(MOVED_RETRY_MS, self, self._timer.start)
        elif isinstance(result, DiptychError):
            self._show_status("The search could not be done")
            self.session.messages.known_error(result, "Search")
        else:
            listed, more = best_of_each(result)
            # Searched again after a change: the same result stays current.
            self._list(listed, next((r for r, h in enumerate(listed) if _key(h) == looked_at), -1))
            self._show_status(describe(listed, more) if listed else why_nothing(query))
        if self._down_asked and self.field.hasFocus() and self.results.count():
            self._enter_results()
        self._down_asked = False
        self.searched.emit()

    def _list(self, listed: list[SearchHit], current: int) -> None:
        """List ``listed``, row ``current`` current (-1: none). Each result's size is that
        of its drawn text: a hundred laid out at once held the window up for tens of
        milliseconds, so they are laid out a few at a time, unless the current one is
        further down (it is scrolled to, which needs the rows above it laid out)."""
        far = current >= BATCH
        self.results.setLayoutMode(
            QListView.LayoutMode.SinglePass if far else QListView.LayoutMode.Batched
        )
        for hit in listed:
            self._add(hit)
        self.results.setCurrentRow(current)

    def _on_lost(self) -> None:
        """The search asked for ended without results (a bug, reported as such)."""
        if self._stale:
            self._blank()
        self._blank_later.stop()
        self._show_status("The search could not be done")
        self.searched.emit()

    def _blank(self) -> None:
        """New words are being searched: the results of the words before go."""
        self._stale = False
        self.results.clear()
        self._show_status(SEARCHING)

    def _listed_now(self) -> bool:
        """Whether results of the words in the field are listed (not those of the words
        before, still shown for a moment while the new ones are searched)."""
        return bool(self.results.count()) and not self._stale

    def _show_status(self, text: str) -> None:
        """Say how many results there are, also to a screen reader on the results list
        (the line above it is a label, which the keyboard never reaches). With nothing
        searched, the line says how to write a search."""
        self.status.setText(text or SYNTAX_HINT)
        self.status.setForegroundRole(
            QPalette.ColorRole.WindowText if text else QPalette.ColorRole.PlaceholderText
        )
        self.results.setAccessibleDescription(text)

    def _add(self, hit: SearchHit) -> QListWidgetItem:
        first = heading(hit) + "\n"
        snippet = hit.shown.replace("\n", " ")  # plain text from the index, not HTML
        shown = isolated(snippet, keep_controls=True)  # right-to-left: its "…" at the right
        start = len(first) + (len(shown) - len(snippet)) // 2  # after the isolate's mark
        item = QListWidgetItem(first + shown, self.results)
        item.setData(HIT_ROLE, hit)
        item.setData(MATCHES_ROLE, [(start + a, start + b) for a, b in hit.matches])
        item.setToolTip(text_to_html(snippet))
        return item

    def on_results_item_clicked(self, item: QListWidgetItem) -> None:
        """A click opens an article's or a passage's result; a memo's is shown behind the
        results, which stay in front to be browsed on."""
        hit: SearchHit = item.data(HIT_ROLE)
        if hit.kind == "memo":
            self._opener.reveal_memo(hit, self._found_by, go=False)
        else:
            self.on_results_item_activated(item)

    def on_results_item_double_clicked(self, item: QListWidgetItem) -> None:
        """A double-click goes into a memo found (its first click opened the others)."""
        hit: SearchHit = item.data(HIT_ROLE)
        if hit.kind == "memo":
            self.on_results_item_activated(item)

    def on_results_item_activated(self, item: QListWidgetItem) -> None:
        """Reveal the result: the passage, the article at the first match, or the memo
        with the keyboard in it at its first match (:class:`SearchHitOpener`)."""
        self._opener.open(item.data(HIT_ROLE), self._found_by)


_Key = tuple[str, int | None, int | None, int | None]


def _key(hit: SearchHit) -> _Key:
    """What a result points to, the same across searches."""
    return hit.kind, hit.article_id, hit.annotation_id, hit.memo_id
