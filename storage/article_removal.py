"""Removing an article with its passages and memos, and putting it back (undo), without
throwing away what another window gave it meanwhile."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from diptych.storage.bulk_rows import IDS, delete_rows, insert_rows, listed
from diptych.storage.document import ArticleText, blocks_to_json
from diptych.storage.errors import ChangedMeanwhileError, refuse_if_back, refuse_if_changed
from diptych.storage.model import Annotation, Article, ArticleSummary, Memo, MemoKind
from diptych.storage.passage_rows import SELECT_PASSAGES, passage_of

if TYPE_CHECKING:
    from diptych.storage.project import Project


@dataclass(frozen=True, slots=True)
class ArticleRemoval:
    """An article removed from the project, with everything that went with it."""

    article: Article
    sort_order: int
    annotations: tuple[Annotation, ...]
    memos: tuple[Memo, ...]


def remove_articles(
    project: Project,
    *,
    articles: Sequence[Article],
    expected: Sequence[ArticleRemoval | None],
    unused_only: bool = False,
) -> list[ArticleRemoval]:
    """Delete ``articles`` (as read inside the same write transaction) with their passages
    and memos, all or none, in a few statements for all of them (see
    :mod:`~diptych.storage.bulk_rows`); what is needed to undo. Each is refused if updated
    from a newer file since its ``expected``, or worked on beyond it (None: nothing, where
    ``unused_only``; see :meth:`ArticleStore.remove`): the first refused, in the order
    given, is named."""
    ids = listed(article.id for article in articles)
    db = project.db
    rows = db.execute(
        SELECT_PASSAGES + f" WHERE a.article_id IN {IDS} ORDER BY a.article_id, a.start_pos, a.id",
        [ids],
    )
    passages: dict[int, list[Annotation]] = {}
    for passage in map(passage_of, rows.fetchall()):
        passages.setdefault(passage.article_id, []).append(passage)
    memos = {m.target_id: m for m in project.memos.all() if m.kind == MemoKind.ARTICLE}
    orders = dict(db.execute(f"SELECT id, sort_order FROM articles WHERE id IN {IDS}", [ids]))
    removals = []
    for article, wanted in zip(articles, expected, strict=True):
        if wanted is not None:
            _refuse_if_updated(article, wanted.article)
        memo = memos.get(article.id)
        removal = ArticleRemoval(
            article, int(orders[article.id]), tuple(passages.get(article.id, ())),
            (memo,) if memo else (),
        )  # fmt: skip
        if unused_only or wanted is not None:
            _refuse_if_worked_on(article, removal.annotations, removal.memos, wanted)
        removals.append(removal)
    for table, column in (
        ("annotations", "article_id"),
        ("memos", "article_id"),
        ("articles", "id"),
    ):
        delete_rows(db, table=table, column=column, values=(a.id for a in articles))
    return removals


def as_added(summary: ArticleSummary) -> ArticleRemoval:
    """What undoing the import of ``summary`` is to take, for :func:`remove_articles`'s
    ``expected``: the article under the title it was given, without passages or memos.
    It keeps no text: it is not for putting the article back."""
    s = summary
    fields = (s.id, s.uuid, s.title, s.source_name, s.format, s.encoding, s.imported_at)
    article = Article(*fields, s.updated_at, original_text="", content=ArticleText(""))
    return ArticleRemoval(article, sort_order=-1, annotations=(), memos=())


def restore_articles(project: Project, *, removals: Sequence[ArticleRemoval]) -> None:
    """Put back articles removed by :func:`remove_articles`, with the same ids, with their
    passages and memos, all or none: not if one of them is in the project again (see
    :func:`refuse_if_back`; the first, in the order given, is named). The rows go in a few
    statements for all of them (redoing an import of hundreds of articles)."""
    if not removals:
        return
    with project.transaction():
        uuids = listed(r.article.uuid for r in removals)
        back = {
            u
            for (u,) in project.db.execute(
                f"SELECT uuid FROM articles WHERE uuid IN {IDS}", [uuids]
            )
        }
        for removal in removals:
            refuse_if_back(removal.article.uuid in back, f"the article {removal.article.title!r}")
        rows = [_row(removal) for removal in removals]
        columns = list(rows[0])
        values = [list(row.values()) for row in rows]
        insert_rows(project.db, table="articles", columns=columns, rows=values)
        project.annotations.restore_many(
            annotations=[p for removal in removals for p in removal.annotations],
            texts={removal.article.id: removal.article.text for removal in removals},
        )
        for removal in removals:
            for memo in removal.memos:
                project.memos.restore(memo=memo)


def _row(removal: ArticleRemoval) -> dict[str, Any]:
    """The article's row as it was."""
    a = removal.article
    return {
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


def _refuse_if_updated(article: Article, expected: Article) -> None:
    """Raise :class:`ChangedMeanwhileError` if ``article`` no longer has the text of
    ``expected`` (if it has one: :func:`as_added` keeps none): it was updated from a newer
    file since. One retitled meanwhile is left to the removal to refuse, as renamed."""
    if article.title != expected.title or not (expected.original_text or expected.text):
        return
    if (article.original_text, article.text) != (expected.original_text, expected.text):
        raise ChangedMeanwhileError(
            f"the article “{article.title}” was updated from a newer file since, perhaps in"
            " another window, so it was kept rather than lose that update",
            advice="Remove it from the Library if it should go.",
        )
