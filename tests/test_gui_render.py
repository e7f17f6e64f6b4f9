"""Rendering articles into a QTextDocument: structure shows, positions line up."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot

from diptych.gui.render import LINE_SEPARATOR, DocumentBuilder, render_article
from diptych.gui.theme import render_style
from diptych.storage.document import ArticleText, BlockKind
from diptych.storage.importing import parse_article, parse_display
from diptych.storage.sample import SAMPLE_FILES, sample_bytes


def qt_text(document: QTextDocument, start: int, end: int) -> str:
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n").replace(LINE_SEPARATOR, "\n")


def assert_aligned(content: ArticleText) -> QTextDocument:
    document, positions = render_article(content, render_style())
    assert len(positions) == len(content.blocks)
    for block in content.blocks:
        start = positions.to_rendered(block.start)
        end = positions.to_rendered(block.end)
        assert qt_text(document, start, end) == content.text[block.start : block.end]
        assert positions.to_display(start) == block.start
        assert positions.to_display(end) == block.end
    return document


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_sample_articles_render_with_structure(qapp: object, name: str) -> None:
    content = parse_article(sample_bytes(name), name=name).content
    document = assert_aligned(content)
    plain = document.toPlainText()
    assert "|" not in plain.replace("||", "")  # tables are tables, not pipes
    assert "*symbolic" not in plain
    headings = [b for b in content.blocks if b.kind is BlockKind.HEADING]
    assert headings
    found = qt_positions(content, document)
    assert len(found) == len(headings)
    for block, position in zip(headings, found, strict=True):
        assert document.findBlock(position).blockFormat().headingLevel() == block.level
    if name.startswith("001"):
        assert document.rootFrame().childFrames(), "seed 001 has tables"


def qt_positions(content: ArticleText, document: QTextDocument) -> list[int]:
    """Rendered position of each heading, found by its text in the rendered document."""
    found = []
    block = document.begin()
    headings = [
        content.text[b.start : b.end] for b in content.blocks if b.kind is BlockKind.HEADING
    ]
    while block.isValid():
        if block.text() in headings:
            found.append(block.position())
        block = block.next()
    return found


def test_emphasis_and_lists_render_as_formats(qapp: object) -> None:
    content = parse_display(
        "# Title\n\nSome *stressed* word.\n\n- one\n- two\n\n1. first\n", "markdown"
    )
    document = assert_aligned(content)
    items = []
    block = document.begin()
    while block.isValid():
        if block.textList() is not None:
            items.append(block.text())
        block = block.next()
    assert items == ["one", "two", "first"]
    start = content.text.index("stressed")
    cursor = QTextCursor(document)
    _, positions = render_article(content, render_style())
    cursor.setPosition(positions.to_rendered(start) + 1)
    assert cursor.charFormat().fontItalic()


def test_astral_characters_and_line_breaks_stay_aligned(qapp: object) -> None:
    content = parse_display(
        "Faces 😀😀 and 漢字\n\n```\ncode 👩‍🔬 line\nsecond\n```\n\n|a|b|\n|-|-|\n|😀|x|\n",
        "markdown",
    )
    assert_aligned(content)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from("ab 😀漢\t*-|#"), min_size=1, max_size=12),
        min_size=1,
        max_size=8,
    )
)
def test_random_scraped_text_renders_aligned(qapp: object, lines: list[str]) -> None:
    content = parse_display("\n".join(lines), "text")
    assert_aligned(content)


def test_builder_can_work_in_slices(qtbot: QtBot) -> None:
    text = "\n".join(f"Paragraph {i} with some words 😀." for i in range(500))
    content = parse_display(text, "text")
    builder = DocumentBuilder(content, render_style())
    steps = 0
    while not builder.done:
        builder.add_blocks(37)
        steps += 1
    assert steps == -(-len(content.blocks) // 37)
    assert builder.positions.to_rendered(content.blocks[-1].start) > 0
    assert_aligned(content)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab 😀\n|-*#1.>`[]()"), max_size=120))
def test_blocks_survive_the_stored_form(text: str) -> None:
    from diptych.storage.document import blocks_from_json, blocks_to_json

    for fmt in ("text", "markdown"):
        content = parse_display(text, fmt)
        assert blocks_from_json(blocks_to_json(content.blocks)) == content.blocks
