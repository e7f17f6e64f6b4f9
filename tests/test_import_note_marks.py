"""Footnote markers written right after a word (``began<sup><a href="#fn1">1</a></sup>``)
stay in the article, in brackets, so that the word before them is still a word of its own:
found by search, quoted and exported whole. Exponents and other superscripts are raised
("10⁶", not "106"), and the notes at the end of the page are kept, without their links back to the
markers ("↩")."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from visible_words import assert_words_in_order

from diptych.storage.cli import main
from diptych.storage.document import ArticleText, BlockKind, SpanStyle, check_layout
from diptych.storage.importing import parse_article

NOTED_PAGE = """<html><body><h1>Talks</h1>
<p>The talks began<sup><a href="#fn1" id="r1">1</a></sup> on Monday and
ended<sup>2</sup>; both sides<a href="#fn3" class="footnote-ref"><sup>3</sup></a> agreed.
Delegates<sup class="reference"><a href="#cite_note-4">[4]</a></sup> left, as
planned<sup>*</sup>.</p>
<p>Water is H<sub>2</sub>O, E=mc<sup>2</sup>, a room of 20 m<sup>2</sup>, the
1<sup>st</sup> round, 10<sup>6</sup> people.</p>
<section class="footnotes"><hr><ol><li id="fn1">First note. <a href="#r1">↩</a></li>
<li>Second note.</li><li id="fn3">Third note.</li></ol></section>
</body></html>"""
NOTED_SHOWS = (
    "Talks The talks began 1 on Monday and ended 2 both sides 3 agreed. Delegates 4 left, as "
    "planned. Water is H₂O, E=mc², a room of 20 m², the 1st round, 10⁶ people. "
    "First note. Second note. Third note."
)


def parse(page: str) -> ArticleText:
    article = parse_article(page.encode(), name="talks.html").content
    check_layout(article)
    return article


def test_a_footnote_marker_after_a_word_is_kept_in_brackets_and_the_notes_too() -> None:
    article = parse(NOTED_PAGE)
    assert_words_in_order(NOTED_SHOWS, article.text)
    shown = [(b.kind, article.text[b.start : b.end]) for b in article.blocks]
    assert shown[1] == (
        BlockKind.PARAGRAPH,
        "The talks began[1] on Monday and ended[2]; both sides[3] agreed. Delegates[4] left, "
        "as planned[*].",
    )
    assert shown[2] == (
        BlockKind.PARAGRAPH,
        "Water is H₂O, E=mc², a room of 20 m², the 1st round, 10⁶ people.",
    )
    assert shown[3:] == [
        (BlockKind.HEADING, "Notes"),  # under a heading of their own, as Markdown's notes
        (BlockKind.ITEM, "First note."),
        (BlockKind.ITEM, "Second note."),
        (BlockKind.ITEM, "Third note."),
    ]


def test_citations_and_affiliations_after_a_word_are_kept_in_brackets() -> None:
    article = parse(
        "<p>Ann Smith<sup>1,2</sup> and Bo Li<sup>2</sup> showed it before<sup>5\u20137</sup>"
        " and since<sup>12, 14-16</sup>.</p>"
    )
    assert article.text == (
        "Ann Smith[1,2] and Bo Li[2] showed it before[5\u20137] and since[12, 14-16]."
    )


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ('<p>Exports fell.<sup><a href="#n">1</a></sup> The union', "Exports fell.[1] The union"),
        ("<p>Exports fell,<sup>2</sup> the union</p>", "Exports fell,[2] the union"),
        ("<p>It said “no deal.”<sup>3</sup></p>", "It said “no deal.”[3]"),
        ('<p>(see the table)<sup><a href="#n">4</a></sup></p>', "(see the table)[4]"),
        # a number after a number, a unit or a short word is no marker: it stays raised
        ("<p>Rose to 10.<sup>3</sup></p>", "Rose to 10.³"),
        ("<p>Said “no.”<sup>2</sup></p>", "Said “no.”²"),
        ("<p>Cost $3 ...<sup>1</sup></p>", "Cost $3 ...¹"),
    ],
)  # fmt: skip
def test_a_marker_after_the_stop_or_quote_closing_a_word_is_kept_in_brackets(
    page: str, text: str
) -> None:
    assert parse(page).text == text


def test_a_marker_keeps_its_link_and_style() -> None:
    article = parse(
        '<p>See the report<sup><a href="https://example.org/notes#n1">1</a></sup> and '
        "<b>the vote<sup>2</sup></b> and the rest<sup><i>3</i>, 4 </sup>more.</p>"
    )
    assert article.text == "See the report[1] and the vote[2] and the rest[3, 4] more."
    styled = [(article.text[s.start : s.end], s.style) for b in article.blocks for s in b.spans]
    assert styled == [
        ("[1]", SpanStyle.LINK),
        ("the vote[2]", SpanStyle.STRONG),
        ("[3", SpanStyle.EMPHASIS),
    ]


@pytest.mark.parametrize(
    ("page", "text"),
    [
        (
            "<p>Open<sup>1 and the rest, much longer than a marker</p><p>Next</p>",
            "Open1 and the rest, much longer than a marker\nNext",
        ),
        ("<p>Broken<sup>2<p>Next</p>", "Broken[2]\nNext"),
        ("<p>Line<sup>3<br>after</sup> the break</p>", "Line[3]\nafter the break"),
        ("<p>Cut short<sup>4", "Cut short[4]"),
    ],
)
def test_a_superscript_left_open_loses_no_words(page: str, text: str) -> None:
    assert parse(page).text == text


def test_the_word_before_a_footnote_marker_is_found(tmp_path: Path) -> None:
    page = tmp_path / "talks.html"
    page.write_text(NOTED_PAGE, encoding="utf-8")
    project = tmp_path / "p.diptych"
    out = io.StringIO()
    assert main(["import", str(project), str(page)], stdout=out, stderr=out) == 0
    found_as = (("began", "[began]"), ("ended", "[ended]"), ("mc", "[mc]²"), ("10", "[10]⁶"))
    for word, found in found_as:
        out = io.StringIO()
        assert main(["search", str(project), word], stdout=out, stderr=out) == 0, word
        assert found in out.getvalue()
