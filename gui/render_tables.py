"""How a table of an article is laid into the document: in one piece, or in pieces.

Qt lays a table out whole, as one frame: a table of 10,000 rows held the window for ten
seconds before anything was painted. A long table is therefore put in as a run of tables
of about 150 cells each (:data:`PIECE_CELLS`), one directly after the other, with no
margin between them and their borders on one line, so that it reads as one table; the
document is then built and laid out piece by piece like paragraphs. The columns of such a
table have fixed widths, the same in every piece so that they line up, measured from the
text of its first rows: a column of words or figures is as wide as its widest one, the
columns of text share the rest. A short table's columns are fitted to the pane's width
(:mod:`diptych.gui.table_fit`).

A table read right to left (:mod:`diptych.gui.table_direction`) is put in with each
row's cells last first, so that its first column shows on the right.

Where a position falls among a table's cells and pieces is :mod:`diptych.gui.table_positions`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from operator import attrgetter

from PySide6.QtCore import QSignalBlocker, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)

from diptych.gui.table_direction import fitted_shares, reads_right_to_left
from diptych.storage.document import Block, BlockKind

PIECE_CELLS = 150
"""Cells in one piece of a long table: built and laid out in 20-30 ms (a table of 10,000
rows × 3 columns in one piece took 1.5 s to lay out, and the window waited for all of it)."""
MIN_PIECE_ROWS = 4
PIECE_OVERLAP = 4
"""Pixels by which a piece moves up over the one before: two tables meeting leave 4 px
more between their rows than a table leaves between two of its own (measured), where the
two borders then fall on one line."""
LONG_TABLE = QTextFormat.Property.UserProperty.value + 1
"""The property of a piece's format naming the long table it is part of (its first cell)."""
FONT_UNIT = LONG_TABLE + 1
"""The property of a piece's format holding the width of :data:`UNIT_TEXT` in the font its
column widths are for: zoomed, the widths follow the font (:func:`fit_long_tables`)."""
SHARES = FONT_UNIT + 5
"""The property of a piece of a right-to-left long table holding each column's share of
the room its columns of words leave (0 for a column of words, of a fixed width): its
columns all get fixed widths, fitted to the pane's width
(:func:`~diptych.gui.table_direction.fitted_shares`)."""
UNIT_TEXT = "0123456789"
SAMPLED_ROWS = 200  # the first rows whose text sizes the columns of a long table ...
SPREAD_ROWS = 200  # ... and about as many more, spread over the rest of it
LONGEST_CELL = 40  # characters: a longer cell wraps, and asks for no wider a column
SHORT_CELL = 12  # characters: a cell up to this long asks for room on one line, as a word
LONGEST_WORD = 48  # characters: a longer word breaks within its column
CELL_PADDING = 3  # characters: the room of a cell's padding and border beside its text
CELL_ROOM = 11  # pixels: a cell's padding (4 each side), its border, and a pixel to spare
TEXT_SHARE = 0.5
"""The part of its cells' average length a column of text (cells of several words) asks
for: the room left to the figures and words of the other columns, the text wraps."""
_WORD = re.compile(r"\S+")
# Where a line may break within a word: after a slash (a web address) and after a hyphen
# between letters ("South-East"; not the minus of "-1.9").
_BREAK = re.compile(r"(?<=/)(?=[^/])|(?<=[^\W\d_][-‐–—])(?=[^\W\d_])")
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
        widths: each column's width, in pixels or as a share of the rest (empty: sized by
            content).
        unit: the width of :data:`UNIT_TEXT` in the font the widths were measured in.
        right_to_left: a table read right to left, its first column shown on the right
            (its columns put in last first).
    """

    first: int
    last: int
    rows: dict[int, int]
    columns: dict[int, int]
    piece_rows: int
    widths: tuple[QTextLength, ...]
    unit: float = 0.0
    right_to_left: bool = False

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


def plan_table(text: str, blocks: Sequence[Block], first: int, font: QFont) -> TablePlan:
    """The plan of the table whose first cell is block ``first``, in the article's ``font``."""
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
    backwards = reads_right_to_left(text, cells)
    if backwards:  # the first column last, on the right
        columns = {col: len(columns) - 1 - index for col, index in columns.items()}
    piece_rows = max(MIN_PIECE_ROWS, PIECE_CELLS // max(1, len(columns)))
    if len(rows) <= piece_rows:
        return TablePlan(first, last, rows, columns, len(rows), (), right_to_left=backwards)
    widths = column_widths(text, cells, rows, columns, font)
    return TablePlan(
        first, last, rows, columns, piece_rows, widths, font_unit(font), right_to_left=backwards
    )


def column_widths(
    text: str,
    cells: Sequence[Block],
    rows: dict[int, int],
    columns: dict[int, int],
    font: QFont,
) -> tuple[QTextLength, ...]:
    """Each column's width, from the text of the first rows and of rows spread over the
    rest of the table down to its last (numbers grow longer further down: "key 1999").

    A column of single words, figures or short cells (its header's included) asks for
    the room of its longest one and a cell's padding; a column of text asks for that, or
    half its cells' average length (up to :data:`LONGEST_CELL` characters) where more, and
    wraps. A column of words is given the width of its widest word in ``font`` (the
    article's), in pixels: a share of a narrow pane is narrower than "12,345,678", which
    Qt then broke over two lines. The columns of text share the rest of the width; a
    table of words only is as wide as its words. A web address asks for the room of its
    longest part between slashes; a word longer than :data:`LONGEST_WORD` characters, that
    many. A cell spanning columns (a subtotal row) asks none of them for room.
    """
    longest = [0] * len(columns)  # the longest word, or figure, of each column
    widest = [0.0] * len(columns)  # its width in the font, in pixels
    length = [0] * len(columns)  # the characters of its cells, together
    count = [0] * len(columns)
    plain, bold = QFontMetricsF(font), QFontMetricsF(bold_of(font))
    for cell in _sampled(cells, rows):
        if cell.colspan > 1:  # its text wraps in the room of the columns it spans
            continue
        content = text[cell.start : cell.end]
        column = columns[cell.col]
        # "key 12" is kept on a line; only the longest word of a cell is measured.
        word = content if len(content) <= SHORT_CELL else longest_unbroken(content)
        longest[column] = max(longest[column], len(word))
        widest[column] = max(
            widest[column], (bold if cell.header else plain).horizontalAdvance(word)
        )
        length[column] += min(len(content), LONGEST_CELL)
        count[column] += 1
    text_columns = {
        column: TEXT_SHARE * total / max(1, n)
        for column, (word, total, n) in enumerate(zip(longest, length, count, strict=True))
        if TEXT_SHARE * total / max(1, n) > word + CELL_PADDING
    }
    shared = sum(text_columns.values())
    return tuple(
        QTextLength(QTextLength.Type.PercentageLength, 100 * (text_columns[column] / shared))
        if column in text_columns
        else QTextLength(QTextLength.Type.FixedLength, math.ceil(width) + CELL_ROOM)
        for column, width in enumerate(widest)
    )


def unbroken(text: str) -> list[str]:
    """The parts of ``text`` a line may not break within (its words, parted where
    :data:`_BREAK` says), each of at most :data:`LONGEST_WORD` characters."""
    return [part[:LONGEST_WORD] for word in text.split() for part in _BREAK.split(word) if part]


def longest_unbroken(text: str) -> str:
    """The longest part of ``text`` a line may not break within."""
    return max(unbroken(text), key=len, default="")


def _sampled(cells: Sequence[Block], rows: dict[int, int]) -> Iterator[Block]:
    """The cells of the first :data:`SAMPLED_ROWS` rows, then of about
    :data:`SPREAD_ROWS` rows spread over the rest, the last included: found by bisection
    (the cells are in row order), not by going through every cell of a long table."""
    ordered = list(rows)  # the rows' numbers, in order
    if len(ordered) <= SAMPLED_ROWS:
        yield from cells
        return
    last = len(ordered) - 1
    every = max(1, (last - SAMPLED_ROWS) // SPREAD_ROWS)
    first_spread = -(-SAMPLED_ROWS // every) * every  # the first multiple of ``every``
    yield from cells[: bisect_left(cells, ordered[SAMPLED_ROWS], key=_ROW)]
    for index in sorted({*range(first_spread, last, every), last}):
        row = ordered[index]
        start = bisect_left(cells, row, key=_ROW)
        yield from cells[start : bisect_right(cells, row, lo=start, key=_ROW)]


def bold_of(font: QFont) -> QFont:
    """``font`` in bold, as a table's header cells are shown."""
    bold = QFont(font)
    bold.setWeight(QFont.Weight.Bold)
    return bold


def font_unit(font: QFont) -> float:
    """The width of :data:`UNIT_TEXT` in ``font``: how widths measured in one font scale
    to another."""
    return QFontMetricsF(font).horizontalAdvance(UNIT_TEXT)


def scaled_widths(widths: Sequence[QTextLength], ratio: float) -> list[QTextLength]:
    """``widths`` for a font ``ratio`` times as wide: the text's room scales, a cell's
    padding stays; shares are kept."""
    return [
        QTextLength(
            QTextLength.Type.FixedLength,
            math.ceil((width.rawValue() - CELL_ROOM) * ratio) + CELL_ROOM,
        )
        if width.type() == QTextLength.Type.FixedLength
        else width
        for width in widths
    ]


def fit_long_tables(document: QTextDocument, font: QFont | None = None) -> None:
    """Scale the fixed column widths of every piece of a long table to *font* (default:
    the document's), where it was zoomed since they were set: else a zoomed figure no
    longer fits its column, and is broken over two lines."""
    unit = font_unit(font if font is not None else document.defaultFont())
    for frame in document.rootFrame().childFrames():
        fmt = frame.format()
        if not isinstance(frame, QTextTable) or not fmt.hasProperty(FONT_UNIT):
            continue
        was = float(fmt.property(FONT_UNIT))
        if was <= 0 or abs(was - unit) < 0.01:
            continue
        table_fmt = frame.format()
        table_fmt.setColumnWidthConstraints(
            scaled_widths(table_fmt.columnWidthConstraints(), unit / was)
        )
        table_fmt.setProperty(FONT_UNIT, unit)
        frame.setFormat(table_fmt)


def set_document_font(
    document: QTextDocument, font: QFont, also: Callable[[], object] | None = None
) -> None:
    """Give a document a new font, its long tables' column widths scaled to it (and what
    ``also`` does, the short tables' fitted): in one edit, so that the document is laid
    out once, not once more for the widths, and nothing laid out in between (a view
    resized as its text grows) sees the widths for one font with the other.

    The document's signals are blocked meanwhile: its text is unchanged, and its
    highlighter would otherwise paint every block again (30,000 blocks of a long table,
    0.13-0.3 s), when the formats it gave them outlive the new layout.

    The document is not laid out at all until the font and widths are all given, then
    from the top, as a new width does: a table's new widths, told to the layout only as
    the edit ends, after the font, laid out just the table's range, and Qt then took the
    paragraphs after it, their lines dropped for the new font and not in that range, as
    laid out, with no lines (the article blank after the table, its scroll bar ending there).
    """
    cursor = QTextCursor(document)
    page = document.pageSize()
    with QSignalBlocker(document):
        document.setPageSize(QSizeF(0, 0))  # a null page: nothing is laid out meanwhile
        cursor.beginEditBlock()
        fit_long_tables(document, font)
        document.setDefaultFont(font)
        if also is not None:
            also()
        cursor.endEditBlock()
        document.setPageSize(page)  # the whole document laid out anew, in steps


def table_format(
    rule_color: QColor,
    plan: TablePlan,
    *,
    first_piece: bool = True,
    last_piece: bool = True,
    unit: float = 0.0,
    room: float = 0.0,
) -> QTextTableFormat:
    """The format of a table, or of one piece of a long table.

    A table spans the text's width. Its columns are sized by their content, until a
    short table is fitted to its pane (:mod:`diptych.gui.table_fit`): given equal shares,
    a narrow pane split a word ("Communicati/on") in one column while the next held a
    figure. The pieces of a long table share fixed widths,
    and only the first has a margin above and the last one below: the others meet
    (:data:`PIECE_OVERLAP`). ``unit`` is :func:`font_unit` of the document's font now:
    the widths are scaled to it from the font they were measured in. The columns of
    text of a right-to-left long table are fitted to ``room`` pixels, where known
    (:func:`~diptych.gui.table_direction.fitted_shares`).
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
    if plan.in_pieces:
        fmt.setProperty(LONG_TABLE, plan.first)
    if plan.widths:
        ratio = unit / plan.unit if unit > 0 and plan.unit > 0 else 1.0
        widths = scaled_widths(plan.widths, ratio)
        shares = [
            w.rawValue() if w.type() == QTextLength.Type.PercentageLength else 0.0
            for w in plan.widths
        ]
        if plan.right_to_left and any(shares):  # see fitted_shares
            fmt.setProperty(SHARES, shares)
            if room > 0:
                widths = fitted_shares(widths, shares, room, least=2 * CELL_ROOM)
        fmt.setColumnWidthConstraints(widths)
        fmt.setProperty(FONT_UNIT, unit if unit > 0 else plan.unit)
    return fmt


def merge_spanning_cells(
    table: QTextTable, plan: TablePlan, cells: Sequence[Block], top_row: int
) -> None:
    """Merge the grid cells of ``table`` (the piece of the table whose first row is the
    table's row ``top_row``) that the spanning ``cells`` among its ``cells`` fill, as the
    page shows them: a header over two columns, a total row across all of them.

    Done before any text goes in, so that a cell's place is read from the merged grid
    (:meth:`DocumentBuilder._add_row`). A span reaches only as far as the rows and
    columns of the table that hold a cell, and the piece's last row; a span over a place
    another cell holds (a page's cells overlapping) is not merged, and each cell keeps
    its own grid cell.
    """
    spanning = [cell for cell in cells if cell.colspan > 1 or cell.rowspan > 1]
    if not spanning:
        return
    ordered = list(plan.rows)  # the rows' numbers, in order
    held = {(plan.rows[cell.row] - top_row, plan.columns[cell.col]) for cell in cells}
    for cell in spanning:
        row = plan.rows[cell.row] - top_row
        below = bisect_left(ordered, cell.row + cell.rowspan)  # the first row past its span
        last_row = min(below - 1 - top_row, table.rows() - 1)
        ends = cell.col + cell.colspan
        spanned = [index for col, index in plan.columns.items() if cell.col <= col < ends]
        left, right = min(spanned), max(spanned)
        area = {(r, c) for r in range(row, last_row + 1) for c in range(left, right + 1)}
        area.discard((row, plan.columns[cell.col]))
        if area and not area & held:
            table.mergeCells(row, left, last_row - row + 1, right - left + 1)
            held |= area


def holds_long_table(blocks: Sequence[Block]) -> bool:
    """True if an article holds a table of more than one piece's cells (counted by the
    blocks' table number: ten times faster than asking each block its kind first)."""
    cells = Counter(map(_TABLE, blocks))
    return any(count > PIECE_CELLS for table, count in cells.items() if table >= 0)
