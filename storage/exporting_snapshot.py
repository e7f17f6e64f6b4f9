"""Taking an export's data from the project: :func:`collect` reads the articles, codebook,
passages, memos and coders within an export's options under :func:`read_snapshot`, one
read transaction, so that the writer sees one consistent state of the project; each
passage is placed under the heading it sits in (:class:`SectionIndex`).
"""

from __future__ import annotations

import contextlib
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from diptych.storage.codebook import Codebook
from diptych.storage.document import ArticleText, BlockKind
from diptych.storage.errors import Advice, InputError
from diptych.storage.exporting_data import (
    DEFAULT_OPTIONS,
    ExportData,
    ExportOptions,
    ExportPassage,
)
from diptych.storage.model import Annotation, Article, Memo, MemoKind

if TYPE_CHECKING:
    from diptych.storage.project import Project


def collect(project: Project, options: ExportOptions = DEFAULT_OPTIONS) -> ExportData:
    """Read everything an export needs, in one read transaction.

    Raises:
        InputError: the options name an article or a tag that does not exist.
    """
    with read_snapshot(project):
        info = project.info()
        summaries = project.articles.all()
        wanted = _check_ids(options.article_ids, {s.id for s in summaries}, "article")
        # A cached text could predate a change another window committed; read afresh.
        project.articles.forget_cached()
        articles = [project.articles.get(article_id=s.id) for s in summaries if s.id in wanted]
        codebook = project.tags.codebook()
        if options.article_ids is None:
            stored = project.annotations.query()
        else:
            stored = [p for a in articles for p in project.annotations.query(article_id=a.id)]
        memos = project.memos.all()
        coders = project.annotations.coders()
    scope = tag_scope(codebook, options.tag_ids, include_subtags=options.include_subtags)
    return ExportData(
        project=info,
        timestamp=options.timestamp or project.now(),
        options=options,
        articles=tuple(articles),
        codebook=codebook,
        tags=tuple(t for t in codebook.ordered() if t.id in scope),
        passages=_passages(stored, articles, codebook, scope, untagged=options.untagged),
        memos=tuple(m for m in memos if _memo_in_scope(m, wanted, scope)),
        coders=tuple(coders),
    )


@contextlib.contextmanager
def read_snapshot(project: Project) -> Iterator[None]:
    """Hold one read transaction, so that every read sees the same committed state.

    A deferred ``BEGIN`` takes no lock; the first read pins a WAL snapshot that lasts
    until the end, while other connections keep writing. Without it each store call would
    see whatever was committed at that moment: a passage without its tags, or offsets into
    an article text that has since been replaced. Inside a transaction already open on
    the connection, the reads simply join it.
    """
    conn = project.db.conn
    with project.reading():
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")  # nothing was written; end the snapshot


PANELS = {"article": "Library", "tag": "Codebook"}  # where the window lists each kind


def _check_ids(ids: Sequence[int] | None, known: set[int], kind: str) -> set[int]:
    if ids is None:
        return known
    missing = sorted(set(ids) - known)
    if missing:
        raise InputError(
            f"there is no {kind} {missing[0]}",
            advice=Advice(
                f"List them with `diptych {kind}s PROJECT`.",
                f"It may have been removed meanwhile; the {PANELS[kind]} lists the {kind}s.",
            ),
        )
    return set(ids)


def tag_scope(
    codebook: Codebook, tag_ids: Sequence[int] | None, *, include_subtags: bool
) -> set[int]:
    """The ids of the tags in scope: the chosen tags (with their sub-tags), or all."""
    if tag_ids is None:
        return {t.id for t in codebook.ordered()}
    chosen = _check_ids(tag_ids, {t.id for t in codebook.ordered()}, "tag")
    scope = set(chosen)
    if not include_subtags:
        return scope
    for tag_id in chosen:
        scope.update(t.id for t in codebook.descendants(tag_id))
    return scope


def _memo_in_scope(memo: Memo, articles: set[int], tags: set[int]) -> bool:
    if memo.kind is MemoKind.ARTICLE:
        return memo.target_id in articles
    if memo.kind is MemoKind.TAG:
        return memo.target_id in tags
    return True


def _passages(
    stored: Iterable[Annotation],
    articles: Sequence[Article],
    codebook: Codebook,
    scope: set[int],
    *,
    untagged: bool,
) -> tuple[ExportPassage, ...]:
    """The exported passages in export order, with their sections and tags in scope."""
    order = {a.id: index for index, a in enumerate(articles)}
    by_id = {a.id: a for a in articles}
    sections = {a.id: SectionIndex(a.content, title=a.title) for a in articles}
    tag_rank = {t.id: rank for rank, t in enumerate(codebook.ordered())}
    result = []
    for p in stored:
        article = by_id.get(p.article_id)
        if article is None:
            continue
        tag_ids = tuple(sorted((t for t in p.tag_ids if t in scope), key=tag_rank.__getitem__))
        if not tag_ids and (not untagged or any(t in tag_rank for t in p.tag_ids)):
            continue  # none of its tags chosen; or untagged, and those are left out
        section = "" if p.is_orphan else sections[article.id].at(p.start)
        result.append(ExportPassage(p, article, section, tag_ids))
    # An orphan's offsets are where its quote was in an earlier text, not a place in the
    # article as it is: among the others they would put it at a random point of the
    # reading, so each article's orphans follow its passages (as the window lists them
    # apart), in the order they had.
    result.sort(key=lambda e: (order[e.article.id], e.annotation.is_orphan, e.annotation.start,
                               e.annotation.end, e.annotation.id))  # fmt: skip
    return tuple(result)


class SectionIndex:
    """:meth:`ArticleText.section_at` in logarithmic time, for many passages.

    A heading that only repeats the article's ``title`` (a web page's title above its
    text) names no section: "*Title* · § Title" said the title twice.
    """

    def __init__(self, content: ArticleText, *, title: str = "") -> None:
        headings = [(b.start, b.end) for b in content.blocks if b.kind is BlockKind.HEADING]
        self._take(content.text, headings, title)

    @classmethod
    def of_headings(
        cls, text: str, headings: Sequence[tuple[int, int]], *, title: str = ""
    ) -> SectionIndex:
        """The index of a text whose headings (start, end) are known, its blocks unread."""
        index = cls.__new__(cls)
        index._take(text, headings, title)
        return index

    def _take(self, text: str, headings: Sequence[tuple[int, int]], title: str) -> None:
        self._starts = [start for start, _end in headings]
        texts = [text[start:end] for start, end in headings]
        same = _comparable(title)
        self._texts = ["" if _comparable(t) == same else t for t in texts]

    def at(self, offset: int) -> str:
        """The text of the nearest heading starting at or before ``offset``, or ""."""
        index = bisect_right(self._starts, offset) - 1
        return self._texts[index] if index >= 0 else ""


def _comparable(text: str) -> str:
    """``text`` as compared with a title: spaces and case aside."""
    return " ".join(text.split()).casefold()
