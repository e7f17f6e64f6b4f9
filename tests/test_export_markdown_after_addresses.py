"""A ``<`` just after a bare address stays text in viewers that make addresses links.

markdown-it with ``linkify`` (VS Code's Markdown preview, with raw HTML on) takes
everything up to a space or a ``<`` into a bare address, the backslash escaping a ``<`` too
(``https://example.org/report\\<img …>``): the ``<`` then opened a tag, and the picture
loaded. Notes, memos, quotes, titles and table cells are written so that it cannot."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from note_viewers import window_reader

from diptych.storage.export_markdown_notes import note_markdown
from diptych.storage.export_markdown_text import escape_cell, escape_text
from diptych.storage.exporting import ExportOptions, export_project
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project

pytest.importorskip("linkify_it")  # a dependency of the window's: here with it
LINKIFYING = MarkdownIt("gfm-like", {"html": True, "linkify": True})
"""A viewer that makes bare addresses links and shows raw HTML, as VS Code's preview."""
WINDOW = window_reader()
PASTED = "Source: https://example.org/report<img src=https://tracker.example/p.png>"

PIECES = [
    "https://e.org/a", "www.e.org/p", "e.org/x", "a@e.org", "http://x.example/p?q=1", "<",
    "<img src=https://t.example/p.png>", "<b>", "</b>", "<!--", "<?x", "\\", "`", " ", ".",
    "x", "!", "[l](https://e.org/)", "<https://e.org/auto>", "\n", "\n\n", "> ", "- ",
]  # fmt: skip


def _raw_html(markdown: str) -> list[str]:
    """The raw HTML the viewer would pass on, reading ``markdown``."""
    found = []
    for token in LINKIFYING.parse(markdown):
        if token.type == "html_block":
            found.append(token.content)
        for child in token.children or []:
            if child.type == "html_inline":
                found.append(child.content)
    return found


def _shown(rendered: str) -> str:
    """The text a reader sees of ``rendered`` HTML."""
    return html.unescape(re.sub(r"<[^>]*>", "", rendered))


@pytest.mark.parametrize(
    "note",
    [
        PASTED,
        "https://example.org/report\\<img src=https://tracker.example/p.png>",  # escaped
        "http://x.example/p<script>alert(1)</script>",
        "www.example.org/a/b<b>bold</b> and mail a@example.org<i>x</i>",
        "Read example.org/report<!-- hidden -->",
    ],
)
def test_html_after_an_address_in_a_note_stays_text(note: str) -> None:
    written = note_markdown(note)
    assert _raw_html(written) == []
    assert _shown(LINKIFYING.render(written)) == _shown(WINDOW.render(note))


def test_a_note_without_an_address_keeps_its_escapes() -> None:
    assert note_markdown("if a<b and <b>bold</b>") == "if a\\<b and \\<b>bold\\</b>"


def test_code_keeps_its_characters() -> None:
    note = "`https://e.org/a\\<b>` and\n\n    https://e.org/a<b>"
    assert note_markdown(note) == note


@pytest.mark.parametrize("escape", [escape_text, escape_cell])
def test_html_after_an_address_in_a_quote_stays_text(escape: object) -> None:
    assert callable(escape)
    written = escape(PASTED)
    assert written.startswith("Source: https://example.org/report<&#105;mg src=")
    assert _raw_html(written) == []


@settings(max_examples=300, derandomize=True)
@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
@example("e.org/x\\\\<b>")  # an escaped backslash, then a "<" of its own
def test_no_note_passes_html_to_a_linkifying_viewer(note: str) -> None:
    written = note_markdown(note)
    assert _raw_html(written) == [], written


def test_the_markdown_export_passes_no_html_after_an_address(tmp_path: Path) -> None:
    body = f"# Title\n\nSee {PASTED.replace('<', '&lt;')} here.\n".encode()
    with Project.open(tmp_path / "p.diptych", create=True, name="Addresses") as project:
        article = project.articles.add(parsed=parse_article(body, name="a.md"))
        tag = project.tags.add(name="Claim")
        project.memos.set(kind=MemoKind.PROJECT, text=PASTED)
        text = project.articles.get(article_id=article.id).text
        start = text.index("Source")
        project.annotations.add(
            article_id=article.id, start=start, end=text.index(" here"), tag_ids=[tag.id],
            note=f"Note: {PASTED}",
        )  # fmt: skip
        markdown = export_project(project, fmt="md", options=ExportOptions()).decode("utf-8")
    assert markdown.count("https://example.org/report<&#105;mg") == 3  # memo, quote, note
    assert _raw_html(markdown) == []
