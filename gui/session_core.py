"""An open project's change signals and what the views read from it, cached.

:class:`~diptych.gui.session.ProjectSession` builds on this core: the edits of passages
(:mod:`~diptych.gui.session_passages`), tags (:mod:`~diptych.gui.session_tags`) and
articles (:mod:`~diptych.gui.session_articles`), and the watch for changes made by other
windows (:mod:`~diptych.gui.session_watch`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QUndoStack

from diptych.gui.messages import MessageBridge
from diptych.gui.passage_index import Mark
from diptych.gui.workers import Workers
from diptych.storage.codebook import Codebook
from diptych.storage.model import Annotation, ArticleSummary, Tag
from diptych.storage.project import Project

MANY_ARTICLES = 50  # passages of more articles than this are read in one query of them all


class SessionCore(QObject):
    """An open project with its undo stack, its change signals and its cached reads.

    Args:
        project: the open project file.
        messages: where errors are reported.
        coder: the name recorded on new passages.
        pool: the thread pool for reading long articles (the application's by default).

    Signals:
        articlesChanged(): articles were added, removed or renamed.
        tagsChanged(): the codebook changed (names, colours, nesting).
        passageUpdated(int, int): one passage (article id, annotation id) was added,
            changed or deleted.
        passagesChanged(int): passages of this article id changed, any number of them
            (the article removed or restored, its text replaced).
        passagesChangedIn(list): passages of these article ids changed at once (many
            passages deleted, tagged or put back, articles removed or put back), told after
            ``passagesChanged`` for each: a view that follows it may leave those alone
            while :attr:`in_bulk` is True, and follow them all at once.
        allPassagesChanged(): passages of any article may have changed (a tag deleted or
            merged, another window's changes): one signal, however many articles.
        articleTextChanged(int): the text of this article id was replaced.
        articlesRestored(list): these article ids came back (a removal undone, an import
            redone), after articlesChanged: the Library selects them.
        memosChanged(): a memo was written (on the project, an article or a tag; tags
            merged or brought back, their memos with them).
        externalChange(): another window or program changed the file.
        projectRenamed(): the project was given another name.
    """

    articlesChanged = Signal()
    tagsChanged = Signal()
    passageUpdated = Signal(int, int)
    passagesChanged = Signal(int)
    passagesChangedIn = Signal(list)
    allPassagesChanged = Signal()
    articleTextChanged = Signal(int)
    articlesRestored = Signal(list)
    memosChanged = Signal()
    externalChange = Signal()
    projectRenamed = Signal()

    def __init__(
        self,
        project: Project,
        messages: MessageBridge,
        *,
        coder: str = "",
        pool: QThreadPool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.messages = messages
        self.coder = coder
        self.undo_stack = QUndoStack(self)
        self.workers = Workers(  # long articles
            pool or QThreadPool.globalInstance(), self, messages=messages
        )
        self._codebook: Codebook | None = None
        self._articles: list[ArticleSummary] | None = None
        self._passages: dict[int, list[Annotation]] = {}  # article id -> its passages
        # Connected before any view: a view reading the list on a change reads it anew.
        for changed in (
            self.articlesChanged,
            self.passagesChanged,
            self.passageUpdated,
            self.allPassagesChanged,
        ):
            changed.connect(self._forget_articles)
        self.tagsChanged.connect(self._forget_codebook)
        self._telling = 0  # > 0 while the session tells the views of its own change
        self._bulk = 0  # > 0 while passagesChanged is told for each article of a bulk change
        self.passageUpdated.connect(self._on_passages_signalled)
        self.passagesChanged.connect(self._on_passages_signalled)
        self.articleTextChanged.connect(self._on_passages_signalled)
        for everything in (self.allPassagesChanged, self.tagsChanged, self.externalChange):
            everything.connect(self._on_passages_signalled)

    @property
    def read_only(self) -> bool:
        """True if changes cannot be saved."""
        return self.project.read_only

    def articles(self) -> list[ArticleSummary]:
        """Every article's summary in library order (read once for all the views that ask
        after a change: titles, order and passage counts)."""
        if self._articles is None:
            self._articles = self.project.articles.all()
        return list(self._articles)

    def _forget_articles(self, *_changed: int) -> None:
        self._articles = None

    def codebook(self) -> Codebook:
        """The tags as a tree (cached until they change)."""
        if self._codebook is None:
            self._codebook = self.project.tags.codebook()
        return self._codebook

    def ordered_tags(self) -> list[Tag]:
        """Tags in codebook order."""
        return self.codebook().ordered()

    def _forget_codebook(self) -> None:
        self._codebook = None

    def article_passages(self, article_id: int) -> list[Annotation]:
        """An article's passages in text order, read once for all the views that ask after
        a change (the panes' marks, the passage table; 2,000 passages take ~20 ms to read).

        A change forgets the passages it may have changed before the views hear of it: the
        session's own edits as they begin to tell the views (:meth:`_telling_views`), any
        other change as it is signalled.
        """
        passages = self._passages.get(article_id)
        if passages is None:
            passages = self.project.annotations.query(article_id=article_id)
            self._passages[article_id] = passages
        return list(passages)

    @contextlib.contextmanager
    def _telling_views(self, article_ids: Iterable[int] | None) -> Iterator[None]:
        """Forget the passages of ``article_ids`` (None: of every article), then tell the
        views of the change in the ``with`` block, where its several signals forget nothing
        more: the views told in turn share one read of each article's passages."""
        self._forget_passages(article_ids)
        self._telling += 1
        try:
            yield
        finally:
            self._telling -= 1

    @property
    def in_bulk(self) -> bool:
        """True while ``passagesChanged`` is told for each article of a bulk change, which
        ``passagesChangedIn`` then tells of at once."""
        return self._bulk > 0

    def _passages_changed_in(self, article_ids: Iterable[int]) -> None:
        """Passages of several articles changed at once: ``passagesChanged`` for each
        article, then ``passagesChangedIn`` for them all (the passage table and its counts
        follow once, not once per article)."""
        ids = sorted(set(article_ids))
        with self._telling_views(ids):
            self._bulk += 1
            try:
                for article_id in ids:
                    self.passagesChanged.emit(article_id)
            finally:
                self._bulk -= 1
            self.passagesChangedIn.emit(ids)

    def _forget_passages(self, article_ids: Iterable[int] | None) -> None:
        if article_ids is None:
            self._passages.clear()
        for article_id in article_ids or ():
            self._passages.pop(article_id, None)

    def _on_passages_signalled(self, article_id: int | None = None, *_passage: int) -> None:
        """A change not made by the session's edits (which forget as they begin to tell the
        views) was signalled: forget the passages it may have changed."""
        if not self._telling:
            self._forget_passages(None if article_id is None else [article_id])

    def passages_of(self, article_ids: Iterable[int]) -> dict[int, list[Annotation]]:
        """The passages of several articles (see :meth:`article_passages`): those not read
        yet in one query of every passage when they are many (a bulk change over a
        thousand articles), rather than a query for each."""
        wanted = list(article_ids)
        missing = [i for i in wanted if i not in self._passages]
        if len(missing) > MANY_ARTICLES:
            every: dict[int, list[Annotation]] = {i: [] for i in missing}
            for passage in self.project.annotations.query():
                if passage.article_id in every:
                    every[passage.article_id].append(passage)
            self._passages.update(every)
        return {i: self.article_passages(i) for i in wanted}

    def marks(self, article_id: int) -> list[Mark]:
        """The anchored passages of an article as marks to paint."""
        return [self.mark(p) for p in self.article_passages(article_id) if not p.is_orphan]

    def mark(self, passage: Annotation) -> Mark:
        """How one passage is painted: its range and its tags' colours in codebook order."""
        codebook = self.codebook()
        tags = sorted((t for t in passage.tag_ids if t in codebook), key=codebook.rank)
        return Mark(passage.id, passage.start, passage.end, tuple(codebook[t].color for t in tags))

    def passage(self, annotation_id: int) -> Annotation:
        """One passage as stored."""
        return self.project.annotations.get(annotation_id=annotation_id)

    def passages(self, annotation_ids: Sequence[int]) -> dict[int, Annotation]:
        """Several passages as stored, by id (those still in the project), in one query of
        those alone (thousands tagged at once from the list)."""
        return self.project.annotations.get_many(annotation_ids=annotation_ids)
