"""Links in exported notes: no note reaches another's definitions, no refused address is live.

The Markdown export is one file holding every note and memo, opened by other people in
viewers that may be far less careful than the window.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from export_fixtures import fixed_options
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from note_viewers import window_reader

from diptych.storage.export_markdown_notes import note_markdown
from diptych.storage.export_markdown_text import note_lines
from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project

WINDOW = window_reader()
"""Notes as the window reads them: raw HTML off, images as the export writes them."""
VIEWER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
"""A careful viewer: raw HTML on, but javascript:, file: and data: links refused."""
PERMISSIVE = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
PERMISSIVE.validateLink = lambda url: True  # type: ignore[method-assign]
"""A viewer that makes a link of any address."""

PIECES = [
    "[", "]", "(", ")", "[1]", "[1]: ", "[r]", "[R]: ", "[]", "[^1]", ": ", " ", "\n", "\n\n",
    "> ", "- ", "`", "\\", "<", ">", "!", "https://e.org/", "javascript:alert(1)",
    "&#106;avascript:x", "file:///etc/passwd", "data:text/html,x", " \"t\"", "x", "*",
]  # fmt: skip


def _addresses(rendered_tokens: list) -> list[str]:
    found = []
    for token in rendered_tokens:
        for child in [token, *(token.children or [])]:
            for name in ("href", "src"):
                value = child.attrGet(name)
                if value is not None:
                    found.append(str(value))
    return found


@pytest.mark.parametrize(
    "note",
    [
        "[x](javascript:alert(1))",
        "[x](JavaScript:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](java&#9;script:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](\njavascript:alert(1))",
        "> [x](\n> javascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](file:///etc/passwd)",
        "![x](file:///etc/passwd)",
        "<javascript:alert(1)>",
        "<FILE:///etc/passwd>",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[r]\n\n[r]:\n  javascript:alert(1)",
        "- [x][r]\n\n  [r]: data:text/html,x",
    ],
)
def test_a_refused_address_reads_as_written_even_in_a_permissive_viewer(note: str) -> None:
    exported = note_markdown(note)
    tokens = PERMISSIVE.parse(exported)
    for address in _addresses(tokens):
        assert address.lower().startswith(("http", "mailto", "#")), (note, exported, address)
    if "&#9;" not in note:  # a careful viewer links "java%09script:", which runs nothing
        assert VIEWER.render(exported) == WINDOW.render(note)


@pytest.mark.parametrize(
    ("note", "href"),
    [
        ("[x](https://example.org/a_(b))", "https://example.org/a_(b)"),
        ("[x](mailto:a@example.org)", "mailto:a@example.org"),
        ("<https://example.org/[1]>", "https://example.org/%5B1%5D"),
        ("[x](notes/other.md)", "notes/other.md"),
        ("[x](zotero://select/items/ABC)", "zotero://select/items/ABC"),
        ("![p](data:image/png;base64,iVBO)", "data:image/png;base64,iVBO"),
    ],
)
def test_other_links_are_left_as_written(note: str, href: str) -> None:
    assert note_markdown(note) == note
    assert href in _addresses(PERMISSIVE.parse(note_markdown(note)))


def test_a_notes_references_reach_only_its_own_definitions() -> None:
    note = (
        "See [the report][1], [Smith 2020] and [it][].\n\n"
        "[1]: https://a.example/report\n[smith  2020]: https://a.example/smith\n"
        "[It]: https://a.example/it 'title'"
    )
    exported = note_markdown(note)
    assert VIEWER.render(exported) == WINDOW.render(note)
    other = note_markdown("Also [1], [Smith 2020] and [it].")
    rendered = VIEWER.render(other + "\n\n" + exported)
    assert rendered.startswith("<p>Also [1], [Smith 2020] and [it].</p>")  # never links
    assert exported.count("[1]") == 0 and exported.count("[Smith 2020]") == 1


def test_footnotes_are_renamed_where_they_stand_and_addresses_left_alone() -> None:
    note = "A claim[^1] and [x](https://e.org/[1]).\n\n[^1]: Smith2020\n[1]: https://e.org/"
    exported = note_markdown(note)
    suffix = exported.split("[^1-", 1)[1][:8]
    assert f"claim[^1-{suffix}] and" in exported and f"[^1-{suffix}]: Smith2020" in exported
    assert "(https://e.org/[1])" in exported
    other = note_markdown("Another claim[^1].\n\n[^1]: Jones2021")
    rendered = VIEWER.render(exported + "\n\n" + other)
    assert rendered.count('href="Smith2020"') == 1 and rendered.count('href="Jones2021"') == 1


def _unsuffixed(html: str) -> str:
    """``html`` without the suffixes of renamed footnote labels, shown by viewers without
    footnotes."""
    return re.sub(r"(\^[^<>\]]*?)-[0-9a-f]{8}", r"\1", html)


@settings(max_examples=400)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_any_note_reads_as_in_the_window_with_no_refused_address_live(note: str) -> None:
    exported = note_markdown(note)
    assert _unsuffixed(VIEWER.render(exported)) == WINDOW.render(note)
    for address in _addresses(PERMISSIVE.parse(exported)):
        lowered = address.lower().lstrip()
        assert not lowered.startswith(("javascript:", "file:", "data:", "vbscript:")), address


def test_two_notes_with_the_same_labels_each_link_to_their_own_address(tmp_path: Path) -> None:
    body = b"# Title\n\nFirst paragraph here.\n\nSecond paragraph there.\n"
    with Project.open(tmp_path / "p.diptych", create=True, name="Refs") as project:
        article = project.articles.add(parsed=parse_article(body, name="a.md"))
        tag = project.tags.add(name="Claim")
        project.memos.set(
            kind=MemoKind.PROJECT, target_id=None, text="Sources: [1]\n\n[1]: https://memo.example/"
        )
        notes = {
            "First": "see [the report][1]\n\n[1]: https://first.example/",
            "Second": "read [the paper][1]\n\n[1]: https://second.example/paper",
            "paragraph": "as shown in [1].",
        }
        text = project.articles.get(article_id=article.id).text
        for word, note in notes.items():
            start = text.index(word)
            project.annotations.add(
                article_id=article.id, start=start, end=start + len(word), tag_ids=[tag.id],
                note=note,
            )  # fmt: skip
        exported = export_project(project, fmt="md", options=fixed_options()).decode("utf-8")
    html = VIEWER.render(exported)
    assert '<a href="https://first.example/">the report</a>' in html
    assert '<a href="https://second.example/paper">the paper</a>' in html
    assert '<a href="https://memo.example/">1</a>' in html
    assert "as shown in [1].</p>" in html  # a citation, not a link into another note


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=20).map("".join),
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=20).map("".join),
)
def test_one_note_never_changes_how_the_next_reads(first: str, second: str) -> None:
    one, two = ("\n".join(note_lines(note)) for note in (first, second))
    if not first.strip() or not second.strip():
        return
    together = VIEWER.render(f"{one}\n\n^a\n\n{two}")
    assert together == VIEWER.render(f"{one}\n\n^a") + VIEWER.render(two)


def test_a_mail_link_naming_a_file_to_attach_reads_as_written() -> None:
    for note in (
        "[send](mailto:desk@example.org?attach=/home/me/.ssh/id_rsa)",
        "<mailto:desk@example.org?attach=/etc/passwd>",
        "[send][m]\n\n[m]: mailto:desk@example.org?Attachment=/etc/passwd",
    ):
        assert not _addresses(PERMISSIVE.parse(note_markdown(note))), note
    kept = "[write](mailto:desk@example.org?subject=Trade)"
    assert note_markdown(kept) == kept


def test_an_obsidian_comment_opened_in_a_note_hides_nothing_after_it() -> None:
    note = "Growth of 5%% since %%2019, see `a %% b` and\n\n```\n%% in code\n```"
    exported = note_markdown(note)
    assert exported == ("Growth of 5%\\% since %\\%2019, see `a %% b` and\n\n```\n%% in code\n```")
    assert VIEWER.render(exported) == WINDOW.render(note)
