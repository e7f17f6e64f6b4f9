"""Which tables of an article read right to left, and the widths of a long one's columns.

Qt lays a table's columns out left to right whatever its direction: its layout places
column 0 at the left edge, and a right-to-left table format or cell changes nothing. A
table from a Hebrew or Arabic page (one whose text starts right to left,
:func:`reads_right_to_left`) is therefore put in with each row's cells in the reverse
order, its first column last, on the right (:mod:`diptych.gui.render_tables`); its cells'
text is aligned right. The article's text and offsets are unchanged: only the document's
order of a row's cells is reversed, which :class:`~diptych.storage.offsets.PositionMap`
maps, and a selection or a passage over several cells is drawn and copied in the
article's order (:func:`diptych.gui.table_positions.cell_ranges`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from itertools import islice

from PySide6.QtGui import QTextLength

from diptych.storage.control_characters import right_to_left
from diptych.storage.document import Block

SAMPLED_CELLS = 150  # the first cells whose letters say a table's direction


def reads_right_to_left(text: str, cells: Iterable[Block]) -> bool:
    """True if a table's text starts right to left: its first letter with a direction, in
    its first :data:`SAMPLED_CELLS` cells (figures and signs have none), is Hebrew,
    Arabic... as the HTML report decides a quoted table's direction."""
    for cell in islice(cells, SAMPLED_CELLS):
        content = text[cell.start : cell.end]
        if any(map(str.isalpha, content)):
            return right_to_left(content)
    return False


def fitted_shares(
    widths: Sequence[QTextLength], shares: Sequence[float], room: float, least: float
) -> list[QTextLength]:
    """The widths of a right-to-left long table's columns in ``room`` pixels: those of
    words as ``widths`` has them, those of text (a share in ``shares``, 0 for a column of
    words) fixed at their share of the room left, and at least ``least``.

    Qt gives a column of text (a share of the table's width) that comes before columns of
    words in the document the room left less their widths once more: in its place in a
    right-to-left row, the first, a table of three columns filled half the pane. Fixed,
    the widths are the same in every piece; they are fitted again when the pane's width
    or the font changes (:mod:`diptych.gui.table_fit`).
    """
    pairs = list(zip(widths, shares, strict=True))
    rest = room - sum(width.rawValue() for width, share in pairs if not share)
    return [
        QTextLength(QTextLength.Type.FixedLength, max(least, math.floor(rest * share / 100)))
        if share
        else width
        for width, share in pairs
    ]
