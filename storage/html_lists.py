"""How a web page numbers its ordered lists, as browsers number them.

An ``<ol>`` writes its numbers as its ``type`` says ("1", "a", "A", "i", "I"), or as an
inline ``list-style-type`` says, which wins over the attribute; an ``<li>`` may say so for
itself. A list or item whose inline style says ``none`` shows no marker, numbered or
bulleted. Only the ``style`` attribute is read: Google Docs writes ``list-style-type:
none`` in its style sheet for every list and draws the markers itself, with ``::before``.
A ``reversed`` list counts down, from its ``start`` or else from its number of
items, which only the rest of the page tells: :class:`ReversedCounts` reads the page once
more to count them, when it has such a list. An item's ``value`` numbers it and the items
after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diptych.storage.document import DECIMAL, NO_MARKER
from diptych.storage.html_names import ElementNames
from diptych.storage.html_parsing import ForgivingParser

_TYPES = frozenset("1aAiI")  # the type attribute's values; case tells a from A
_STYLE_TYPES = {
    "decimal": "1",
    "lower-alpha": "a",
    "lower-latin": "a",
    "upper-alpha": "A",
    "upper-latin": "A",
    "lower-roman": "i",
    "upper-roman": "I",
}
_BULLETS = frozenset({"disc", "circle", "square"})
_LIST_STYLE = re.compile(r"(?<![\w-])list-style(?:-type)?\s*:\s*([^;]*)", re.IGNORECASE)
_LIST_TAGS = frozenset({"ol", "ul", "menu", "dir"})
_REVERSED = re.compile(r"<(?:[^\s/>:]+:)?ol\b[^>]*\breversed", re.IGNORECASE)  # <html:ol> too


@dataclass(slots=True)
class NumberedList:
    """An open list: whether it is ordered, the next item's number, the step to the one
    after it (-1 in a reversed list) and how its numbers are written (its items' marker)."""

    ordered: bool
    next: int = 1
    step: int = 1
    marker: str = DECIMAL

    def number(self, value: int | None) -> int:
        """The next item's number (``value`` if it sets one); the count moves on."""
        number = self.next if value is None else value
        self.next = number + self.step
        return number


def marker_of(attrs: dict[str, str], inherited: str = DECIMAL, *, ordered: bool = True) -> str:
    """The marker a list or an item of an ``ordered`` list or not asks for, else
    ``inherited``: a bullet ("") for any but :data:`NO_MARKER` in a list that is not ordered."""
    said = _style_marker(attrs.get("style", ""))
    if not ordered:
        return inherited if said is None else (NO_MARKER if said == NO_MARKER else "")
    if said:  # a bullet word ("") in an ordered list: its numbers are shown as before
        return said
    kind = attrs.get("type", "").strip()
    return kind if kind in _TYPES else inherited


def _style_marker(style: str) -> str | None:
    """What the last ``list-style(-type)`` declaration of ``style`` that says one asks
    for: how numbers are written, "" for a bullet, :data:`NO_MARKER`, else None."""
    for declared in reversed(_LIST_STYLE.findall(style)):
        words = declared.lower().split()
        kinds = [word for word in words if word in _STYLE_TYPES or word in _BULLETS]
        if kinds:
            return _STYLE_TYPES.get(kinds[0], "")
        if "none" in words:
            return NO_MARKER
    return None


class ReversedCounts:
    """The number of items of each reversed list of a page, by where the list starts."""

    def __init__(self, page: str) -> None:
        self._page = page
        self._counts: dict[tuple[int, int], int] | None = None  # counted when first asked

    def at(self, position: tuple[int, int]) -> int:
        """The items of the reversed list whose tag starts at (line, column)."""
        if self._counts is None:
            counter = _ItemCounter()
            if _REVERSED.search(self._page):
                counter.feed(self._page)
                counter.close()
            self._counts = counter.counts
        return self._counts.get(position, 0)


class _ItemCounter(ForgivingParser):
    """Counts the items each reversed list holds (not those of lists inside them)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # as the page is read: the same places
        self.counts: dict[tuple[int, int], int] = {}
        self._open: list[tuple[str, tuple[int, int] | None, list[int]]] = []
        self._names = ElementNames()  # <html:ol> is an <ol>, as the page's reader reads it

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = self._names.start(tag, attrs)
        if tag in _LIST_TAGS:
            reversed_ = tag == "ol" and any(name == "reversed" for name, _ in attrs)
            self._open.append((tag, self.getpos() if reversed_ else None, [0]))
        elif tag == "li" and self._open:
            self._open[-1][2][0] += 1

    def handle_endtag(self, tag: str) -> None:
        tag = self._names.end(tag)
        if tag in _LIST_TAGS and any(entry[0] == tag for entry in self._open):
            while self._end_list() != tag:
                pass

    def close(self) -> None:
        super().close()
        while self._open:
            self._end_list()

    def _end_list(self) -> str:
        tag, position, count = self._open.pop()
        if position is not None:
            self.counts[position] = count[0]
        return tag
