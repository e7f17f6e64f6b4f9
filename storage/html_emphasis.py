"""Bold, italic and struck-out text as web pages write it.

Pages mark bold and italic text with elements (``<b>``, ``<strong>``, ``<i>``, ``<em>``...)
or with a style: Google Docs writes ``font-weight:700`` on a ``<span>``, in its ``style``
attribute or in a class rule of the page's style sheet (``.c3{font-weight:700}``). As in a
browser, the innermost element that says how heavy or slanted its text is decides: Google
Docs wraps what it copies in ``<b style="font-weight:normal">``, whose text is not bold.

Struck-out text is the text of ``<del>``, ``<s>`` and ``<strike>`` (a correction's old
figure, a deleted word): it shows struck through, not as part of the text beside it.

Only what these rules say is read from a style sheet: nothing in it is fetched or applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diptych.storage.html_structure import tag_set

BOLD_TAGS = tag_set("b strong")
ITALIC_TAGS = tag_set("em i cite dfn var")
STRUCK_TAGS = tag_set("del s strike")

# Whole property names: Word writes ``mso-bidi-font-weight:normal`` on its bold text, which
# says how right-to-left text would look, not this text.
_WEIGHT = re.compile(r"(?<![\w-])font-weight\s*:\s*([\w-]+)", re.IGNORECASE)
_SLANT = re.compile(r"(?<![\w-])font-style\s*:\s*([\w-]+)", re.IGNORECASE)
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")

_MOST_OPEN = 100
"""Elements kept open at most, innermost first: the ones inside them decide, and a page
that leaves thousands open stays quick to read."""

Look = tuple[bool | None, bool | None]
"""Whether text is bold and whether it is italic; None where nothing is said."""


def look_of(declarations: str) -> Look:
    """What CSS declarations (``"font-weight:700;color:red"``) say of bold and italic."""
    bold = italic = None
    weights = _WEIGHT.findall(declarations)
    if weights:
        weight = weights[-1].lower()
        if weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600):
            bold = True
        elif weight in ("normal", "lighter") or weight.isdigit():
            bold = False
    slants = _SLANT.findall(declarations)
    if slants:
        slant = slants[-1].lower()
        if slant in ("italic", "oblique"):
            italic = True
        elif slant == "normal":
            italic = False
    return bold, italic


@dataclass(slots=True)
class _Open:
    tag: str
    bold: bool | None
    italic: bool | None
    depth: int  # open block elements around it
    struck: bool = False


class Emphasis:
    """The open elements that say whether their text is bold or italic, innermost last."""

    def __init__(self) -> None:
        self._classes: dict[str, Look] = {}
        self._open: list[_Open] = []

    def read_style_sheet(self, css: str) -> None:
        """Note the bold and italic that rules for single classes (``.c1, .c2{...}``) give."""
        for rule in _without_comments(css).split("}"):
            selectors, brace, declarations = rule.rpartition("{")
            if not brace:
                continue
            look = look_of(declarations)
            if look == (None, None):
                continue
            for selector in selectors.split(","):
                name = _CLASS.fullmatch(selector.strip())
                if name is not None:
                    self._classes[name[1]] = _joined(self._classes.get(name[1]), look)

    def start(self, tag: str, attrs: dict[str, str], depth: int) -> None:
        """An inline element opens inside ``depth`` block elements."""
        look: Look = (True if tag in BOLD_TAGS else None, True if tag in ITALIC_TAGS else None)
        for name in attrs.get("class", "").split():
            look = _joined(look, self._classes.get(name))
        look = _joined(look, look_of(attrs.get("style", "")))
        struck = tag in STRUCK_TAGS
        if look != (None, None) or struck:
            self._open.append(_Open(tag, *look, depth, struck))
            del self._open[:-_MOST_OPEN]

    def end(self, tag: str) -> None:
        """An inline element's end tag: it ends the innermost such element."""
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index]
                return

    def end_block(self, depth: int) -> None:
        """A block element ends, leaving ``depth`` open: the elements opened inside it end
        with it, but for ``<b>``, ``<i>`` and the like, which browsers carry on."""
        self._open = [
            item
            for item in self._open
            if item.depth <= depth or item.tag in BOLD_TAGS or item.tag in ITALIC_TAGS
        ]

    def end_all(self) -> None:
        """Every element open ends (the page's style sheet is still known)."""
        self._open.clear()

    @property
    def bold(self) -> bool:
        """Whether text written now is bold."""
        return next((o.bold for o in reversed(self._open) if o.bold is not None), False)

    @property
    def struck(self) -> bool:
        """Whether text written now is struck out."""
        return any(o.struck for o in self._open)

    @property
    def italic(self) -> bool:
        """Whether text written now is italic."""
        return next((o.italic for o in reversed(self._open) if o.italic is not None), False)


def _joined(outer: Look | None, inner: Look | None) -> Look:
    """``outer`` with what ``inner`` says instead where it says something."""
    outer, inner = outer or (None, None), inner or (None, None)
    return (
        outer[0] if inner[0] is None else inner[0],
        outer[1] if inner[1] is None else inner[1],
    )


def _without_comments(css: str) -> str:
    """``css`` without its comments (one left open ends the style sheet)."""
    parts, at = [], 0
    while (start := css.find("/*", at)) >= 0:
        parts.append(css[at:start])
        end = css.find("*/", start + 2)
        if end < 0:
            return "".join(parts)
        at = end + 2
    parts.append(css[at:])
    return "".join(parts)
