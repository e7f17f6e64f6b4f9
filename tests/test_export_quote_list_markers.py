"""A quote over several list items shows each item's marker as the window shows it, in the
Markdown notes read by a CommonMark reader (markdown-it-py; and Pandoc, where it is
installed) and in the HTML report: numbers counting down, after a list's own start or
from 0 and below, letters and roman numerals, and a parent's next item after its nested
list. CommonMark numbers a list's items on from its first, so each output is rendered
and read back as a reader sees it, not compared as text."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

PAGE = """<html><head><title>Lists</title></head><body><h1>Lists</h1>
<ol type="a"><li>Alpha item</li><li>Beta item</li></ol>
<p>Between.</p>
<ol type="I" start="3"><li>Roman three</li><li>Roman four</li></ol>
<ol reversed><li>Down three</li><li>Down two</li><li>Down one</li></ol>
<ol><li>First</li><li>Second</li></ol><ol start="7"><li>Seventh</li><li>Eighth</li></ol>
<p>Middle.</p>
<ol start="5"><li>Fifth item<ol><li>Nested a</li><li>Nested b</li></ol></li><li>Sixth item</li></ol>
<p>Then.</p>
<ol start="0"><li>Zero item</li><li>One item</li></ol>
<ol reversed start="1"><li>Rev one</li><li>Rev zero</li><li>Rev minus one</li></ol>
<ol type="I"><li>Part one<ol><li>Step one</li></ol></li><li>Part two</li></ol>
<p>End.</p>
</body></html>"""

QUOTES = {  # in the order of the notes: where they start
    ("Alpha item", "Beta item"): ["a. Alpha item", "b. Beta item"],
    ("Roman three", "Roman four"): ["III. Roman three", "IV. Roman four"],
    ("Down three", "Down one"): ["3. Down three", "2. Down two", "1. Down one"],
    ("First", "Eighth"): ["1. First", "2. Second", "7. Seventh", "8. Eighth"],
    ("Second", "Seventh"): ["2. Second", "7. Seventh"],
    ("Fifth item", "Sixth item"): [
        "5. Fifth item",
        "  1. Nested a",
        "  2. Nested b",
        "6. Sixth item",
    ],
    ("Nested a", "Sixth item"): ["  1. Nested a", "  2. Nested b", "6. Sixth item"],
    ("Zero item", "One item"): ["0. Zero item", "1. One item"],
    ("Rev one", "Rev minus one"): ["1. Rev one", "0. Rev zero", "-1. Rev minus one"],
    ("Part one", "Part two"): ["I. Part one", "  1. Step one", "II. Part two"],
}
# The quote whose nesting every output shows: Markdown cannot nest an item quoted without
# its parent, nor one under a marker written as text (a list after a paragraph, indented
# as lists are).
NESTED = ("Fifth item", "Sixth item")


def markers(quotes: list[list[str]]) -> list[list[str]]:
    """The lines of each quote without their nesting."""
    return [[line.strip() for line in quote] for quote in quotes]


def check(quotes: list[list[str]]) -> None:
    """The quotes hold the items of QUOTES, each with its marker, nested as it is."""
    assert markers(quotes) == markers(list(QUOTES.values()))
    assert quotes[list(QUOTES).index(NESTED)] == QUOTES[NESTED]


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The Markdown notes and the HTML report of a passage over each quote's items."""
    path = tmp_path_factory.mktemp("markers") / "markers.diptych"
    with Project.create(path) as project:
        added = project.articles.add(parsed=parse_article(PAGE.encode(), name="lists.html"))
        text = project.articles.get(article_id=added.id).text
        tag = project.tags.add(name="Lists")
        for first, last in QUOTES:
            start = text.index(first)
            end = text.index(last, start) + len(last)
            project.annotations.add(article_id=added.id, start=start, end=end, tag_ids=[tag.id])
        return {fmt: export_project(project, fmt=fmt).decode("utf-8") for fmt in ("md", "html")}


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


class _Quotes(HTMLParser):
    """The items and paragraphs of each block quote of an HTML page as a reader sees them:
    each item's marker as a browser numbers it, indented two spaces per list it is nested
    in (the report indents a nested item by its style)."""

    def __init__(self) -> None:
        super().__init__()
        self.quotes: list[list[str]] = []
        self._lists: list[list[object]] = []  # [ordered, type, next number]
        self._line: list[str] | None = None
        self._depth = 0
        self._quoted = False  # within a block quote

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        given = dict(attrs)
        if tag == "blockquote":
            self.quotes.append([])
            self._quoted = True
        elif tag in ("ol", "ul"):
            self._close_line()
            start = int(given.get("start") or 1)
            self._lists.append([tag == "ol", given.get("type") or "1", start])
        elif tag == "li":
            self._close_line()
            ordered, kind, number = self._lists[-1]
            number = int(given["value"]) if given.get("value") else number
            self._lists[-1][2] = int(str(number)) + 1
            nested = len(self._lists) - 1 + (1 if "margin-inline-start" in str(given) else 0)
            self._depth = nested
            self._line = [_marker(ordered, str(kind), int(str(number))) + " "]
        elif tag == "p" and self._quoted:
            self._close_line()
            self._line = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "blockquote":
            self._close_line()
            self._quoted = False
        elif tag in ("ol", "ul"):
            self._close_line()
            self._lists.pop()
        elif tag in ("li", "p"):
            self._close_line()

    def handle_data(self, data: str) -> None:
        if self._line is not None:
            self._line.append(data)

    def _close_line(self) -> None:
        if self._line is not None and self._quoted:
            words = " ".join("".join(self._line).split())
            if words and not words.startswith("—"):  # the citation
                self.quotes[-1].append("  " * (self._depth if self._lists else 0) + words)
        self._line = None


def _marker(ordered: bool, kind: str, number: int) -> str:
    if not ordered:
        return "•"
    if kind in "aA" and 0 < number <= 26:
        letter = _LETTERS[number - 1]
        return (letter.upper() if kind == "A" else letter) + "."
    if kind in "iI" and 0 < number <= 10:
        return (_ROMAN[number] if kind == "I" else _ROMAN[number].lower()) + "."
    return f"{number}."


def seen(html: str) -> list[list[str]]:
    """The lines of each block quote of ``html`` (of the notes' passages: not empty)."""
    reader = _Quotes()
    reader.feed(html)
    return [quote for quote in reader.quotes if quote]


def test_the_markdown_notes_show_each_items_marker_as_the_window_does(
    exports: dict[str, str],
) -> None:
    check(seen(MarkdownIt("commonmark").render(exports["md"])))


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="Pandoc is not installed")
def test_pandoc_shows_each_items_marker_as_the_window_does(exports: dict[str, str]) -> None:
    pandoc = str(shutil.which("pandoc"))
    html = subprocess.run(
        [pandoc, "-f", "markdown", "-t", "html"],
        input=exports["md"],
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    ).stdout
    check(seen(html))


def test_the_html_report_shows_each_items_marker_as_the_window_does(
    exports: dict[str, str],
) -> None:
    check(seen(exports["html"]))
    assert '<ol type="I"><li dir="auto" value="3">Roman three</li>' in exports["html"]


def test_a_marker_markdown_cannot_number_is_written_as_text(exports: dict[str, str]) -> None:
    """Escaped, so that no reader makes a list of it ("III. " starts one in Pandoc)."""
    notes = exports["md"]
    assert "> III\\. Roman three\n>\n> IV\\. Roman four\n" in notes
    assert "> 2. Second\n>\n> 7) Seventh\n" in notes  # a list of its own, numbered from 7
