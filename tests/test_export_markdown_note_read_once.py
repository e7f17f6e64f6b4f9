"""A note is read once for the Markdown export: its blocks, read to escape what it holds,
also set out its headings and lists (it was read twice in full, and a long note took a
good part of a second). Set out first and escaped after, as before, it reads the same."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from diptych.storage import export_markdown_text
from diptych.storage.export_markdown_notes import note_markdown
from diptych.storage.export_markdown_text import _lines, _parser, _set_out, note_lines

LABEL_SUFFIX = re.compile(r"-[0-9a-f]{8}(?=\])")
LONG_NOTE = (
    "# Heading\nSome **bold** text, a link https://example.org/page?id=1 and <b>html</b>.\n"
    "- item one\n- item two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
) * 60

PIECES = [
    "# Title", "## Sub #", "Under\n===", "- item", "1. one", "> quote", "```", "~~~", "    code",
    "<b>bold</b>", "x.org/a<i>", "![i](https://e.org/i.png)", "[1]: https://e.org/",
    "[1]", "text", "\n", "\n\n", " ", "*", "#", "- # In a list", "> ## In a quote",
    "      <i>indented</i>",
]  # fmt: skip


def test_a_long_note_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from diptych.storage import export_markdown_notes

    reads: list[int] = []
    for module in (export_markdown_notes, export_markdown_text):
        parser = module._parser()

        def counted(text: str, env: Any = None, parse: Any = parser.parse) -> Any:
            reads.append(len(text))
            return parse(text, env)

        monkeypatch.setattr(parser, "parse", counted)
    lines = note_lines(LONG_NOTE)
    assert len(reads) == 1
    assert "**Heading**" in lines and "\\<b>html\\</b>." in "\n".join(lines)


def _set_out_then_escaped(note: str) -> list[str]:
    """The note as it was written before: set out, then escaped."""
    lines = _lines(note)
    set_out = _set_out(lines, _parser().parse("\n".join(lines)))
    return note_markdown("\n".join(set_out)).strip("\n").split("\n")


@settings(max_examples=300, derandomize=True)
@given(st.lists(st.sampled_from(PIECES), min_size=2, max_size=14).map("\n".join))
@example("# Title <b>x</b>\ntext\n- item\n```\nopen")
@example("- # In a list\n      <b>code</b>, then text")  # the code is the bold line's text
def test_escaped_then_set_out_reads_as_set_out_then_escaped(note: str) -> None:
    # The labels' suffix is the note's own either way, made from the text as read.
    assert _any_suffix(note_lines(note)) == _any_suffix(_set_out_then_escaped(note))


def _any_suffix(lines: list[str]) -> list[str]:
    return [LABEL_SUFFIX.sub("-note", line) for line in lines]
