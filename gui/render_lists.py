"""An article's list items as Qt lists, their markers drawn beside the text as browsers
draw them (never in it: a marker is no word of the article).

An item joins the open list of its depth and kind, or starts one. Qt numbers a list's
items one after another from its first, so an item whose number does not follow the one
before it (in a list counting down, or after an item's own number) starts a list of its
own at its number. An item shown without a marker is in a list whose style is left
undefined, for which Qt draws none, and which no item with a marker joins. Numbered items
of articles imported before markers were kept (see :class:`~diptych.storage.document.Block`)
count on from their list's first item, as they always showed.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextList, QTextListFormat

from diptych.storage.document import NO_MARKER, Block
from diptych.storage.item_markers import is_numbered as numbered_item

MAX_LIST_INDENT = 12
"""Lists nested deeper (a page's unclosed <ul>s) are indented no further, so that their
text stays on the screen."""
MAX_LIST_NUMBER = 2**31 - 1  # the largest number Qt can show
_LARGEST_ROMAN = 3999  # browsers write larger numbers in digits; Qt writes "?"
_Style = QTextListFormat.Style
_NUMBERS = {
    "1": _Style.ListDecimal,
    "a": _Style.ListLowerAlpha,
    "A": _Style.ListUpperAlpha,
    "i": _Style.ListLowerRoman,
    "I": _Style.ListUpperRoman,
}
_BULLETS = (_Style.ListDisc, _Style.ListCircle, _Style.ListSquare)


def is_numbered(block: Block) -> bool:
    """True for an item of an ordered list (one without a marker: numbered from 1 up), as
    the exports tell it too."""
    return numbered_item(block.number, block.marker)


def marker_style(block: Block) -> QTextListFormat.Style:
    """How Qt draws the item's marker."""
    if block.marker == NO_MARKER:
        return _Style.ListStyleUndefined
    if not is_numbered(block):
        return _BULLETS[(max(block.level, 1) - 1) % 3]
    style = _NUMBERS.get(block.marker, _Style.ListDecimal)
    roman = style in (_Style.ListLowerRoman, _Style.ListUpperRoman)
    return _Style.ListDecimal if roman and block.number > _LARGEST_ROMAN else style


def list_format(block: Block) -> QTextListFormat:
    """The format of a list whose first item is ``block``."""
    fmt = QTextListFormat()
    fmt.setStyle(marker_style(block))
    if is_numbered(block):
        fmt.setStart(max(min(block.number, MAX_LIST_NUMBER), -MAX_LIST_NUMBER))
    fmt.setIndent(min(max(block.level, 1), MAX_LIST_INDENT))
    return fmt


class OpenLists:
    """The lists items join, by depth and kind, with the number each expects next."""

    def __init__(self) -> None:
        self._lists: dict[tuple[int, bool], tuple[QTextList, int, QTextListFormat.Style]] = {}

    def clear(self) -> None:
        """Another kind of block came: the next item starts a new list."""
        self._lists.clear()

    def join(self, cursor: QTextCursor, block: Block) -> None:
        """Put the cursor's block, the item ``block``, into its list."""
        for deeper in [key for key in self._lists if key[0] > block.level]:
            del self._lists[deeper]  # a shallower item ends the deeper lists
        key = (block.level, is_numbered(block))
        style = marker_style(block)
        found = self._lists.get(key)
        if found is not None and _follows(found[1:], block, style):
            listed = found[0]
            listed.add(cursor.block())
        else:
            listed = cursor.createList(list_format(block))
        self._lists[key] = (listed, block.number + 1, style)


def _follows(
    expected: tuple[int, QTextListFormat.Style], block: Block, style: QTextListFormat.Style
) -> bool:
    """True if the item shows as the next of the open list would."""
    if expected[1] != style:
        return False
    # A bullet, an item from before markers were kept, or one whose number is not shown
    return block.marker in ("", NO_MARKER) or expected[0] == block.number
