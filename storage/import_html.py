"""Web pages, read with the standard library's forgiving HTML parser.

Pages are untrusted: nothing in them is fetched or run. Only the article's words and their
structure are kept: headings, paragraphs, list items, table cells, preformatted code and
block quotes, with emphasis, strong text, inline code and links (http, https and mailto
only) as spans. Scripts, styles, embedded objects, media and form controls are dropped
with everything inside them, except that a paragraph, heading or other block inside a
button ends the button: browsers show those, and a page that leaves a button open (or
misspells ``</button>``) would otherwise lose every word after it. Likewise an ``<svg>``
or ``<math>`` left open ends where browsers end it, at the next paragraph, list, table or
styled text.

Navigation, footers and asides are kept as ordinary text: scraped pages often put real
content there (bylines, captions, related facts, the article itself on some sites), and a
stray menu costs the reader a glance while a lost paragraph cannot be noticed at all.

Whitespace collapses as in a browser, except inside ``<pre>``. Broken markup (unclosed
tags, stray end tags) is handled the way browsers mostly do: a new list item closes the
previous one, a new cell the previous cell, a block closes an open paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from html.parser import HTMLParser
from urllib.parse import unquote

from diptych.storage.decoding import normalise_newlines
from diptych.storage.document import ArticleText, BlockKind, SpanStyle, TextBuilder
from diptych.storage.html_structure import (
    BLOCK_TAGS,
    HEADINGS,
    Context,
    OpenBlock,
    OpenElements,
    child_context,
    tag_set,
)

_DROPPED = tag_set(
    "script style noscript template iframe object embed svg math canvas video audio head "
    "select textarea button datalist option input keygen applet noembed noframes frameset "
    "meter progress"
)
# Start tags that end an open <svg> or <math> (the HTML standard's list for foreign content).
_BREAKS_OUT_OF_SVG = tag_set(
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i "
    "img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt "
    "u ul var"
)
_VOID = tag_set("area base br col embed hr img input keygen link meta param source track wbr")
_HEAD_CONTENT = tag_set("title meta link style script base noscript template")
_INLINE_STYLES = {
    **dict.fromkeys(tag_set("em i cite dfn var"), SpanStyle.EMPHASIS),
    **dict.fromkeys(tag_set("strong b"), SpanStyle.STRONG),
    **dict.fromkeys(tag_set("code kbd samp tt"), SpanStyle.CODE),
}
_STYLE_RANK = (SpanStyle.CODE, SpanStyle.STRONG, SpanStyle.EMPHASIS)
_ALLOWED_SCHEMES = tag_set("http https mailto")
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")


def allowed_href(href: str) -> str:
    """``href`` if it is an http, https or mailto address, else "" (the link is dropped).

    A mail link that names a file to attach is dropped too: some mail programs attach
    the named file (``mailto:a@b.org?attach=~/.ssh/id_rsa``) to the message they open.
    """
    href = href.strip()
    scheme, colon, rest = href.partition(":")
    if not colon or scheme.lower() not in _ALLOWED_SCHEMES:
        return ""
    if any(ord(ch) < 0x20 or ch == "\x7f" for ch in href):
        return ""
    if scheme.lower() == "mailto" and _names_attachment(rest):
        return ""
    return href


def _names_attachment(mail: str) -> bool:
    """True if a mailto address's query has a field whose name begins with "attach"."""
    _, _, query = unquote(mail).partition("?")
    fields = re.split(r"[&;]", query) if query else []
    return any(f.partition("=")[0].strip().lower().startswith("attach") for f in fields)


def parse_html(text: str) -> ArticleText:
    """Read a web page into display text and blocks."""
    return read_html(text)[0]


def read_html(text: str) -> tuple[ArticleText, str]:
    """Read a web page.

    Args:
        text: the decoded page.

    Returns:
        The article's display text with its structure, and the page's ``<title>`` ("" if
        it has none).
    """
    reader = _PageReader()
    reader.feed(normalise_newlines(text))
    reader.close()
    return reader.finish(), " ".join(" ".join(reader.title).split())


class _PageReader(HTMLParser):
    """Turns parser events into blocks; see the module docstring for the rules."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self._title_state = "before"  # "before", "inside", "done"
        self._builder = TextBuilder()
        self._elements = OpenElements(Context())
        self._dropped = OpenElements(Context())  # open elements whose content is dropped
        self._block: OpenBlock | None = None
        self._tables = 0
        self._styles: Counter[SpanStyle] = Counter()
        self._href: str | None = None
        self._pre_start = False  # just inside <pre>, where a first newline is not content

    def finish(self) -> ArticleText:
        """The finished article (call after :meth:`close`)."""
        self._end_block()
        return self._builder.build()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._pre_start = False
        if self._title_state == "inside":
            self._title_state = "done"
        if tag == "title":
            if self._title_state == "before" and self._in_page_head():
                self._title_state = "inside"
        elif not self._dropping(tag):
            self._start(tag, {name: value or "" for name, value in attrs})

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._title_state = "done" if self._title_state == "inside" else self._title_state
        elif len(self._dropped):
            self._dropped.pop_to(frozenset({tag}))
        elif tag in _INLINE_STYLES:
            style = _INLINE_STYLES[tag]
            self._styles[style] = max(self._styles[style] - 1, 0)
        elif tag == "a":
            self._href = None
        elif tag == "br":
            self._line_break()  # browsers read a stray </br> as <br>
        elif tag in BLOCK_TAGS:
            closes = frozenset(HEADINGS) if tag in HEADINGS else frozenset({tag})
            if self._elements.pop_to(closes):
                self._boundary(self._elements.top)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._title_state == "inside":
            self.title.append(data)
            return
        if len(self._dropped):
            if not (self._in_page_head() and data.strip()):
                return
            self._dropped.clear()  # words in the head: the body began, as browsers read it
        context = self._elements.top
        if context.pre:
            text = data[1:] if self._pre_start and data.startswith("\n") else data
        else:
            text = _WHITESPACE.sub(" ", data)
            if self._block is None or self._block.last in ("", " ", "\n"):
                text = text.lstrip(" ")
        self._pre_start = False
        if not text:
            return
        if self._block is None:
            self._block = self._open_block(context)
        self._block.append(text, *self._style())

    def close(self) -> None:
        """Finish the page; markup left open at its end is dropped, as browsers do.

        The standard parser of older Pythons rescans the rest of the page once for every
        ``<`` in such a tail, which a crafted page can make last for hours.
        """
        tail, self.rawdata = self.rawdata, ""
        if tail and self.cdata_elem is None and not tail.startswith("<"):
            self.handle_data(unescape(tail))  # text cut short, e.g. "AT&T" at the end
        super().close()

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # The standard parser raises on marked sections other than CDATA and IE's
        # conditionals; browsers read them as bogus comments.
        rawdata = self.rawdata
        if rawdata.startswith("<![CDATA[", i):
            end = rawdata.find("]]>", i)
            if end >= 0:
                self.handle_data(rawdata[i + len("<![CDATA[") : end])  # XHTML
                return end + len("]]>")
            return -1
        end = rawdata.find(">", i)
        return -1 if end < 0 else end + 1

    def _in_page_head(self) -> bool:
        return not len(self._dropped) or (
            len(self._dropped) == 1 and self._dropped.top_tag == "head"
        )

    def _dropping(self, tag: str) -> bool:
        """True if ``tag`` opens inside dropped content or starts some; tracks both."""
        if tag not in _HEAD_CONTENT and len(self._dropped) == 1 and self._dropped.top_tag == "head":
            self._dropped.clear()  # the body began without </head>
        elif tag in BLOCK_TAGS and len(self._dropped) == self._dropped.count("button"):
            # A button holds a label, never blocks: these belong to a page that left its
            # button open (or misspelt </button>), whose every later word browsers show.
            self._dropped.clear()
        elif tag in _BREAKS_OUT_OF_SVG and len(self._dropped) == sum(
            self._dropped.count(foreign) for foreign in ("svg", "math")
        ):
            self._dropped.clear()  # browsers end a drawing or formula left open here too
        if tag in _DROPPED:
            if tag not in _VOID:
                self._dropped.push(tag, Context())
            return True
        return bool(len(self._dropped))

    def _start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag in _INLINE_STYLES:
            self._styles[_INLINE_STYLES[tag]] += 1
        elif tag == "a":
            self._href = allowed_href(attrs.get("href", ""))
        elif tag == "br":
            self._line_break()
        elif tag == "hr":
            self._end_block()
        elif tag in BLOCK_TAGS:
            self._start_block_element(tag, attrs)

    def _start_block_element(self, tag: str, attrs: dict[str, str]) -> None:
        elements = self._elements
        if elements.top_tag == "p":
            elements.pop_to(tag_set("p"))  # a block closes an open paragraph
        top = elements.top
        if tag == "li" and top.open_li:
            elements.pop_to(tag_set("li"))
        elif tag in ("td", "th") and top.open_cell:
            elements.pop_to(tag_set("td th"))
        elif tag == "tr" and (top.open_row or top.open_cell):
            elements.pop_to(tag_set("tr"))
        context = child_context(elements.top, tag, attrs)
        if tag == "table" and context.table is not None:
            context.table.index = self._tables
            self._tables += 1
        self._boundary(context)
        elements.push(tag, context)
        self._pre_start = context.pre

    def _open_block(self, context: Context) -> OpenBlock:
        kind, attrs, owner = context.kind, context.attrs, context.owner
        if owner is not None:
            if kind is BlockKind.ITEM and owner.used:
                kind, attrs = BlockKind.PARAGRAPH, {}  # text after a nested list
            owner.used = True
        return OpenBlock(kind, attrs, owner)

    def _boundary(self, context: Context) -> None:
        """A block element starts or ends: a new block, or a new line in the same one."""
        block = self._block
        if block is None:
            return
        if context.owner is not None and context.owner is block.owner:
            if block.last not in ("", "\n"):
                self._line_break()
        else:
            self._end_block()

    def _line_break(self) -> None:
        block = self._block
        if block is not None and block.runs:
            if not self._elements.top.pre:
                block.drop_trailing_space()
            block.append("\n", *self._style())

    def _end_block(self) -> None:
        if self._block is not None:
            self._block.write(self._builder)
            self._block = None

    def _style(self) -> tuple[SpanStyle | None, str]:
        if self._href:
            return SpanStyle.LINK, self._href
        for style in _STYLE_RANK:
            if self._styles[style]:
                return style, ""
        return None, ""
