"""HTML report: one self-contained, printable page of passages grouped by tag or article.

The page loads nothing and runs nothing: the CSS is inline, there are no scripts, images
or fonts, and a Content-Security-Policy (``default-src 'none'; style-src 'unsafe-inline'``)
makes any browser refuse them should one slip in. Every piece of project text is escaped
with :func:`html.escape`. Notes and memos are Markdown rendered by the same rules as in
the window (:mod:`diptych.storage.note_markdown`): raw HTML shown as text, links kept only
for http, https and mailto addresses (other links become their text), images shown as
their alt text, never loaded; headings in a note become bold lines, outside the report's
outline, and each line break typed in a note is one.

Each name, title, section and coder in a line of other words is isolated (``<cite>``,
tag spans and ``<bdi>`` with ``unicode-bidi: isolate``): right-to-left text, or a
U+202E override in a title, keeps to its own place and cannot reorder the rest of the
line, such as who coded the passage. Each line of a quote, and each note and memo, takes
its direction from its first letters (``dir="auto"``): an Arabic or Hebrew quote reads
from the right, its full stop at its end, not stranded on the left. So do the headings
and table cells that hold an article's title or a tag's path.

Every memo in the export is in the report: the project's in the header, a tag's or an
article's under its heading, and those the grouping has no heading for (the articles'
memos when grouped by tag, the tags' when grouped by article, and those of tags or
articles without passages) in closing sections, *Article memos* and *Tag memos*. The
articles are those of :meth:`~diptych.storage.exporting_data.ExportData.articles_in_export`:
a report of some tags holds the memos, and counts, of the articles with a passage in it.

The page around the passages (its head and style sheet, its header and tables of
counts) is made by :mod:`diptych.storage.export_html_page`. Tag colours mark the quotes,
headings and swatches, but always beside the tag's name: in
print (where browsers drop backgrounds) the colours come from borders and nothing is
told by colour alone. Printed, a passage is not split across pages, but groups follow
one another without a page break (a page per top-level tag left pages mostly empty), and
each link is followed by its address in brackets, as paper cannot follow it (but an
address written out, a link whose text is its address, and the Sources list's addresses,
which already read as one). A
word too long for the line (an address in a note, a long tag path) wraps instead of
running past the page's edge, where print would cut it off. A tag in a citation line moves
to the next line whole, its swatch with it, and wraps only if longer than a line: kept
from wrapping (``white-space: nowrap``), a long path ran past the edge, as
``overflow-wrap`` then has no effect. In a quoted table, a figure or a short cell breaks
only where it would not fit the page (see :mod:`diptych.storage.export_html_quotes`):
a word that may break anywhere let the table narrow its column and split "3,895.5".
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from diptych.storage.export_html_page import escaped as _e
from diptych.storage.export_html_page import memo_html, page_counts, page_head, page_header
from diptych.storage.export_html_quotes import HtmlQuotes
from diptych.storage.exporting import (
    ExportData,
    ExportPassage,
    Progress,
    ProgressMeter,
    TagGroup,
    encoded_lines,
)
from diptych.storage.model import Article, Memo, MemoKind, Tag, orphan_said
from diptych.storage.note_markdown import NoteRenderer
from diptych.storage.source_addresses import uri_form


def export_html(data: ExportData, progress: Progress | None = None) -> bytes:
    """The passages as a self-contained HTML report (UTF-8).

    Raises:
        ExportCancelled: ``progress`` returned False.
    """
    renderer = report_note_renderer()
    if data.options.group_by == "article":
        groups = data.article_groups()
        meter = ProgressMeter(progress, sum(len(p) for _, p in groups))
        body = _by_article(data, groups, renderer, meter)
        others = data.other_memos(shown_articles=[a.id for a, _ in groups])
    else:
        tag_groups = data.tag_groups()
        meter = ProgressMeter(progress, sum(len(g.passages) for g in tag_groups))
        body = _by_tag(data, tag_groups, renderer, meter)
        others = data.other_memos(shown_tags=[g.tag.id for g in tag_groups if g.tag])
    parts = chain(
        page_head(data),
        page_header(data, renderer),
        page_counts(data),
        ["<main>"],
        body,
        _other_memos(data, renderer, *others),
        _sources(data),
        ["</main>", "</body>", "</html>", ""],
    )
    result = encoded_lines(parts, text_file=True)
    meter.finish()
    return result


def report_note_renderer() -> NoteRenderer:
    """Notes and memos as the report shows them: as in the window, links noreferrer."""
    return NoteRenderer(link_rel="noreferrer")


def _by_tag(
    data: ExportData, groups: list[TagGroup], renderer: NoteRenderer, meter: ProgressMeter
) -> Iterator[str]:
    notes: dict[str, str] = {}  # a passage under several tags renders its note once
    quotes = HtmlQuotes()
    for group in groups:
        tag = group.tag
        level = min(group.depth + 2, 6)
        top = " top" if group.depth == 0 else ""
        if tag is None:
            yield '<section class="group untagged top"><h2>Untagged passages</h2>'
        else:
            yield f'<section class="group t{tag.id}{top}">'
            path = _e(data.tag_path(tag.id))
            yield f'<h{level} dir="auto"><span class="swatch"></span>{path}</h{level}>'
            yield from _description(tag.description)
            memo = data.memo(MemoKind.TAG, tag.id)
            if memo is not None:
                yield memo_html(renderer, memo.text, "Memo:")
        for passage in group.passages:
            yield _passage(data, passage, renderer, notes, quotes, color="")
            meter.step()
        yield "</section>"


def _description(text: str) -> Iterator[str]:
    """A tag's description, its line breaks kept (``<br>``) and its blank lines as
    paragraphs: run together, its lines read as one sentence."""
    paragraph: list[str] = []
    for line in [*(line.strip() for line in text.splitlines()), ""]:
        if line:
            paragraph.append(_e(line))
        elif paragraph:
            yield f'<p class="description" dir="auto">{"<br>".join(paragraph)}</p>'
            paragraph = []


def _by_article(
    data: ExportData,
    groups: list[tuple[Article, tuple[ExportPassage, ...]]],
    renderer: NoteRenderer,
    meter: ProgressMeter,
) -> Iterator[str]:
    notes: dict[str, str] = {}
    quotes = HtmlQuotes()
    for article, passages in groups:
        yield '<section class="group top">'
        yield f'<h2 dir="auto">{_e(data.title(article))}</h2>'
        memo = data.memo(MemoKind.ARTICLE, article.id)
        if memo is not None:
            yield memo_html(renderer, memo.text, "Memo:")
        for passage in passages:
            first = f"t{passage.tag_ids[0]}" if passage.tag_ids else "untagged"
            yield _passage(data, passage, renderer, notes, quotes, color=first)
            meter.step()
        yield "</section>"


def _other_memos(
    data: ExportData,
    renderer: NoteRenderer,
    articles: list[tuple[Article, Memo]],
    tags: list[tuple[Tag, Memo]],
) -> list[str]:
    """The memos the grouping has no heading for (see :meth:`ExportData.other_memos`)."""
    lines = []
    if articles:
        lines.append('<section class="group top memos"><h2>Article memos</h2>')
        for article, memo in articles:
            lines.append(f'<h3 dir="auto">{_e(data.title(article))}</h3>')
            lines.append(memo_html(renderer, memo.text))
        lines.append("</section>")
    if tags:
        lines.append('<section class="group top memos"><h2>Tag memos</h2>')
        for tag, tag_memo in tags:
            lines.append(
                f'<h3 dir="auto"><span class="swatch t{tag.id}"></span>'
                f"{_e(data.tag_path(tag.id))}</h3>"
            )
            lines.extend(_description(tag.description))
            lines.append(memo_html(renderer, tag_memo.text))
        lines.append("</section>")
    return lines


def _sources(data: ExportData) -> list[str]:
    """The articles and the addresses they were saved from, to cite them: a closing
    *Sources* list, when an address is known for any article; the links noreferrer, as
    the notes' are."""
    articles = data.articles_in_export()
    if not any(a.source_url for a in articles):
        return []
    lines = ['<section class="group top sources"><h2>Sources</h2>', "<ul>"]
    for article in articles:
        title = f"<cite>{_e(data.title(article))}</cite>"
        address = article.source_url
        if address:
            href = _e(uri_form(address))  # printed as it is: not followed by itself again
            link = f'<a href="{href}" rel="noreferrer" class="address">{_e(address)}</a>'
            lines.append(f'<li dir="auto">{title}: {link}</li>')
        else:
            lines.append(f'<li dir="auto">{title}</li>')
    return [*lines, "</ul>", "</section>"]


def _passage(
    data: ExportData,
    passage: ExportPassage,
    renderer: NoteRenderer,
    notes: dict[str, str],
    quotes: HtmlQuotes,
    *,
    color: str,
) -> str:
    """One passage; ``color`` is the tag class colouring its quote ("": its group's)."""
    a = passage.annotation
    lines = quotes.html(a, passage.article)
    # The title and tags take their own direction, as <bdi> does for the section and
    # coder: the stylesheet isolates <cite> and tags, but in the line's direction, left to
    # right, where a right-to-left title's closing "?" or "(2)" was stranded on its right.
    cite = [f'<cite dir="auto">{_e(data.title(passage.article))}</cite>']
    if passage.section:
        cite.append(f"§ <bdi>{_e(passage.section)}</bdi>")
    if passage.tag_ids:
        tags = ", ".join(
            f'<span class="tag t{t}" dir="auto">{_e(data.tag_path(t))}</span>'
            for t in passage.tag_ids
        )
        cite.append(tags)
    if a.coder and not data.sole_coder():  # one coder is named once, at the top
        cite.append(f"coded by <bdi>{_e(a.coder)}</bdi>")
    parts = [
        f'<article class="passage {color}">' if color else '<article class="passage">',
        f'<blockquote class="quote">{lines}</blockquote>',
        f'<p class="cite">{" · ".join(cite)}</p>',
    ]
    if a.is_orphan:
        said = orphan_said(a.exact in passage.article.text)  # our words: nothing to escape
        parts.append(f'<p class="cite orphan">Orphan: {said}.</p>')
    if a.note.strip():
        note = notes.get(a.uuid)
        if note is None:
            note = notes[a.uuid] = renderer.render(a.note)
        parts.append(f'<div class="note" dir="auto">{note}</div>')
    parts.append("</article>")
    return "".join(parts)
