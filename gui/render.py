"""Turn an article's display text and blocks into a QTextDocument.

The document is built with QTextCursor insertions, never from HTML: article text is
untrusted, and building from blocks keeps every rendered character at a known position,
recorded in a :class:`PositionMap`. Nothing in the document can run or fetch anything.

Line breaks inside a block are inserted as U+2028 so that one display block stays one
Qt block; both count as one character, so positions stay aligned. So are the other
characters Qt would start a block at (see :func:`_qt_text`).

:class:`DocumentBuilder` can add blocks in pieces, so that a long article can be built
step by step (or in a worker thread) without freezing the window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from diptych.gui.render_lists import MAX_LIST_INDENT, OpenLists
from diptych.gui.render_tables import (
    TablePlan,
    fit_long_tables,
    font_unit,
    merge_spanning_cells,
    plan_table,
    table_format,
)
from diptych.gui.table_fit import measure_columns, table_room
from diptych.storage.control_characters import RIGHT_TO_LEFT
from diptych.storage.document import WRAPPED_CODE, ArticleText, Block, BlockKind, SpanStyle
from diptych.storage.offsets import PositionMap, utf16_length

LINE_SEPARATOR = "\u2028"
_QT_BREAKS = re.compile("[\r\u2029\ufdd0\ufdd1]")
_QT_BREAKS_TO_TEXT = str.maketrans(
    {"\r": LINE_SEPARATOR, "\u2029": LINE_SEPARATOR, "\ufdd0": "\ufffd", "\ufdd1": "\ufffd"}
)
HEADING_SIZE = {1: 3, 2: 2, 3: 1, 4: 0, 5: 0, 6: 0}  # QTextFormat.FontSizeAdjustment steps
_ROW = attrgetter("row")
MAX_TABLE_COLUMNS = 64
"""Wider tables show their cells as paragraphs: no screen shows 65 columns, and Qt lays a
table out whole, taking minutes for the many thousands a crafted file can hold."""


@dataclass(frozen=True)
class RenderStyle:
    """Fonts and colours for rendering.

    Attributes:
        font: the base reading font.
        code_background: background of code blocks and inline code.
        quote_color: text colour of block quotes.
        link_color: colour of links.
        rule_color: colour of table borders.
    """

    font: QFont
    code_background: QColor
    quote_color: QColor
    link_color: QColor
    rule_color: QColor


class DocumentBuilder:
    """Builds a QTextDocument from an article, block by block.

    Args:
        content: the article's display text and blocks.
        style: fonts and colours.
        document: the document to fill (a new one by default).
    """

    def __init__(
        self, content: ArticleText, style: RenderStyle, document: QTextDocument | None = None
    ) -> None:
        self.content = content
        self.style = style
        # The map grows as blocks are added; a highlighter may hold it from the start.
        self.document = document or QTextDocument()
        self.document.setUndoRedoEnabled(False)
        self.document.setDefaultFont(style.font)
        self.document.setDocumentMargin(18)
        self._cursor = QTextCursor(self.document)
        self.positions = PositionMap(content.text)
        self._next = 0
        self._fresh_block = True  # the cursor sits in an empty block that can be reused
        self._lists = OpenLists()
        self._table: TablePlan | None = None  # the table being put in
        self._unit = 0.0  # the font's unit the last long table's piece was put in with

    @property
    def done(self) -> bool:
        """True once every block has been added."""
        return self._next >= len(self.content.blocks)

    @property
    def progress(self) -> tuple[int, int]:
        """(blocks added, blocks in all)."""
        return self._next, len(self.content.blocks)

    def prepare_for_view(self) -> None:
        """Create the document's layout quietly, just before a view takes the document.

        Built without a layout, the document takes insertions cheaply. But a layout created
        by the view announces a whole-document change, and an attached highlighter would
        then paint every block again (a quarter of a second at 10 MB); with the document's
        signals blocked, only the layout hears of it. Formats a highlighter applied before
        (without a layout, the document announces no changes, so it must be asked) stay.
        """
        blocked = self.document.blockSignals(True)
        try:
            self.document.documentLayout()
        finally:
            self.document.blockSignals(blocked)

    def build(self) -> PositionMap:
        """Add every remaining block and return the finished position map."""
        self.add_blocks(len(self.content.blocks))
        return self.positions

    def add_blocks(self, count: int) -> None:
        """Add up to ``count`` more blocks (a table, or a piece of a long one, goes in whole)."""
        blocks = self.content.blocks
        stop = min(len(blocks), self._next + count)
        while self._next < stop:
            block = blocks[self._next]
            if block.kind is BlockKind.CELL:
                self._next = self._add_table(self._next)
            else:
                self._add_block(block)
                self._next += 1

    def _new_block(self, block_format: QTextBlockFormat, char_format: QTextCharFormat) -> None:
        if self._fresh_block:
            self._cursor.setBlockFormat(block_format)
            self._cursor.setBlockCharFormat(char_format)
            self._fresh_block = False
        else:
            self._cursor.insertBlock(block_format, char_format)

    def _add_block(self, block: Block) -> None:
        block_format, char_format = self._formats(block)
        self._new_block(block_format, char_format)
        if block.kind is BlockKind.ITEM:
            self._lists.join(self._cursor, block)
        else:
            self._lists.clear()
        self._insert_text(block, char_format)

    def _insert_text(self, block: Block, base: QTextCharFormat, *, record: bool = True) -> None:
        # Recorded before the text goes in, so a highlighter already sees the block.
        if record:
            self.positions.append(block, self._cursor.position())
        text = self.content.text
        position = block.start
        for span in block.spans:
            if span.start > position:
                self._insert(text[position : span.start], base)
            self._insert(
                text[span.start : span.end], self._span_format(base, span.style, span.href)
            )
            position = max(position, span.end)
        if position < block.end:
            self._insert(text[position : block.end], base)

    def _insert(self, text: str, char_format: QTextCharFormat) -> None:
        """Insert ``text`` in ``char_format``; right-to-left words upright where it is
        italic (a quote, emphasis): Arabic and Hebrew have no italics, and a font's italic
        face often lacks their letters, which were drawn as empty boxes."""
        if char_format.fontItalic() and RIGHT_TO_LEFT.search(text):
            char_format = QTextCharFormat(char_format)
            char_format.setFontItalic(False)
        self._cursor.insertText(_qt_text(text), char_format)

    def _span_format(self, base: QTextCharFormat, style: SpanStyle, href: str) -> QTextCharFormat:
        fmt = QTextCharFormat(base)
        if style is SpanStyle.EMPHASIS:
            fmt.setFontItalic(True)
        elif style is SpanStyle.STRONG:
            fmt.setFontWeight(QFont.Weight.Bold)
        elif style is SpanStyle.CODE:
            fmt.setFontFixedPitch(True)
            fmt.setFontFamilies(["monospace"])
            fmt.setBackground(self.style.code_background)
        elif style is SpanStyle.LINK:
            fmt.setAnchor(True)
            fmt.setAnchorHref(href)
            fmt.setForeground(self.style.link_color)
            fmt.setFontUnderline(True)
        elif style is SpanStyle.STRIKE:
            fmt.setFontStrikeOut(True)
        return fmt

    def _formats(self, block: Block) -> tuple[QTextBlockFormat, QTextCharFormat]:
        block_format = QTextBlockFormat()
        char_format = QTextCharFormat()
        block_format.setBottomMargin(8)
        if block.kind is BlockKind.HEADING:
            level = min(max(block.level, 1), 6)
            block_format.setHeadingLevel(level)
            block_format.setTopMargin(14)
            char_format.setFontWeight(QFont.Weight.Bold)
            # Relative size, so that zooming (the default font) scales headings too.
            char_format.setProperty(QTextFormat.Property.FontSizeAdjustment, HEADING_SIZE[level])
        elif block.kind is BlockKind.CODE:
            char_format.setFontFamilies(["monospace"])
            char_format.setFontFixedPitch(True)
            block_format.setBackground(self.style.code_background)
            # Code keeps its lines whole; front matter's lines wrap as prose does.
            block_format.setNonBreakableLines(block.level != WRAPPED_CODE)
        elif block.kind is BlockKind.QUOTE:
            block_format.setLeftMargin(24)
            char_format.setForeground(self.style.quote_color)
            char_format.setFontItalic(True)
        elif block.kind is BlockKind.ITEM:
            block_format.setBottomMargin(3)
        elif block.level > 0:  # a definition, indented under its term
            block_format.setIndent(min(block.level, MAX_LIST_INDENT))
        return block_format, char_format

    def _add_table(self, first: int) -> int:
        """Insert the table, or the next piece of the long table, whose first cell is
        block ``first``; returns the next block (see :mod:`diptych.gui.render_tables`)."""
        blocks = self.content.blocks
        plan = self._table
        if plan is None or not plan.first <= first < plan.last:
            plan = self._table = plan_table(
                self.content.text, blocks, first, self.document.defaultFont()
            )
        if len(plan.columns) > MAX_TABLE_COLUMNS:
            for cell in blocks[plan.first : plan.last]:  # wider than a screen: paragraphs
                self._add_block(cell)
            return plan.last
        last = plan.piece_end(blocks, first) if plan.in_pieces else plan.last
        top_row = plan.rows[blocks[first].row]
        rows = plan.rows[blocks[last - 1].row] - top_row + 1
        if not self._fresh_block:  # a plain block: not a copy of a list item's format
            self._cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        if plan.right_to_left:  # the caret steps over the empty block before it on, not back
            self._cursor.setBlockFormat(_RIGHT_TO_LEFT)
        opens, closes = first == plan.first, last == plan.last
        unit = font_unit(self.document.defaultFont()) if plan.in_pieces else 0.0
        if unit and self._unit and unit != self._unit:  # zoomed since: the pieces put in follow
            fit_long_tables(self.document)
        self._unit = unit or self._unit
        width = self.document.textWidth()  # the pane's, once shown
        fmt = table_format(
            self.style.rule_color,
            plan,
            first_piece=opens,
            last_piece=closes,
            unit=unit,
            room=table_room(self.document, width) if width > 0 else 0.0,
        )
        if not plan.in_pieces:  # fitted to the pane's width once shown
            font = self.document.defaultFont()
            measure_columns(fmt, self.content.text, blocks[first:last], plan.columns, font)
        # All rows at once: appending them one by one makes Qt redo the table's layout.
        table = self._cursor.insertTable(rows, len(plan.columns), fmt)
        merge_spanning_cells(table, plan, blocks[first:last], top_row)
        self._lists.clear()
        for number, cells in groupby(blocks[first:last], key=_ROW):
            self._add_row(table, plan, plan.rows[number] - top_row, list(cells))
        self._cursor = QTextCursor(self.document)
        self._cursor.movePosition(QTextCursor.MoveOperation.End)
        # Qt always leaves an empty block after a table; the next piece goes right there,
        # with no block in between.
        self._fresh_block = True
        return last

    def _add_row(self, table: QTextTable, plan: TablePlan, row: int, cells: list[Block]) -> None:
        """Put the ``cells`` of one row (the display text's order) in ``row`` of ``table``.

        Their text goes in in the document's order (a right-to-left table's last cell
        first): text put in a cell moves the cells after it. Each cell's place is
        recorded first, in the display text's order, where its text will start, so that
        a highlighter already sees it: where its (empty, perhaps merged) grid cell starts
        now, after the text the row's cells before it in the document will have put in
        (two blocks in one grid cell make one line).
        """
        order = sorted(range(len(cells)), key=lambda i: plan.columns[cells[i].col])
        starts = [0] * len(cells)
        put_in = 0
        for index in order:  # in the document's order
            cell = cells[index]
            starts[index] = table.cellAt(row, plan.columns[cell.col]).firstPosition() + put_in
            put_in += utf16_length(self.content.text[cell.start : cell.end])
        for cell, start in zip(cells, starts, strict=True):
            self.positions.append(cell, start)
        for cell in (cells[index] for index in order):
            self._cursor = table.cellAt(row, plan.columns[cell.col]).lastCursorPosition()
            if plan.right_to_left:
                self._cursor.setBlockFormat(_RIGHT_TO_LEFT)
            char_format = QTextCharFormat()
            if cell.header:
                char_format.setFontWeight(QFont.Weight.Bold)
            self._insert_text(cell, char_format, record=False)


def _right_to_left() -> QTextBlockFormat:
    """The format of a right-to-left table's cells: right-to-left paragraphs, as a page's
    ``<table dir="rtl">`` has them, aligned right; also a cell of figures or of Latin
    words (each still reads left to right), where the arrows would otherwise go the other
    way: Left on from a Hebrew cell into the next, then back from a cell of figures."""
    fmt = QTextBlockFormat()
    fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    return fmt


_RIGHT_TO_LEFT = _right_to_left()


def _qt_text(text: str) -> str:
    """``text`` as Qt must be given it to keep one Qt block per display block.

    Qt starts a new block at a newline, CR, U+2029 and its frame marks U+FDD0/U+FDD1; the
    highlighter paints a display block's passages in its one Qt block, so a passage after
    one of those in the middle of a paragraph went unpainted. Each stays one character.
    """
    text = text.replace("\n", LINE_SEPARATOR)
    if _QT_BREAKS.search(text) is None:
        return text
    return text.translate(_QT_BREAKS_TO_TEXT)


def render_article(content: ArticleText, style: RenderStyle) -> tuple[QTextDocument, PositionMap]:
    """Build the whole document at once (for short articles and tests)."""
    builder = DocumentBuilder(content, style)
    return builder.document, builder.build()
