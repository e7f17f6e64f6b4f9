"""The HTML report's page around its passages (see :mod:`diptych.storage.export_html`):
its head (a Content-Security-Policy refusing anything loaded, the inline style sheet, each
tag's colour), its header (the project, what was exported, the project's memo), the
memos, labelled, and the tables of passages per tag and per article.
"""

from __future__ import annotations

import re
from html import escape

from diptych.storage.color_contrast import from_hex, to_hex, told_apart
from diptych.storage.export_coders import UNNAMED, coder_counts
from diptych.storage.exporting import ExportData, ExportPassage
from diptych.storage.model import MemoKind
from diptych.storage.note_markdown import NoteRenderer
from diptych.storage.wording import counted

CSP = "default-src 'none'; style-src 'unsafe-inline'"
UNTAGGED_COLOR = "#A6A6A6"
PAGE = (255, 255, 255, 255)  # the page's colour, #fff in the style sheet
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
th { overflow-wrap: normal; }
td.n, th.n { white-space: nowrap; }
.d1 { padding-left: 1.2em; } .d2 { padding-left: 2.4em; } .d3 { padding-left: 3.6em; }
.d4 { padding-left: 4.8em; } .d5 { padding-left: 6em; }
.swatch { display: inline-block; width: 0; height: 0; border: .45em solid var(--tag);
  border-radius: .2em; margin-inline-end: .4em; vertical-align: -.1em; }
.passage { margin: 1em 0 1.4em; }
.quote { margin: 0; padding: .3em .8em; border-left: .35em solid var(--tag);
  background: var(--tint); }
.quote p { margin: .2em 0; white-space: pre-wrap; }
.quote ul, .quote ol { margin: .2em 0; padding-inline-start: 1.5em; }
.quote table { margin: .3em 0; }
.quote td.fig { overflow-wrap: break-word; }
.cite { margin: .3em 0 0 1.15em; }
.tag { display: inline-block; max-width: 100%; }
cite, .tag, bdi { unicode-bidi: isolate; }
.tag::before { content: ""; display: inline-block; width: 0; height: 0;
  border: .35em solid var(--tag); border-radius: .15em; margin-right: .25em; }
.note, .memo { margin: .4em 0 0 1.15em; padding-left: .8em; border-left: 1px dashed #999; }
.memo { margin-left: 0; border-left: .2em solid #bbb; }
.memo-label { margin: .8em 0 .1em; font: bold .85em system-ui, sans-serif; color: #444; }
.note > :first-child, .memo > :first-child { margin-top: 0; }
.note > :last-child, .memo > :last-child { margin-bottom: 0; }
.orphan { font-weight: bold; }
pre, code { font-size: .9em; white-space: pre-wrap; }
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; }
  .passage, tr, h2, h3, h4, h5, h6 { break-inside: avoid; }
  h2, h3, h4, h5, h6, .memo-label { break-after: avoid; }
  a { color: inherit; }
  a[href]::after { content: " (" attr(href) ")"; }
  a[href^="#"]::after, a.address::after { content: none; }
}
"""


def escaped(text: str) -> str:
    """``text`` as HTML text or attribute value."""
    return escape(text, quote=True)


def _color(value: str) -> str:
    """A tag's colour as the report shows it on its white page: one that would hardly show
    there (white, a very pale grey) is the nearest that does, as the window shows it."""
    if not _COLOR.fullmatch(value):
        return UNTAGGED_COLOR
    return to_hex(told_apart(from_hex(value), PAGE))


def page_head(data: ExportData) -> list[str]:
    """The page up to its body: what it refuses to load, its style sheet, each tag's colour
    (its marks, quote bars and swatches, in the colour that shows on the page)."""
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
        f"<title>{escaped(data.project.name)}: tagged notes</title>",
        "<style>" + CSS + untagged + "\n" + "\n".join(colors) + "\n</style>",
        "</head>",
        "<body>",
    ]


def page_header(data: ExportData, renderer: NoteRenderer) -> list[str]:
    """The project's name, what was exported, and the project's memo."""
    articles = len(data.articles_in_export())
    coder = data.sole_coder()  # one coder is named once, here, rather than after each quote
    summary = (
        f'Exported <time datetime="{escaped(data.timestamp)}">'
        f"{escaped(data.time_in_words())}</time> · "
        f"{counted(len(data.passages), 'passage')} · "
        f"{counted(articles, 'article')} · {counted(len(data.tags), 'tag')} · "
        + (f"coded by <bdi>{escaped(coder)}</bdi> · " if coder else "")
        + f"grouped by {escaped(data.options.group_by)}{_narrowed(data)}"
    )

    lines = [
        "<header>",
        f"<h1><bdi>{escaped(data.project.name)}</bdi>: tagged notes</h1>",
        f'<p class="summary">{summary}</p>',
    ]
    memo = data.memo(MemoKind.PROJECT)
    if memo is not None:
        lines.append(memo_html(renderer, memo.text, "Project memo:"))
    return [*lines, "</header>"]


def memo_html(renderer: NoteRenderer, text: str, label: str = "") -> str:
    """A memo, after its ``label`` ("Memo:", as the Markdown notes label it): a passage's
    note follows its quote unlabelled, and a memo under a tag's heading, looking the same,
    read as a note of the passage above it. Under a heading of memos, no label."""
    memo = f'<div class="memo" dir="auto">{renderer.render(text)}</div>'
    return f'<p class="memo-label">{escaped(label)}</p>{memo}' if label else memo


def _narrowed(data: ExportData) -> str:
    """The tags the passages were chosen by when not all were, as the Markdown export's
    Scope line and the JSON's label say: "" when every tag's and untagged passages are in."""
    options = data.options
    if data.every_tag_chosen():
        return "" if options.untagged else " · untagged passages left out"
    chosen = [f"<bdi>{escaped(data.tag_path(t.id))}</bdi>" for t in data.tags]
    more = f" and {len(chosen) - 5} more" if len(chosen) > 5 else ""  # the table lists them
    listed = ", ".join(chosen[:5]) + more
    parts = [("only the tags " if len(chosen) > 1 else "only the tag ") + listed]
    if options.untagged:
        parts = ["only untagged passages"] if not chosen else [*parts, "untagged passages"]
    return " · " + " and ".join(parts)


def page_counts(data: ExportData) -> list[str]:
    """Tables of passages per tag and per article."""
    lines = _tag_counts(data)
    per_article: dict[int, list[ExportPassage]] = {}
    for p in data.passages:
        per_article.setdefault(p.article.id, []).append(p)
    lines += ["<h2>Passages per article</h2>", "<table>"]
    lines.append(
        '<tr><th>Article</th><th class="n">Passages</th><th class="n">Orphans</th>'
        '<th class="n">Tags used</th></tr>'
    )
    for article in data.articles_in_export():
        passages = per_article.get(article.id, [])
        orphans = sum(1 for p in passages if p.annotation.is_orphan)
        tags = len({t for p in passages for t in p.tag_ids})
        lines.append(
            f'<tr><td dir="auto">{escaped(data.title(article))}</td>'
            f'<td class="n">{len(passages)}</td>'
            f'<td class="n">{orphans}</td><td class="n">{tags}</td></tr>'
        )
    return [*lines, "</table>", *_coder_counts(data), "</section>"]


def _coder_counts(data: ExportData) -> list[str]:
    """The table of passages per coder, when several coded them."""
    coders = coder_counts(data)
    if not coders:
        return []
    lines = [
        "<h2>Passages per coder</h2>",
        "<table>",
        '<tr><th>Coder</th><th class="n">Passages</th><th class="n">With a note</th>'
        '<th class="n">Tags used</th><th class="n">Articles</th></tr>',
    ]
    for c in coders:
        name = f"<bdi>{escaped(c.name)}</bdi>" if c.name else UNNAMED
        lines.append(
            f'<tr><td dir="auto">{name}</td><td class="n">{c.passages}</td>'
            f'<td class="n">{c.noted}</td><td class="n">{c.tags}</td>'
            f'<td class="n">{c.articles}</td></tr>'
        )
    return [*lines, "</table>"]


def _tag_counts(data: ExportData) -> list[str]:
    """The table of passages per tag, counted as the Codebook counts them: a tag's
    passages with its sub-tags', each passage once; and beside them its own."""
    own: dict[int, int] = {}
    under: dict[int, int] = {}
    articles: dict[int, set[int]] = {}
    above: dict[int, set[int]] = {}  # each tag with its ancestors
    for p in data.passages:
        for tag_id in p.tag_ids:
            own[tag_id] = own.get(tag_id, 0) + 1
        counted_under: set[int] = set()
        for tag_id in p.tag_ids:
            if tag_id not in above:
                above[tag_id] = {tag_id, *(t.id for t in data.codebook.ancestors(tag_id))}
            counted_under |= above[tag_id]
        for tag_id in counted_under:
            under[tag_id] = under.get(tag_id, 0) + 1
            articles.setdefault(tag_id, set()).add(p.article.id)
    lines = [
        '<section class="counts">',
        "<h2>Passages per tag</h2>",
        "<table>",
        '<tr><th>Tag</th><th class="n">Passages (with sub-tags)</th>'
        '<th class="n">Tagged itself</th><th class="n">Articles</th></tr>',
    ]
    depths = {t.id: depth for t, depth in data.codebook.walk()}
    for tag in data.tags:
        depth = min(depths.get(tag.id, 0), 5)
        lines.append(
            f'<tr><td class="d{depth}" dir="auto"><span class="swatch t{tag.id}"></span>'
            f'{escaped(data.tag_path(tag.id))}</td><td class="n">{under.get(tag.id, 0)}</td>'
            f'<td class="n">{own.get(tag.id, 0)}</td>'
            f'<td class="n">{len(articles.get(tag.id, ()))}</td></tr>'
        )
    return [*lines, "</table>"]
