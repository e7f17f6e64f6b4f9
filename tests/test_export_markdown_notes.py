"""Notes in the Markdown export: Markdown kept, raw HTML shown as text as in the window."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from note_viewers import window_reader

from diptych.storage.export_markdown_notes import note_markdown
from diptych.storage.export_markdown_text import note_lines

WINDOW = window_reader()
"""Notes as the window reads them: raw HTML off, images as the export writes them."""
VIEWER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
"""Notes as most Markdown viewers read them: raw HTML on."""

PIECES = [
    "<", ">", "/", "!", "?", "b", "x", "script", "-", "`", "``", "\\", "\n", "\n\n", " ",
    "    ", "*", "_", "[", "]", "(", ")", "|", "&amp;", "&", "#", "> ", "- ", "1. ", "```",
    "~~~", "https:", "@", ".", "=", '"',
]  # fmt: skip


def test_raw_html_becomes_text() -> None:
    note = "Line two <script>alert(1)</script> and <b>bold</b>\n\n<div>\nblock\n</div>"
    escaped = note_markdown(note)
    assert escaped == (
        "Line two \\<script>alert(1)\\</script> and \\<b>bold\\</b>\n\n\\<div>\nblock\n\\</div>"
    )
    rendered = VIEWER.render(escaped)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered and "<b>" not in rendered
    assert rendered == WINDOW.render(note)


def test_markdown_and_code_are_left_as_written() -> None:
    for note in (
        "*em* **strong** [link](https://example.org) <https://example.org> <a@b.org>",
        "- one\n- two\n\n1. first",
        "a `<b>` code span and ``x ` <i>`` another",
        "```html\n<b>in a fence</b>\n```",
        "    <b>indented code</b>",
        "a < b, <3, &amp; &lt;b&gt;",
    ):
        assert note_markdown(note) == note


def test_a_code_span_does_not_reach_into_the_next_paragraph() -> None:
    assert note_markdown("a ` b\n\n<b>x</b> `") == "a ` b\n\n\\<b>x\\</b> `"


@settings(max_examples=500)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_a_viewer_shows_any_note_as_the_window_does(note: str) -> None:
    escaped = note_markdown(note)
    tokens = VIEWER.parse(escaped)
    assert not any(t.type == "html_block" for t in tokens)
    assert not any(c.type == "html_inline" for t in tokens for c in t.children or [])
    assert VIEWER.render(escaped) == WINDOW.render(note)


@pytest.mark.parametrize(
    ("note", "shown"),
    [
        ("## Revenue (est.) *\n\nUp 4%.", "Revenue (est.) *"),
        ("## * Caveat\n\nSmall sample.", "* Caveat"),
        ("# Summary of findings *", "Summary of findings *"),
        ("## Key findings*", "Key findings*"),
        ("## Shared folder D:\\", "Shared folder D:\\"),
        ("## _draft_ notes_", "<em>draft</em> notes_"),
        ("## *em* heading", "<em>em</em> heading"),
        ("## heading *em*", "heading <em>em</em>"),
        ("## **a*", "*<em>a</em>"),
        ("## ends escaped \\*", "ends escaped *"),
        ("## two \\\\", "two \\"),
        ("Underlined *\n===", "Underlined *"),
        ("## **Findings**", "Findings"),
        ("- ## * In a list *", None),
    ],
)
def test_a_heading_reads_as_written_in_its_bold_line(note: str, shown: str | None) -> None:
    rendered = VIEWER.render("\n".join(note_lines(note)))
    if shown is None:
        assert "<strong>* In a list *</strong>" in rendered, rendered
    else:
        assert rendered.startswith(f"<p><strong>{shown}</strong></p>"), rendered


ENDS = st.lists(st.sampled_from(["*", "_", "\\", " ", "."]), max_size=2).map("".join)


@settings(max_examples=500)
@given(ENDS, ENDS)
def test_any_heading_reads_in_its_bold_line_as_in_the_window(start: str, end: str) -> None:
    note = f"## {start}x *em* y{end}"  # stars, underscores, backslashes at either end
    heading = WINDOW.render(note).strip()
    assert heading.startswith("<h2>") and heading.endswith("</h2>"), heading
    shown = VIEWER.render("\n".join(note_lines(note))).strip()
    assert _text(shown) == _text(heading), shown  # the heading's very characters
    # All of it bold (italic the heading's own emphasis, inside or outside the bold).
    without_em = re.sub("</?em>", "", shown)
    assert without_em.startswith("<p><strong>") and without_em.endswith("</strong></p>"), shown
    assert without_em.count("<strong>") == 1, shown  # its own bold within the line's


def _text(html: str) -> str:
    return re.sub("<[^>]*>", "", html)
