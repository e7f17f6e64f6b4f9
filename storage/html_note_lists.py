# A web page's footnotes gathered at its end, as a list: pandoc, WordPress and most sites
# write them as an ordered list whose items are the targets of the raised markers in the
# text (``<sup><a href="#fn1">1</a></sup>`` ... ``<li id="fn1">``), often with no heading
# of their own (a rule, a "footnotes" class). Read as they stand, they ran straight on from
# the last paragraph or list of the article, as if its own; a Markdown article's notes
# come under a "Notes" heading, and so do a page's: the list of notes is found by a first
# read of the page, as :class:`~diptych.storage.html_lists.ReversedCounts` finds reversed
# lists, and known again in the page's reader by where its start tag stands. A list of
# notes that follows a heading (the page's own "References") gets none.

from __future__ import annotations

import re

from diptych.storage.html_names import ElementNames
from diptych.storage.html_parsing import ForgivingParser
from diptych.storage.html_structure import HEADINGS

NOTES_HEADING = "Notes"
_MARKERS = re.compile(r"<\s*sup\b", re.IGNORECASE)  # a page with no raised text has no notes

Position = tuple[int, int]


class NoteLists:
    """Where a page's list of footnotes starts, if it has one that needs a heading."""

    def __init__(self, page: str) -> None:
        self._page = page
        self._starts: set[Position] | None = None  # found when first asked

    def needs_heading(self, position: Position) -> bool:
        """True if the ``<ol>`` whose tag starts at (line, column) is the page's list of
        footnotes, with no heading just before it."""
        if self._starts is None:
            finder = _NoteListFinder()
            if _MARKERS.search(self._page):
                finder.feed(self._page)
                finder.close()
            self._starts = finder.lists_of_notes()
        return position in self._starts


class _NoteListFinder(ForgivingParser):
    """Finds the in-page targets of raised markers, and each ordered list's first item's
    id, with whether a heading's words were the last before the list."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # as the page is read: the same places
        self._names = ElementNames()
        self._raised = 0  # open <sup> elements
        self._in_heading = 0
        self._heading_last = False  # no words since a heading ended
        self.targets: set[str] = set()
        self.lists: dict[Position, str] = {}  # each <ol>: the id of its first item
        self._after_heading: set[Position] = set()
        self._open_lists: list[Position] = []  # <ol>s whose first item is still to come

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = self._names.start(tag, attrs)
        values = {name: value or "" for name, value in attrs}
        if tag == "sup":
            self._raised += 1
        elif tag in HEADINGS:
            self._in_heading += 1
        elif tag == "a" and self._raised:
            href = values.get("href", "").strip()
            if href.startswith("#") and len(href) > 1:
                self.targets.add(href[1:])
        elif tag == "ol":
            position = self.getpos()
            self.lists[position] = ""
            self._open_lists.append(position)
            if self._heading_last:
                self._after_heading.add(position)
        elif tag == "li" and self._open_lists:
            self.lists[self._open_lists.pop()] = values.get("id", "")

    def handle_endtag(self, tag: str) -> None:
        tag = self._names.end(tag)
        if tag == "sup":
            self._raised = max(self._raised - 1, 0)
        elif tag in HEADINGS and self._in_heading:
            self._in_heading -= 1
            self._heading_last = True
        elif tag == "ol" and self._open_lists:
            self._open_lists.pop()  # a list with no item

    def handle_data(self, data: str) -> None:
        if data.strip() and not self._in_heading:
            self._heading_last = False

    def lists_of_notes(self) -> set[Position]:
        """The lists whose first item is a marker's target, and that follow no heading."""
        return {
            position
            for position, first in self.lists.items()
            if first and first in self.targets and position not in self._after_heading
        }
