"""Markdown as people write it: front matter, setext headings, hard breaks, lists holding
code, tables with pipes in their cells, footnotes, HTML. Every word of the file is in the
article, in order (a footnote's at the end), and headings, lists and tables show as
such."""

from __future__ import annotations

from visible_words import assert_words_in_order

from diptych.storage.document import WRAPPED_CODE, ArticleText, BlockKind, SpanStyle, check_layout
from diptych.storage.importing import parse_article

NOTES = r"""---
title: Field notes
tags: [trade, steel]
---

Field notes
===========

Second day
----------

Met the envoy[^1] and read the [brief][b], see <https://example.org/a>; the
config_file_name stays as written.
A hard break, and another\
one.

1. First point
   - nested point

     ```python
     keep_going = True
     ```
   - other point
2. Second point

- [ ] open task
- [x] done task

<div class="aside">
Words in an HTML block
</div>

[^1]: The envoy of the north.

[b]: https://example.org/brief "Brief"
""".replace("written.\n", "written.  \n")  # a hard break: two spaces at the line's end


def parse(source: str) -> ArticleText:
    article = parse_article(source.encode(), name="notes.md").content
    check_layout(article)
    return article


def cells(article: ArticleText) -> list[tuple[int, int, str]]:
    return [
        (b.row, b.col, article.text[b.start : b.end])
        for b in article.blocks
        if b.kind is BlockKind.CELL
    ]


def test_awkward_markdown_keeps_every_word_and_its_structure() -> None:
    article = parse(NOTES)
    # Markup renderers show none of: a link's reference label and definition, a code
    # block's language, the numbers of a list (kept as its items' numbers), HTML tags; a
    # footnote's reference is its number raised, the note itself comes last.
    shows = NOTES.split("[^1]:")[0].replace("[^1]", "¹")
    for markup in ("[b]", "```python", "1. ", "2. ", '<div class="aside">', "</div>"):
        shows = shows.replace(markup, "")
    assert_words_in_order(shows + " Notes The envoy of the north.", article.text)
    shown = [(b.kind, b.level, article.text[b.start : b.end]) for b in article.blocks]
    assert shown[:3] == [
        (BlockKind.CODE, WRAPPED_CODE, "title: Field notes\ntags: [trade, steel]"),  # wraps
        (BlockKind.HEADING, 1, "Field notes"),
        (BlockKind.HEADING, 2, "Second day"),
    ]
    assert (BlockKind.ITEM, 2, "nested point") in shown
    assert (BlockKind.CODE, 0, "keep_going = True") in shown
    assert (BlockKind.ITEM, 1, "[x] done task") in shown
    assert (BlockKind.PARAGRAPH, 0, "Words in an HTML block") in shown
    assert shown[-2:] == [
        (BlockKind.HEADING, 2, "Notes"),
        (BlockKind.ITEM, 1, "The envoy of the north."),
    ]
    paragraph = next(text for kind, _, text in shown if text.startswith("Met the envoy¹ "))
    assert "config_file_name stays as written.\nA hard break, and another\none." in paragraph
    styles = {(article.text[s.start : s.end], s.style) for b in article.blocks for s in b.spans}
    assert ("brief", SpanStyle.LINK) in styles
    assert not any(style is SpanStyle.EMPHASIS for _, style in styles)


def test_cells_beyond_the_header_row_are_kept() -> None:
    article = parse(
        "| Name | Note |\n|---|---|\n| grep | a \\| b |\n| awk | `x|y` |\n| sed | s | extra |\n"
    )
    assert cells(article) == [
        (0, 0, "Name"),
        (0, 1, "Note"),
        (1, 0, "grep"),
        (1, 1, "a | b"),
        (2, 0, "awk"),
        (2, 1, "`x"),
        (2, 2, "y`"),
        (3, 0, "sed"),
        (3, 1, "s"),
        (3, 2, "extra"),
    ]


def test_extra_cells_of_a_table_in_a_quote_are_read_as_inline_text() -> None:
    article = parse("> | A |\n> |---|\n> | a | *b* | [c](https://example.org) |\n")
    assert cells(article)[-3:] == [(1, 0, "a"), (1, 1, "b"), (1, 2, "c")]
    styles = [(article.text[s.start : s.end], s.style) for b in article.blocks for s in b.spans]
    assert styles == [("b", SpanStyle.EMPHASIS), ("c", SpanStyle.LINK)]
