"""Paint passages in their tags' colours.

Text under one colour is filled with it; text under several (overlapping passages, or a
passage of several tags) with diagonal stripes of each, so that every tag reads as its
own colour (an average of two read as a third tag).

A QSyntaxHighlighter fed from :class:`PassageIndex`: formats live in the layout, not in
the document, so painting never edits the text, and adding a passage repaints only the
blocks it spans. Attached before the document is laid out, this is the cheapest way to
show thousands of highlights.

A passage over many blocks (a whole section or article) is repainted in one go: each
block's formats are set on its layout and the document laid out again once for them all.
Asking the highlighter block by block lays the document out again after each block, and
costs seconds for the ~2,000 paragraphs of a 1 MB article.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
    QTextLayout,
)

from diptych.gui.contrast import MIN_TEXT_CONTRAST, contrast, painted_over, told_apart
from diptych.gui.passage_index import Mark, PassageIndex
from diptych.storage.offsets import PositionMap

MAX_FORMATS = 4096  # formats (and brushes) a theme keeps for reuse: one per mix of colours
LEAST_ALPHA = 50  # of 255: a fill made fainter for its text to read still shows its colour
UNTAGGED_COLOR = "#C8C8C8"
STRIPE_WIDTH = 8  # logical pixels across (along a line of text) each colour's stripe


@lru_cache(maxsize=1024)
def _rgb(color: str) -> tuple[int, int, int]:
    parsed = QColor(color)
    return parsed.red(), parsed.green(), parsed.blue()


def blend(colors: list[str]) -> QColor:
    """The average of ``colors`` (``#RRGGBB``)."""
    rgbs = [_rgb(c) for c in colors] or [_rgb("#FFFF00")]
    n = len(rgbs)
    return QColor(
        sum(rgb[0] for rgb in rgbs) // n,
        sum(rgb[1] for rgb in rgbs) // n,
        sum(rgb[2] for rgb in rgbs) // n,
    )


def striped(fills: list[QColor], width: int = STRIPE_WIDTH) -> QBrush:
    """A brush of stripes rising at 45°, one of each of ``fills`` in turn, ``width``
    pixels across: a square tile whose stripes meet its neighbours'. Its pixels are the
    fills themselves, with hard edges (a smoothed edge would be a mix of two tags), in
    logical pixels, so that a high-density screen draws each twice as large, as sharp."""
    side = width * len(fills)
    tile = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    for y in range(side):
        for x in range(side):
            tile.setPixelColor(x, y, fills[(x + y) // width % len(fills)])
    return QBrush(tile)


class HighlightTheme:
    """Turns the marks covering a run of text into a character format.

    Formats are kept for reuse (up to :data:`MAX_FORMATS`): one theme serves every pane.

    Args:
        dark: True for a dark palette: colours are blended less so that text stays legible.
        page: the colour the text is on, if known; with ``ink``, a fill on which the text
            would read at less than 4.5:1 (a light tag colour on a grey dark page) is made
            fainter until it reads.
        ink: the text's colour.
    """

    def __init__(
        self, *, dark: bool = False, page: QColor | None = None, ink: QColor | None = None
    ) -> None:
        self.dark = dark
        self.page, self.ink = page, ink
        self._cache: dict[tuple[tuple[str, ...], ...], QTextCharFormat] = {}
        self._brushes: dict[tuple[str, ...], QBrush] = {}

    def fill(self, color: str) -> QColor:
        """How text under one tag's ``color`` (``#RRGGBB``) is filled."""
        fill = QColor(*_rgb(color))
        fill.setAlpha(110 if self.dark else 170)
        if self.page is None or self.ink is None:
            return fill
        fill = told_apart(fill, self.page)  # a tag of the page's own colour shows too
        while fill.alpha() > LEAST_ALPHA:
            if contrast(painted_over(fill, self.page), self.ink) >= MIN_TEXT_CONTRAST:
                break
            fill.setAlpha(max(LEAST_ALPHA, fill.alpha() - 10))
        return fill

    def fills(self, marks: tuple[Mark, ...]) -> list[QColor]:
        """The fill of each colour of the tags of ``marks``, once each, in the order of the
        stripes (untagged passages: grey)."""
        return [self.fill(c) for c in _distinct(marks)]

    def brush(self, marks: tuple[Mark, ...]) -> QBrush:
        """The brush text under ``marks`` is filled with: one colour's fill, or stripes of
        each colour's where there are several."""
        colors = _distinct(marks)
        brush = self._brushes.get(colors)
        if brush is None:
            fills = [self.fill(c) for c in colors]
            brush = QBrush(fills[0]) if len(fills) == 1 else striped(fills)
            if len(self._brushes) >= MAX_FORMATS:
                self._brushes.clear()
            self._brushes[colors] = brush
        return brush

    def underline(self, marks: tuple[Mark, ...]) -> QColor:
        """The colour of the line under overlapping passages: the tags' colour, darkened on
        a light page and lightened on a dark one, so that it stands out from the fill."""
        color = blend([m.colors[0] for m in marks if m.colors] or ["#888888"])
        return color.lighter(150) if self.dark else color.darker(220)

    def format(self, marks: tuple[Mark, ...]) -> QTextCharFormat:
        """The character format for text under ``marks``: one for the same tags' colours in
        whatever order the marks come (a passage over a whole article meets the others
        in every order, and a format made anew for each order cost a second)."""
        key = tuple(sorted(m.colors for m in marks))
        fmt = self._cache.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setBackground(self.brush(marks))
            if len(marks) > 1:  # overlapping passages: underline so the overlap shows
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(self.underline(marks))
            if len(self._cache) >= MAX_FORMATS:
                self._cache.clear()
            self._cache[key] = fmt
        return fmt


def _distinct(marks: tuple[Mark, ...]) -> tuple[str, ...]:
    """The colours of the tags of ``marks``, each once, in one order whatever the order of
    the marks: the same tags striped alike wherever they meet (the marks over a run of
    text come in the order the passages were found, which differs from run to run)."""
    return tuple(sorted({c.upper() for m in marks for c in m.colors})) or (UNTAGGED_COLOR,)


class PassageHighlighter(QSyntaxHighlighter):
    """Colours every passage of one article.

    Args:
        document: the rendered article.
        positions: display-text <-> document positions.
        index: the article's passages.
        theme: how marks become formats.
    """

    def __init__(
        self,
        document: QTextDocument,
        positions: PositionMap,
        index: PassageIndex,
        theme: HighlightTheme,
    ) -> None:
        super().__init__(document)
        self.positions = positions
        self.index = index
        self.theme = theme

    def highlightBlock(self, text: str) -> None:
        """Qt calls this for each block that needs painting."""
        for start, length, fmt in self._formats(self.currentBlock()):
            self.setFormat(start, length, fmt)

    def _formats(self, block: QTextBlock) -> list[tuple[int, int, QTextCharFormat]]:
        """Where in ``block`` (start, length within it) each passage format goes."""
        if not len(self.positions):
            return []
        position = block.position()
        block_index = self.positions.block_index_at_rendered(position)
        if self.positions.rendered_start(block_index) != position:
            return []  # a block that only exists for layout (e.g. after a table)
        formats = []
        for segment in self.index.segments(block_index):
            start = self.positions.to_rendered(segment.start) - position
            end = self.positions.to_rendered(segment.end) - position
            if end > start:
                formats.append((start, end - start, self.theme.format(segment.marks)))
        return formats

    def repaint_blocks(self, blocks: range) -> None:
        """Repaint the given display blocks (after passages were added or removed), with
        one layout of the document for them all."""
        document = self.document()
        if document is None:
            return
        first = last = None
        for index in blocks:
            if index >= len(self.positions):
                break
            block = document.findBlock(self.positions.rendered_start(index))
            if not block.isValid():
                continue
            block.layout().setFormats([_range(*f) for f in self._formats(block)])
            if first is None:
                first = block
            last = block
        if first is not None and last is not None:
            end = last.position() + last.length()
            document.markContentsDirty(first.position(), end - first.position())

    def set_theme(self, theme: HighlightTheme) -> None:
        """Switch palette (light/dark) and repaint everything."""
        self.theme = theme
        self.rehighlight()


def _range(start: int, length: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    format_range = QTextLayout.FormatRange()
    format_range.start, format_range.length, format_range.format = start, length, fmt
    return format_range
