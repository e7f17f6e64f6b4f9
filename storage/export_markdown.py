"""Markdown tagged notes: passages as block quotes under nested tag or article headings.

Each passage is one block quote holding the quoted text and a citation line (article, the
section heading it sits under, its tags, the coder); the analyst's note follows it, outside
the quote, so that commentary never reads as part of the source. The note is Markdown and
stays Markdown, but cannot reach the document's outline nor run on into the passages after
it: its headings become bold lines, as in the window and the HTML report, and a code fence
it leaves open is closed (see :func:`~diptych.storage.export_markdown_text.note_lines`).
Raw HTML in a note (``<b>``, ``<script>``) and links to ``javascript:``, ``file:`` or
``data:`` addresses are escaped to read as text, as the window shows them, and each note's
link reference labels are its own (see :mod:`diptych.storage.export_markdown_notes`).

The quoted text keeps its shape in the article, list items as list items and table cells as
a table's rows (see :mod:`diptych.storage.export_markdown_quotes`), and is escaped so that
it reads as text whatever it holds (see :mod:`diptych.storage.export_markdown_text`).

The project memo follows the header; a tag's or an article's memo comes under its
heading. The memos the grouping has no heading for (the articles' memos when grouped by
tag, the tags' when grouped by article, and those of tags or articles without passages)
close the document, under *Article memos* and *Tag memos*, followed by *Sources*, each
article with the address it was saved from, when any is known. Narrowed to some tags, the
notes hold the memos, and count, of the articles with an exported passage only (see
:meth:`~diptych.storage.exporting_data.ExportData.articles_in_export`).

Asked for (:attr:`ExportOptions.block_ids`), a block id follows each quote,
``^<passage uuid>``: Obsidian hides it and makes the quote linkable
(``[[notes#^<uuid>]]``, or embedded with ``![[notes#^<uuid>]]``); other renderers show a
line with the uuid, which is why it is left out unless asked for. The uuid, which the CSV
and JSON exports share, never changes, so links into a re-exported file keep working. A
passage filed under several tags appears once per tag; its later copies get
``^<uuid>-2``, ``^<uuid>-3``... because a block id must be unique within a note.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from diptych.storage.control_characters import isolated
from diptych.storage.export_coders import CoderCount, coder_counts, coder_label
from diptych.storage.export_markdown_quotes import MarkdownQuotes
from diptych.storage.export_markdown_text import (
    escape_text,
    note_lines,
    one_line,
)
from diptych.storage.exporting import (
    ExportData,
    ExportPassage,
    Progress,
    ProgressMeter,
    TagGroup,
    encoded_lines,
)
from diptych.storage.model import Article, Memo, MemoKind, Tag, orphan_said
from diptych.storage.source_addresses import uri_form
from diptych.storage.wording import counted


def export_markdown(data: ExportData, progress: Progress | None = None) -> bytes:
    """The tagged notes as a UTF-8 Markdown document.

    Raises:
        ExportCancelled: ``progress`` returned False.
    """
    if data.options.group_by == "article":
        groups = data.article_groups()
        meter = ProgressMeter(progress, sum(len(passages) for _, passages in groups))
        body = _by_article(data, groups, meter)
        others = data.other_memos(shown_articles=[a.id for a, _ in groups])
    else:
        tag_groups = data.tag_groups()
        meter = ProgressMeter(progress, sum(len(g.passages) for g in tag_groups))
        body = _by_tag(data, tag_groups, meter)
        others = data.other_memos(shown_tags=[g.tag.id for g in tag_groups if g.tag])
    parts = chain(_header(data), body, _other_memos(data, *others), _sources(data))
    result = encoded_lines(parts, text_file=True)
    meter.finish()
    return result


def _header(data: ExportData) -> list[str]:
    passages = len(data.passages)
    used = len({t for p in data.passages for t in p.tag_ids})
    name = isolated(escape_text(one_line(data.project.name) or "Diptych project"))
    lines = [
        f"# {name}: tagged notes",
        "",
        f"- Exported: {data.time_in_words()}",
        f"- Articles: {len(data.articles_in_export())}",
        f"- Passages: {passages}",
        f"- Tags: {len(data.tags)} ({used} used)",
        f"- Grouped by: {data.options.group_by}",
        f"- Scope: {_scope(data)}",
    ]
    if coder := data.sole_coder():
        lines.append(f"- Coded by: {isolated(escape_text(one_line(coder)))}")
    if coders := coder_counts(data):
        lines.append("- Coders:")
        lines += [f"  - {_coder_line(c)}" for c in coders]
    lines.append("")
    memo = data.memo(MemoKind.PROJECT)
    if memo is not None:
        lines += ["**Project memo:**", "", *note_lines(memo.text), ""]
    return lines


def _coder_line(c: CoderCount) -> str:
    """ "Ana: 12 passages (4 with a note), 5 tags, 2 articles"."""
    name = isolated(escape_text(one_line(coder_label(c))))
    return (
        f"{name}: {counted(c.passages, 'passage')} ({c.noted} with a note),"
        f" {counted(c.tags, 'tag')}, {counted(c.articles, 'article')}"
    )


def _scope(data: ExportData) -> str:
    options = data.options
    articles = (
        "every article"
        if options.article_ids is None
        else _noun(len(data.articles), "article")
        + " "
        + "; ".join(isolated(escape_text(one_line(data.title(a)))) for a in data.articles)
    )
    if options.tag_ids == () and options.untagged:
        return f"{articles}, untagged passages only"
    if data.every_tag_chosen():  # all of them ticked one by one, as the export dialog does
        return f"{articles}, every tag" + ("" if options.untagged else ", no untagged passages")
    return _tags_scope(data, articles) + (
        ""
        if options.untagged_as_usual
        else (", and untagged passages" if options.untagged else ", no untagged passages")
    )


def _tags_scope(data: ExportData, articles: str) -> str:
    options = data.options
    if options.include_subtags:
        ids = sorted(set(options.tag_ids or ()))  # some chosen: every_tag_chosen() said no
        chosen = "; ".join(isolated(escape_text(data.tag_path(t))) for t in ids)
        tags = _noun(len(ids), "tag")
        if not any(data.codebook.descendants(t) for t in ids):
            return f"{articles}, {tags} {chosen}"  # no sub-tag to speak of
        whose = "their" if len(ids) > 1 else "its"
        return f"{articles}, {tags} {chosen} (with {whose} sub-tags)"
    chosen = "; ".join(isolated(escape_text(data.tag_path(t.id))) for t in data.tags)
    in_scope = {t.id for t in data.tags}
    left_out = any(d.id not in in_scope for t in data.tags for d in data.codebook.descendants(t.id))
    return f"{articles}, {_noun(len(data.tags), 'tag')} {chosen}" + (
        " (sub-tags not listed are left out)" if left_out else ""
    )


def _noun(count: int, noun: str) -> str:
    """``noun`` for one of them, with an s for more: "tag Economy", "tags Economy; Trade"."""
    return noun if count == 1 else noun + "s"


class _Escaped:
    """Titles, sections, tag lists and coders escaped once, for the many passages sharing them."""

    def __init__(self, data: ExportData) -> None:
        self._data = data
        self._text: dict[str, str] = {}
        self._tags: dict[tuple[int, ...], str] = {}
        self.block_ids = data.options.block_ids
        self.coders_named = not data.sole_coder()  # one coder is named once, in the header
        self.copies: dict[str, int] = {}  # block ids given out so far, by passage uuid
        self.quotes = MarkdownQuotes()  # each passage quoted in its article's shape
        self._notes: dict[str, list[str]] = {}  # by passage: listed once under each tag

    def note(self, passage: ExportPassage) -> list[str]:
        """The passage's note as the export writes it (:func:`note_lines`), converted once
        however many tags list the passage: a long note took a good part of a second."""
        lines = self._notes.get(passage.uuid)
        if lines is None:
            lines = self._notes[passage.uuid] = note_lines(passage.annotation.note)
        return lines

    def text(self, value: str) -> str:
        """``value`` on one line, escaped."""
        escaped = self._text.get(value)
        if escaped is None:
            escaped = self._text[value] = isolated(escape_text(one_line(value)))
        return escaped

    def title(self, article: Article) -> str:
        """The article's title for a reader (see :meth:`ExportData.title`), escaped."""
        return self.text(self._data.title(article))

    def tags(self, tag_ids: tuple[int, ...]) -> str:
        """The tag paths, escaped and comma-separated."""
        escaped = self._tags.get(tag_ids)
        if escaped is None:
            paths = (isolated(escape_text(self._data.tag_path(t))) for t in tag_ids)
            escaped = self._tags[tag_ids] = ", ".join(paths)
        return escaped


def _by_tag(data: ExportData, groups: list[TagGroup], meter: ProgressMeter) -> Iterator[str]:
    escaped = _Escaped(data)
    for group in groups:
        if group.tag is None:
            yield from ("## Untagged passages", "")
        else:
            level = group.depth + 2
            # Markdown has six heading levels: below them a tag's name alone would read
            # as its parent's sibling, so it is headed by its whole path instead.
            name = group.tag.name if level <= 6 else data.tag_path(group.tag.id)
            yield from (f"{'#' * min(level, 6)} {escape_text(name)}", "")
            yield from _tag_intro(data, group)
        for passage in group.passages:
            yield from _passage(passage, escaped)
            meter.step()


def _tag_intro(data: ExportData, group: TagGroup) -> Iterator[str]:
    assert group.tag is not None
    yield from _description(group.tag.description)
    memo = data.memo(MemoKind.TAG, group.tag.id)
    if memo is not None:
        yield from ("**Memo:**", "", *note_lines(memo.text), "")


def _description(text: str) -> Iterator[str]:
    """A tag's description in italics, its line breaks kept as hard breaks (two spaces,
    as in the notes) and its blank lines as paragraphs: run together, its lines read as
    one sentence."""
    paragraph: list[str] = []
    for line in [*map(one_line, text.splitlines()), ""]:
        if line:
            paragraph.append(f"*{escape_text(line)}*")
        elif paragraph:
            yield from (f"{italic}  " for italic in paragraph[:-1])
            yield from (paragraph[-1], "")
            paragraph = []


def _by_article(
    data: ExportData,
    groups: list[tuple[Article, tuple[ExportPassage, ...]]],
    meter: ProgressMeter,
) -> Iterator[str]:
    escaped = _Escaped(data)
    for article, passages in groups:
        yield from (f"## {escape_text(one_line(data.title(article)))}", "")
        memo = data.memo(MemoKind.ARTICLE, article.id)
        if memo is not None:
            yield from ("**Memo:**", "", *note_lines(memo.text), "")
        for passage in passages:
            yield from _passage(passage, escaped)
            meter.step()


def _other_memos(
    data: ExportData, articles: list[tuple[Article, Memo]], tags: list[tuple[Tag, Memo]]
) -> Iterator[str]:
    """The memos the grouping has no heading for (see :meth:`ExportData.other_memos`)."""
    if articles:
        yield from ("## Article memos", "")
    for article, memo in articles:
        title = escape_text(one_line(data.title(article)))
        yield from (f"### {title}", "", *note_lines(memo.text), "")
    if tags:
        yield from ("## Tag memos", "")
    for tag, tag_memo in tags:
        yield from (f"### {escape_text(data.tag_path(tag.id))}", "")
        yield from _description(tag.description)
        yield from (*note_lines(tag_memo.text), "")


def _sources(data: ExportData) -> list[str]:
    """The articles and the addresses they were saved from, to cite them: a closing
    *Sources* list, when an address is known for any article."""
    articles = data.articles_in_export()
    if not any(a.source_url for a in articles):
        return []
    lines = ["## Sources", ""]
    for article in articles:
        title = f"*{escape_text(one_line(data.title(article)))}*"
        address = article.source_url
        lines.append(f"- {title}: <{uri_form(address)}>" if address else f"- {title}")
    return [*lines, ""]


def _passage(passage: ExportPassage, escaped: _Escaped) -> list[str]:
    lines = escaped.quotes.lines(passage.annotation, passage.article)
    lines += [">", "> — " + _citation(passage, escaped), ""]
    if escaped.block_ids:
        copies = escaped.copies[passage.uuid] = escaped.copies.get(passage.uuid, 0) + 1
        block_id = passage.uuid if copies == 1 else f"{passage.uuid}-{copies}"
        lines += [f"^{block_id}", ""]
    if passage.annotation.note.strip():
        lines += ["**Note:**", "", *escaped.note(passage), ""]
    return lines


def _citation(passage: ExportPassage, escaped: _Escaped) -> str:
    parts = [f"*{escaped.title(passage.article)}*"]
    if passage.section:
        parts.append("§ " + escaped.text(passage.section))
    if passage.tag_ids:
        parts.append(escaped.tags(passage.tag_ids))
    if passage.annotation.coder and escaped.coders_named:
        parts.append("coded by " + escaped.text(passage.annotation.coder))
    if passage.annotation.is_orphan:
        still = passage.annotation.exact in passage.article.text
        parts.append(f"**orphan**: {orphan_said(still)}")
    return " · ".join(parts)
