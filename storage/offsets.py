"""Offset arithmetic between the display text and a rendered document.

Annotations count Unicode code points (as the W3C selectors and REFI-QDA do). Qt counts
UTF-16 code units, and its rendered document holds extra positions the display text lacks
(table frame markers). :class:`PositionMap` converts between the two; it is pure Python so
that it can be tested without a window.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from diptych.storage.document import Block

_BMP_MAX = "\uffff"


def utf16_length(text: str) -> int:
    """Number of UTF-16 code units needed for ``text``."""
    if text.isascii() or max(text, default="a") <= _BMP_MAX:  # both run in C
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def utf16_to_codepoint(text: str, utf16_offset: int) -> int:
    """Code-point offset in ``text`` of a UTF-16 offset.

    An offset that falls between the two halves of a surrogate pair rounds down to the
    character's start; offsets beyond the end clamp to ``len(text)``.
    """
    if text.isascii() or max(text, default="a") <= _BMP_MAX:
        return min(max(utf16_offset, 0), len(text))
    units = 0
    for index, ch in enumerate(text):
        width = 2 if ord(ch) > 0xFFFF else 1
        if units + width > utf16_offset:
            return index
        units += width
    return len(text)


def codepoint_to_utf16(text: str, offset: int) -> int:
    """UTF-16 offset of code-point ``offset`` in ``text`` (clamped to the text)."""
    return utf16_length(text[: max(0, offset)])


class PositionMap:
    """Maps display-text code points to rendered-document positions and back.

    The blocks come in the display text's order; the renderer may place them in another
    (the cells of a right-to-left table's row, whose first cell is its document row's
    last), so the rendered starts are also kept sorted, each with its block.

    Args:
        text: the display text.
        blocks: its blocks.
        rendered_starts: for each block, the position (UTF-16 units) at which the renderer
            placed its first character. Everything between blocks is layout only.
    """

    def __init__(
        self, text: str, blocks: Sequence[Block] = (), rendered_starts: Sequence[int] = ()
    ) -> None:
        if len(blocks) != len(rendered_starts):
            raise ValueError("one rendered start is needed per block")
        self._text = text
        self._blocks = list(blocks)
        self._starts = [b.start for b in blocks]
        self._rendered = list(rendered_starts)
        # The rendered starts in the document's order, and the block placed at each.
        order = sorted(range(len(self._rendered)), key=self._rendered.__getitem__)
        self._placed = [self._rendered[index] for index in order]
        self._placed_blocks = order
        self._one_unit: dict[int, bool] = {}  # block index -> every character is one UTF-16 unit

    def __len__(self) -> int:
        return len(self._blocks)

    def append(self, block: Block, rendered_start: int) -> None:
        """Record the next block of the display text (while a document is built), placed
        at ``rendered_start``: mostly after the others, a right-to-left table's cell before
        the cells of its row already placed."""
        if self._blocks and block.start < self._starts[-1]:
            raise ValueError("blocks must be appended in order")
        # Mostly at the end; else a few places from it (a row's cells at most).
        at = bisect_right(self._placed, rendered_start)
        self._placed.insert(at, rendered_start)
        self._placed_blocks.insert(at, len(self._blocks))
        self._blocks.append(block)
        self._starts.append(block.start)
        self._rendered.append(rendered_start)

    def to_rendered(self, offset: int) -> int:
        """Rendered position of code-point ``offset`` (the end of a block maps to its end)."""
        if not self._blocks:
            return 0
        index = self.block_index_at(offset)
        block = self._blocks[index]
        inside = min(max(offset, block.start), block.end)
        if self._all_one_unit(index):  # most text: no need to count the units
            return self._rendered[index] + inside - block.start
        return self._rendered[index] + utf16_length(self._text[block.start : inside])

    def _all_one_unit(self, index: int) -> bool:
        known = self._one_unit.get(index)
        if known is None:
            block = self._blocks[index]
            text = self._text[block.start : block.end]
            known = self._one_unit[index] = utf16_length(text) == len(text)
        return known

    def to_display(self, position: int) -> int:
        """Code-point offset of rendered ``position``; layout-only positions snap to a block."""
        if not self._blocks:
            return 0
        index = self.block_index_at_rendered(position)
        block = self._blocks[index]
        units = max(0, position - self._rendered[index])
        return block.start + utf16_to_codepoint(self._text[block.start : block.end], units)

    def block_index_at(self, offset: int) -> int:
        """Index of the block that starts at or before display ``offset`` (the first for
        an offset before them all)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def block_index_at_rendered(self, position: int) -> int:
        """Index of the block whose rendered text starts at or before ``position`` (the
        last such in the document; the first block in it for a position before them all)."""
        return self._placed_blocks[max(0, bisect_right(self._placed, position) - 1)]

    def rendered_start(self, index: int) -> int:
        """Rendered position of block ``index``'s first character."""
        return self._rendered[index]

    def block(self, index: int) -> Block:
        """Block number ``index``."""
        return self._blocks[index]
