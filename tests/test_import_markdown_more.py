"""More Markdown as people write it: definition lists (which CommonMark does not know),
``<details>`` blocks, headings closed with #'s, emphasis across line ends, entities, link
text holding brackets and images. Every word is kept, in order; headings and emphasis show
as such; an image is its alt text (the words a reader is told it shows), never a fetch."""

from __future__ import annotations

from visible_words import assert_words_in_order

from diptych.storage.document import BlockKind, SpanStyle, check_layout
from diptych.storage.importing import parse_article

NOTES = """# Glossary #

## Terms ##########

Tariff
: A tax on imports, *paid
at the border* by **the
importer**.

<details>
<summary>More context</summary>

Hidden words stay.

</details>

A&nbsp;B &amp;nbsp; C &#x2014; D &mdash; E &copy; F.

See [the [annexed] table](https://example.org/t) and [a \\[b\\] c](https://example.org/b).

![Chart of tariff rates](https://img.example/chart.png "Rates") and
[![Logo of the agency](logo.png)](https://example.org/agency).

### C# ###
"""


def test_more_awkward_markdown_keeps_every_word_and_its_structure() -> None:
    parsed = parse_article(NOTES.encode(), name="glossary.md")
    article = parsed.content
    check_layout(article)
    assert_words_in_order(
        "Glossary Terms Tariff A tax on imports, paid at the border by the importer. "
        "More context Hidden words stay. "
        "A B nbsp C D E F. See the annexed table and a b c. "
        "Chart of tariff rates and Logo of the agency. C#",
        article.text,
    )
    shown = [(b.kind, b.level, article.text[b.start : b.end]) for b in article.blocks]
    assert shown[:4] == [
        (BlockKind.HEADING, 1, "Glossary"),
        (BlockKind.HEADING, 2, "Terms"),
        (BlockKind.PARAGRAPH, 0, "Tariff"),  # a definition indented under its term
        (BlockKind.PARAGRAPH, 1, "A tax on imports, paid at the border by the importer."),
    ]
    assert shown[-1] == (BlockKind.HEADING, 3, "C#")
    # a <details> block shows its summary, and the Markdown inside it, without the tags
    assert (BlockKind.PARAGRAPH, 0, "More context") in shown
    assert (BlockKind.PARAGRAPH, 0, "Hidden words stay.") in shown
    assert "details" not in article.text and "summary" not in article.text
    assert (BlockKind.PARAGRAPH, 0, "A\xa0B &nbsp; C \u2014 D \u2014 E \u00a9 F.") in shown
    styled = {
        (article.text[s.start : s.end], s.style, s.href) for b in article.blocks for s in b.spans
    }
    assert ("paid at the border", SpanStyle.EMPHASIS, "") in styled
    assert ("the importer", SpanStyle.STRONG, "") in styled
    assert ("the [annexed] table", SpanStyle.LINK, "https://example.org/t") in styled
    assert ("a [b] c", SpanStyle.LINK, "https://example.org/b") in styled
    assert ("[Image: Logo of the agency]", SpanStyle.LINK, "https://example.org/agency") in styled
    assert not any("img.example" in href or "png" in href for _, _, href in styled)
