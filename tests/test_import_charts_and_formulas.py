"""Charts drawn inline in news pages (``<svg>`` with ``<title>``, ``<desc>`` and axis
labels in ``<text>``) are pictures, not the article's words: left out, as an image is, while
the figure's caption is kept; nothing a drawing links to or loads is kept. A MathML formula
keeps its characters, without its TeX annotation."""

from __future__ import annotations

from visible_words import assert_words_in_order

from diptych.storage.document import BlockKind, check_layout
from diptych.storage.importing import parse_article

CHART_PAGE = """<html><head><title>Prices</title></head><body><h1>Prices</h1>
<figure><svg role="img" aria-labelledby="t1" viewBox="0 0 100 50"><title id="t1">Bar chart
of LABEL prices</title><desc>LABEL prices rose</desc><g><rect width="10" height="20"/>
<text x="0" y="45">LABEL2019</text><text x="20" y="45">LABEL2024</text></g>
<a href="https://evil.example/"><text>LABELclick</text></a>
<image href="https://track.example/p.png"/></svg><figcaption>Prices by year.</figcaption>
</figure><p>The area is <math display="inline"><mi>π</mi><msup><mi>r</mi><mn>2</mn></msup>
</math> and <math><semantics><mrow><mi>x</mi><mo>≤</mo><mn>3</mn></mrow><annotation
encoding="application/x-tex">x \\le 3</annotation></semantics></math> here.</p>
</body></html>"""


def test_a_charts_labels_are_left_out_and_its_caption_and_formulas_kept() -> None:
    parsed = parse_article(CHART_PAGE.encode(), name="prices.html")
    article = parsed.content
    check_layout(article)
    assert parsed.title == "Prices"
    assert_words_in_order("Prices Prices by year. The area is πr2 and x≤3 here.", article.text)
    assert "LABEL" not in article.text and "example" not in article.text
    assert "\\le" not in article.text
    assert [(b.kind, article.text[b.start : b.end]) for b in article.blocks] == [
        (BlockKind.HEADING, "Prices"),
        (BlockKind.PARAGRAPH, "Prices by year."),
        (BlockKind.PARAGRAPH, "The area is πr2 and x≤3 here."),
    ]
    assert not any(block.spans for block in article.blocks)  # no link to the drawing's


def test_words_a_drawing_holds_as_html_are_kept_and_its_labels_after_them_left_out() -> None:
    # A <foreignObject> holds HTML that browsers show in the drawing, such as a chart's
    # note; the labels drawn after it are still the drawing's.
    page = (
        "<p>Before</p><svg><text>LABEL</text><foreignObject><div><p>Inside <b>words</b></p>"
        "</div></foreignObject><text>LABEL</text><g><title>LABEL</title></g></svg><p>After</p>"
    )
    article = parse_article(page.encode(), name="chart.html").content
    check_layout(article)
    assert article.text == "Before\nInside words\nAfter"
