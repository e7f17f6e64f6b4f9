"""Struck-out text keeps its strike-through: "The toll was ~~12~~ 14" read "12 14", the
corrected-away figure as part of the text."""

from __future__ import annotations

import pytest

from diptych.storage.document import SpanStyle, blocks_from_json, blocks_to_json
from diptych.storage.importing import parse_article


def struck(name: str, data: str) -> tuple[str, list[str]]:
    content = parse_article(data.encode(), name=name).content
    words = [
        content.text[span.start : span.end]
        for block in content.blocks
        for span in block.spans
        if span.style is SpanStyle.STRIKE
    ]
    return content.text, words


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "toll.md",
            "The toll was ~~12~~ 14, <s>struck</s>, <strike>old</strike> <del>gone</del>.\n",
        ),
        (
            "toll.html",
            "<p>The toll was <del>12</del> 14, <s>struck</s>, <strike>old</strike>"
            " <del>gone</del>.</p>",
        ),
    ],
)
def test_struck_out_words_are_kept_struck(name: str, data: str) -> None:
    text, words = struck(name, data)
    assert text == "The toll was 12 14, struck, old gone."
    assert words == ["12", "struck", "old", "gone"]


def test_a_struck_word_in_bold_text_shows_struck() -> None:
    _text, words = struck("b.html", "<p><b>Dead: <del>12</del> 14</b></p>")
    assert words == ["12"]


def test_struck_text_is_stored_and_read_back() -> None:
    blocks = parse_article(b"Was ~~12~~ 14.\n", name="t.md").content.blocks
    read = blocks_from_json(blocks_to_json(blocks))
    assert read == blocks
    assert [span.style for block in read for span in block.spans] == [SpanStyle.STRIKE]
