"""A pane's passage marks: which blocks to repaint, the passage next to the caret, and
the outline of the selected passage and the find bar's matches drawn over the text."""

from __future__ import annotations

from collections.abc import Container, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QTextEdit

from diptych.gui.article_view import ArticleView
from diptych.gui.passage_index import Mark, PassageIndex
from diptych.gui.table_positions import across_cells, cell_ranges
from diptych.gui.table_selection import marks_over
from diptych.gui.theme import HighlightTheme, contrast, painted_over

MIN_LINE_CONTRAST = 3.0  # a line drawn over a passage stands out from its fill this much
MATCH_ALPHA = 200  # of 255: a find match's dark ground, the page faintly through it


def changed_blocks(index: PassageIndex, fresh: dict[int, Mark]) -> list[range]:
    """Put ``fresh`` marks (by annotation id) in ``index`` in place of its own; returns
    the runs of blocks whose marks changed (a block holding many is painted once)."""
    touched: set[int] = set()
    for old in index.marks():
        if fresh.get(old.annotation_id) != old:
            touched.update(index.remove(old.annotation_id))
    for mark in fresh.values():
        if index.get(mark.annotation_id) != mark:
            touched.update(index.add(mark))
    return runs(sorted(touched))


def runs(blocks: list[int]) -> list[range]:
    """Sorted block numbers as ranges of consecutive blocks: [3, 4, 5, 9] -> 3-5, 9."""
    found: list[range] = []
    for block in blocks:
        if found and found[-1].stop == block:
            found[-1] = range(found[-1].start, block + 1)
        else:
            found.append(range(block, block + 1))
    return found


def neighbour_passage(
    index: PassageIndex,
    caret: int,
    selected: int,
    step: int,
    among: Container[int] | None = None,
) -> int:
    """The passage after (``step`` 1) or before (-1) the ``caret`` offset, or else 0; only
    one of ``among`` (passage ids) if given.

    From the ``selected`` passage with the caret in it (at its start where moving to it
    puts the caret, inside where a click put it, at its end after tagging), the order is
    that of the text, so passages starting together are each visited and the selected one
    is never chosen again.
    """
    marks = index.marks()
    keys = [(m.start, m.end, m.annotation_id) for m in marks]
    here: tuple[int, ...] = (caret,) if step > 0 else (caret, -1)
    chosen = index.get(selected)
    if chosen is not None and chosen.start <= caret <= chosen.end:
        here = (chosen.start, chosen.end, chosen.annotation_id)
    if among is not None:
        kept = [(m, key) for m, key in zip(marks, keys, strict=True) if m.annotation_id in among]
        marks, keys = [m for m, _ in kept], [key for _, key in kept]
    if step > 0:
        after = [m for m, key in zip(marks, keys, strict=True) if key > here]
        return after[0].annotation_id if after else 0
    before = [m for m, key in zip(marks, keys, strict=True) if key < here]
    return before[-1].annotation_id if before else 0


def paint_outlines(
    view: ArticleView,
    matches: Sequence[tuple[int, int]],
    selected: Mark | None,
    theme: HighlightTheme,
) -> None:
    """Draw the find bar's ``matches`` and a wavy line under the ``selected`` passage.

    Matches are drawn in the text's colours swapped (light letters on a dark ground in a
    light theme), as no tag's highlight can be: they were a light orange, which the
    palette's orange tag painted alike."""
    selections = []
    palette = view.palette()
    ground = QColor(palette.color(QPalette.ColorRole.Text))
    ground.setAlpha(MATCH_ALPHA)
    match_format = QTextCharFormat()
    match_format.setBackground(ground)
    match_format.setForeground(palette.color(QPalette.ColorRole.Base))
    for start, end in matches:
        selections.extend(_extra(view, start, end, match_format))
    if selected is not None:
        outline = QTextCharFormat()
        outline.setFontUnderline(True)
        outline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        outline.setUnderlineColor(outline_color(view.palette(), selected, theme))
        selections.extend(_extra(view, selected.start, selected.end, outline))
        selections.extend(_list_markers(view, selected.start, selected.end, outline))
    view.setExtraSelections(selections)


def _list_markers(
    view: ArticleView, start: int, end: int, fmt: QTextCharFormat
) -> list[QTextEdit.ExtraSelection]:
    """For each list item that ``[start, end)`` runs into from before it, its first
    character again in ``fmt``, with the colour of the item's bullet: Qt draws the bullet
    of an item a selection drawn over the text runs into in the text colour of that
    selection, and an outline has none (the bullet was not drawn while it was outlined).
    Each starts a character early, on the line break before the item, as Qt requires."""
    document = view.document()
    first, last = view.positions.to_rendered(start), view.positions.to_rendered(end)
    block = document.findBlock(first)
    markers = []
    while block.isValid() and block.position() < last:
        if block.textList() is not None and block.position() > first and block.length() > 1:
            marker = QTextCharFormat(fmt)
            brush = block.charFormat().foreground()
            text = view.palette().text()
            marker.setForeground(text if brush.style() == Qt.BrushStyle.NoBrush else brush)
            markers += marks_over(document, [(block.position() - 1, block.position() + 1)], marker)
        block = block.next()
    return markers


def outline_color(palette: QPalette, mark: Mark, theme: HighlightTheme) -> QColor:
    """The selected passage's wavy line: in the highlight colour where it shows on the
    passage's fill (on each of its stripes), else in the text colour (a dark palette's mid
    blue on a dark fill, or a light one's on a pale fill, could hardly be seen)."""
    highlight = palette.color(QPalette.ColorRole.Highlight)
    page = palette.color(QPalette.ColorRole.Base)
    fills = [painted_over(fill, page) for fill in theme.fills((mark,))]
    if all(contrast(highlight, fill) >= MIN_LINE_CONTRAST for fill in fills):
        return highlight
    return palette.color(QPalette.ColorRole.Text)


def _extra(
    view: ArticleView, start: int, end: int, fmt: QTextCharFormat
) -> list[QTextEdit.ExtraSelection]:
    """``[start, end)`` drawn in ``fmt``: cell by cell where it runs from one cell of a
    table into another, which Qt would draw over the rectangle of cells between its ends
    (or over both pieces of a long table whole), as the selection is drawn."""
    document = view.document()
    first, last = view.positions.to_rendered(start), view.positions.to_rendered(end)
    if across_cells(document, first, last):
        runs = [(a, b) for a, b, _before in cell_ranges(document, view.positions, start, end)]
    else:
        runs = [(first, last)]
    return marks_over(document, runs, fmt)
