"""A web page's selection as a note's Markdown: links kept (the safe ones), emphasis,
headings, lists, quotes and code as Markdown, nothing run or loaded."""

from __future__ import annotations

import re

import pytest

from diptych.storage.html_to_markdown import html_to_markdown
from diptych.storage.note_markdown import NoteRenderer

WINDOW = NoteRenderer()


def links(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', html)


def test_links_keep_their_addresses_as_the_note_then_shows_them() -> None:
    markdown = html_to_markdown(
        '<p>See <a href="https://example.org/x?a=1&amp;b=2">the [draft] notice</a>, '
        '<a href="https://en.wikipedia.org/wiki/Mercury_(planet)">Mercury</a> and '
        '<a href="mailto:desk@example.org">the desk</a>.</p>'
    )
    assert markdown == (
        "See [the \\[draft\\] notice](https://example.org/x?a=1&b=2), "
        "[Mercury](<https://en.wikipedia.org/wiki/Mercury_(planet)>) and "
        "[the desk](mailto:desk@example.org)."
    )
    assert links(WINDOW.render(markdown)) == [
        ("https://example.org/x?a=1&amp;b=2", "the [draft] notice"),
        ("https://en.wikipedia.org/wiki/Mercury_(planet)", "Mercury"),
        ("mailto:desk@example.org", "the desk"),
    ]


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "/relative", ""]
)
def test_a_link_of_another_kind_gives_its_words_alone(href: str) -> None:
    markdown = html_to_markdown(f'<b>Read</b> <a href="{href}">words</a> after')
    assert markdown == "**Read** words after"


def test_scripts_styles_and_pictures_give_no_text_nor_address() -> None:
    markdown = html_to_markdown(
        "<html><head><title>T</title><style>b{}</style><script>alert(1)</script></head>"
        '<body><p><b>Chart:</b> <img src="https://tracker.example/p.png" alt="exports by year">'
        "<script>document.write(1)</script><noscript>no</noscript> done</p></body></html>"
    )
    assert markdown == "**Chart:** exports by year done"


def test_blocks_become_markdown() -> None:
    markdown = html_to_markdown(
        "<h2>Findings</h2><p>Some <b>bold</b>, <em>italic</em> and <code>x = 1</code>"
        "<br>on a new line.</p><ul><li>one</li><li>two</li></ul><ol start=3><li>three</li>"
        "</ol><blockquote><p>quoted</p></blockquote><p>after</p><pre>def f():\n    pass</pre>"
        "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"
    )
    assert markdown == (
        "## Findings\n\nSome **bold**, *italic* and `x = 1`  \non a new line.\n\n"
        "- one\n- two\n\n3. three\n\n> quoted\n>\n\nafter\n\n```\ndef f():\n    pass\n```\n\n"
        "A | B\n1 | 2"
    )
    shown = WINDOW.render(markdown)
    for part in (
        "<strong>Findings</strong>",
        "<strong>bold</strong>",
        "<em>italic</em>",
        "<li>one</li>",
        "<blockquote>",
    ):
        assert part in shown, shown


def test_a_page_without_words_gives_nothing() -> None:
    assert html_to_markdown("<html><body><script>x</script> </body></html>") == ""


def test_the_pages_words_read_as_themselves() -> None:
    markdown = html_to_markdown(
        "<p># of votes</p><p>1999. A year</p><p>- a dash</p>"
        "<p>5 * 3, a_b, _x_, [1], C:\\Users, `x` and #tag</p><ul><li># in an item</li></ul>"
    )
    assert markdown == (
        "\\# of votes\n\n1999\\. A year\n\n\\- a dash\n\n"
        "5 \\* 3, a_b, \\_x\\_, \\[1\\], C:\\\\Users, \\`x\\` and #tag\n\n- \\# in an item"
    )
    assert WINDOW.render(markdown) == (
        "<p># of votes</p>\n<p>1999. A year</p>\n<p>- a dash</p>\n"
        "<p>5 * 3, a_b, _x_, [1], C:\\Users, `x` and #tag</p>\n<ul>\n<li># in an item</li>\n</ul>"
    )


def test_html_keeping_nothing_markdown_would_gives_nothing() -> None:
    # As a code editor copies Markdown: coloured lines, the plain text saying it all.
    editor = (
        '<div style="white-space: pre;"><div><span style="color: #569cd6;">**bold**</span>'
        "<span> and [x](https://example.org)</span></div><div><span># heading</span></div>"
        "</div>"
    )
    assert html_to_markdown(editor) == ""
    assert html_to_markdown("<p>Just <span>words</span></p>") == ""
