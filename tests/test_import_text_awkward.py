"""Plain text as it comes: page breaks, tabs, long lines, lines of spaces, every kind of
line end, and text that looks like Markdown. Every word is kept in order."""

from __future__ import annotations

from visible_words import assert_words_in_order

from diptych.storage.document import ArticleText, BlockKind, check_layout
from diptych.storage.importing import parse_article


def parse(text: str) -> ArticleText:
    article = parse_article(text.encode(), name="notes.txt").content
    check_layout(article)
    return article


def shown(article: ArticleText) -> list[tuple[BlockKind, str]]:
    return [(b.kind, article.text[b.start : b.end]) for b in article.blocks]


def test_a_page_break_ends_a_line_and_is_not_kept() -> None:
    # As pdftotext writes it: the next page's first line starts with the form feed.
    text = "The last sentence of page one.\n\fThe first sentence of page two.\fAnd three."
    article = parse(text)
    assert "\f" not in article.text
    assert shown(article) == [
        (BlockKind.PARAGRAPH, "The last sentence of page one."),
        (BlockKind.PARAGRAPH, "The first sentence of page two."),
        (BlockKind.PARAGRAPH, "And three."),
    ]


def test_awkward_plain_text_keeps_every_word_in_order() -> None:
    long_line = "word " * 20_000
    text = (
        "Report on prices\r\n\r\nPrices rose in May, as expected by most traders.\r"
        "Old Mac line ends too, in a sentence that is long enough.\n \t \n"
        "Name\tPrice\tChange\n# not a heading, said the writer, who used hashes.\n"
        f"{long_line}\nThe end of the report, with *emphasis* and snake_case_name."
    )
    article = parse(text)
    assert_words_in_order(text.replace("*", ""), article.text)
    assert (BlockKind.PARAGRAPH, "# not a heading, said the writer, who used hashes.") in shown(
        article
    )
