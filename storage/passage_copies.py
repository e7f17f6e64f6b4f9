"""Passages copied out of the project (Ctrl+C in the Passages list): each one's quote, the
article, heading and tags it is cited with, and its note, as text for a brief or an e-mail.

A quote over several blocks keeps the bullets and numbers of the list items it takes from
their start, as text copied from the article does (and the exports do): a quoted list
pasted into a brief kept its words but not its numbering. A quote within one item is its
words alone, as the exports quote it: part of one item, or one item, is not a list.

Thousands of passages copied at once (Ctrl+A, Ctrl+C) are read in a few queries, and of
each article only its text and where its headings and list items are: not every block of
it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from diptych.storage.codebook import Codebook
from diptych.storage.document import ItemMark, heading_ranges, item_marks
from diptych.storage.errors import InputError
from diptych.storage.exporting_snapshot import SectionIndex, read_snapshot
from diptych.storage.item_markers import copied_marker
from diptych.storage.model import Annotation, ArticleSummary
from diptych.storage.namesakes import told_apart

if TYPE_CHECKING:
    from diptych.storage.project import Project

ONE_BY_ONE = 100  # more passages copied than this: every passage read in one query


def copied_passages(project: Project, annotation_ids: Sequence[int]) -> str:
    """The passages ``annotation_ids`` (in that order; any no longer there left out) as
    text: each quote, then a line citing its article, the heading it sits under, its tags
    and who coded it (where the passages copied were coded by several), then its note."""
    with read_snapshot(project):
        wanted = _passages(project, list(dict.fromkeys(annotation_ids)))
        if not wanted:
            return ""
        listed = {a.id: a for a in project.articles.all()}
        wanted = [p for p in wanted if p.article_id in listed]
        articles = [listed[i] for i in dict.fromkeys(p.article_id for p in wanted)]
        anchored = {p.article_id for p in wanted if not p.is_orphan}
        sections, lists = _sections(project, [a for a in articles if a.id in anchored])
        codebook = project.tags.codebook()
    titles = told_apart(articles)
    coders_named = len({p.coder for p in wanted if p.coder}) > 1
    return "\n\n".join(
        _plain(p, titles[p.article_id], sections, codebook, coders_named, lists.get(p.article_id))
        for p in wanted
    )


def _passages(project: Project, ids: list[int]) -> list[Annotation]:
    """The passages ``ids`` still in the project, in that order."""
    if len(ids) > ONE_BY_ONE:
        by_id = {p.id: p for p in project.annotations.query()}
        return [by_id[i] for i in ids if i in by_id]
    found = []
    for annotation_id in ids:
        try:
            found.append(project.annotations.get(annotation_id=annotation_id))
        except InputError:  # deleted meanwhile: not copied
            continue
    return found


def _sections(
    project: Project, articles: Sequence[ArticleSummary]
) -> tuple[dict[int, SectionIndex], dict[int, _Lists]]:
    """Each article's headings, to name the section a passage sits under, and its list
    items, to quote them with their bullets and numbers."""
    sections = {}
    lists = {}
    with project.reading() as db:
        for article in articles:
            row = db.execute(
                "SELECT display_text, blocks FROM articles WHERE id = ?", [article.id]
            ).fetchone()
            if row is not None:
                headings = heading_ranges(row[1])
                index = SectionIndex.of_headings(row[0], headings, title=article.title)
                sections[article.id] = index
                items = item_marks(row[1])
                if items:
                    lists[article.id] = _Lists(row[0], items)
    return sections, lists


class _Lists:
    """An article's text and list items, to quote a passage with its items' markers."""

    def __init__(self, text: str, items: list[ItemMark]) -> None:
        self._text = text
        self._items = items
        self._starts = [item.start for item in items]

    def quote(self, passage: Annotation) -> str:
        """The passage's text, each list item it holds from its start led by its bullet
        or number and indented by its nesting, as the window copies it; within one item,
        its words alone."""
        start, end, exact = passage.start, passage.end, passage.exact
        if passage.is_orphan or end - start != len(exact):
            return exact
        if not self._text.startswith(exact, start):
            return exact  # the text changed under it: quoted as it was
        first = bisect_left(self._starts, start)
        last = bisect_left(self._starts, end)  # an item starting at its end is not in it
        items = self._items[first:last]
        if not items or (len(items) == 1 and items[0].start == start and end <= items[0].end):
            return exact
        pieces = []
        at = start
        for item in items:
            marker = copied_marker(item.level, item.number, item.marker)
            pieces += [self._text[at : item.start], marker]
            at = item.start
        pieces.append(self._text[at:end])
        return "".join(pieces)


def _plain(
    passage: Annotation,
    title: str,
    sections: dict[int, SectionIndex],
    codebook: Codebook,
    coders_named: bool,
    lists: _Lists | None,
) -> str:
    cited = [title]
    index = sections.get(passage.article_id)
    section = "" if passage.is_orphan or index is None else index.at(passage.start)
    if section:
        cited.append("§ " + section)
    tag_ids = sorted((t for t in passage.tag_ids if t in codebook), key=codebook.rank)
    if tag_ids:
        cited.append(", ".join(codebook.path(t) for t in tag_ids))
    if passage.coder and coders_named:
        cited.append("coded by " + passage.coder)
    if passage.is_orphan:
        cited.append("orphan: not placed in the article's current text")
    quote = passage.exact if lists is None else lists.quote(passage)
    lines = [f"“{quote}”", "— " + " · ".join(cited)]
    if passage.note.strip():
        lines.append("Note: " + passage.note.strip())
    return "\n".join(lines)
