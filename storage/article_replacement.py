"""Updating an article from a newer file, and undoing that: the text replaced with each
passage where the plan found it again (those found only approximately marked to check),
and the old text back with each passage where it was, marked as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from diptych.storage.anchoring import AnchorMethod
from diptych.storage.article_rows import article_row
from diptych.storage.article_titles import updated_title
from diptych.storage.article_updates import ReplacementPlan, apply_anchors, find_again, make_plan
from diptych.storage.document import blocks_to_json
from diptych.storage.errors import refuse_if_changed
from diptych.storage.model import Annotation, Article, ReanchorReport
from diptych.storage.passage_checks import mark_after_update, needs_a_look, put_back_check

if TYPE_CHECKING:
    from diptych.storage.importing import ParsedArticle
    from diptych.storage.project import Project


def replace_article_text(
    project: Project,
    *,
    old: Article,
    parsed: ParsedArticle,
    plan: ReplacementPlan | None,
    expected: str | None,
) -> ReanchorReport:
    """Write the newer text of ``old`` (as read inside the same write transaction) and put
    each passage where ``plan`` found it, or where it is found again here if the plan no
    longer holds. See :meth:`ArticleStore.replace_text`."""
    counts = dict.fromkeys(AnchorMethod, 0)
    new_text = parsed.content.text
    article_id = old.id
    if expected is not None:
        _refuse_if_text_changed(old.text, expected)
    passages = project.annotations.query(article_id=article_id)
    if plan is None or not plan.holds(
        article_id=article_id, old_text=old.text, new_text=new_text, passages=passages
    ):
        plan = make_plan(article_id, old.text, new_text, passages)
    row = article_row(parsed, now=project.now(), sort_order=0)
    for key in ("uuid", "imported_at", "sort_order"):
        row.pop(key, None)
    row["title"] = updated_title(
        old.title,
        old=old.content,
        old_fmt=old.format,
        new=parsed.content,
        new_fmt=parsed.format,
        new_title=parsed.title,
    )
    if not row["source_url"]:  # a newer file that does not say where it is from
        row.pop("source_url")
    sets = ", ".join(f"{k} = ?" for k in row)
    project.db.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*row.values(), article_id])
    still_orphaned = found_again = 0
    approximate: list[str] = []  # worth a look: their words changed
    for passage, result in zip(passages, plan.results, strict=True):
        counts[AnchorMethod.POSITION if result.in_place else result.method] += 1
        if needs_a_look(result) and result.anchor:
            approximate.append(result.anchor.exact)
        if passage.is_orphan:  # an orphan the analyst was already told of
            if result.method is AnchorMethod.ORPHAN:
                still_orphaned += 1
            else:
                found_again += 1
    apply_anchors(project, passages, plan.results)
    mark_after_update(project, passages, plan.results)  # until the analyst has looked
    return ReanchorReport(
        article_id=article_id,
        kept=counts[AnchorMethod.POSITION],
        moved=counts[AnchorMethod.QUOTE],
        fuzzy=counts[AnchorMethod.FUZZY],
        orphaned=counts[AnchorMethod.ORPHAN],
        still_orphaned=still_orphaned,
        found_again=found_again,
        approximate=tuple(approximate),
        previous=tuple(passages),
        previous_article=old,
        title=row["title"],
        source_url=row.get("source_url", old.source_url),
        placed=tuple(
            (r.anchor.start, r.anchor.end, r.anchor.exact) if r.anchor else None
            for r in plan.results
        ),
    )


def restore_article_text(
    project: Project,
    *,
    article: Article,
    passages: Sequence[Annotation],
    expected: str | None,
    left: ReanchorReport | None = None,
) -> tuple[str, ...]:
    """Undo :func:`replace_article_text`. See :meth:`ArticleStore.restore_text`."""
    with project.transaction():
        db = project.db
        row = db.execute(
            "SELECT display_text, title, source_url FROM articles WHERE id = ?", [article.id]
        )
        newer = row.fetchone()  # the text being undone
        if expected is not None and newer is not None:
            _refuse_if_text_changed(newer[0], expected)
        now = {p.id: p for p in project.annotations.query(article_id=article.id)}
        kept = _kept_since(left, newer, now) if newer is not None else _Kept()
        title = kept.title or article.title
        source_url = article.source_url if kept.source_url is None else kept.source_url
        db.execute(
            "UPDATE articles SET title = ?, source_name = ?, format = ?, encoding = ?,"
            " updated_at = ?, original_text = ?, display_text = ?, characters = ?, blocks = ?,"
            " source_url = ? WHERE id = ?",
            [title, article.source_name, article.format, article.encoding,
             article.updated_at, article.original_text, article.text, len(article.text),
             blocks_to_json(article.content.blocks), source_url, article.id],
        )  # fmt: skip
        known = {p.id for p in passages}
        for passage in passages:
            if passage.id in now and passage.id not in kept.placed:
                project.annotations.restore_anchor(annotation=passage)
                put_back_check(project, annotation_id=passage.id, check=passage.check)
        # Added on the newer text since, or re-attached on it: found again in the old text.
        again = [p for p in now.values() if p.id not in known or p.id in kept.placed]
        if again and newer is not None:
            find_again(project, again, article.text, old_text=newer[0])
    return kept.said()


@dataclass
class _Kept:
    """What another window changed since an update, which its undo keeps."""

    title: str = ""  # the title given since
    source_url: str | None = None  # the source address given since
    placed: set[int] = field(default_factory=set)  # passages re-attached since

    def said(self) -> tuple[str, ...]:
        """Each change kept, in the user's words."""
        count = len(self.placed)
        return tuple(
            said
            for said in (
                f"the title “{self.title}”" if self.title else "",
                "the source address" if self.source_url is not None else "",
                f"the place of {count} passage{'s' if count > 1 else ''} re-attached (found"
                " again in the older text)"
                if count
                else "",
            )
            if said
        )


def _kept_since(
    left: ReanchorReport | None, newer: tuple[str, str, str], now: dict[int, Annotation]
) -> _Kept:
    """What was changed since the update left the article as ``left`` says (nothing to
    compare with if it does not say): the article's title and source address as they are
    (``newer``) and its passages (``now``, by id)."""
    kept = _Kept()
    if left is None:
        return kept
    _text, title, source_url = newer
    if title != left.title:
        kept.title = title
    if source_url != left.source_url:
        kept.source_url = source_url
    for passage, place in zip(left.previous, left.placed, strict=False):
        current = now.get(passage.id)
        if current is not None and _place(current) != place:
            kept.placed.add(passage.id)
    return kept


def _place(passage: Annotation) -> tuple[int, int, str] | None:
    return None if passage.is_orphan else (passage.start, passage.end, passage.exact)


def _refuse_if_text_changed(current: str, expected: str) -> None:
    refuse_if_changed(
        current,
        expected,
        "the article's text",
        advice="Update it from a file again if it should read otherwise.",
    )
