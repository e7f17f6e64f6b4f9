"""Markdown articles into display text and blocks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diptych.storage.document import (
    WRAPPED_CODE,
    ArticleText,
    Block,
    BlockKind,
    SpanStyle,
    check_layout,
)
from diptych.storage.import_markdown import make_markdown_parser, parse_markdown


def texts(article: ArticleText, kind: BlockKind | None = None) -> list[str]:
    return [article.text[b.start : b.end] for b in article.blocks if kind in (None, b.kind)]


def spans(article: ArticleText) -> list[tuple[str, SpanStyle, str]]:
    return [
        (article.text[s.start : s.end], s.style, s.href) for b in article.blocks for s in b.spans
    ]


def only(article: ArticleText, kind: BlockKind) -> list[Block]:
    return [b for b in article.blocks if b.kind is kind]


def test_parser_has_raw_html_off_and_tables_on() -> None:
    parser = make_markdown_parser()
    assert parser.options["html"] is False
    tokens = parser.parse("| a |\n|---|\n| b |\n\n~~s~~")
    assert any(t.type == "table_open" for t in tokens)
    assert any(c.type == "s_open" for t in tokens for c in t.children or [])


def test_headings_with_levels() -> None:
    article = parse_markdown("# One\n\ntext\n\n## Two\n\n### Three\n\nSetext\n---")
    check_layout(article)
    assert [(h.level, h.text) for h in article.outline()] == [
        (1, "One"),
        (2, "Two"),
        (3, "Three"),
        (2, "Setext"),
    ]


def test_paragraph_breaks() -> None:
    article = parse_markdown("soft\nbreak and hard  \nbreak\\\nagain")
    assert article.text == "soft break and hard\nbreak\nagain"


def test_inline_styles() -> None:
    article = parse_markdown("Some *em*, **strong**, `code` and ***both***.")
    assert article.text == "Some em, strong, code and both."
    assert spans(article) == [
        ("em", SpanStyle.EMPHASIS, ""),
        ("strong", SpanStyle.STRONG, ""),
        ("code", SpanStyle.CODE, ""),
        ("both", SpanStyle.STRONG, ""),  # one style per run: the stronger wins
    ]


def test_links_keep_only_web_and_mail_targets() -> None:
    article = parse_markdown(
        "[web](https://example.com/a) [mail](mailto:x@example.com) [rel](page.html) "
        "[ftp](ftp://example.com) [js](javascript:alert(1)) <https://auto.example/>"
    )
    links = [(text, href) for text, style, href in spans(article) if style is SpanStyle.LINK]
    assert links == [
        ("web", "https://example.com/a"),
        ("mail", "mailto:x@example.com"),
        ("https://auto.example/", "https://auto.example/"),
    ]
    assert "rel" in article.text and "ftp" in article.text
    assert not any("javascript" in href for _, _, href in spans(article))


def test_emphasis_inside_a_link_keeps_the_link() -> None:
    article = parse_markdown("[a *b* c](http://x.example)")
    assert spans(article) == [("a b c", SpanStyle.LINK, "http://x.example")]


def test_lists_with_nesting_and_numbers() -> None:
    article = parse_markdown("- a\n- b\n  - c\n    1. d\n\n7. seven\n8. eight\n")
    items = only(article, BlockKind.ITEM)
    assert texts(article, BlockKind.ITEM) == ["a", "b", "c", "d", "seven", "eight"]
    assert [(b.level, b.number) for b in items] == [
        (1, 0),
        (1, 0),
        (2, 0),
        (3, 1),
        (1, 7),
        (1, 8),
    ]


def test_loose_list_item_with_two_paragraphs() -> None:
    article = parse_markdown("- first para\n\n  second para\n- next\n")
    assert [(b.kind, article.text[b.start : b.end]) for b in article.blocks] == [
        (BlockKind.ITEM, "first para"),
        (BlockKind.PARAGRAPH, "second para"),
        (BlockKind.ITEM, "next"),
    ]


def test_tables_with_header_row() -> None:
    article = parse_markdown("| H1 | H2 |\n|----|----|\n| a | *b* |\n| c |  |\n")
    check_layout(article)
    cells = only(article, BlockKind.CELL)
    assert [(b.row, b.col, b.header, article.text[b.start : b.end]) for b in cells] == [
        (0, 0, True, "H1"),
        (0, 1, True, "H2"),
        (1, 0, False, "a"),
        (1, 1, False, "b"),
        (2, 0, False, "c"),
    ]
    assert article.text == "H1\tH2\na\tb\nc"


def test_two_tables_are_numbered() -> None:
    article = parse_markdown("| a |\n|---|\n| b |\n\ntext\n\n| c |\n|---|\n")
    assert sorted({b.table for b in only(article, BlockKind.CELL)}) == [0, 1]


def test_code_blocks_keep_their_lines() -> None:
    article = parse_markdown("```python\ndef f():\n    return 1\n```\n\n    indented\n    code\n")
    assert texts(article, BlockKind.CODE) == ["def f():\n    return 1", "indented\ncode"]


def test_block_quotes() -> None:
    article = parse_markdown("> quoted one\n>\n> quoted two\n\nafter")
    assert [(b.kind, article.text[b.start : b.end]) for b in article.blocks] == [
        (BlockKind.QUOTE, "quoted one"),
        (BlockKind.QUOTE, "quoted two"),
        (BlockKind.PARAGRAPH, "after"),
    ]


def test_images_become_their_alt_text_in_brackets_and_are_not_links() -> None:
    article = parse_markdown("See ![a *chart* of sales](http://tracker.example/x.png) here.")
    assert article.text == "See [Image: a chart of sales] here."
    assert not any("tracker" in href for _, _, href in spans(article))


def test_thematic_break_and_strikethrough() -> None:
    article = parse_markdown("above\n\n---\n\n~~gone~~ kept")
    assert article.text == "above\ngone kept"


def test_deep_nesting_keeps_the_text() -> None:
    # markdown-it drops what lies past its nesting limit; the parser keeps it as text
    article = parse_markdown("> " * 500 + "deep\n\n" + "- " * 500 + "item\n\nafter")
    check_layout(article)
    assert [w for w in article.text.split() if w.isalpha()] == ["deep", "item", "after"]


_MARKDOWNISH = st.lists(
    st.sampled_from(
        [
            *"ab *_`#>-|[]()!\\\n",
            *["1. ", "- ", "| a |", "|---|", "```", "**", "<b>", "http://x"],
            *["[^1]", "[^a]: ", "    ", "</b>", "<sup>", "<script>", "<div>\n", "<br>"],
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=200)
@given(st.one_of(st.text(), _MARKDOWNISH))
def test_any_markdown_gives_a_valid_layout(text: str) -> None:
    check_layout(parse_markdown(text))


def test_code_block_keeps_the_indentation_of_its_first_line() -> None:
    from diptych.storage.importing import parse_display

    content = parse_display("```\n    indented()\nnext\n```\n", "markdown")
    assert content.text == "    indented()\nnext"


def test_many_styled_runs_in_one_block_stay_linear() -> None:
    from diptych.storage.document import SpanStyle
    from diptych.storage.text_builder import TextBuilder

    builder = TextBuilder()
    for number in range(20_000):
        builder.add(f"w{number} ", SpanStyle.STRONG if number % 2 else None)
    built = builder.build()
    assert len(built.blocks) == 1 and built.text.startswith("w0 w1")
    assert len(built.blocks[0].spans) == 10_000


def test_front_matter_is_code_that_wraps_and_other_code_is_not() -> None:
    article = parse_markdown(
        "---\ntitle: A long title\n---\n\n```yaml\ntitle: code\n```\n\n    indented\n"
    )
    assert [(b.kind, b.level, article.text[b.start : b.end]) for b in article.blocks] == [
        (BlockKind.CODE, WRAPPED_CODE, "title: A long title"),
        (BlockKind.CODE, 0, "title: code"),
        (BlockKind.CODE, 0, "indented"),
    ]
