"""Lists in pages saved from Microsoft Word ("Save as Web Page").

Word saves a list as paragraphs, each with its level in its style
(``mso-list:l0 level2 lfo1``) and its bullet or number written out in a conditional
section that only browsers other than Word's own show: ``<![if !supportLists]>·&nbsp;
&nbsp;<![endif]>``, or the same in comments (``<!--[if !supportLists]-->``). Word's
clipboard, and editors that take the sections out, leave the marker in a span styled
``mso-list:Ignore`` alone, which marks it just as well. "Save as Web Page, Filtered"
keeps neither: an item is a paragraph of the List Paragraph style hanging its marker, the
spaces after the marker in a span of 7-point type, its level told by its indent (half an
inch a level); one that hangs words instead of a marker stays a paragraph. Read as they
are, they were paragraphs starting with "·" and a run of spaces. They are read as list
items at their level instead, numbered as Word numbered them; a bullet is left out, as a
list's bullets are, and a letter or a roman numeral ("a.", "iv)") is kept as text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from diptych.storage.document import BlockKind
from diptych.storage.html_structure import BlockAttrs, BlockOwner, Context

_LEVEL = re.compile(r"mso-list\s*:\s*l\d+\s+level(\d+)", re.IGNORECASE)
_IGNORED = re.compile(r"mso-list\s*:\s*ignore", re.IGNORECASE)
_FILTERED_ITEM = re.compile(r"(?<!\S)MsoListParagraph", re.IGNORECASE)
_HANGING = re.compile(r"text-indent\s*:\s*-", re.IGNORECASE)
_MARGIN = re.compile(r"margin-left\s*:\s*(\d+(?:\.\d*)?|\.\d+)\s*(in|pt|cm|mm|px)?", re.I)
_WORDS = re.compile(r"\S\s+\S")
_SPACER = re.compile(r"font\s*:\s*7\.0pt", re.IGNORECASE)
_INCHES = {"in": 1.0, "pt": 1 / 72, "cm": 1 / 2.54, "mm": 1 / 25.4, "px": 1 / 96, "": 1 / 96}
_LEVEL_INDENT = 0.5  # inches: Word indents each level of a list half an inch more
_NUMBER = re.compile(r"\(?(\d{1,9})[.)]?")
_MOST_LEVELS = 9  # Word's own limit
_LONGEST_MARKER = 200  # characters: a bullet or number, and the spaces after it


class WordLists:
    """The list item Word saved as a paragraph that is being read, and its marker."""

    def __init__(self) -> None:
        self._item = False
        self._marker: list[str] | None = None
        self._spans = 0  # open spans of a marker marked by its span, 0 if none is
        self._filtered = False  # the item was saved as a filtered page: no styles, no sections
        self._owner = BlockOwner()  # the item's

    @property
    def gathering(self) -> bool:
        """True while the text read is an item's bullet or number."""
        return self._marker is not None

    def item_context(self, context: Context, tag: str, attrs: dict[str, str]) -> Context:
        """The context inside a block element: a list item's if Word saved it as a
        paragraph. Call :meth:`left_open` first."""
        self._item, self._marker, self._spans, self._filtered = False, None, 0, False
        style = attrs.get("style", "")
        level = word_list_level(style) if tag == "p" else 0
        if not level and tag == "p" and _FILTERED_ITEM.search(attrs.get("class", "")):
            level = filtered_list_level(style)
            self._filtered = bool(level)
        if not level or context.kind is not BlockKind.PARAGRAPH or context.open_cell:
            return context
        self._item = True
        if self._filtered:
            self._marker = []  # the marker is the item's first words, before its spacer
        item: BlockAttrs = {"level": level, "number": 0}
        self._owner = BlockOwner()
        return replace(context, kind=BlockKind.ITEM, attrs=item, owner=self._owner)

    def comment(self, data: str) -> str | None:
        """A comment or marked section: the item's marker if it ends one, else None."""
        said = conditional(data)
        if said == "if !supportlists" and self._item:
            self._marker = []
        elif said == "endif" and self._marker is not None and not self._spans:
            marker, self._marker, self._item = "".join(self._marker), None, False
            return marker
        return None

    def start_span(self, style: str) -> None:
        """A span starts: an item's marker if it is the first ``mso-list:Ignore`` one."""
        if self._spans:
            self._spans += 1
        elif self._item and self._marker is None and _IGNORED.search(style):
            self._marker, self._spans = [], 1
        elif self._filtered and self._marker is not None and _SPACER.search(style):
            self._spans = 1  # the marker ends with the spaces after it

    def end_span(self) -> str | None:
        """A span ends: the item's marker if it ends the span marking one, else None."""
        if not self._spans:
            return None
        self._spans -= 1
        if self._spans:
            return None
        self._item = False  # one marker per item
        marker, self._marker = "".join(self._marker or ()), None
        return marker

    def gather(self, data: str) -> str:
        """Gather ``data`` into the marker: "", or all of it if it grew too long to be one
        (a page that left its section open), to read as text."""
        assert self._marker is not None
        self._marker.append(data)
        if sum(map(len, self._marker)) > _LONGEST_MARKER:
            return self.left_open()
        if self._filtered and _WORDS.search("".join(self._marker)):
            # Words: the paragraph hangs no marker, and is a paragraph (an item whose
            # words were read reads on as one).
            self._owner.used = True
            return self.left_open()
        return ""

    def left_open(self) -> str:
        """What was gathered as a marker whose section is still open ("" if none), to read
        as text: a block begins or ends, or the page does."""
        marker, self._marker, self._spans = self._marker, None, 0
        return "".join(marker or ())


def word_list_level(style: str) -> int:
    """The list level a paragraph's style gives it (1 for the outermost), 0 if none."""
    found = _LEVEL.search(style)
    return min(max(int(found[1]), 1), _MOST_LEVELS) if found else 0


def filtered_list_level(style: str) -> int:
    """The list level of a List Paragraph saved as a filtered page (1 for the outermost),
    told by its indent, or 0 if it hangs no marker (an indented paragraph in a list)."""
    if not _HANGING.search(style):
        return 0
    margin = _MARGIN.search(style)
    if margin is None:
        return 1  # the List Paragraph style's own indent, the first level's
    inches = float(margin[1]) * _INCHES[(margin[2] or "").lower()]
    return min(max(round(inches / _LEVEL_INDENT), 1), _MOST_LEVELS)


def conditional(text: str) -> str:
    """What a conditional comment or section says: "if !supportlists", "endif"... (Word
    breaks long lines anywhere, inside these too)."""
    return " ".join(text.strip().strip("[]").split()).lower()


def marker_number(marker: str) -> int | None:
    """The number Word wrote before an item, 0 for a bullet, or None for a marker to keep
    as text (a letter or a roman numeral)."""
    text = marker.replace("\xa0", " ").strip()
    number = _NUMBER.fullmatch(text)
    if number is not None:
        return int(number[1])
    if len(text) <= 1 or not any(c.isalnum() for c in text):
        return 0  # "·", "o", "§": bullets drawn in a symbol font
    return None
