"""Raw HTML in Markdown articles: its words and harmless formatting are kept, its tags are
not shown, and nothing in it is kept that could run or fetch anything."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diptych.storage.document import ArticleText, BlockKind, SpanStyle, check_layout
from diptych.storage.import_markdown import make_markdown_parser, parse_markdown


def styled(article: ArticleText) -> list[tuple[str, SpanStyle, str]]:
    return [
        (article.text[s.start : s.end], s.style, s.href) for b in article.blocks for s in b.spans
    ]


@pytest.mark.parametrize(
    ("markup", "style"),
    [
        ("<b>inline html</b>", SpanStyle.STRONG),
        ("<strong>inline html</strong>", SpanStyle.STRONG),
        ("<i>inline html</i>", SpanStyle.EMPHASIS),
        ("<em>inline html</em>", SpanStyle.EMPHASIS),
        ("<code>inline html</code>", SpanStyle.CODE),
        ("<kbd>inline html</kbd>", SpanStyle.CODE),
        ("<u>inline html</u>", None),
        ("<s>inline html</s>", SpanStyle.STRIKE),
        ("<del>inline html</del>", SpanStyle.STRIKE),
        ("<strike>inline html</strike>", SpanStyle.STRIKE),
        ("<mark>inline html</mark>", None),
        ("<span class='x'>inline html</span>", None),
        ("<small>inline html</small>", None),
        ('<abbr title="t">inline html</abbr>', None),
    ],
)
def test_a_harmless_inline_tag_shows_its_text_in_its_style(
    markup: str, style: SpanStyle | None
) -> None:
    article = parse_markdown(f"Some {markup} here.")
    assert article.text == "Some inline html here."
    assert styled(article) == ([("inline html", style, "")] if style else [])


def test_line_breaks_and_raised_and_lowered_digits() -> None:
    article = parse_markdown(
        "E = mc<sup>2</sup>, H<sub>2</sub>O, a<sup>b</sup><br>next<br/>line<br>\nlast"
    )
    assert article.text == "E = mc², H₂O, a^b\nnext\nline\nlast"


@pytest.mark.parametrize(
    "markup",
    [
        '<img src="http://tracker.example/p.gif" alt="pic">',
        '<iframe src="http://evil.example/"></iframe>',
        "<video src=http://evil.example/v.mp4></video>",
        '<a href="javascript:alert(1)">',
        "<a href=' JaVaScRiPt:alert(1)'>",
        '<a href="data:text/html,x">',
        '<link rel="stylesheet" href="http://evil.example/s.css">',
        "<unknown-tag>",
        '<object data="http://evil.example/o">',
        '<div onclick="alert(1)">',
        "<!-- a comment -->",
    ],
)
def test_any_other_tag_is_dropped_and_its_text_kept(markup: str) -> None:
    close = f"</{markup[1:].split()[0].rstrip('>')}>" if markup[1].isalpha() else ""
    article = parse_markdown(f"Before {markup}words{close} after.")
    assert article.text == "Before words after."
    assert styled(article) == []


def test_a_link_keeps_a_safe_address_only() -> None:
    article = parse_markdown(
        'A <a href="https://example.org/a?b=1&amp;c=2">safe</a> and '
        '<a href="javascript:alert(1)">unsafe</a> <a>bare</a> link.'
    )
    assert article.text == "A safe and unsafe bare link."
    assert styled(article) == [("safe", SpanStyle.LINK, "https://example.org/a?b=1&c=2")]


def test_script_and_style_go_with_everything_in_them() -> None:
    article = parse_markdown(
        "One <script>alert('x')</script>two <style>p { color: red }</style>three "
        "<SCRIPT type=module>import('http://evil.example')</SCRIPT>four."
    )
    assert article.text == "One two three four."


def test_an_unclosed_script_hides_no_more_than_its_paragraph() -> None:
    article = parse_markdown("One <script>hidden\n\nNext paragraph.")
    assert article.text == "One\nNext paragraph."


def test_a_block_of_html_is_read_as_a_web_page() -> None:
    article = parse_markdown(
        "Intro.\n\n"
        '<div class="note">\n<h3>Aside</h3>\n<p>Some <b>bold</b> words.</p>\n'
        '<script>alert(1)</script><img src="http://x.example/y.png">\n</div>\n\n'
        "<table>\n<tr><th>Key</th><th>Value</th></tr>\n<tr><td>a</td><td>1</td></tr>\n"
        "</table>\n\n| Markdown |\n|---|\n| table |\n\n<!-- a comment -->\n\nEnd."
    )
    check_layout(article)
    assert article.text.split("\n") == [
        *["Intro.", "Aside", "Some bold words.", "Key\tValue", "a\t1"],
        *["Markdown", "table", "End."],
    ]
    kinds = [(b.kind, b.level, b.table, b.row, b.col) for b in article.blocks]
    assert kinds[1:3] == [(BlockKind.HEADING, 3, -1, -1, -1), (BlockKind.PARAGRAPH, 0, -1, -1, -1)]
    assert kinds[3:9] == [
        (BlockKind.CELL, 0, 0, 0, 0),
        (BlockKind.CELL, 0, 0, 0, 1),
        (BlockKind.CELL, 0, 0, 1, 0),
        (BlockKind.CELL, 0, 0, 1, 1),
        (BlockKind.CELL, 0, 1, 0, 0),  # the Markdown table after it is a table of its own
        (BlockKind.CELL, 0, 1, 1, 0),
    ]
    assert ("bold", SpanStyle.STRONG, "") in styled(article)


def test_html_in_a_quote_and_a_list_item_stays_there() -> None:
    article = parse_markdown("> <p>quoted</p>\n\n- <p>listed</p>\n")
    assert [(b.kind, article.text[b.start : b.end]) for b in article.blocks] == [
        (BlockKind.QUOTE, "quoted"),
        (BlockKind.ITEM, "listed"),
    ]


def test_the_parser_of_notes_still_has_raw_html_off() -> None:
    # only the article importer reads raw HTML, as tokens, and never renders it
    assert make_markdown_parser().options["html"] is False


_PIECES = st.sampled_from(
    [
        *["a", "b ", "\n", "*", "_"],
        *["<b>", "</b>", "<i>", "</em>", "<sup>", "</sup>", "<sub>", "1", "<br>", "<code>"],
        *["<script>", "</script>", "<script>alert(1)</script>", "<style>alert{}</style>"],
        *["<!--", "-->"],
        *["<a href='javascript:alert(1)'>", "<a href=https://x.example/>", "</a>"],
        *["<img src=http://evil.example/i.png>", "<iframe src=http://evil.example>"],
        *["<div>", "</div>", "<table>", "<td>", "\n\n", "[^1]", "[^1]: ", "> ", "- "],
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_raw_html_never_brings_a_script_or_a_remote_address(source: str) -> None:
    article = parse_markdown(source)
    check_layout(article)
    assert "<script" not in article.text and "alert" not in article.text
    assert "evil.example" not in article.text
    for _, style, href in styled(article):
        assert style is not SpanStyle.LINK or href == "https://x.example/"
