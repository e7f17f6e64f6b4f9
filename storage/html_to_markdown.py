"""A web page's selection (the clipboard's HTML) as the Markdown of a note or memo.

Pasted HTML is untrusted: it is only read, as text, never shown or run. Nothing it names
is loaded; scripts, styles and what a page keeps out of sight (``<head>``, ``<template>``)
are left out. A link keeps its address only if it is an http, https or mailto one, as in
a note (:func:`~diptych.storage.link_addresses.allowed_href`): ``[text](address)``. Bold
and italic, headings, lists, quotes, line breaks and code keep their Markdown, and the
page's words read as themselves (a ``*`` or ``# `` in them escaped); a table's
rows become lines with their cells apart; every other element gives its words alone.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from diptych.storage.link_addresses import allowed_href

_SKIPPED = frozenset(
    {"script", "style", "head", "title", "template", "noscript", "iframe", "object", "svg", "math"}
)
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav",
        "figure", "figcaption", "address", "dl", "dt", "dd", "table", "tr", "form",
        "fieldset", "details", "summary", "center", "hr",
    }
)  # fmt: skip
_HEADINGS = {f"h{level}": "#" * level for level in range(1, 7)}
_EMPHASIS = {"strong": "**", "b": "**", "em": "*", "i": "*", "del": "~~", "s": "~~", "strike": "~~"}
_KEPT = frozenset({*_HEADINGS, *_EMPHASIS, "li", "blockquote", "pre", "code", "td", "th", "hr"})
_VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr", "col", "area", "source"})
_SPACES = re.compile(r"[ \t\n\r\f]+")
# The page's words read as themselves: Markdown's marks in them escaped, an underscore only
# at a word's edge (in snake_case it marks nothing), and what would start a heading, a
# quote or a list at a line's start ("# of votes", "1999. A year").
_MARKS = re.compile(r"([\\`*\[\]])")
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_LINE_START = re.compile(r"^(\d{0,9})([#>+\-]|(?<=\d)[.)])(?=[ \t]|$)")
_BLANKS = re.compile(r"\n{3,}")


def html_to_markdown(markup: str) -> str:
    """The Markdown of ``markup`` (an HTML fragment or page); "" if it holds no words, or
    nothing Markdown would keep (no link, emphasis, heading, list, quote, code or table):
    its plain text, copied along with it, says as much without escapes (text copied from
    a code editor comes as coloured lines of Markdown that must stay as written)."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    return reader.markdown()


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._out: list[str] = []  # finished blocks' lines and the current line's pieces
        self._skipping: list[str] = []
        self._links: list[str] = []  # the open links' addresses ("" for one dropped)
        self._lists: list[list[int]] = []  # per open list: [0] bullets, [n] the next number
        self._quote = 0
        self._pre = 0
        self._line_start = True  # nothing written on the current line yet
        self._space = False  # a space is owed before the next word
        self._blank = True  # the text so far ends with a blank line (or is none)
        self._item_start = False  # a list item's mark is all there is on its line yet
        self._marked = False  # an element Markdown keeps was read

    # The text written, a line at a time.

    def _write(self, text: str) -> None:
        if self._line_start:
            self._out.append(self._prefix())
            self._line_start = False
        elif self._space:
            self._out.append(" ")
        self._space = False
        self._blank = False
        self._item_start = False
        self._out.append(text)

    def _prefix(self) -> str:
        indent = "   " * max(len(self._lists) - 1, 0)
        return "> " * self._quote + indent

    def _break(self, blank: bool) -> None:
        """End the current line (a blank line after it for a new block)."""
        if not self._line_start:
            self._out.append("\n")
            self._line_start = True
        if blank and not self._blank:
            self._out.append(("> " * self._quote).rstrip() + "\n")
            self._blank = True
        self._space = False

    def markdown(self) -> str:
        if not self._marked:
            return ""
        text = "".join(self._out)
        lines = [line.rstrip() if not line.endswith("  ") else line for line in text.split("\n")]
        while lines and not lines[-1].strip("> "):
            lines.pop()
        return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")

    # The parser's events.

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping or tag in _SKIPPED:
            if tag not in _VOID:
                self._skipping.append(tag)
            return
        if tag in _KEPT or (tag == "a" and allowed_href(dict(attrs).get("href") or "")):
            self._marked = True
        if tag in _HEADINGS:
            self._break(blank=True)
            self._write(_HEADINGS[tag] + " ")
            self._space = False
        elif tag in _BLOCKS:
            self._break(blank=tag in ("p", "table", "hr", "figure"))
            if tag == "hr":
                self._write("---")
                self._break(blank=True)
        elif tag == "blockquote":
            self._break(blank=True)
            self._quote += 1
        elif tag in ("ul", "ol"):
            self._break(blank=not self._lists)
            start = dict(attrs).get("start") or "1"
            self._lists.append([0 if tag == "ul" else int(start) if start.isdigit() else 1])
        elif tag == "li":
            self._break(blank=False)
            mark = "-"
            if self._lists and self._lists[-1][0]:
                mark = f"{self._lists[-1][0]}."
                self._lists[-1][0] += 1
            self._write(mark + " ")
            self._space = False
            self._item_start = True
        elif tag == "br":
            if not self._line_start:
                self._out.append("  \n")
                self._line_start = True
                self._space = False
        elif tag == "pre":
            self._break(blank=True)
            self._write("```")
            self._break(blank=False)
            self._pre += 1
        elif tag == "code" and not self._pre:
            self._write("`")
        elif tag in _EMPHASIS:
            self._write(_EMPHASIS[tag])
        elif tag == "a":
            href = allowed_href(dict(attrs).get("href") or "")
            self._links.append(href)
            if href:
                self._write("[")
        elif tag in ("td", "th"):
            if not self._line_start:
                self._space = True
                self._write("|")
                self._space = True
        elif tag == "img":
            alt = (dict(attrs).get("alt") or "").strip()
            if alt:
                self._write(_SPACES.sub(" ", alt))  # its words: the picture is not loaded

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.pop()
            return
        if tag in _HEADINGS or tag in _BLOCKS:
            self._break(blank=tag in _HEADINGS or tag in ("p", "table", "figure"))
        elif tag == "blockquote":
            self._break(blank=False)
            self._quote = max(self._quote - 1, 0)
            self._blank = False  # a blank line of the quote's own does not end it
            self._break(blank=True)
        elif tag in ("ul", "ol"):
            if self._lists:
                self._lists.pop()
            self._break(blank=not self._lists)
        elif tag == "li":
            self._break(blank=False)
        elif tag == "pre" and self._pre:
            self._pre -= 1
            self._break(blank=False)
            self._write("```")
            self._break(blank=True)
        elif tag == "code" and not self._pre:
            self._close("`")
        elif tag in _EMPHASIS:
            self._close(_EMPHASIS[tag])
        elif tag == "a" and self._links:
            href = self._links.pop()
            if href:
                self._close(f"]({_address(href)})")

    def _close(self, mark: str) -> None:
        """Write a closing mark right after the words, any space owed after it."""
        space, self._space = self._space, False
        if self._line_start:
            self._write(mark)
        else:
            self._out.append(mark)
        self._space = space

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if self._pre:
            for number, line in enumerate(data.split("\n")):
                if number:
                    self._break(blank=False)
                if line:
                    self._write(line)
            return
        text = _UNDERSCORE.sub(r"\\_", _MARKS.sub(r"\\\1", _SPACES.sub(" ", data)))
        if text.startswith(" "):
            self._space = not self._line_start
        words = text.strip(" ")
        if words and (self._line_start or self._item_start):
            words = _LINE_START.sub(r"\1\\\2", words)
        if words:
            self._write(words)
        if text.endswith(" ") and words:
            self._space = True


def _address(href: str) -> str:
    """``href`` as a Markdown link's address: in ``<…>`` if it holds spaces or brackets."""
    if re.search(r"[\s()<>]", href):
        return "<" + href.replace("<", "%3C").replace(">", "%3E") + ">"
    return href
