"""What a reading pane shows while its article is read and built: the title and progress
in its header, the hint of an empty pane, and nothing left over from the article before
(its find matches, its outlined passage)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from diptych.gui.article_loader import ArticleLoader
from diptych.gui.article_model import pane_title
from diptych.gui.article_view import ArticleView
from diptych.gui.margin import PassageMargin
from diptych.gui.pane_find import PaneFind
from diptych.gui.pane_header import PaneHeader
from diptych.gui.pane_passages import PanePassages
from diptych.gui.session import ProjectSession
from diptych.storage.model import Article

EMPTY_PANE_HINT = (
    "No article here: double-click one in the Library, or drag it here "
    "(from the keyboard: Ctrl+Shift+L, an article, Enter)."
)


class PaneLoading(QObject):
    """Keeps one pane's header, text, search and passages in step with its loader.

    Args:
        session: the open project (the titles of other articles: namesakes are told apart).
        loader: the pane's loader, whose steps are followed.
        header: the pane's title bar (title, outline, progress).
        view: the pane's text view (the hint it shows while empty).
        margin: the pane's margin of passage bars.
        pane_find: the pane's search (its matches dropped with the article).
        passages: the pane's passages (the one outlined dropped with the article).
        parent: the pane.

    Signals:
        loaded(): the article is fully built and painted.
    """

    loaded = Signal()

    def __init__(
        self,
        session: ProjectSession,
        loader: ArticleLoader,
        header: PaneHeader,
        view: ArticleView,
        margin: PassageMargin,
        pane_find: PaneFind,
        passages: PanePassages,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.header = header
        self.view = view
        self.margin = margin
        self.pane_find = pane_find
        self.passages = passages
        loader.opening.connect(self.on_loader_opening)
        loader.presented.connect(self.on_loader_presented)
        loader.progressed.connect(header.set_progress)
        loader.loaded.connect(self.on_loader_loaded)
        loader.unavailable.connect(self.on_loader_unavailable)

    def on_loader_opening(self, article_id: int, title: str, source: str) -> None:
        """A long article is being read: say which, and that it is coming."""
        self.view.set_empty_hint("")
        self.header.set_title(pane_title(self.session, article_id, title), source)
        self.header.set_progress(0, 1)

    def on_loader_presented(self, article: Article) -> None:
        """A new article is going in: reset what belonged to the previous one."""
        self.view.set_empty_hint("")
        self.passages.selected = 0
        self.pane_find.forget()
        self.header.set_title(
            pane_title(self.session, article.id, article.title), article.source_name
        )
        self.header.set_outline(article.content.outline())

    def on_loader_loaded(self) -> None:
        """The whole article is in the view (a find bar left open searches it)."""
        self.header.set_progress(1, 1)
        self.pane_find.search_again()
        self.passages.update_outlines()
        self.margin.update()
        self.loaded.emit()

    def on_loader_unavailable(self) -> None:
        """The article could not be read: the pane is empty again (opening it retries)."""
        self.view.set_empty_hint(EMPTY_PANE_HINT)
        self.passages.selected = 0
        self.pane_find.forget()
        self.header.set_title("")
        self.header.set_outline([])
        self.margin.update()
