"""The Markdown notes read as written in Pandoc too, whose Markdown reads more than
CommonMark does: ``@smith2004`` a citation, ``2^10^`` a superscript, ``{.unnumbered}``
after a heading its attributes, ``--`` a dash, ``a.`` or ``(a)`` at a line's start a list.
Quotes, titles, sections and tag names have those escaped (straight quotes and ``...``,
which Pandoc curls and joins, read the same: they are left as written, the file
readable); each escape reads as the character in CommonMark as well (markdown-it-py),
which is checked without Pandoc, as is that nothing Pandoc would read is left unescaped.
Where Pandoc is installed, it renders the notes themselves."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from diptych.storage.export_markdown_text import escape_cell, escape_text
from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

LINES = [
    "@nytimes cited [@smith2004, p. 3] and -@doe",
    "2^10^ bytes, H~2~O",
    "Results {.unnumbered}",
    "Run it with --force, not ---all",
    "a. the first point",
    "(a) the first point",
    "iv) the fourth",
    ": a definition",
    "::: a fenced div",
]
# What Pandoc's Markdown would read as more than its characters, unescaped: anywhere, and
# at a line's start (a cell of a table is none).
_PANDOC_INLINE = re.compile(r"(?<!\\)[@^{]|(?<!\\)-(?=-)")
_PANDOC_START = re.compile(r"^(?:[A-Za-z]|[ivxlcdmIVXLCDM]+)[.)]\s|^[(:]")


def pandoc_markup(markdown: str, *, line: bool = True) -> bool:
    """True if Pandoc would read some of one line of ``markdown`` as markup."""
    found = _PANDOC_INLINE.search(markdown)
    return found is not None or (line and _PANDOC_START.search(markdown) is not None)


def commonmark_text(markdown: str) -> str:
    """What a CommonMark reader shows of one paragraph of Markdown."""
    [_, inline, _] = MarkdownIt("commonmark").parse(markdown)
    return "".join(child.content for child in inline.children or [])


@pytest.mark.parametrize("line", LINES)
def test_a_line_pandoc_would_read_as_markup_is_escaped_to_read_as_written(line: str) -> None:
    for escaped in (escape_text(line), escape_cell(line)):
        assert commonmark_text(escaped) == line
    assert not pandoc_markup(escape_text(line)), escape_text(line)
    assert not pandoc_markup(escape_cell(line), line=False), escape_cell(line)


PAGE = """<html><head><title>Wire</title></head><body><h1>Wire @nytimes</h1>
<h2>Results {.unnumbered}</h2>
<p>@nytimes cited [@smith2004, p. 3]: 2^10^ runs with --force... "quoted", it's so.</p>
<p>a. the first point</p>
</body></html>"""
QUOTE = '@nytimes cited [@smith2004, p. 3]: 2^10^ runs with --force... "quoted", it\'s so.'


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The notes of a passage over both paragraphs, tagged "Results {.unnumbered}"."""
    path = tmp_path_factory.mktemp("pandoc") / "wire.diptych"
    with Project.create(path) as project:
        added = project.articles.add(parsed=parse_article(PAGE.encode(), name="wire.html"))
        text = project.articles.get(article_id=added.id).text
        tag = project.tags.add(name="Results {.unnumbered}")
        start = text.index("@nytimes cited")
        end = text.index("first point") + len("first point")
        project.annotations.add(article_id=added.id, start=start, end=end, tag_ids=[tag.id])
        return export_project(project, fmt="md").decode("utf-8")


def shown(page: str) -> list[str]:
    """The words of each paragraph and heading of an HTML page, as a browser shows them
    (a no-break space as a space)."""
    blocks = re.findall(r"<(p|h[1-6])\b[^>]*>(.*?)</\1>", page, re.DOTALL)
    words = (html.unescape(re.sub(r"<[^>]+>", "", inner)) for _, inner in blocks)
    return [" ".join(text.replace("\xa0", " ").split()) for text in words]


TYPESET = str.maketrans("‘’“”", "''\"\"")


def check(page: str, *, typeset: bool = False) -> None:
    """The export's words as written in ``page``; ``typeset``: with Pandoc's curly quotes
    and ellipsis read as the straight ones and three dots they set."""
    blocks = shown(page)
    if typeset:
        blocks = [block.translate(TYPESET).replace("…", "...") for block in blocks]
    assert QUOTE in blocks and "a. the first point" in blocks
    assert "Results {.unnumbered}" in blocks  # the tag's heading
    assert any(block.startswith("— Wire @nytimes · § Results {.unnumbered}") for block in blocks)


def test_the_notes_read_as_written_in_commonmark(notes: str) -> None:
    check(MarkdownIt("commonmark").render(notes))
    for line in notes.splitlines():
        if any(words in line for words in ("nytimes", "first point", "unnumbered")):
            assert not pandoc_markup(line.removeprefix("> ").removeprefix("## ")), line


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="Pandoc is not installed")
def test_the_notes_read_as_written_in_pandoc(notes: str, tmp_path: Path) -> None:
    source = tmp_path / "notes.md"
    source.write_text(notes, encoding="utf-8")
    page = subprocess.run(
        [str(shutil.which("pandoc")), "--citeproc", "-f", "markdown", "-t", "html", str(source)],
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    ).stdout
    check(page, typeset=True)
    assert "<sup>" not in page and "citation" not in page
