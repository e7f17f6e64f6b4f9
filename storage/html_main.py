"""The part of a web page that is its article, when the page itself marks it.

A saved news page holds the site's menu, a cookie banner, a footer and the like around its
article. When the page says which element holds its content, the article is that
element's content only: exactly one ``<main>`` element (or one element whose ``role`` is
``main``), or, with none of those, exactly one ``<article>`` element. One nested inside
another counts once: the outer one is read (readers' comments, which pages write as
articles inside the article, stay with it). A page that marks several, or none, is read
whole: nothing is guessed from class names or the amount of text, and a marked element
with no words (filled in by scripts) is read as none.

Inside it, the site's menus (``<nav>``: a table of contents, links to other stories) and
forms (``<form>``: a newsletter's sign-up, a comment box) are left out too; a menu or form
left open ends with the element around it.

The headline often stands just before the element, in a ``<header>``: when the element
holds no ``<h1>``, the last ``<h1>`` before it is kept as the article's first block, so
that its title and outline stay right.

Elements are found by a first read of the page (:func:`find_main`), skipping what the
page's reader skips (:class:`~diptych.storage.html_elements.DroppedContent`: a ``<main>``
in a script or a template is not the page's), and known again in the page's reader by
where their start tags stand (line and column), as
:class:`~diptych.storage.html_lists.ReversedCounts` knows reversed lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from diptych.storage.html_elements import VOID, DroppedContent, hidden
from diptych.storage.html_names import ElementNames
from diptych.storage.html_parsing import ForgivingParser
from diptych.storage.html_structure import HEADINGS

Position = tuple[int, int]
"""Where a start tag stands in the page: its line and column, as the parser says."""

_MARKS = re.compile(r"<\s*(?:[\w.-]+:)?(?:main|article)[\s/>]|\brole\s*=", re.IGNORECASE)
"""What a page holds if it may mark its article (a quick look before reading it)."""


CLUTTER = frozenset({"nav", "form"})
"""Elements of an article that are not its words (a site's menu, a table of contents, a
newsletter's sign-up form): left out of a part read, with what is inside them."""


def _is_main(tag: str, attrs: dict[str, str]) -> bool:
    roles = attrs.get("role", "").lower().split()
    return tag == "main" or roles[:1] == ["main"]  # the first role is the one browsers take


def _is_article(tag: str, _attrs: dict[str, str]) -> bool:
    return tag == "article"


@dataclass(slots=True)
class _Marked:
    """An element that may be the article: where it starts, and the headline it needs."""

    position: Position
    tag: str
    heading_before: Position | None  # the last <h1> before it
    holds_heading: bool = False  # an <h1> inside it


class _Outermost:
    """The outermost elements of one kind (main, article) found so far."""

    def __init__(self, kind: Callable[[str, dict[str, str]], bool]) -> None:
        self._kind = kind
        self.found: list[_Marked] = []
        self._open: _Marked | None = None
        self._depth = 0  # open elements named as the open one

    def start(
        self, tag: str, attrs: dict[str, str], position: Position, h1: Position | None
    ) -> None:
        """A start tag at ``position``, after the last ``<h1>`` at ``h1``."""
        opened = self._open
        if opened is not None:
            if tag == opened.tag:
                self._depth += 1
            if tag == "h1":
                opened.holds_heading = True
        elif tag not in VOID and self._kind(tag, attrs):
            self._open, self._depth = _Marked(position, tag, h1), 1
            self.found.append(self._open)

    def end(self, tag: str) -> None:
        if self._open is not None and tag == self._open.tag:
            self._depth -= 1
            if not self._depth:
                self._open = None


class _Finder(ForgivingParser):
    """Finds the elements that mark a page's article, read as the page's reader reads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # as the page is read: the same places
        self._names = ElementNames()
        self._dropped = DroppedContent()
        self._last_h1: Position | None = None
        self._title = "before"  # the page's <title>: "before", "inside", "done"
        self.mains = _Outermost(_is_main)
        self.articles = _Outermost(_is_article)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = self._names.start(tag, attrs)
        if self._title == "inside":
            self._title = "done"
        if tag == "title":
            if self._title == "before" and self._dropped.in_page_head():
                self._title = "inside"
            return
        if self._dropped.start(tag):
            return
        position = self.getpos()
        values = {name: value or "" for name, value in attrs}
        if hidden(values):
            self._dropped.hide(tag)  # as the page's reader drops it
            return
        for kind in (self.mains, self.articles):
            kind.start(tag, values, position, self._last_h1)
        if tag == "h1":
            self._last_h1 = position

    def handle_endtag(self, tag: str) -> None:
        tag = self._names.end(tag)
        if tag == "title":
            self._title = "done" if self._title == "inside" else self._title
            return
        if self._dropped.end(tag):
            return
        self.mains.end(tag)
        self.articles.end(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = self._names.start(tag, attrs)
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._title == "inside":
            return
        if len(self._dropped) and self._dropped.in_page_head() and data.strip():
            self._dropped.clear()  # words in the head: the body began, as the reader reads


def find_main(page: str) -> MainPart | None:
    """The part of ``page`` (newlines normalised) that is its article, or None to read it
    whole (it marks none, or several)."""
    if not _MARKS.search(page):
        return None
    finder = _Finder()
    finder.feed(page)
    finder.close()
    mains, articles = finder.mains.found, finder.articles.found
    found = mains or articles
    if len(found) != 1:
        return None
    [marked] = found
    heading = None if marked.holds_heading else marked.heading_before
    return MainPart(marked.position, marked.tag, heading)


class MainPart:
    """Which of the page's elements the reader reads, as it reads them: the headline
    before the article (if kept), then the article's element; nothing outside them."""

    def __init__(self, position: Position, tag: str, heading: Position | None) -> None:
        self._position, self._tag, self._heading = position, tag, heading
        self._region = ""  # "heading", "main", "" (outside, before) or "done" (after)
        self._depth = 0
        self._open: list[str] = []  # the elements open inside the article, outermost first
        self._clutter_at = 0  # inside a menu or form of the article: how deep it stands
        self.left_out = False  # words outside were left out

    @property
    def keeping(self) -> bool:
        """True while the words read are the article's."""
        return self._region == "heading" or (self._region == "main" and not self._clutter_at)

    def begins(self, position: Position) -> bool:
        """True if a start tag at ``position`` begins a part that is kept."""
        return position in (self._position, self._heading)

    def start(self, tag: str, position: Position) -> bool:
        """True if the start tag ``tag`` at ``position`` is kept."""
        if self._region == "main":
            if tag == self._tag:
                self._depth += 1
            if tag not in VOID:
                self._open.append(tag)
                if tag in CLUTTER and not self._clutter_at:
                    self._clutter_at = len(self._open)
            return not self._clutter_at
        if position == self._position:
            self._region, self._depth = "main", 1
            return True
        if position == self._heading and self._region == "":
            self._region = "heading"
        return self._region == "heading"

    def end(self, tag: str) -> bool:
        """True if the end tag ``tag`` is kept; the part it ends ends after it."""
        if self._region == "main":
            inside_clutter = bool(self._clutter_at)
            if tag in self._open:  # closed with every element left open inside it
                del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]
            if len(self._open) < self._clutter_at:
                self._clutter_at = 0  # the menu or form ended, or the element around it
            if tag == self._tag:
                self._depth -= 1
                if not self._depth:
                    self._region = "done"
            return not inside_clutter
        if self._region == "heading":
            if tag in HEADINGS:
                self._region = ""
            return True
        return False

    def data(self, text: str) -> bool:
        """True if ``text`` is kept (noting words left out)."""
        if self.keeping:
            return True
        if text.strip():
            self.left_out = True
        return False
