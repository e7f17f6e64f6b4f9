"""Removing an article with its passages and memos, and putting it back (undo), without
throwing away what another window gave it meanwhile."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diptych.storage.article_rows import insert_article
from diptych.storage.document import ArticleText, blocks_to_json
from diptych.storage.errors import ChangedMeanwhileError, refuse_if_back, refuse_if_changed
from diptych.storage.model import Annotation, Article, ArticleSummary, Memo, MemoKind

if TYPE_CHECKING:
    from diptych.storage.project import Project


@dataclass(frozen=True, slots=True)
class ArticleRemoval:
    """An article removed from the project, with everything that went with it."""

    article: Article
    sort_order: int
    annotations: tuple[Annotation, ...]
    memos: tuple[Memo, ...]


def remove_article(
    project: Project,
    *,
    article: Article,
    unused_only: bool,
    expected: ArticleRemoval | None,
) -> ArticleRemoval:
    """Delete ``article`` (as read inside the same write transaction) with its passages and
    memos; what is needed to undo. See :meth:`ArticleStore.remove` for ``unused_only``
    and ``expected``."""
    passages = tuple(project.annotations.query(article_id=article.id))
    memo = project.memos.get(kind=MemoKind.ARTICLE, target_id=article.id)
    memos = (memo,) if memo else ()
    if unused_only or expected is not None:
        _refuse_if_worked_on(article, passages, memos, expected)
    db = project.db
    order = db.execute("SELECT sort_order FROM articles WHERE id = ?", [article.id])
    sort_order = int(order.fetchone()[0])
    db.execute("DELETE FROM annotations WHERE article_id = ?", [article.id])
    db.execute("DELETE FROM memos WHERE article_id = ?", [article.id])
    db.execute("DELETE FROM articles WHERE id = ?", [article.id])
    return ArticleRemoval(article, sort_order, passages, memos)


def as_added(summary: ArticleSummary) -> ArticleRemoval:
    """What undoing the import of ``summary`` is to take, for :func:`remove_article`'s
    ``expected``: the article under the title it was given, without passages or memos.
    It keeps no text: it is not for putting the article back."""
    s = summary
    fields = (s.id, s.uuid, s.title, s.source_name, s.format, s.encoding, s.imported_at)
    article = Article(*fields, s.updated_at, original_text="", content=ArticleText(""))
    return ArticleRemoval(article, sort_order=-1, annotations=(), memos=())


def restore_article(project: Project, *, removal: ArticleRemoval) -> None:
    """Put back an article removed by :func:`remove_article`, with the same ids; not if
    it is in the project again (see :func:`refuse_if_back`)."""
    a = removal.article
    with project.transaction():
        back = project.db.execute("SELECT 1 FROM articles WHERE uuid = ?", [a.uuid]).fetchone()
        refuse_if_back(back is not None, f"the article {a.title!r}")
        row = {
            "id": a.id,
            "uuid": a.uuid,
            "title": a.title,
            "source_name": a.source_name,
            "format": a.format,
            "encoding": a.encoding,
            "imported_at": a.imported_at,
            "updated_at": a.updated_at,
            "original_text": a.original_text,
            "display_text": a.text,
            "characters": len(a.text),
            "blocks": blocks_to_json(a.content.blocks),
            "sort_order": removal.sort_order,
            "source_url": a.source_url,
        }
        insert_article(project.db, row)
        for passage in removal.annotations:
            project.annotations.restore(annotation=passage)
        for memo in removal.memos:
            project.memos.restore(memo=memo)


def _knows_address(expected: ArticleRemoval) -> bool:
    """Whether ``expected`` has the article's source address as it was left: a removal's
    own record, or an import's with the article as imported (its text), not
    :func:`as_added`'s, which keeps neither."""
    article = expected.article
    return expected.sort_order >= 0 or bool(article.original_text or article.text)


def _refuse_if_worked_on(
    article: Article,
    passages: Sequence[Annotation],
    memos: Sequence[Memo],
    expected: ArticleRemoval | None,
) -> None:
    """Raise :class:`ChangedMeanwhileError` if removing the article would take away more
    than ``expected`` did (None: nothing): a passage or memo text of its own, a note, a
    tag, a place, a coder's name; or a title other than ``expected``'s, or a source
    address, if ``expected`` has it (see :func:`_knows_address`)."""
    if expected is not None and article.title != expected.article.title:
        raise ChangedMeanwhileError(
            f"the article {article.title!r} was renamed (it was {expected.article.title!r})"
            " since, perhaps in another window, so it was kept rather than lose that change",
            advice="Remove it by hand if it should go.",
        )
    if expected is not None and _knows_address(expected):
        refuse_if_changed(
            article.source_url,
            expected.article.source_url,
            f"the source address of the article {article.title!r}",
            advice="Remove it by hand if it should go.",
        )
    before = {p.id: p for p in expected.annotations} if expected else {}
    texts = {m.id: m.text for m in expected.memos} if expected else {}
    worked_on = any(
        p.id not in before
        or (p.note, p.exact, p.coder) != (before[p.id].note, before[p.id].exact, before[p.id].coder)
        or not set(p.tag_ids) <= set(before[p.id].tag_ids)
        for p in passages
    ) or any(m.text != texts.get(m.id, "") for m in memos)
    if worked_on:
        raise ChangedMeanwhileError(
            f"the article {article.title!r} was given passages or a memo, or its passages"
            " were changed, since, perhaps in another window, so it was kept rather than"
            " lose that work",
            advice="Remove it by hand if it should go.",
        )
