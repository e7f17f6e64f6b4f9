"""How a table of an article is laid into the document: in one piece, or in pieces.

Qt lays a table out whole, as one frame: a table of 10,000 rows held the window for ten
seconds before anything was painted. A long table is therefore put in as a run of tables
of about 150 cells each (:data:`PIECE_CELLS`), one directly after the other, with no
margin between them and their borders on one line, so that it reads as one table; the
document is then built and laid out piece by piece like paragraphs. The columns of such a
table have fixed shares of the width, the same in every piece so that they line up,
measured from the text of its first rows. A short table keeps Qt's widths, sized by each
cell's content.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from operator import attrgetter

from PySide6.QtGui import QColor, QTextFrameFormat, QTextLength, QTextTableFormat

from diptych.storage.document import Block, BlockKind

PIECE_CELLS = 150
"""Cells in one piece of a long table: built and laid out in 20-30 ms (a table of 10,000
rows × 3 columns in one piece took 1.5 s to lay out, and the window waited for all of it)."""
MIN_PIECE_ROWS = 4
PIECE_OVERLAP = 4
"""Pixels by which a piece moves up over the one before: two tables meeting leave 4 px
more between their rows than a table leaves between two of its own (measured), where the
two borders then fall on one line."""
SAMPLED_ROWS = 200  # the rows whose text sizes the columns of a long table
LONGEST_CELL = 40  # characters: a longer cell wraps, and asks for no wider a column
_WORD = re.compile(r"\S+")
_TABLE, _ROW, _COLUMN = attrgetter("table"), attrgetter("row"), attrgetter("col")


@dataclass(frozen=True)
class TablePlan:
    """One table of the article, and the pieces it is put in as.

    Attributes:
        first: index of the table's first cell among the article's blocks.
        last: one past its last cell.
        rows: the table's rows that hold a cell -> their row in the document's table.
        columns: its columns that hold a cell -> their column in the document's table.
        piece_rows: rows in each piece (all of them for a table put in whole).
        shares: each column's share of the width in percent (empty: sized by content).
    """

    first: int
    last: int
    rows: dict[int, int]
    columns: dict[int, int]
    piece_rows: int
    shares: tuple[float, ...]

    @property
    def in_pieces(self) -> bool:
        """True for a table put in as several pieces."""
        return len(self.rows) > self.piece_rows

    def piece_end(self, blocks: Sequence[Block], start: int) -> int:
        """One past the last cell of the piece whose first cell is block ``start``."""
        stop_row = (self.rows[blocks[start].row] // self.piece_rows + 1) * self.piece_rows
        end = start
        while end < self.last and self.rows[blocks[end].row] < stop_row:
            end += 1
        return end


def plan_table(text: str, blocks: Sequence[Block], first: int) -> TablePlan:
    """The plan of the table whose first cell is block ``first``."""
    table_id = blocks[first].table
    last = first
    for block in islice(blocks, first, None):  # a table's cells are in one run
        if block.kind is not BlockKind.CELL or block.table != table_id:
            break
        last += 1
    cells = blocks[first:last]
    # Only rows and columns that hold a cell: a page's colspan="1000" or empty rows
    # would otherwise squeeze the real columns to nothing (and lay out for minutes).
    rows = {row: index for index, row in enumerate(sorted(set(map(_ROW, cells))))}
    columns = {col: index for index, col in enumerate(sorted(set(map(_COLUMN, cells))))}
    piece_rows = max(MIN_PIECE_ROWS, PIECE_CELLS // max(1, len(columns)))
    if len(rows) <= piece_rows:
        return TablePlan(first, last, rows, columns, len(rows), ())
    shares = column_shares(text, cells, rows, columns)
    return TablePlan(first, last, rows, columns, piece_rows, shares)


def column_shares(
    text: str, cells: Sequence[Block], rows: dict[int, int], columns: dict[int, int]
) -> tuple[float, ...]:
    """Each column's share of the width (percent), from the text of the first rows.

    A column asks for the room of its longest word, or of its longest cell up to
    :data:`LONGEST_CELL` characters where that is more: figures get narrow columns,
    sentences wide ones, and no word is split where the width allows it.
    """
    wanted = [2] * len(columns)
    for cell in cells:
        if rows[cell.row] >= SAMPLED_ROWS:
            break
        content = text[cell.start : cell.end]
        words = _WORD.findall(content)
        longest_word = max(map(len, words), default=0)
        column = columns[cell.col]
        wanted[column] = max(wanted[column], longest_word, min(len(content), LONGEST_CELL))
    total = sum(wanted)
    return tuple(100 * w / total for w in wanted)


def table_format(
    rule_color: QColor, plan: TablePlan, *, first_piece: bool = True, last_piece: bool = True
) -> QTextTableFormat:
    """The format of a table, or of one piece of a long table.

    A table spans the text's width. Its columns are sized by their content (Qt's variable
    widths): given equal shares, a narrow pane split a word ("Communicati/on") in one
    column while the next held a figure. The pieces of a long table share fixed widths,
    and only the first has a margin above and the last one below: the others meet
    (:data:`PIECE_OVERLAP`).
    """
    fmt = QTextTableFormat()
    fmt.setBorder(1)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorderBrush(rule_color)
    fmt.setCellPadding(4)
    fmt.setCellSpacing(0)
    fmt.setBorderCollapse(True)
    fmt.setTopMargin(6 if first_piece else -PIECE_OVERLAP)
    fmt.setBottomMargin(10 if last_piece else 0)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    if plan.shares:
        fmt.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, share) for share in plan.shares]
        )
    return fmt


def holds_long_table(blocks: Sequence[Block]) -> bool:
    """True if an article holds a table of more than one piece's cells (counted by the
    blocks' table number: ten times faster than asking each block its kind first)."""
    cells = Counter(map(_TABLE, blocks))
    return any(count > PIECE_CELLS for table, count in cells.items() if table >= 0)
