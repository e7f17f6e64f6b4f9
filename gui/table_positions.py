"""Where a position of an article falls in its tables: in which cell, in which piece of a
long table, on the seam between two pieces (:mod:`diptych.gui.render_tables`).

Qt widens a selection leaving a table to the whole table: a selection from one piece into
the next would take both pieces whole, one from the text into a table (or out of one) the
whole table. The view keeps such a selection as it was made, and draws and copies it cell
by cell (:func:`across_cells`, :func:`cell_ranges`).
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument, QTextTable

from diptych.gui.render_tables import LONG_TABLE
from diptych.storage.offsets import PositionMap


def has_pieces(document: QTextDocument) -> bool:
    """Whether ``document`` holds a long table put in as pieces."""
    return any(
        isinstance(frame, QTextTable) and frame.format().hasProperty(LONG_TABLE)
        for frame in document.rootFrame().childFrames()
    )


def piece_at(document: QTextDocument, position: int) -> QTextTable | None:
    """The piece of a long table that document ``position`` is in, if any."""
    cursor = QTextCursor(document)
    cursor.setPosition(max(0, min(position, document.characterCount() - 1)))
    table = cursor.currentTable()
    return table if table is not None and table.format().hasProperty(LONG_TABLE) else None


def _cell_of(document: QTextDocument, position: int) -> tuple[tuple[bool, object], int, int] | None:
    """The table ``position`` is in (a long table's first cell for any of its pieces), and
    the piece and cell, if it is in a table."""
    cursor = QTextCursor(document)
    cursor.setPosition(max(0, min(position, document.characterCount() - 1)))
    table = cursor.currentTable()
    if table is None:
        return None
    fmt = table.format()
    # A long table is named by its first cell's block, another by its position: the
    # same number may name both, told apart by the first element.
    if fmt.hasProperty(LONG_TABLE):
        whole: tuple[bool, object] = (True, fmt.property(LONG_TABLE))
    else:
        whole = (False, table.firstPosition())
    cell = table.cellAt(cursor)
    return (whole, table.firstPosition(), cell.row() * table.columns() + cell.column())


def across_cells(document: QTextDocument, anchor: int, position: int) -> bool:
    """True if a selection from ``anchor`` to ``position`` runs from one cell of a table
    into another cell (of it, of another piece of a long table or of another table), or
    from the text into a table or out of one. Qt selects the rectangle of cells between
    them, or the tables whole, not the text between them: such a selection is kept as
    made (:func:`cell_ranges`)."""
    if document.findBlock(anchor).contains(position):
        return False  # in one paragraph or cell: a tenth of the time, asked of each found word
    first, second = _cell_of(document, anchor), _cell_of(document, position)
    return (first is not None or second is not None) and first != second


def off_the_seam(document: QTextDocument, position: int, forward: bool) -> int:
    """``position``, or the first (``forward``) or last position of the neighbouring
    piece where it falls on the seam between two pieces, which is in neither."""
    if piece_at(document, position) is not None:
        return position
    after, before = piece_at(document, position + 1), piece_at(document, position - 1)
    if after is None or before is None:
        return position
    return position + 1 if forward else position - 1


def a_row_across(document: QTextDocument, position: int, down: bool) -> int | None:
    """Where a row down (or up) from ``position`` is, if that is in the next (or the
    previous) piece of its long table: the same column of that piece's first (or last)
    row. None elsewhere, where Qt's own moves serve."""
    piece = piece_at(document, position)
    if piece is None:
        return None
    block = document.findBlock(position)
    line = block.layout().lineForTextPosition(position - block.position())
    if line.isValid() and line.lineNumber() != (block.lineCount() - 1 if down else 0):
        return None  # another line of its cell first
    cell = piece.cellAt(position)
    if cell.row() != (piece.rows() - 1 if down else 0):
        return None
    beside = piece_at(document, piece.lastPosition() + 2 if down else piece.firstPosition() - 2)
    if beside is None or beside.format().property(LONG_TABLE) != piece.format().property(
        LONG_TABLE
    ):
        return None
    row = 0 if down else beside.rows() - 1
    return beside.cellAt(row, min(cell.column(), beside.columns() - 1)).firstPosition()


def cell_ranges(
    document: QTextDocument, positions: PositionMap, start: int, end: int
) -> list[tuple[int, int, str]]:
    """The runs of text (document positions) of each cell of a table, and of each
    paragraph beside it, from display offset ``start`` to ``end``, in the article's order,
    and what reads before each in the article's text: a tab between two cells of a row,
    else a line break (nothing before the first).

    The article's order is the document's, but for a right-to-left table's rows, put in
    last cell first (:mod:`diptych.gui.render_tables`): a selection from a row's first
    cell into its second takes the end of the one and the start of the other, as the
    article reads, not the document's positions between them.
    """
    runs: list[tuple[int, int, str]] = []
    row = (-1, -1)
    for index in range(positions.block_index_at(start), len(positions)):
        block = positions.block(index)
        if block.start > end:
            break
        first, last = max(start, block.start), min(end, block.end)
        if first > last or (first == last and not (runs and first == block.start)):
            continue
        cursor = QTextCursor(document)
        cursor.setPosition(positions.rendered_start(index))
        table = cursor.currentTable()
        here = (table.firstPosition(), table.cellAt(cursor).row()) if table else (-1, -1)
        separator = "" if not runs else ("\t" if table and here == row else "\n")
        runs.append((positions.to_rendered(first), positions.to_rendered(last), separator))
        row = here
    return runs
