"""Raw HTML in Markdown articles, read for its words: nothing in it is ever run or fetched.

Markdown lets an author write HTML among the text (``a <b>bold</b> word``, a ``<div>`` or
``<table>`` of its own). Shown as the characters it is, it read "a <b>bold</b> word". Here
the parser finds it as CommonMark says (its ``html`` option, for reading only: the
importer walks tokens and never renders HTML), and:

- an inline tag that only formats its text shows its text, in the style the app already
  has for it: ``<b>``/``<strong>`` as strong text, ``<i>``/``<em>`` as emphasis,
  ``<code>``/``<kbd>`` as code, ``<del>``/``<s>``/``<strike>`` struck out, ``<br>`` as a
  line break, and ``<sup>`` and ``<sub>``
  raised or lowered ("x²", "H₂O", "v_max", as :mod:`diptych.storage.raised_text` writes
  them); ``<u>``, ``<mark>``,
  ``<span>``, ``<small>``, ``<abbr>`` show their text alone;
- ``<a href>`` is a link if its address is one an article keeps (http, https, mailto),
  else its text alone;
- any other tag (``<img>``, ``<iframe>``, an unknown one) is dropped and its text kept,
  but ``<script>`` and ``<style>``, whose text is code, go with everything in them;
- comments and other markup that is not a tag are dropped;
- a block of HTML (a ``<div>``, a ``<table>``) is read as the web page importer reads a
  page (:mod:`diptych.storage.import_html`), into the same blocks.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import NamedTuple

from markdown_it import MarkdownIt

from diptych.storage.document import SpanStyle
from diptych.storage.html_structure import tag_set

STYLED: dict[str, SpanStyle] = {
    **dict.fromkeys(("b", "strong"), SpanStyle.STRONG),
    **dict.fromkeys(("i", "em"), SpanStyle.EMPHASIS),
    **dict.fromkeys(("code", "kbd"), SpanStyle.CODE),
    **dict.fromkeys(("del", "s", "strike"), SpanStyle.STRIKE),
}
"""Inline tags shown in a style of their own."""
SHIFTED = tag_set("sup sub")
"""Inline tags whose text is raised or lowered."""
HIDDEN = tag_set("script style")
"""Tags dropped with everything in them."""


def read_raw_html(parser: MarkdownIt) -> None:
    """Let ``parser`` find raw HTML in an article, as tokens to read (never to render)."""
    parser.options["html"] = True


class Tag(NamedTuple):
    """An inline HTML tag as written in an article."""

    name: str
    closing: bool
    href: str = ""


def read_tag(markup: str) -> Tag | None:
    """The tag ``markup`` is (``"<b>"``, ``"</a>"``, ``'<a href="...">'``), or None for a
    comment, a declaration or anything else that is not a tag."""
    reader = _TagReader()
    reader.feed(markup)
    reader.close()
    return reader.tag


class _TagReader(HTMLParser):
    """Reads the one tag of an inline HTML token, its character references resolved."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tag: Tag | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.tag is None:
            href = next((value or "" for name, value in attrs if name == "href"), "")
            self.tag = Tag(tag, False, href)

    def handle_endtag(self, tag: str) -> None:
        if self.tag is None:
            self.tag = Tag(tag, True)
