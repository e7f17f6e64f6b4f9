"""The part of a web page that is its article, when the page itself marks it.

A saved news page holds the site's menu, a cookie banner, a footer and the like around its
article. When the page says which element holds its content, the article is that
element's content only: exactly one ``<main>`` element (or one element whose ``role`` is
``main``), or, with none of those, exactly one ``<article>`` element. One nested inside
another counts once: the outer one is read (readers' comments, which pages write as
articles inside the article, stay with it). A page that marks several, or none, is read
whole: nothing is guessed from class names or the amount of text, and a marked element
with no words (filled in by scripts) is read as none.

A ``<main>`` that holds exactly one ``<article>`` is read as that article when nothing
else in it could be the article's words: its words outside the article all stand in
headings, list items, menus or forms ("Most viewed" and its list of stories, share
links), it shows no image outside the article, and no ``<h1>`` follows the article. A
paragraph, a caption or any other words beside the article (a lead written outside the
``<article>`` element) keep the whole ``<main>``: a stray list costs the reader a glance,
a lost paragraph cannot be noticed at all.

Inside it, the site's menus (``<nav>``: a table of contents, links to other stories) and
forms (``<form>``: a newsletter's sign-up, a comment box) are left out too; a menu or form
left open ends with the element around it. The byline and date inside the article
(``<address>``, ``<time>``) are its words and stay.

The headline often stands just before the element, in a block of its own: when the
element holds no ``<h1>``, the last ``<h1>`` before it is kept as the article's first
block, so that its title and outline stay right. When the element around that ``<h1>``
(a ``<header>``, an ``<hgroup>``, a ``<div>``) ends before the article begins, what
follows the ``<h1>`` in it is kept too: the subheading, the byline and the date. Its
menus, forms and lists are not (a site's header that names the site in an ``<h1>`` lists
its sections after it), nor what comes before the ``<h1>`` (a section's name). When that
element holds the article too (the page's body, a wrapper around the whole page), what
follows the ``<h1>`` is the page's and only the ``<h1>`` is kept; so is an ``<h1>`` in a
menu or a form.

Elements are found by a first read of the page (:func:`find_main`), skipping what the
page's reader skips (:class:`~diptych.storage.html_elements.DroppedContent`: a ``<main>``
in a script or a template is not the page's), and known again in the page's reader by
where their start and end tags stand (line and column), as
:class:`~diptych.storage.html_lists.ReversedCounts` knows reversed lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from diptych.storage.html_elements import VOID, DroppedContent, hidden
from diptych.storage.html_names import ElementNames
from diptych.storage.html_parsing import ForgivingParser
from diptych.storage.html_structure import HEADINGS

Position = tuple[int, int]
"""Where a tag stands in the page: its line and column, as the parser says."""

_MARKS = re.compile(r"<\s*(?:[\w.-]+:)?(?:main|article)[\s/>]|\brole\s*=", re.IGNORECASE)
"""What a page holds if it may mark its article (a quick look before reading it)."""


CLUTTER = frozenset({"nav", "form"})
"""Elements of an article that are not its words (a site's menu, a table of contents, a
newsletter's sign-up form): left out of a part read, with what is inside them."""

HEADLINE_CLUTTER = CLUTTER | {"ul", "ol", "menu"}
"""Elements after a headline, in its block, that are not the article's (a site's sections)."""

BESIDE_THE_ARTICLE = frozenset(HEADINGS) | CLUTTER | {"li"}
"""Where words in a ``<main>`` outside its one ``<article>`` may stand for the article
alone to be read: headings, list items, menus and forms; any other words may be its."""


@dataclass(frozen=True, slots=True)
class Headline:
    """An ``<h1>`` and its block: where it starts, and where the element around it ends
    (None if only the ``<h1>`` is kept)."""

    position: Position
    end: Position | None = None
    depth: int = 0  # the elements open around it; 0: its block is the <h1> alone


def _close(open_elements: list[str], tag: str) -> None:
    """End ``tag`` in ``open_elements`` (outermost first) with every element left open
    inside it; any heading's end tag ends the open heading, as browsers read it."""
    names = HEADINGS if tag in HEADINGS else (tag,)
    for index in range(len(open_elements) - 1, -1, -1):
        if open_elements[index] in names:
            del open_elements[index:]
            return


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
    heading_before: Headline | None  # the last <h1> before it
    holds_heading: bool = False  # an <h1> inside it
    holds_words: bool = False  # words inside it
    words_beside: bool = False  # (a main) words outside its articles that may be theirs
    articles: list[_Marked] = field(default_factory=list)  # (a main) the articles in it


class _Outermost:
    """The outermost elements of one kind (main, article) found so far."""

    def __init__(self, kind: Callable[[str, dict[str, str]], bool]) -> None:
        self._kind = kind
        self.found: list[_Marked] = []
        self.open: _Marked | None = None
        self._depth = 0  # open elements named as the open one

    def start(self, tag: str, attrs: dict[str, str], position: Position, marked: _Marked) -> None:
        """A start tag at ``position``, which would be ``marked`` if of this kind."""
        opened = self.open
        if opened is not None:
            if tag == opened.tag:
                self._depth += 1
            if tag == "h1":
                opened.holds_heading = True
        elif tag not in VOID and self._kind(tag, attrs):
            self.open, self._depth = marked, 1
            self.found.append(marked)

    def end(self, tag: str) -> None:
        if self.open is not None and tag == self.open.tag:
            self._depth -= 1
            if not self._depth:
                self.open = None


class _Finder(ForgivingParser):
    """Finds the elements that mark a page's article, read as the page's reader reads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # as the page is read: the same places
        self._names = ElementNames()
        self._dropped = DroppedContent()
        self._open: list[str] = []  # the page's open elements, outermost first
        self._last_h1: Headline | None = None
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
        self._beside_the_article(tag, values)
        main = self.mains.open
        for kind in (self.mains, self.articles):
            kind.start(tag, values, position, _Marked(position, tag, self._last_h1))
        article = self.articles.open
        if main is not None and article is not None and article.position == position:
            main.articles.append(article)  # an outermost article, in the page's <main>
        if tag == "h1":
            in_clutter = any(name in CLUTTER for name in self._open)
            self._last_h1 = Headline(position, depth=0 if in_clutter else len(self._open))
        if tag not in VOID:
            self._open.append(tag)

    def _beside_the_article(self, tag: str, attrs: dict[str, str]) -> None:
        """Note a start tag in a <main> outside its articles that the article would lose."""
        main = self.mains.open
        if main is None or self.articles.open is not None:
            return
        shown = tag == "img" and attrs.get("alt", "").strip()
        if shown or (tag == "h1" and main.articles):
            main.words_beside = True

    def handle_endtag(self, tag: str) -> None:
        tag = self._names.end(tag)
        if tag == "title":
            self._title = "done" if self._title == "inside" else self._title
            return
        if self._dropped.end(tag):
            return
        _close(self._open, tag)
        headline = self._last_h1
        if headline and headline.end is None and len(self._open) < headline.depth:
            self._last_h1 = replace(headline, end=self.getpos())  # its block ended
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
        if len(self._dropped):
            if not (self._dropped.in_page_head() and data.strip()):
                return
            self._dropped.clear()  # words in the head: the body began, as the reader reads
        main, article = self.mains.open, self.articles.open
        if not data.strip():
            return
        if article is not None:
            article.holds_words = True
        elif main is not None and not any(name in BESIDE_THE_ARTICLE for name in self._open):
            main.words_beside = True


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
    if mains and len(marked.articles) == 1 and not marked.words_beside:
        [article] = marked.articles  # the one article in the page's <main>
        marked = article if article.holds_words else marked
    heading = None if marked.holds_heading else marked.heading_before
    return MainPart(marked.position, marked.tag, heading)


class MainPart:
    """Which of the page's elements the reader reads, as it reads them: the headline
    before the article (if kept), then the article's element; nothing outside them."""

    def __init__(self, position: Position, tag: str, heading: Headline | None) -> None:
        self._position, self._tag, self._heading = position, tag, heading
        self._region = ""  # "heading", "main", "" (outside, before) or "done" (after)
        self._depth = 0
        self._open: list[str] = []  # the elements open inside the part, outermost first
        self._clutter_at = 0  # inside a menu or form of the part: how deep it stands
        self.left_out = False  # words outside were left out

    @property
    def keeping(self) -> bool:
        """True while the words read are the article's."""
        return self._region in ("heading", "main") and not self._clutter_at

    def begins(self, position: Position) -> bool:
        """True if a start tag at ``position`` begins a part that is kept."""
        return position == self._position or (
            self._heading is not None and position == self._heading.position
        )

    def start(self, tag: str, position: Position) -> bool:
        """True if the start tag ``tag`` at ``position`` is kept."""
        if position == self._position:
            self._region, self._depth = "main", 1
            self._open, self._clutter_at = [], 0
            return True
        if self._region == "" and self.begins(position):
            self._region = "heading"
        if self._region == "main" and tag == self._tag:
            self._depth += 1
        if self._region in ("heading", "main") and tag not in VOID:
            self._open.append(tag)
            clutter = CLUTTER if self._region == "main" else HEADLINE_CLUTTER
            if tag in clutter and not self._clutter_at:
                self._clutter_at = len(self._open)
        return self.keeping

    def end(self, tag: str, position: Position) -> bool:
        """True if the end tag ``tag`` at ``position`` is kept; the part it ends ends
        after it."""
        if self._region not in ("heading", "main"):
            return False
        kept = not self._clutter_at
        _close(self._open, tag)
        if len(self._open) < self._clutter_at:
            self._clutter_at = 0  # the menu or form ended, or the element around it
        if self._region == "main" and tag == self._tag:
            self._depth -= 1
            if not self._depth:
                self._region = "done"
        elif self._region == "heading" and self._heading_ends(tag, position):
            self._region = ""
        return kept

    def _heading_ends(self, tag: str, position: Position) -> bool:
        assert self._heading is not None  # the heading region is the headline's
        if self._heading.end is None:
            return tag in HEADINGS  # the <h1> alone
        return position == self._heading.end

    def data(self, text: str) -> bool:
        """True if ``text`` is kept (noting words left out)."""
        if self.keeping:
            return True
        if text.strip():
            self.left_out = True
        return False
