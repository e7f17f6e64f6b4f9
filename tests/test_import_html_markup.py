"""Web pages with markup beyond plain HTML: ruby annotations, MathML formulas and XHTML
written with namespace prefixes. The article keeps the words a reader sees in the text."""

from __future__ import annotations

import pytest
from test_import_html import blocks, spans

from diptych.storage.document import BlockKind, SpanStyle, check_layout
from diptych.storage.import_html import parse_html, read_html


@pytest.mark.parametrize(
    ("page", "text"),
    [
        (
            "<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp>字<rp>(</rp><rt>ji</rt><rp>)</rp>"
            "</ruby>を読む</p>",
            "漢字を読む",
        ),
        ("<p><ruby>東<rt>とう</rt>京<rt>きょう</rt></ruby>に行く</p>", "東京に行く"),
        # End tags left out, as HTML allows: the next <rb>, <rt> or </ruby> ends them.
        ("<p><ruby><rb>東<rt>とう<rb>京<rp>(<rt>きょう<rp>)</ruby>に行く</p>", "東京に行く"),
        ("<p><ruby>明<rtc><rt>mei</rtc></ruby>日</p>", "明日"),
    ],
)
def test_ruby_readings_are_left_out_of_the_text(page: str, text: str) -> None:
    article = parse_html(page)
    check_layout(article)
    assert article.text == text


def test_a_reading_left_open_ends_with_its_paragraph() -> None:
    article = parse_html("<p><ruby>漢<rt>kan</p><p>After</p><ul><li>More</li></ul>")
    check_layout(article)
    assert article.text == "漢\nAfter\nMore"


@pytest.mark.parametrize(
    "formula",
    [
        "<math><mi>π</mi><mo>&#x2062;</mo><msup><mi>r</mi><mn>2</mn></msup></math>",
        "<math display='inline'>\n  <mrow>\n    <mi>π</mi>\n    <msup>\n      <mi>r</mi>\n"
        "      <mn>2</mn>\n    </msup>\n  </mrow>\n</math>",
        # As Wikipedia writes it: the TeX source is an annotation, not the formula.
        "<math alttext='{\\displaystyle \\pi r^{2}}'><semantics><mrow><mi>π</mi><msup>"
        "<mi>r</mi><mn>2</mn></msup></mrow><annotation encoding='application/x-tex'>"
        "{\\displaystyle \\pi r^{2}}</annotation></semantics></math>",
    ],
)
def test_a_formula_is_kept_as_its_characters(formula: str) -> None:
    article = parse_html(f"<p>The area is {formula} for a circle.</p><p>Next</p>")
    check_layout(article)
    assert article.text == "The area is πr2 for a circle.\nNext"


def test_nothing_active_in_a_formula_is_kept() -> None:
    article = parse_html(
        "<p><math><mi>x</mi><mo>=</mo><mtext><script>alert('SECRET')</script>1</mtext>"
        "<annotation-xml encoding='text/html'><p>SECRET</p></annotation-xml></math></p>"
        "<p>after</p>"
    )
    check_layout(article)
    assert "alert" not in article.text and "<" not in article.text
    assert article.text == "x=1\nafter"


XHTML = "http://www.w3.org/1999/xhtml"


@pytest.mark.parametrize("prefix", ["html", "xhtml", "h"])
def test_xhtml_elements_written_with_a_prefix_keep_their_structure(prefix: str) -> None:
    p = prefix
    article, title = read_html(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<{p}:html xmlns:{p}="{XHTML}">'
        f"<{p}:head><{p}:title>The page</{p}:title><{p}:style>p {{}}</{p}:style></{p}:head>"
        f"<{p}:body><{p}:h1>Title</{p}:h1><{p}:p>One <{p}:em>two</{p}:em></{p}:p>"
        f"<{p}:p>Three<{p}:br/>four</{p}:p><{p}:script>alert('SECRET')</{p}:script>"
        f"<{p}:ul><{p}:li>Item</{p}:li></{p}:ul></{p}:body></{p}:html>"
    )
    check_layout(article)
    assert title == "The page"
    assert blocks(article) == [
        (BlockKind.HEADING, "Title"),
        (BlockKind.PARAGRAPH, "One two"),
        (BlockKind.PARAGRAPH, "Three\nfour"),
        (BlockKind.ITEM, "Item"),
    ]
    assert spans(article) == [("two", SpanStyle.EMPHASIS, "")]


def test_prefixed_drawings_and_formulas_are_read_as_unprefixed_ones() -> None:
    article = parse_html(
        '<html xmlns:svg="http://www.w3.org/2000/svg" '
        'xmlns:m="http://www.w3.org/1998/Math/MathML"><body>'
        "<p>A <svg:svg><svg:text>SECRET</svg:text></svg:svg>formula "
        "<m:math>\n <m:mi>x</m:mi>\n <m:mn>2</m:mn>\n</m:math> here</p></body></html>"
    )
    assert article.text == "A formula x2 here"


@pytest.mark.parametrize(
    "page",
    [
        # Word's HTML: <o:p> in the Office namespace, around the paragraph's last words.
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>'
        "<p class=MsoNormal>Kept<o:p> words</o:p></p><p>Next</p></body></html>",
        # A prefix never declared, or declared for another namespace, is no XHTML element.
        "<p>Kept<html:span> words</html:span></p><p>Next</p>",
        '<p xmlns:x="urn:other">Kept<x:p> words</x:p></p><p>Next</p>',
    ],
)
def test_elements_of_other_namespaces_keep_their_text(page: str) -> None:
    article = parse_html(page)
    check_layout(article)
    assert article.text == "Kept words\nNext"
