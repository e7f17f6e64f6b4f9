"""A pane's search with its find bar: the matches in the article and the one shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent

from diptych.gui.article_view import ArticleView
from diptych.gui.find_bar import FindBar
from diptych.gui.find_window import FoundWindow, MatchWindow
from diptych.gui.pane_reading import bring_into_view, show_range


class PaneFind(QObject):
    """Searches one pane's article from its find bar and steps through the matches.

    Esc in the text closes the find bar, as in its field.

    Signals:
        matchesChanged(): the matches to highlight, or the one shown, changed.
        findRequested(): F3 with nothing to find again (nothing looked for yet, or no
            article in the pane): do what Ctrl+F does in the pane.
    """

    matchesChanged = Signal()
    findRequested = Signal()

    def __init__(
        self,
        bar: FindBar,
        view: ArticleView,
        article_text: Callable[[], str | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bar = bar
        self.view = view
        self.matches: list[tuple[int, int]] = []
        self._article_text = article_text
        self._match = 0
        self._shown: tuple[int, int] | None = None  # the match last selected in the text
        # The matches, held a window of them at a time: of the words typed, or of the
        # places the search found (None: nothing looked for).
        self._window: MatchWindow | None = None
        self._search_query = ""  # the Search panel's words, while the bar looks for them
        self._shown_query = ""  # those words as the bar shows them
        bar.searched.connect(self.on_find_bar_searched)
        bar.stepped.connect(self.on_find_bar_stepped)
        bar.closed.connect(self.on_find_bar_closed)
        view.installEventFilter(self)

    def open_find(self) -> None:
        """Show the find bar, prefilled with the selected text."""
        selection = self.view.textCursor().selectedText()
        self.bar.open_bar(selection if 0 < len(selection) < 80 else "")

    def forget(self) -> None:
        """Drop the matches (a new article is going in, or none is left). A search's words
        in the bar were those of the result opened in the article before: over another
        article (a passage clicked in the Passages list, a result found by its title)
        they said a red "No matches" of a search not made there, so the bar closes and
        forgets them (a result opened from a search gives it that search's words again)."""
        self.matches = []
        self._window = None
        self._shown = None
        if self._search_query:
            self._drop_search()

    def _drop_search(self) -> None:
        """Close the bar and clear the search's words from it, the keyboard left where
        it is (in the Passages list, say), nothing searched."""
        self._search_query = self._shown_query = ""
        self.bar.hide()
        self.bar.field.blockSignals(True)
        self.bar.field.clear()
        self.bar.field.blockSignals(False)
        self.bar.show_count(0, 0)

    def search_again(self) -> None:
        """Search the whole article, once it is in, if the find bar is open."""
        if self.bar.isVisible():
            self.on_find_bar_searched(self.bar.field.text())

    def show_found(self, query: str, start: int, end: int) -> None:
        """An article opened from a search result: the bar shows the search's ``query``
        and steps (F3, Enter in the bar) through every place its words or phrases are, as
        the search found them ("APEC summit": each APEC and each summit), from the one
        found at ``[start, end)``; the keyboard stays in the text, for a tag key. Words
        typed in the bar are then looked for as typed, as always."""
        # The bar shows the words as typed: the "*" the search gave the last one, found as
        # the start of a word, read as one typed (it is still found so).
        shown = query.removesuffix("*")
        self._search_query, self._shown_query = query, shown
        if self.bar.field.text() != shown:
            self.bar.field.setText(shown)  # searched as it changes
        else:
            self.on_find_bar_searched(shown)
        self.bar.show()
        if self._window is not None:  # the one found, wherever it is in a long article
            self._match = self._window.after(start)
            self.matches = self._window.matches
        if not self.matches:
            show_range(self.view, start, end)
            return
        self._show_match()

    def show_search(self, query: str) -> None:
        """An article opened from a search's result that is not a match in its text (a
        passage, an article found by its title or a note): the bar shows the search's
        ``query``, its matches highlighted and counted, F3 going to the next one from the
        passage or the caret, which stay where they are. An article without the search's
        words closes a bar left with an earlier search's: those said a red "No matches"
        of words not searched for; words the reader typed stay, as they were."""
        article_text = self._article_text()
        if article_text is None or not query:
            return
        from diptych.storage.search_words import all_found  # with the first search

        found = all_found(article_text, query, limit=len(article_text) + 1)
        if not found:
            if self._search_query:
                self._drop_search()
            return
        self._search_query, self._shown_query = query, query.removesuffix("*")
        self.bar.field.blockSignals(True)
        self.bar.field.setText(self._shown_query)
        self.bar.field.blockSignals(False)
        self._window = FoundWindow(found, len(article_text))
        here = self._here()
        self._match = self._window.after(here[0])
        self.matches = self._window.matches
        # The passage's own match (at the caret) is the one counted: F3 goes to the next.
        # Else F3 goes to the match counted, the first after the caret.
        at_caret = bool(self.matches) and self.matches[self._match][0] == here[0]
        self._shown = here if at_caret else None
        self.bar.show()
        self._show_count()
        self.matchesChanged.emit()

    def _matches_of(self, article_text: str, text: str) -> list[tuple[int, int]]:
        """The places of ``text`` in the article: the search's words as it found them,
        while the bar holds its query; else ``text`` as typed, a window of them (see
        :class:`MatchWindow`) from the selection or the caret."""
        if text and text == self._shown_query:
            from diptych.storage.search_words import all_found  # with the first search

            found = all_found(article_text, self._search_query, limit=len(article_text) + 1)
            self._window = FoundWindow(found, len(article_text))
        else:
            self._search_query = self._shown_query = ""
            self._window = MatchWindow(article_text, text)
        self._window.after(self.view.positions.to_display(self.view.textCursor().selectionStart()))
        return self._window.matches

    def on_find_bar_searched(self, text: str) -> None:
        """Highlight every match and go to the first one after the cursor."""
        article_text = self._article_text()
        if article_text is None:
            return
        self.matches = self._matches_of(article_text, text)
        here = self.view.positions.to_display(self.view.textCursor().selectionStart())
        self._match = next((i for i, m in enumerate(self.matches) if m[0] >= here), 0)
        self._show_match()

    def on_find_bar_stepped(self, step: int) -> None:
        """Go to the next or previous match: from the match shown, or from where the reader
        moved the caret since (a click, the arrows), as a browser's find does; with the bar
        closed (F3, Shift+F3), find the words last looked for again (see
        :meth:`_find_again`)."""
        if not self.bar.isVisible():
            self._find_again(step)
        elif self.matches:
            moved = self._here() != self._shown
            if moved:
                self._match = self._from_caret(step)
            elif self._window is not None:  # the next ones read when past those held
                self._match = self._window.step(self._match, step)
                self.matches = self._window.matches
            else:
                self._match = (self._match + step) % len(self.matches)
            self._show_match()

    def _find_again(self, step: int) -> None:
        """F3 or Shift+F3 with the bar closed: the bar shows again, on the match after (or
        before) the selection or the caret, with the keyboard left in the text, as it was,
        so that a tag key tags the match. With nothing looked for yet, or in a pane with
        no article, it does what Ctrl+F does (which says the pane has no article, and how
        to open one)."""
        article_text = self._article_text()
        if article_text is None or not self.bar.field.text():
            self.findRequested.emit()
            return
        self.matches = self._matches_of(article_text, self.bar.field.text())
        self._match = self._from_caret(step) if self.matches else 0
        self.bar.show()
        self._show_match()

    def _here(self) -> tuple[int, int]:
        """The text selected, or the caret, as display offsets."""
        selected = self.view.selection()
        if selected is not None:
            return selected
        caret = self.view.positions.to_display(self.view.textCursor().position())
        return caret, caret

    def _from_caret(self, step: int) -> int:
        """The match after (``step`` 1) or before (-1) the selection or the caret, going
        round at the article's end."""
        start, end = self._here()
        window = self._window
        if window is not None and not window.holds(end if step > 0 else start):
            index = window.after(end) if step > 0 else window.ending_before(start)
            self.matches = window.matches
            return index
        if step > 0:
            return next((i for i, m in enumerate(self.matches) if m[0] >= end), 0)
        before = [i for i, m in enumerate(self.matches) if m[1] <= start]
        return before[-1] if before else len(self.matches) - 1

    def on_find_bar_closed(self) -> None:
        """Forget the matches."""
        self.matches = []
        self.matchesChanged.emit()
        self.view.setFocus()

    def _show_count(self) -> None:
        window = self._window
        if window is not None:
            self.bar.show_count(window.before + self._match, window.total, counted=True)
        else:
            self.bar.show_count(self._match, len(self.matches))

    def _show_match(self) -> None:
        self._show_count()
        if self.matches:
            start, end = self.matches[self._match]
            # Out of view, it comes in a quarter down the pane with the text around it, as
            # a search result does, not on the last line with its sentence cut off.
            bring_into_view(self.view, start, end)
            self.view.select_range(start, end)
            self._shown = (start, end)
        else:
            self._unselect_shown()
        self.matchesChanged.emit()

    def _unselect_shown(self) -> None:
        """Words that match nothing leave no match selected: the first letters typed
        matched and selected a word's letter or two ("z" of "emphasizing"), which the
        next letters ("zzq") no longer match, and a tag key pressed after closing the
        bar tagged those letters. The caret stays where they began; a selection the
        user made since is left alone."""
        shown, self._shown = self._shown, None
        cursor = self.view.textCursor()
        if shown is None or not cursor.hasSelection() or not len(self.view.positions):
            return
        positions = self.view.positions
        selected = (
            positions.to_display(cursor.selectionStart()),
            positions.to_display(cursor.selectionEnd()),
        )
        if selected == shown:
            self.view.select_range(shown[0], shown[0], scroll=False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in the text closes the find bar, as in its field."""
        if (
            watched is self.view
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and self.bar.isVisible()
        ):
            self.bar.close_bar()
            return True
        return super().eventFilter(watched, event)
