"""Which elements of a web page the article keeps, drops or styles.

Pages are untrusted: scripts, styles, embedded objects, media and form controls are
dropped with everything inside them, as is what the page hides from its readers (the
``hidden`` attribute, an element's own ``display: none``). So are drawings (``<svg>``: a
chart's labels are not the article's words), but for the HTML one holds in a
``<foreignObject>``, which browsers show as the page's. Ruby readings (``<rt>``, with
their ``<rp>`` brackets) are dropped too, so that the base text reads, and is searched and
quoted, as words, not as "漢(kan)字(ji)". A MathML formula is kept as its characters
("πr2"), without the TeX or HTML annotations that come with it.

Elements are named here by their local names, as :mod:`.html_names` reads XHTML's
prefixed ones.
"""

from __future__ import annotations

import re

from diptych.storage.html_structure import BLOCK_TAGS, Context, OpenElements, tag_set

DROPPED = tag_set(
    "script style noscript template iframe object embed svg canvas video audio head "
    "select textarea button datalist option input keygen applet noembed noframes frameset "
    "meter progress rt rp rtc annotation annotation-xml"
)
"""Elements dropped with everything inside them."""
ENDED_BY_PARENT = tag_set("rt rp rtc annotation annotation-xml")
"""Dropped elements whose end tags pages may leave out: the end of the element around them
ends them too."""
ENDED_BY_BLOCKS = tag_set("button rt rp rtc")
"""Dropped elements that hold a label or a reading, never a block: a block's start tag
inside them belongs to a page that left them open, and ends them."""
HIDDEN_ENDED_BY = {
    "p": BLOCK_TAGS,
    "li": tag_set("li"),
    "dt": tag_set("dt dd"),
    "dd": tag_set("dt dd"),
    "tr": tag_set("tr"),
    "td": tag_set("td th tr"),
    "th": tag_set("td th tr"),
}
"""Elements a page may leave open, hidden (see :func:`hidden`), and the start tags that end
them as browsers read them: a hidden paragraph left open never hides the rest of the page.
The end tag of the element around them ends them too."""
READINGS_ENDED_BY = {
    "rt": tag_set("rt rp"),
    "rp": tag_set("rt rp"),
    "rb": tag_set("rt rp rtc"),
    "rtc": tag_set("rt rp rtc"),
}
"""Start tags of a ruby's parts, and the readings left open that each ends, as browsers
read them."""
BREAKS_OUT_OF_FOREIGN = tag_set(
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i "
    "img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt "
    "u ul var"
)
"""Start tags that end an open ``<svg>`` or ``<math>`` (the HTML standard's list for
foreign content)."""
VOID = tag_set("area base br col embed hr img input keygen link meta param source track wbr")
HEAD_CONTENT = tag_set("title meta link style script base noscript template")
CODE_TAGS = tag_set("code kbd samp tt")
"""Elements whose text is shown as code (bold and italic are in
:mod:`.html_emphasis`)."""
INVISIBLE_OPERATORS = dict.fromkeys(range(0x2061, 0x2065))
"""MathML's invisible operators (function application, times, separator, plus), which
formulas put between their characters: dropped, so that "xy" is found as it shows."""

_DRAWING = tag_set("svg")
_HIDING_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)


def hidden(attrs: dict[str, str]) -> bool:
    """True if the page hides the element of ``attrs`` and all inside it from its readers: its
    ``hidden`` attribute (not ``hidden="until-found"``, whose text a browser's search
    finds and shows), or its own style saying ``display: none`` or ``visibility: hidden``.
    A void element (an image) so marked hides itself alone."""
    if "hidden" in attrs and attrs["hidden"].strip().lower() != "until-found":
        return True
    return bool(_HIDING_STYLE.search(attrs.get("style", "")))


class DroppedContent:
    """The open elements whose content is dropped, and where a page that leaves one open
    ends it, as browsers do."""

    def __init__(self) -> None:
        self._open = OpenElements(Context())
        self._drawing: OpenElements | None = None  # the drawing around a <foreignObject>

    def __len__(self) -> int:
        return len(self._open)

    def in_page_head(self) -> bool:
        """True outside dropped content, or right inside the page's ``<head>``."""
        return not len(self._open) or (len(self._open) == 1 and self._open.top_tag == "head")

    @property
    def innermost(self) -> str:
        """The innermost open dropped element ("" if none)."""
        return self._open.top_tag

    def clear(self) -> None:
        """End all dropped content: the page's body began."""
        self._open.clear()
        self._drawing = None

    def start(self, tag: str) -> bool:
        """True if ``tag`` opens inside dropped content or starts some; tracks both."""
        opened = self._open
        if tag == "foreignobject" and self._drawing is None and self._only(_DRAWING):
            # HTML in a drawing, which browsers show: kept until its end tag.
            self._drawing, self._open = opened, OpenElements(Context())
            return True
        if tag not in HEAD_CONTENT and len(opened) == 1 and opened.top_tag == "head":
            opened.clear()  # the body began without </head>
        elif tag in BLOCK_TAGS and self._only(ENDED_BY_BLOCKS):
            # A button holds a label, never blocks: these belong to a page that left its
            # button (or a reading) open, or misspelt </button>, whose every later word
            # browsers show.
            opened.clear()
        elif tag in READINGS_ENDED_BY and self._only(READINGS_ENDED_BY[tag]):
            opened.clear()  # the next reading or base text ends a reading left open
        elif tag in BREAKS_OUT_OF_FOREIGN and self._only(_DRAWING):
            opened.clear()  # browsers end a drawing left open here too
        elif len(opened) == 1 and tag in HIDDEN_ENDED_BY.get(opened.top_tag, ()):
            opened.clear()  # a hidden paragraph (list item, cell) left open ends here
        if tag in DROPPED:
            if tag not in VOID:
                opened.push(tag, Context())
            return True
        return bool(len(opened))

    def hide(self, tag: str) -> None:
        """Drop an element the page hides (see :func:`hidden`) with all inside it."""
        if tag not in VOID:
            self._open.push(tag, Context())

    def end(self, tag: str) -> bool:
        """True if the end tag ``tag`` belongs to dropped content, which it ends if it is
        its end tag. A reading or annotation left open ends with the element around it:
        that end tag then belongs to the page (False)."""
        if tag == "foreignobject" and self._drawing is not None and not len(self._open):
            self._open, self._drawing = self._drawing, None  # back in the drawing
            return True
        if not len(self._open):
            return False
        if self._open.pop_to(frozenset({tag})):
            return True
        if self._only(ENDED_BY_PARENT) or (
            len(self._open) == 1 and self._open.top_tag in HIDDEN_ENDED_BY
        ):
            self._open.clear()
            return False
        return True

    def _only(self, tags: frozenset[str]) -> bool:
        """True if every open dropped element is one of ``tags``."""
        return len(self._open) == sum(self._open.count(tag) for tag in tags)
