"""An inline quote (``<q>``) reads with the quotation marks a browser shows around it:
"said <q>the mayor</q>" read "said the mayor", as if the words were the writer's own."""

from __future__ import annotations

import pytest

from diptych.storage.importing import parse_article


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("q.html", "<p>He said <q>she said <q>no</q> twice</q>.</q></p>"),
        ("q.md", "He said <q>she said <q>no</q> twice</q>.</q>\n"),
    ],
)
def test_an_inline_quote_reads_with_its_quotation_marks(name: str, data: str) -> None:
    """Double marks outside, single within; an end tag left over adds none."""
    text = parse_article(data.encode(), name=name).content.text
    assert text == "He said “she said ‘no’ twice”."
