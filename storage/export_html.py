"""HTML report: one self-contained, printable page of passages grouped by tag or article.

The page loads nothing and runs nothing: the CSS is inline, there are no scripts, images
or fonts, and a Content-Security-Policy (``default-src 'none'; style-src 'unsafe-inline'``)
makes any browser refuse them should one slip in. Every piece of project text is escaped
with :func:`html.escape`. Notes and memos are Markdown rendered by the same rules as in
the window (:mod:`diptych.storage.note_markdown`): raw HTML shown as text, links kept only
for http, https and mailto addresses (other links become their text), images shown as
their alt text, never loaded; headings in a note become bold lines, outside the report's
outline.

Each name, title, section and coder in a line of other words is isolated (``<cite>``,
tag spans and ``<bdi>`` with ``unicode-bidi: isolate``): right-to-left text, or a
U+202E override in a title, keeps to its own place and cannot reorder the rest of the
line, such as who coded the passage. Each line of a quote, and each note and memo, takes
its direction from its first letters (``dir="auto"``): an Arabic or Hebrew quote reads
from the right, its full stop at its end, not stranded on the left. So do the headings
and table cells that hold an article's title or a tag's path.

Every memo in scope is in the report: the project's in the header, a tag's or an
article's under its heading, and those the grouping has no heading for (the articles'
memos when grouped by tag, the tags' when grouped by article, and those of tags or
articles without passages) in closing sections, *Article memos* and *Tag memos*.

Tag colours mark the quotes, headings and swatches, but always beside the tag's name: in
print (where browsers drop backgrounds) the colours come from borders and nothing is
told by colour alone. Top-level groups start on a new page; passages are not split. A
word too long for the line (an address in a note, a long tag path) wraps instead of
running past the page's edge, where print would cut it off. A tag in a citation line moves
to the next line whole, its swatch with it, and wraps only if longer than a line: kept
from wrapping (``white-space: nowrap``), a long path ran past the edge, as
``overflow-wrap`` then has no effect.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape
from itertools import chain

from diptych.storage.exporting import (
    ExportData,
    ExportPassage,
    Progress,
    ProgressMeter,
    TagGroup,
    encoded_lines,
)
from diptych.storage.model import Article, Memo, MemoKind, Tag
from diptych.storage.note_markdown import NoteRenderer
from diptych.storage.wording import counted

CSP = "default-src 'none'; style-src 'unsafe-inline'"
UNTAGGED_COLOR = "#A6A6A6"
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")

CSS = """
body { font: 11pt/1.5 Georgia, "Noto Serif", serif; color: #1a1a1a; background: #fff;
  max-width: 46em; margin: 2em auto; padding: 0 1em;
  overflow-wrap: break-word; overflow-wrap: anywhere; }
h1, h2, h3, h4, h5, h6, table, .cite, .summary { font-family: system-ui, sans-serif; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
.group > h2, .group > h3, .group > h4, .group > h5, .group > h6 {
  border-bottom: .2em solid var(--tag); padding-bottom: .1em; }
.summary, .cite, .description { color: #444; font-size: .9em; }
table { border-collapse: collapse; margin: .5em 0 1.5em; font-size: .9em; }
th, td { border-bottom: 1px solid #ccc; padding: .2em .8em .2em 0; text-align: left;
  vertical-align: top; }
td.n, th.n { text-align: right; }
.d1 { padding-left: 1.2em; } .d2 { padding-left: 2.4em; } .d3 { padding-left: 3.6em; }
.d4 { padding-left: 4.8em; } .d5 { padding-left: 6em; }
.swatch { display: inline-block; width: 0; height: 0; border: .45em solid var(--tag);
  border-radius: .2em; margin-inline-end: .4em; vertical-align: -.1em; }
.passage { margin: 1em 0 1.4em; }
.quote { margin: 0; padding: .3em .8em; border-left: .35em solid var(--tag);
  background: var(--tint); }
.quote p { margin: .2em 0; white-space: pre-wrap; }
.cite { margin: .3em 0 0 1.15em; }
.tag { display: inline-block; max-width: 100%; }
cite, .tag, bdi { unicode-bidi: isolate; }
.tag::before { content: ""; display: inline-block; width: 0; height: 0;
  border: .35em solid var(--tag); border-radius: .15em; margin-right: .25em; }
.note, .memo { margin: .4em 0 0 1.15em; padding-left: .8em; border-left: 1px dashed #999; }
.memo { margin-left: 0; }
.note > :first-child, .memo > :first-child { margin-top: 0; }
.note > :last-child, .memo > :last-child { margin-bottom: 0; }
.orphan { font-weight: bold; }
pre, code { font-size: .9em; white-space: pre-wrap; }
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; }
  .group.top { break-before: page; }
  .passage, tr, h2, h3, h4, h5, h6 { break-inside: avoid; }
  h2, h3, h4, h5, h6 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


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
        _head(data),
        _header(data, renderer),
        _counts(data),
        ["<main>"],
        body,
        _other_memos(data, renderer, *others),
        ["</main>", "</body>", "</html>", ""],
    )
    result = encoded_lines(parts, text_file=True)
    meter.finish()
    return result


def report_note_renderer() -> NoteRenderer:
    """Notes and memos as the report shows them: headings as bold lines, links noreferrer."""
    return NoteRenderer(headings_as_lines=True, link_rel="noreferrer")


def _e(text: str) -> str:
    return escape(text, quote=True)


def _color(value: str) -> str:
    return value.upper() if _COLOR.fullmatch(value) else UNTAGGED_COLOR


def _head(data: ExportData) -> list[str]:
    colors = [f".t{t.id} {{ --tag: {_color(t.color)}; --tint: {_color(t.color)}33; }}"
              for t in data.codebook.ordered()]  # fmt: skip
    untagged = f".untagged, body {{ --tag: {UNTAGGED_COLOR}; --tint: {UNTAGGED_COLOR}33; }}"
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="Diptych">',
        f"<title>{_e(data.project.name)}: tagged notes</title>",
        "<style>" + CSS + untagged + "\n" + "\n".join(colors) + "\n</style>",
        "</head>",
        "<body>",
    ]


def _header(data: ExportData, renderer: NoteRenderer) -> list[str]:
    summary = (
        f"Exported {_e(data.timestamp)} · {counted(len(data.passages), 'passage')} · "
        f"{counted(len(data.articles), 'article')} · {counted(len(data.tags), 'tag')} · "
        f"grouped by {_e(data.options.group_by)}"
    )
    lines = [
        "<header>",
        f"<h1><bdi>{_e(data.project.name)}</bdi>: tagged notes</h1>",
        f'<p class="summary">{summary}</p>',
    ]
    memo = data.memo(MemoKind.PROJECT)
    if memo is not None:
        lines.append(f'<div class="memo" dir="auto">{renderer.render(memo.text)}</div>')
    return [*lines, "</header>"]


def _counts(data: ExportData) -> list[str]:
    """Tables of passages per tag and per article."""
    per_tag: dict[int, int] = {}
    tag_articles: dict[int, set[int]] = {}
    per_article: dict[int, list[ExportPassage]] = {}
    for p in data.passages:
        per_article.setdefault(p.article.id, []).append(p)
        for tag_id in p.tag_ids:
            per_tag[tag_id] = per_tag.get(tag_id, 0) + 1
            tag_articles.setdefault(tag_id, set()).add(p.article.id)
    lines = ['<section class="counts">', "<h2>Passages per tag</h2>", "<table>"]
    lines.append('<tr><th>Tag</th><th class="n">Passages</th><th class="n">Articles</th></tr>')
    depths = {t.id: depth for t, depth in data.codebook.walk()}
    for tag in data.tags:
        depth = min(depths.get(tag.id, 0), 5)
        lines.append(
            f'<tr><td class="d{depth}" dir="auto"><span class="swatch t{tag.id}"></span>'
            f'{_e(data.tag_path(tag.id))}</td><td class="n">{per_tag.get(tag.id, 0)}</td>'
            f'<td class="n">{len(tag_articles.get(tag.id, ()))}</td></tr>'
        )
    lines += ["</table>", "<h2>Passages per article</h2>", "<table>"]
    lines.append(
        '<tr><th>Article</th><th class="n">Passages</th><th class="n">Orphans</th>'
        '<th class="n">Tags used</th></tr>'
    )
    for article in data.articles:
        passages = per_article.get(article.id, [])
        orphans = sum(1 for p in passages if p.annotation.is_orphan)
        tags = len({t for p in passages for t in p.tag_ids})
        lines.append(
            f'<tr><td dir="auto">{_e(data.title(article))}</td><td class="n">{len(passages)}</td>'
            f'<td class="n">{orphans}</td><td class="n">{tags}</td></tr>'
        )
    return [*lines, "</table>", "</section>"]


def _by_tag(
    data: ExportData, groups: list[TagGroup], renderer: NoteRenderer, meter: ProgressMeter
) -> Iterator[str]:
    notes: dict[str, str] = {}  # a passage under several tags renders its note once
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
            if tag.description.strip():
                yield f'<p class="description" dir="auto">{_e(tag.description)}</p>'
            memo = data.memo(MemoKind.TAG, tag.id)
            if memo is not None:
                yield f'<div class="memo" dir="auto">{renderer.render(memo.text)}</div>'
        for passage in group.passages:
            yield _passage(data, passage, renderer, notes, color="")
            meter.step()
        yield "</section>"


def _by_article(
    data: ExportData,
    groups: list[tuple[Article, tuple[ExportPassage, ...]]],
    renderer: NoteRenderer,
    meter: ProgressMeter,
) -> Iterator[str]:
    notes: dict[str, str] = {}
    for article, passages in groups:
        yield '<section class="group top">'
        yield f'<h2 dir="auto">{_e(data.title(article))}</h2>'
        memo = data.memo(MemoKind.ARTICLE, article.id)
        if memo is not None:
            yield f'<div class="memo" dir="auto">{renderer.render(memo.text)}</div>'
        for passage in passages:
            first = f"t{passage.tag_ids[0]}" if passage.tag_ids else "untagged"
            yield _passage(data, passage, renderer, notes, color=first)
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
            lines.append(f'<div class="memo" dir="auto">{renderer.render(memo.text)}</div>')
        lines.append("</section>")
    if tags:
        lines.append('<section class="group top memos"><h2>Tag memos</h2>')
        for tag, memo in tags:
            lines.append(
                f'<h3 dir="auto"><span class="swatch t{tag.id}"></span>'
                f"{_e(data.tag_path(tag.id))}</h3>"
            )
            lines.append(f'<div class="memo" dir="auto">{renderer.render(memo.text)}</div>')
        lines.append("</section>")
    return lines


def _passage(
    data: ExportData,
    passage: ExportPassage,
    renderer: NoteRenderer,
    notes: dict[str, str],
    *,
    color: str,
) -> str:
    """One passage; ``color`` is the tag class colouring its quote ("": its group's)."""
    a = passage.annotation
    lines = "".join(f'<p dir="auto">{_e(line)}</p>' for line in a.exact.split("\n") if line.strip())
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
    if a.coder:
        cite.append(f"coded by <bdi>{_e(a.coder)}</bdi>")
    parts = [
        f'<article class="passage {color}">' if color else '<article class="passage">',
        f'<blockquote class="quote">{lines}</blockquote>',
        f'<p class="cite">{" · ".join(cite)}</p>',
    ]
    if a.is_orphan:
        parts.append(
            '<p class="cite orphan">Orphan: no longer found in the article\'s current text.</p>'
        )
    if a.note.strip():
        note = notes.get(a.uuid)
        if note is None:
            note = notes[a.uuid] = renderer.render(a.note)
        parts.append(f'<div class="note" dir="auto">{note}</div>')
    parts.append("</article>")
    return "".join(parts)
