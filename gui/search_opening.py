"""Opening a search result: the passage, the article at the first match, or the memo found.

A result removed since the search (its article, passage, or what a memo is on) opens
nothing: the user is told, and the search runs again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from diptych.gui.search_wording import first_match
from diptych.gui.session import ProjectSession
from diptych.storage.errors import DiptychError
from diptych.storage.model import MemoKind

if TYPE_CHECKING:
    from diptych.storage.search import SearchHit


class SearchHitOpener(QObject):
    """Asks for what a search result points to, once it has checked it is still there.

    Args:
        session: the open project.
        search_again: runs the search again (a result was gone).
        parent: the search panel.

    Signals: those of :class:`~diptych.gui.search_panel.SearchPanel` of the same names.
    """

    articleRequested = Signal(int, int, int, str)
    passageRequested = Signal(int, int, str)
    memoRequested = Signal(str, int, str, bool)

    def __init__(
        self, session: ProjectSession, search_again: Callable[[], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._search_again = search_again

    def open(self, hit: SearchHit, query: str) -> None:
        """Reveal the result: the passage, the article at the first match, or the memo
        with the keyboard in it at its first match.

        A result removed since the search (its article, passage, or what a memo is on)
        opens nothing: the user is told, and the search runs again.
        """
        if hit.kind == "memo":
            self.reveal_memo(hit, query, go=True)
            return
        assert hit.article_id is not None  # an article's or a passage's
        try:
            if hit.annotation_id is not None:
                self.session.passage(hit.annotation_id)  # still there?
                self.passageRequested.emit(hit.annotation_id, hit.article_id, query)
                return
            text = self.session.project.articles.get(article_id=hit.article_id).text
        except DiptychError:
            what = "passage" if hit.annotation_id is not None else "article"
            self.session.messages.info(
                f"That {what} is no longer in the project; the results are searched again.",
                "Search",
            )
            self._search_again()
            return
        start, end = first_match(text, query) or (-1, -1)
        self.articleRequested.emit(hit.article_id, start, end, query)

    def reveal_memo(self, hit: SearchHit, query: str, *, go: bool) -> None:
        """Show a memo found at its first match (``go``: and go into it): an article's with
        its article opened (at the top: the match is in the memo)."""
        project = self.session.project
        try:
            if hit.article_id is not None:
                project.articles.summary(article_id=hit.article_id)  # still there?
            elif hit.tag_id is not None:
                project.tags.get(tag_id=hit.tag_id)
        except DiptychError:
            what = "article" if hit.article_id is not None else "tag"
            self.session.messages.info(
                f"That {what} is no longer in the project, nor its memo; the results are"
                " searched again.",
                "Search",
            )
            self._search_again()
            return
        if hit.article_id is not None:
            self.articleRequested.emit(hit.article_id, -1, -1, "")
        target = hit.article_id if hit.article_id is not None else hit.tag_id
        kind = str(MemoKind(hit.memo_on))
        self.memoRequested.emit(kind, -1 if target is None else target, query, go)
