# The shape a passage has in its article, for the exports that quote it as it reads: when
# it spans several blocks, each piece of it with what it is there (a paragraph, a list
# item with its number and nesting, a heading, a table row of cells). A quote over three
# items of a list read, in a brief, as three paragraphs that lost their bullets; one over
# a table's rows as a column of single words. A passage within one block has no shape of
# its own (part of one list item is not a list), nor has an orphan, whose offsets no longer
# point into the text, or a passage whose text no longer reads so there: those are quoted
# line by line.

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from diptych.storage.document import Block, BlockKind
from diptych.storage.model import Annotation, Article


class Piece(NamedTuple):
    """One piece of a passage, as its article shows it.

    Attributes:
        kind: "para", "item", "heading", "row" or "code" (preformatted lines, kept as
            they are: their spaces and line breaks).
        text: its words ("" for a row); a paragraph's line breaks kept, others' made spaces.
        level: a heading's level, or an item's nesting (1: not nested).
        number: an item's number in an ordered list, 0 for a bullet.
        marker: how an item's number is written, as its block's
            :attr:`~diptych.storage.document.Block.marker` says ("1", "a", "I"...).
        cells: a row's cells, each on one line, one for each column of its table: a
            cell that is empty, or that the passage does not reach (before its start on
            its first row, after its end on its last), is "" (its figures stay under
            their own headers).
        first_row: the first row of its table within the passage (a header in Markdown).
        header: a row of the table's header cells (a row quoted from its middle: of those
            quoted).
    """

    kind: str
    text: str = ""
    level: int = 0
    number: int = 0
    cells: tuple[str, ...] = ()
    first_row: bool = False
    header: bool = False
    marker: str = ""


class QuoteShapes:
    """The shapes of the passages of one export (each article's block ends are listed once,
    to find where its passages begin)."""

    def __init__(self) -> None:
        self._ends: dict[int, list[int]] = {}

    def pieces(self, passage: Annotation, article: Article) -> list[Piece] | None:
        """The pieces of ``passage`` of ``article``, or None when it has no shape of its own
        (within one block, an orphan, or no longer reading so): quote its lines."""
        start, end = passage.start, passage.end
        if passage.is_orphan or start >= end:
            return None
        blocks = article.content.blocks
        ends = self._ends.get(article.id)
        if ends is None:
            ends = self._ends[article.id] = [b.end for b in blocks]
        first = bisect_right(ends, start)
        if first >= len(blocks):
            return None
        if blocks[first].end >= end:  # within one block, as most are: its lines, unless code
            if blocks[first].kind is not BlockKind.CODE or not _reads_so(passage, article):
                return None
            return [Piece("code", passage.exact)]
        if not _reads_so(passage, article):
            return None
        text = article.content.text
        return list(_pieces(blocks, first, text, start, end)) or None


def _pieces(
    blocks: Sequence[Block], first: int, text: str, start: int, end: int
) -> Iterator[Piece]:
    """The pieces from ``start`` to ``end``, block by block from ``blocks``' ``first``; a
    table's cells gathered into rows."""
    row: _Row | None = None
    for at in range(first, len(blocks)):
        block = blocks[at]
        if block.start >= end:
            break
        piece = text[max(block.start, start) : min(block.end, end)]
        if not piece.strip():
            continue
        if block.kind is BlockKind.CELL:
            if row is not None and (block.table, block.row) != row.key:
                yield row.piece()
                row = _Row(blocks, at, first_row=block.table != row.key[0])
            elif row is None:
                row = _Row(blocks, at, first_row=True)
            row.add(block, " ".join(piece.split()))
            continue
        if row is not None:
            yield row.piece()
            row = None
        words = " ".join(piece.split())
        if block.kind is BlockKind.ITEM:
            level = max(block.level, 1)
            yield Piece("item", words, level=level, number=block.number, marker=block.marker)
        elif block.kind is BlockKind.HEADING:
            yield Piece("heading", words, level=min(max(block.level, 1), 6))
        elif block.kind is BlockKind.CODE:
            yield Piece("code", piece.strip("\n"))
        else:
            yield Piece("para", piece.strip("\n"))
    if row is not None:
        yield row.piece()


def _reads_so(passage: Annotation, article: Article) -> bool:
    """True if the article's text still reads the passage's words where it says."""
    start, end = passage.start, passage.end
    return end - start == len(passage.exact) and article.content.text.startswith(
        passage.exact, start
    )


class _Row:
    """The quoted cells of one table row, each in its column, the others ""."""

    def __init__(self, blocks: Sequence[Block], at: int, *, first_row: bool) -> None:
        """The row of the cell ``blocks[at]``, the first the passage holds of it."""
        self.key = (blocks[at].table, blocks[at].row)
        self.cells = [""] * _table_width(blocks, at)
        self.first_row = first_row
        self.header = True
        self._col = -1

    def add(self, block: Block, words: str) -> None:
        """Put the cell ``block``'s quoted ``words`` in its column. An empty cell has no
        block: cells put one after another would move the next ones to the wrong
        columns. (A cell whose column is not known, -1, follows the one before.)"""
        self._col = block.col if block.col >= 0 else self._col + 1
        self.cells += [""] * (self._col + 1 - len(self.cells))
        self.cells[self._col] = words
        self.header = self.header and block.header

    def piece(self) -> Piece:
        """The row as a piece of the passage."""
        cells = tuple(self.cells)
        return Piece("row", cells=cells, first_row=self.first_row, header=self.header)


def _table_width(blocks: Sequence[Block], at: int) -> int:
    """The columns of the table whose cell is ``blocks[at]``: its widest row's (a row
    may hold more cells than the header)."""
    table = blocks[at].table
    width = 0
    for step in (-1, 1):
        other = at
        while 0 <= other < len(blocks):
            block = blocks[other]
            if block.kind is not BlockKind.CELL or block.table != table:
                break
            width = max(width, block.col + 1)
            other += step
    return width
