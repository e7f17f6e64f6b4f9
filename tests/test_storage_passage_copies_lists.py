"""Passages copied out keep the bullets and numbers of the list items they quote from
their start (Ctrl+C in the Passages list, without a window), read from where an article's
items are without making every block of it."""

from __future__ import annotations

import json
from pathlib import Path

from diptych.storage.document import Block, BlockKind, ItemMark, blocks_to_json, item_marks
from diptych.storage.importing import parse_article
from diptych.storage.passage_copies import copied_passages
from diptych.storage.project import Project

MARKDOWN = "Before.\n\n1. one\n2. two\n    - nested\n\nAfter.\n"


def quoted(tmp_path: Path, quote: str) -> str:
    with Project.open(tmp_path / "p.diptych", create=True) as project:
        article = project.articles.add(parsed=parse_article(MARKDOWN.encode(), name="a.md"))
        text = project.articles.get(article_id=article.id).text
        start = text.index(quote)
        passage = project.annotations.add(
            article_id=article.id, start=start, end=start + len(quote)
        )
        copied = copied_passages(project, [passage.id])
    return copied[1 : copied.index("”\n— ")]


def test_items_quoted_from_their_start_keep_their_markers(tmp_path: Path) -> None:
    assert quoted(tmp_path, "Before.\none\ntwo\nnested\nAfter") == (
        "Before.\n1. one\n2. two\n    • nested\nAfter"
    )


def test_an_item_taken_from_its_middle_or_ending_where_one_starts(tmp_path: Path) -> None:
    assert quoted(tmp_path, "ne\ntwo\n") == "ne\n2. two\n"


def test_one_item_is_quoted_as_its_words(tmp_path: Path) -> None:
    assert quoted(tmp_path, "two") == "two"


def test_item_marks_read_both_forms_of_stored_blocks() -> None:
    blocks = (
        Block(BlockKind.PARAGRAPH, 0, 7),
        Block(BlockKind.ITEM, 8, 11, level=1, number=1, marker="1"),
        Block(BlockKind.ITEM, 12, 18, level=2),
    )
    expected = [ItemMark(8, 11, 1, 1, "1"), ItemMark(12, 18, 2, 0, "")]
    assert item_marks(blocks_to_json(blocks)) == expected
    older = json.dumps(
        [
            {"k": "paragraph", "s": 0, "e": 7},
            {"k": "item", "s": 8, "e": 11, "l": 1, "n": 1},
            {"k": "item", "s": 12, "e": 18, "l": 2},
        ]
    )
    assert item_marks(older) == [ItemMark(8, 11, 1, 1, ""), ItemMark(12, 18, 2, 0, "")]
