"""A short table's column widths, fitted to the width of its pane: no word broken in two.

Qt's own widths for a table (variable, sized by content) break words inside a column
("Regi/on", "Communic/ation") well before the table's words stop fitting the pane, and a
narrow pane, as panes side by side are, then stacks a column's letters one per line. So a
short table (one put in whole, see :mod:`diptych.gui.render_tables`) carries, in its
format, each column's least width (its widest word, or part of a web address between slashes,
see :func:`~diptych.gui.render_tables.unbroken`, and the cell's padding) and
its most (its longest cell on one line), measured in the article's font once. The columns
are given widths as a browser lays a table out:

- all of them at their most, where there is room, the room left shared among them;
- all of them at their least, where even that is wider than the text: the table is then
  wider than the pane, which scrolls sideways to it, and no word is broken;
- in between, each at its least and a share of the room left that grows with what its
  cells would take more on one line.

Where the words fit, the widths are given as shares of the table's width, which Qt keeps
as the pane is resized; they are given again only when the text's font changes or its
width leaves the range they hold for (a column's share narrower than its widest word, or
a much wider pane than they were shared out for), so that dragging a pane's edge does not
lay every table out again at each step.

A long table (in pieces) has widths of its own, measured from its first rows
(:func:`~diptych.gui.render_tables.fit_long_tables`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QSignalBlocker, QSizeF
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QTextCursor,
    QTextDocument,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)

from diptych.gui.render_tables import (
    CELL_ROOM,
    FONT_UNIT,
    SHARES,
    bold_of,
    font_unit,
    unbroken,
)
from diptych.gui.table_direction import fitted_shares
from diptych.storage.document import Block

LEAST = FONT_UNIT + 1
"""The property of a short table's format holding its columns' least widths, in pixels of
the font they were measured in (:data:`MEASURED_IN`), padding left out."""
MOST = FONT_UNIT + 2
"""... and their most: each column's longest cell on one line."""
MEASURED_IN = FONT_UNIT + 3
"""The :func:`~diptych.gui.render_tables.font_unit` of the font the widths were measured in."""
FITTED = FONT_UNIT + 4
"""The property of a fitted short table's format holding the font unit and the narrowest
and widest room its column widths hold for (:func:`fit_short_tables`)."""
STALE_SHARES = 1.25  # shares given for a room this much narrower are given again
TABLE_EDGES = 4  # pixels: a table is as wide as its columns and this (its borders, measured)


def measure_columns(
    fmt: QTextTableFormat,
    text: str,
    cells: Iterable[Block],
    columns: dict[int, int],
    font: QFont,
) -> None:
    """Keep in ``fmt`` the least and most width of each of a short table's ``columns``,
    from its ``cells`` (their text in the article's ``text``) shown in ``font``. A cell
    spanning columns asks none of them for room: its text wraps in the room they make
    together ("Total for the year" across three columns of figures)."""
    least = [0.0] * len(columns)
    most = [0.0] * len(columns)
    plain = QFontMetricsF(font)
    bolder = QFontMetricsF(bold_of(font))
    for cell in cells:
        if cell.colspan > 1:
            continue
        content = text[cell.start : cell.end]
        metrics = bolder if cell.header else plain
        column = columns[cell.col]
        for part in unbroken(content):
            least[column] = max(least[column], metrics.horizontalAdvance(part))
        most[column] = max(most[column], metrics.horizontalAdvance(content))
    fmt.setProperty(LEAST, least)
    fmt.setProperty(MOST, [max(m, w) for m, w in zip(most, least, strict=True)])
    fmt.setProperty(MEASURED_IN, font_unit(font))


def column_widths(least: Sequence[float], most: Sequence[float], room: float) -> list[int]:
    """The widths, padding included, of columns whose text needs at least ``least`` and at
    most ``most`` pixels, in a table of ``room`` pixels (see the module's docstring)."""
    low = [w + CELL_ROOM for w in least]
    high = [w + CELL_ROOM for w in most]
    if sum(low) >= room:
        widths = low
    elif sum(high) <= room:
        spare = room - sum(high)
        total = sum(high)
        widths = [w + spare * w / total for w in high]
    else:
        spare = room - sum(low)
        wants = [h - w for w, h in zip(low, high, strict=True)]
        total = sum(wants)
        widths = [w + spare * want / total for w, want in zip(low, wants, strict=True)]
    return [math.floor(w) for w in widths]


def fit_short_tables(document: QTextDocument, text_width: float, font: QFont | None = None) -> bool:
    """Give the short tables of ``document`` their column widths for text ``text_width``
    pixels wide in ``font`` (default: the document's). Only a table whose widths no longer
    hold at that width is given new ones: each change lays the table out again, and a pane
    resized by dragging its edge would lay its tables out at every step. True if a table
    was given new widths."""
    unit = font_unit(font if font is not None else document.defaultFont())
    room = table_room(document, text_width)
    if room <= 0:
        return False
    changed = False
    for frame in document.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        if frame.format().hasProperty(LEAST):
            changed = _fit_table(frame, room, unit) or changed
        elif frame.format().hasProperty(SHARES):
            changed = _fit_piece(frame, room) or changed
    return changed


def table_room(document: QTextDocument, text_width: float) -> float:
    """The room of a table's columns in ``document`` laid out ``text_width`` pixels wide."""
    return text_width - 2 * document.documentMargin() - TABLE_EDGES


def _fit_piece(table: QTextTable, room: float) -> bool:
    """Fit the columns of text of one piece of a right-to-left long table to ``room``
    pixels (see :func:`~diptych.gui.render_tables.fitted_shares`), if they changed:
    pieces whose widths hold are not laid out again. True if they changed."""
    fmt = table.format()
    widths = fmt.columnWidthConstraints()
    fitted = fitted_shares(widths, fmt.property(SHARES), room, least=2 * CELL_ROOM)
    if [w.rawValue() for w in fitted] == [w.rawValue() for w in widths]:
        return False
    table_fmt = fmt.toTableFormat()
    table_fmt.setColumnWidthConstraints(fitted)
    table.setFormat(table_fmt)
    return True


def _fit_table(table: QTextTable, room: float, unit: float) -> bool:
    """Fit one short table's columns to ``room`` pixels, in a font of ``unit``.

    A table whose words need more room than there is gets fixed widths, which hold until
    there is room for them all. Otherwise its columns get shares of the table's width,
    which Qt keeps as the width changes: they hold until a column's share is narrower than
    its widest word, or the room is a good deal wider than they were shared out for.
    True if it was given new widths.
    """
    fmt = table.format()
    held = fmt.property(FITTED)
    if held and abs(held[0] - unit) < 0.01 and held[1] <= room <= held[2]:
        return False
    measured = float(fmt.property(MEASURED_IN)) or unit
    ratio = unit / measured
    least = [w * ratio for w in fmt.property(LEAST)]
    most = [w * ratio for w in fmt.property(MOST)]
    widths = column_widths(least, most, room)
    needed = sum(w + CELL_ROOM for w in least)
    if needed >= room:  # wider than the pane: the pane scrolls sideways to it
        constraints = [QTextLength(QTextLength.Type.FixedLength, w) for w in widths]
        holds = [unit, 0.0, needed - 1]
    else:
        total = sum(widths)
        constraints = [
            QTextLength(QTextLength.Type.PercentageLength, 100 * w / total) for w in widths
        ]
        # The narrowest room in which every column's share still holds its widest word.
        pairs = zip(least, widths, strict=True)
        narrowest = max((w + CELL_ROOM) * total / share for w, share in pairs)
        holds = [unit, max(narrowest, needed), room * STALE_SHARES]
    table_fmt = fmt.toTableFormat()
    table_fmt.setColumnWidthConstraints(constraints)
    table_fmt.setProperty(FITTED, holds)
    table.setFormat(table_fmt)
    return True


def fit_without_signals(
    document: QTextDocument, text_width: float, font: QFont | None = None
) -> None:
    """:func:`fit_short_tables` in one edit, the document's signals blocked: the text is
    unchanged, and its highlighter would otherwise paint its blocks again.

    A table given new widths has the whole document laid out again, from the top, as a
    new font does (:func:`~diptych.gui.render_tables.set_document_font`): laid out only
    over the table's range while Qt was still laying out the text anew (a pane resized
    twice in a row, a scroll bar coming or going), the paragraphs after it were left with
    no lines, the pane blank below the table."""
    if not any(
        isinstance(frame, QTextTable)
        and (frame.format().hasProperty(LEAST) or frame.format().hasProperty(SHARES))
        for frame in document.rootFrame().childFrames()
    ):
        return
    cursor = QTextCursor(document)
    page = document.pageSize()
    with QSignalBlocker(document):
        cursor.beginEditBlock()
        changed = fit_short_tables(document, text_width, font)
        if changed:  # a null page: the change is not laid out as the edit ends
            document.setPageSize(QSizeF(0, 0))
        cursor.endEditBlock()
        if changed:
            document.setPageSize(page)  # the whole document laid out anew, in steps
