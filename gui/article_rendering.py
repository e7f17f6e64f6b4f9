"""One document of an article on its way into a view: built in slices of time between
events, its passages painted by its highlighter while it is still detached from the view
(where painting costs next to nothing), or, for an article holding a long table, grown in
the document shown, laid out slice by slice.
"""

from __future__ import annotations

import re
import time

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor, QTextDocument, QTextOption

from diptych.gui.highlighter import PassageHighlighter
from diptych.gui.passage_index import PassageIndex
from diptych.gui.render import DocumentBuilder
from diptych.gui.theme import highlight_theme, render_style
from diptych.storage.document import ArticleText
from diptych.storage.offsets import PositionMap

SLICE_MS = 25  # longest stretch of building between two events
SLICE_BLOCKS = 40
REPAINT_CHUNK = 200
UNBROKEN_RUN = 1_000
"""Characters without a space or a line end from which a run is counted by :func:`wrap_mode`."""
WORD_END_BUDGET = 10_000**2
"""The runs' squared lengths from which an article's lines wrap anywhere: one run of 10,000
characters (laid out at word ends in about 25 ms), or a hundred of 1,000."""
_UNBROKEN = re.compile(rf"\S{{{UNBROKEN_RUN},}}")


def wrap_mode(content: ArticleText) -> QTextOption.WrapMode:
    """How the lines of an article wrap: at a word's end, or inside a word wider than the
    pane, as for any text; anywhere, where the article holds runs of characters without a
    space long enough to cost that (a pasted block of data, an endless link). Qt looks for
    a word's end along the whole run for each line it lays out, a time that grows as the
    square of the run's length: a 300,000-character run kept the window busy for more than
    20 s, and laid out anywhere it takes 0.15 s. Wrapping is the document's, not a
    paragraph's: laid out anywhere, every heading and paragraph of the article breaks words
    at the pane's edge ("municip / al"), so a shorter run (a link of 2,000 characters)
    keeps word ends. Only paragraphs of :data:`UNBROKEN_RUN` characters are searched."""
    text = content.text
    cost = 0
    for block in content.blocks:
        if block.end - block.start < UNBROKEN_RUN:
            continue
        for run in _UNBROKEN.finditer(text, block.start, block.end):
            cost += (run.end() - run.start()) ** 2
            if cost >= WORD_END_BUDGET:
                return QTextOption.WrapMode.WrapAnywhere
    return QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere


class Rendering:
    """One document of an article, with its highlighter.

    Args:
        content: the article's display text and blocks.
        index: the article's passages (shared by every rendering of the article).
        parent: owner of the document.
    """

    def __init__(self, content: ArticleText, index: PassageIndex, parent: QObject) -> None:
        self.builder = DocumentBuilder(content, render_style(), QTextDocument(parent))
        self.highlighter = PassageHighlighter(
            self.builder.document, self.builder.positions, index, highlight_theme()
        )
        self.index = index
        self._to_paint: list[int] | None = None
        self.painted = False

    def paint_marked(self, count: int) -> None:
        """Paint up to ``count`` of the blocks that hold passages, then prepare for a view.

        A document without a layout announces no changes, so the highlighter stays idle
        while the document is built (building stays cheap) and is asked here, still
        without a layout, where painting costs next to nothing. The formats survive the
        layout's creation, which comes last.
        """
        if self._to_paint is None:
            self._to_paint = self.index.marked_blocks()
        chunk, self._to_paint[:] = self._to_paint[:count], self._to_paint[count:]
        for block in chunk:
            self.highlighter.repaint_blocks(range(block, block + 1))
        if not self._to_paint and not self.painted:
            self.builder.prepare_for_view()
            self.painted = True

    def paint_all_marked(self) -> None:
        """Paint every marked block now (short documents and first screens)."""
        self.paint_marked(len(self.index.marked_blocks()) + 1)

    @property
    def document(self) -> QTextDocument:
        """The document being built."""
        return self.builder.document

    @property
    def positions(self) -> PositionMap:
        """Display-text <-> document positions of the blocks built so far."""
        return self.builder.positions

    def build_slice(self) -> None:
        """Build (then paint) the detached document for one slice of time (:data:`SLICE_MS`)."""
        deadline = time.perf_counter() + SLICE_MS / 1000
        builder = self.builder
        while not builder.done and time.perf_counter() < deadline:
            builder.add_blocks(SLICE_BLOCKS)
        while builder.done and not self.painted and time.perf_counter() < deadline:
            self.paint_marked(REPAINT_CHUNK)  # still detached: cheap, no layout runs

    def grow_slice(self) -> None:
        """Add the next blocks to the document, shown in the view, for one slice of time.

        Swapped in whole, a document holding a long table made the view hold the window
        for a second and more: Qt then lays it out in steps of ever more characters (up to
        200,000), and a table costs ten times as much a character as paragraphs. Added to
        the shown document one edit at a time, each slice is laid out as it goes in
        (everything before it already is), and the highlighter paints its passages as it
        does.
        """
        deadline = time.perf_counter() + SLICE_MS / 1000
        builder = self.builder
        edit = QTextCursor(self.document)
        while not builder.done and time.perf_counter() < deadline:
            edit.beginEditBlock()  # one layout (and one repaint) for the whole step
            try:
                builder.add_blocks(SLICE_BLOCKS)
            finally:
                edit.endEditBlock()
