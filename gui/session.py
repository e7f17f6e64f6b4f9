"""An open project as the window sees it: storage calls plus change signals.

Undo commands call these methods; models and panes listen to the signals. Every method is
one transaction in the project file, saved when it returns.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QUndoStack

from diptych.gui.messages import MessageBridge
from diptych.gui.passage_index import Mark
from diptych.gui.workers import Workers
from diptych.storage.articles import ArticleRemoval
from diptych.storage.codebook import Codebook
from diptych.storage.errors import ArticleChangedError, DiptychError
from diptych.storage.model import (
    Annotation,
    ArticleSummary,
    MemoKind,
    ReanchorReport,
    Tag,
    TagRemoval,
)
from diptych.storage.project import Project

if TYPE_CHECKING:
    from diptych.storage.importing import ParsedArticle

WATCH_INTERVAL_MS = 1500
# What says, without reading it, that an article's text may have changed: its updated_at
# (a rename changes it too) and its length. CHANGED stands for a text known to be new.
TextStamp = tuple[str, int]
CHANGED: TextStamp = ("", -1)


def text_stamp(article: ArticleSummary) -> TextStamp:
    """The stamp of an article as listed."""
    return article.updated_at, article.characters


class ProjectSession(QObject):
    """An open project with its undo stack.

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
        allPassagesChanged(): passages of any article may have changed (a tag deleted or
            merged, another window's changes): one signal, however many articles.
        articleTextChanged(int): the text of this article id was replaced.
        articleRestored(int): undo (or redo) brought back this removed article.
        memosChanged(): a project or article memo was written.
        externalChange(): another window or program changed the file.
    """

    articlesChanged = Signal()
    tagsChanged = Signal()
    passageUpdated = Signal(int, int)
    passagesChanged = Signal(int)
    allPassagesChanged = Signal()
    articleTextChanged = Signal(int)
    articleRestored = Signal(int)
    memosChanged = Signal()
    externalChange = Signal()

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
        self._data_version = project.data_version()
        # Connected before any view: a view reading the list on a change reads it anew.
        for changed in (
            self.articlesChanged,
            self.passagesChanged,
            self.passageUpdated,
            self.allPassagesChanged,
        ):
            changed.connect(self._forget_articles)
        self._text_stamps = {a.id: text_stamp(a) for a in self.articles()}
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_INTERVAL_MS)
        self._watch.timeout.connect(self.on_watch_timeout)
        self.tagsChanged.connect(self._forget_codebook)

    # -- reading -------------------------------------------------------------------------
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
        """Tags in codebook order (keys 1-9 apply the first nine)."""
        return self.codebook().ordered()

    def _forget_codebook(self) -> None:
        self._codebook = None

    def marks(self, article_id: int) -> list[Mark]:
        """The anchored passages of an article as marks to paint."""
        passages = self.project.annotations.query(article_id=article_id)
        return [self.mark(p) for p in passages if not p.is_orphan]

    def mark(self, passage: Annotation) -> Mark:
        """How one passage is painted: its range and its tags' colours in codebook order."""
        codebook = self.codebook()
        tags = sorted((t for t in passage.tag_ids if t in codebook), key=codebook.rank)
        return Mark(passage.id, passage.start, passage.end, tuple(codebook[t].color for t in tags))

    # -- passages ------------------------------------------------------------------------
    def add_passage(
        self, *, article_id: int, start: int, end: int, tag_ids: Iterable[int], note: str = ""
    ) -> Annotation:
        """Create a passage."""
        with self._current_on_refusal():
            passage = self.project.annotations.add(
                article_id=article_id,
                start=start,
                end=end,
                tag_ids=tag_ids,
                note=note,
                coder=self.coder,
            )
        self._changed(article_id, passage.id)
        return passage

    def delete_passage(self, annotation_id: int) -> Annotation:
        """Delete a passage; returns it for undo."""
        passage = self.project.annotations.delete(annotation_id=annotation_id)
        self._changed(passage.article_id, passage.id)
        return passage

    def restore_passage(self, passage: Annotation) -> Annotation:
        """Put a deleted passage back as it was."""
        restored = self.project.annotations.restore(annotation=passage)
        self._changed(passage.article_id, passage.id)
        return restored

    def set_passage_tags(
        self, annotation_id: int, tag_ids: Iterable[int], *, strict: bool = True
    ) -> Annotation:
        """Replace a passage's tags (see :meth:`AnnotationStore.set_tags` for ``strict``)."""
        passage = self.project.annotations.set_tags(
            annotation_id=annotation_id, tag_ids=tag_ids, strict=strict
        )
        self._changed(passage.article_id, passage.id)
        return passage

    def set_passage_note(self, annotation_id: int, note: str) -> Annotation:
        """Replace a passage's note."""
        passage = self.project.annotations.set_note(annotation_id=annotation_id, note=note)
        self._changed(passage.article_id, passage.id)
        return passage

    def reattach_passage(self, annotation_id: int, start: int, end: int) -> Annotation:
        """Anchor a passage (typically an orphan) to a new range."""
        with self._current_on_refusal():
            passage = self.project.annotations.reattach(
                annotation_id=annotation_id, start=start, end=end
            )
        self._changed(passage.article_id, passage.id)
        return passage

    def put_back_anchor(self, passage: Annotation) -> Annotation:
        """Return a passage to where (and as orphaned as) ``passage`` says it was."""
        restored = self.project.annotations.put_back_anchor(annotation=passage)
        self._changed(passage.article_id, passage.id)
        return restored

    def passage(self, annotation_id: int) -> Annotation:
        """One passage as stored."""
        return self.project.annotations.get(annotation_id=annotation_id)

    def _changed(self, article_id: int, annotation_id: int) -> None:
        # PRAGMA data_version ignores this connection's own commits: nothing to record.
        self.passageUpdated.emit(article_id, annotation_id)

    # -- tags ----------------------------------------------------------------------------
    def add_tag(
        self,
        *,
        name: str,
        color: str | None = None,
        parent_id: int | None = None,
        description: str = "",
    ) -> Tag:
        """Create a tag."""
        tag = self.project.tags.add(
            name=name, color=color, parent_id=parent_id, description=description
        )
        self._tags_changed()
        return tag

    def update_tag(
        self,
        tag_id: int,
        *,
        name: str | None = None,
        color: str | None = None,
        description: str | None = None,
    ) -> Tag:
        """Rename, recolour or describe a tag."""
        tag = self.project.tags.update(
            tag_id=tag_id, name=name, color=color, description=description
        )
        self._tags_changed()
        return tag

    def move_tag(self, tag_id: int, parent_id: int | None, position: int | None = None) -> Tag:
        """Nest a tag elsewhere in the codebook."""
        tag = self.project.tags.move(tag_id=tag_id, parent_id=parent_id, position=position)
        self._tags_changed()
        return tag

    def restore_tag_places(self, tag: Tag, others: Sequence[Tag]) -> None:
        """Undo :meth:`move_tag`: the tag and the tags it was moved among back at their
        places, as ``tag`` and ``others`` had them."""
        self.project.tags.restore_places(tag=tag, others=others)
        self._tags_changed()

    def delete_tag(self, tag_id: int) -> TagRemoval:
        """Delete a tag (passages keep their other tags)."""
        removal = self.project.tags.delete(tag_id=tag_id)
        self._tags_changed(all_passages=True)
        return removal

    def merge_tags(self, source_id: int, target_id: int) -> TagRemoval:
        """Merge one tag into another."""
        removal = self.project.tags.merge(source_id=source_id, target_id=target_id)
        self._tags_changed(all_passages=True)
        return removal

    def restore_tag(self, removal: TagRemoval) -> Tag:
        """Undo a tag deletion or merge."""
        tag = self.project.tags.restore(removal=removal)
        self._tags_changed(all_passages=True)
        if tag.name != removal.tag.name:
            self.messages.info(
                f"The tag “{removal.tag.name}” is back as “{tag.name}”: a tag of that name"
                " was added beside it meanwhile."
            )
        return tag

    def _tags_changed(self, *, all_passages: bool = False) -> None:
        self.tagsChanged.emit()
        if all_passages:
            self.allPassagesChanged.emit()

    # -- articles ------------------------------------------------------------------------
    def add_articles(self, parsed: Sequence[ParsedArticle]) -> list[ArticleSummary]:
        """Add imported articles in one transaction."""
        added = self.project.articles.add_many(parsed=parsed)
        self._text_stamps.update({a.id: text_stamp(a) for a in added})
        self.articlesChanged.emit()
        return added

    def changed_by_worker(self, *, articles_only: bool = False) -> None:
        """A worker of this window (an import) committed through its own connection: show
        what it changed, and do not take its commit for another program's (which would
        reload everything once more at the next look at the file).

        Args:
            articles_only: it only added articles; nothing else is to be read again.
        """
        self._data_version = self.project.data_version()
        if articles_only:
            self.project.forget_cached()
            for article in self.project.articles.all():  # the new ones, as they are now
                self._text_stamps.setdefault(article.id, text_stamp(article))
            self.articlesChanged.emit()
        else:
            self.reload_all()

    def remove_article(self, article_id: int) -> ArticleRemoval:
        """Remove an article with its passages."""
        removal = self.project.articles.remove(article_id=article_id)
        self.articlesChanged.emit()
        self.passagesChanged.emit(article_id)
        return removal

    def restore_article(self, removal: ArticleRemoval) -> None:
        """Undo :meth:`remove_article`."""
        self.project.articles.restore(removal=removal)
        self.articlesChanged.emit()
        self.passagesChanged.emit(removal.article.id)
        self.articleRestored.emit(removal.article.id)

    def remove_articles(self, article_ids: Sequence[int]) -> list[ArticleRemoval]:
        """Remove several articles in one transaction (undoing an import), leaving out
        those already removed (in another window)."""
        with self.project.transaction():
            present = {a.id for a in self.project.articles.all()}
            removals = [
                self.project.articles.remove(article_id=article_id)
                for article_id in article_ids
                if article_id in present
            ]
        self.articlesChanged.emit()
        for removal in removals:
            self.passagesChanged.emit(removal.article.id)
            self.articleRestored.emit(removal.article.id)
        return removals

    def restore_articles(self, removals: Sequence[ArticleRemoval]) -> None:
        """Undo :meth:`remove_articles`, in one transaction."""
        with self.project.transaction():
            for removal in reversed(removals):
                self.project.articles.restore(removal=removal)
        self.articlesChanged.emit()
        for removal in removals:
            self.passagesChanged.emit(removal.article.id)

    def replace_article_text(self, article_id: int, parsed: ParsedArticle) -> ReanchorReport:
        """Replace an article's text with a newer version, finding its passages again."""
        report = self.project.articles.replace_text(article_id=article_id, parsed=parsed)
        self._text_changed(article_id)
        return report

    def restore_article_text(self, report: ReanchorReport) -> None:
        """Undo :meth:`replace_article_text`."""
        assert report.previous_article is not None
        self.project.articles.restore_text(
            article=report.previous_article, passages=report.previous
        )
        self._text_changed(report.article_id)

    def _text_changed(self, article_id: int) -> None:
        self._text_stamps[article_id] = text_stamp(
            self.project.articles.summary(article_id=article_id)
        )
        self.articleTextChanged.emit(article_id)
        self.articlesChanged.emit()
        self.passagesChanged.emit(article_id)

    def memo_text(self, kind: MemoKind, target_id: int | None = None) -> str:
        """The text of a memo ("" if none was written)."""
        memo = self.project.memos.get(kind=kind, target_id=target_id)
        return memo.text if memo else ""

    def set_memo(self, kind: MemoKind, target_id: int | None, text: str) -> None:
        """Write a memo on the project or an article."""
        self.project.memos.set(kind=kind, target_id=target_id, text=text)
        self.memosChanged.emit()

    def rename_article(self, article_id: int, title: str) -> ArticleSummary:
        """Give an article a new title (its text stays as it is shown)."""
        before = text_stamp(self.project.articles.summary(article_id=article_id))
        summary = self.project.articles.rename(article_id=article_id, title=title)
        if self._text_stamps.get(article_id) == before:  # else: changed elsewhere, unseen yet
            self._text_stamps[article_id] = text_stamp(summary)
        self.articlesChanged.emit()
        return summary

    # -- other windows -------------------------------------------------------------------
    @contextlib.contextmanager
    def _current_on_refusal(self) -> Iterator[None]:
        """A passage refused because its article's text was replaced in another window since
        it was shown: the views show the text as it is now at once, not after the next poll.
        """
        try:
            yield
        except ArticleChangedError as exc:
            self._text_stamps[exc.article_id] = CHANGED
            if not self._reload_if_changed_elsewhere():  # which says so with the rest
                summary = self.project.articles.summary(article_id=exc.article_id)
                for article_id in self._changed_texts([summary]):
                    self.articleTextChanged.emit(article_id)
            raise

    def watch(self, enabled: bool = True) -> None:
        """Poll the file for changes made by another window or program."""
        self._watch.start() if enabled else self._watch.stop()

    def on_watch_timeout(self) -> None:
        """Reload everything if another connection committed to the file."""
        self._reload_if_changed_elsewhere()

    def _reload_if_changed_elsewhere(self) -> bool:
        """Reload everything if another connection committed to the file; True if it did."""
        try:
            version = self.project.data_version()
        except DiptychError as exc:
            self._watch.stop()
            self.messages.known_error(exc)
            return False
        if version == self._data_version:
            return False
        self._data_version = version
        self.externalChange.emit()
        self.reload_all()
        return True

    def reload_all(self) -> None:
        """Forget caches and tell every view to re-read (after changes made elsewhere); a
        pane re-reads its article only if the text changed, not for a new title."""
        texts = self._changed_texts(self.project.articles.all())
        self.project.forget_cached()
        self._codebook = None
        self.articlesChanged.emit()
        self.tagsChanged.emit()
        for article_id in texts:
            self.articleTextChanged.emit(article_id)
        self.allPassagesChanged.emit()

    def _changed_texts(self, articles: Iterable[ArticleSummary]) -> list[int]:
        """The articles whose text is not the one shown any more; their stamps updated.

        A stamp that differs may be a mere rename: the text is then compared with the one
        read (for articles with a new date or length only, so seldom read).
        """
        changed = []
        for article in articles:
            stamp = text_stamp(article)
            known = self._text_stamps.get(article.id, stamp)  # a new article: not shown yet
            if known != stamp:
                reread = self.project.articles.text_changed_since_read(article_id=article.id)
                if reread or known == CHANGED:
                    changed.append(article.id)
            self._text_stamps[article.id] = stamp
        return changed

    def close(self) -> None:
        """Stop watching, let readers finish, and close the project file."""
        self._watch.stop()
        self.workers.cancel_all()
        self.project.close()
