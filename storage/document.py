"""The article's display text and its block structure.

An article is shown to the reader as a *display text*: a plain string holding every word,
with no markup. Its structure (headings, paragraphs, list items, table cells) and inline
styles (emphasis, links) are kept beside it as :class:`Block` and :class:`Span` ranges, in
Unicode code points, so that annotations can anchor to the text itself and every export
can quote it exactly.

Layout rules of the display text, relied on by the renderer and the exporters:

- blocks are in reading order, do not overlap, and each covers ``text[start:end]``;
- consecutive blocks are separated by exactly one character: a tab between two cells of
  the same table row, a newline everywhere else;
- a block may contain newlines of its own (a line break, or the lines of a code block).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple


class BlockKind(StrEnum):
    """What a block is to the reader."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"
    CELL = "cell"
    CODE = "code"
    QUOTE = "quote"


class SpanStyle(StrEnum):
    """Inline styles a span can carry."""

    EMPHASIS = "em"
    STRONG = "strong"
    CODE = "code"
    LINK = "link"
    STRIKE = "strike"
    """Struck-out text (``<del>``, ``<s>``, ``<strike>``, Markdown's ``~~``): a figure
    corrected away, a word a page marks as deleted."""


DECIMAL = "1"
"""The marker of an item numbered in digits (see :attr:`Block.marker`)."""
NO_MARKER = "none"
"""The marker of an item shown without one, numbered or not (``list-style-type: none``)."""
WRAPPED_CODE = 1
"""The level of a code block whose lines wrap as prose does: a Markdown file's front matter
(``title: …``, ``tags: …``), whose long lines a narrow pane should not cut off. Other code
keeps its lines whole, as it is written."""


class Span(NamedTuple):
    """An inline style over ``[start, end)`` of the display text (code points)."""

    start: int
    end: int
    style: SpanStyle
    href: str = ""


class Block(NamedTuple):
    """One block of the display text (a named tuple: articles hold tens of thousands).

    Attributes:
        kind: what the block is.
        start: first code point of the block in the display text.
        end: one past its last code point.
        level: heading level (1-6) for headings, nesting depth (1-based) for list items,
            how many steps a paragraph is indented (a definition under its term),
            :data:`WRAPPED_CODE` for code whose lines wrap as prose does, else 0.
        number: the item's number in an ordered list, 0 for a bullet.
        table: index of the table a cell belongs to (0-based, per article), else -1.
        row: the cell's row within its table, else -1.
        col: the cell's column within its row, else -1.
        header: True for a table header cell.
        spans: inline styles inside the block, in display-text coordinates.
        marker: how an ordered item's number is written, as HTML's ``type`` says it:
            "1", "a", "A", "i" or "I"; its ``number`` is then the one shown. "" for a
            bullet, and for the numbered items of articles imported before markers were
            kept, whose lists count on from their first item's number. :data:`NO_MARKER`
            for an item of either kind shown without a marker.
        colspan: how many columns a table cell spans (1 for other blocks, and for the
            cells of articles imported before spans were kept).
        rowspan: how many rows a table cell spans, as :attr:`colspan`.
    """

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    number: int = 0
    table: int = -1
    row: int = -1
    col: int = -1
    header: bool = False
    spans: tuple[Span, ...] = ()
    marker: str = ""
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True, slots=True)
class Heading:
    """An outline entry: a heading with its level and position."""

    level: int
    text: str
    start: int


@dataclass(frozen=True, slots=True)
class ArticleText:
    """The display text of an article together with its blocks."""

    text: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def outline(self) -> list[Heading]:
        """Every heading in reading order."""
        return [
            Heading(b.level, self.text[b.start : b.end], b.start)
            for b in self.blocks
            if b.kind is BlockKind.HEADING
        ]

    def section_at(self, offset: int) -> str:
        """The text of the nearest heading at or before ``offset``, or "" if none."""
        section = ""
        for block in self.blocks:
            if block.start > offset:
                break
            if block.kind is BlockKind.HEADING:
                section = self.text[block.start : block.end]
        return section

    def to_json(self) -> str:
        """The blocks as compact JSON (the text itself is stored separately)."""
        return blocks_to_json(self.blocks)


def blocks_to_json(blocks: Iterable[Block]) -> str:
    """Serialise blocks as columns (one list per field; spans keyed by block index).

    Columns decode with ``map`` in C rather than a Python loop per block: an article of
    tens of thousands of blocks opens in a fraction of the time.
    """
    rows = list(blocks)
    columns: dict[str, object] = {
        "v": 2,
        "k": [b.kind.value for b in rows],
        "s": [b.start for b in rows],
        "e": [b.end for b in rows],
    }
    for key, default, values in (
        ("l", 0, [b.level for b in rows]),
        ("n", 0, [b.number for b in rows]),
        ("t", -1, [b.table for b in rows]),
        ("r", -1, [b.row for b in rows]),
        ("c", -1, [b.col for b in rows]),
        ("h", 0, [int(b.header) for b in rows]),
        ("m", "", [b.marker for b in rows]),
        ("cs", 1, [b.colspan for b in rows]),
        ("rs", 1, [b.rowspan for b in rows]),
    ):
        if any(value != default for value in values):  # columns of defaults are left out
            columns[key] = values
    spans = {
        str(i): [[s.start, s.end, s.style.value, s.href] for s in b.spans]
        for i, b in enumerate(rows)
        if b.spans
    }
    if spans:
        columns["sp"] = spans
    return json.dumps(columns, separators=(",", ":"), ensure_ascii=False)


_KINDS = {kind.value: kind for kind in BlockKind}
_STYLES = {style.value: style for style in SpanStyle}
_NO_TABLE = (-1, -1, -1, 0)


def heading_ranges(data: str) -> list[tuple[int, int]]:
    """The start and end of each heading among the blocks :func:`blocks_to_json` wrote,
    without making the others into blocks (a citation's section needs only these)."""
    decoded = json.loads(data)
    if isinstance(decoded, list):  # the older form
        return [(b.start, b.end) for b in blocks_from_json(data) if b.kind is BlockKind.HEADING]
    heading = BlockKind.HEADING.value
    return [
        (start, end)
        for kind, start, end in zip(decoded["k"], decoded["s"], decoded["e"], strict=True)
        if kind == heading
    ]


class ItemMark(NamedTuple):
    """Where a list item is, how deep it is nested and how it is marked (see
    :class:`Block`)."""

    start: int
    end: int
    level: int
    number: int
    marker: str


def item_marks(data: str) -> list[ItemMark]:
    """The list items among the blocks :func:`blocks_to_json` wrote, in order, without
    making the others into blocks (text copied out needs only these for its bullets)."""
    decoded = json.loads(data)
    if isinstance(decoded, list):  # the older form
        blocks = blocks_from_json(data)
        return [
            ItemMark(b.start, b.end, b.level, b.number, b.marker)
            for b in blocks
            if b.kind is BlockKind.ITEM
        ]
    item = BlockKind.ITEM.value
    count = len(decoded["k"])
    return [
        ItemMark(start, end, level, number, marker)
        for kind, start, end, level, number, marker in zip(
            decoded["k"],
            decoded["s"],
            decoded["e"],
            decoded.get("l", [0] * count),
            decoded.get("n", [0] * count),
            decoded.get("m", [""] * count),
            strict=True,
        )
        if kind == item
    ]


def blocks_from_json(data: str) -> tuple[Block, ...]:
    """Inverse of :func:`blocks_to_json`; also reads the older one-object-per-block form."""
    decoded = json.loads(data)
    if isinstance(decoded, list):
        return tuple(_block_from_row(row) for row in decoded)
    count = len(decoded["k"])
    zeros, minus, ones = [0] * count, [-1] * count, [1] * count
    spans: list[tuple[Span, ...]] = [()] * count
    for index, items in decoded.get("sp", {}).items():
        spans[int(index)] = tuple(Span(s, e, _STYLES[st], h) for s, e, st, h in items)
    return tuple(
        map(
            Block._make,
            zip(
                map(_KINDS.__getitem__, decoded["k"]),
                decoded["s"],
                decoded["e"],
                decoded.get("l", zeros),
                decoded.get("n", zeros),
                decoded.get("t", minus),
                decoded.get("r", minus),
                decoded.get("c", minus),
                map(bool, decoded.get("h", zeros)),
                spans,
                decoded.get("m", [""] * count),
                decoded.get("cs", ones),
                decoded.get("rs", ones),
                strict=True,
            ),
        )
    )


def _block_from_row(row: dict[str, Any]) -> Block:
    table, brow, col, header = row.get("t", _NO_TABLE)
    raw = row.get("sp")
    spans = tuple(Span(s, e, _STYLES[st], h) for s, e, st, h in raw) if raw else ()
    kind = _KINDS[row["k"]]
    level, number = row.get("l", 0), row.get("n", 0)
    return Block(kind, row["s"], row["e"], level, number, table, brow, col, bool(header), spans, "")


def separator_between(before: Block, after: Block) -> str:
    """The one character the display text holds between two consecutive blocks."""
    same_row = (
        before.kind is BlockKind.CELL
        and after.kind is BlockKind.CELL
        and (before.table, before.row) == (after.table, after.row)
    )
    return "\t" if same_row else "\n"


def check_layout(article: ArticleText) -> None:
    """Raise ValueError if ``article`` breaks the layout rules (used by tests and import)."""
    text, blocks = article.text, article.blocks
    position = 0
    for index, block in enumerate(blocks):
        if index:
            sep = separator_between(blocks[index - 1], block)
            if text[position : position + 1] != sep:
                raise ValueError(f"block {index}: expected {sep!r} at {position}")
            position += 1
        if block.start != position or block.end < block.start:
            raise ValueError(f"block {index} starts at {block.start}, expected {position}")
        for span in block.spans:
            if not block.start <= span.start < span.end <= block.end:
                raise ValueError(f"block {index}: span {span} outside the block")
        position = block.end
    if position != len(text):
        raise ValueError(f"text continues after the last block ({position} < {len(text)})")
