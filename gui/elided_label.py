"""A label showing plain text in at most a few lines, the last one elided, with the whole
text as its tooltip (a passage's quote, an article's title).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from diptych.gui.bidi_cells import right_to_left
from diptych.gui.note_html import text_to_html

# Characters one pixel of a line holds at most (letters with marks of no width beside them).
# Only the first lines x width x this many characters of a text are wrapped and elided, not
# the whole text: the quote of a passage over a whole 1 MB article took a second.
MOST_PER_PIXEL = 2


class ElidedLabel(QLabel):
    """Plain text wrapped to at most a few lines, the last one elided; in full as tooltip.

    Args:
        parent: the owning widget.
        lines: the most lines to show.
    """

    def __init__(self, parent: QWidget | None = None, *, lines: int = 1) -> None:
        super().__init__(parent)
        self._full = ""
        self._lines = lines
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # Lines are wrapped to the contents' width: with a border (the passage quote's
        # colour bar) QLabel would otherwise indent the text by half an "x" and cut off
        # the end of the longest lines.
        self.setIndent(0)

    def full_text(self) -> str:
        """The text before eliding."""
        return self._full

    def set_full_text(self, text: str) -> None:
        """Show ``text``, elided to fit; right-to-left text (an Arabic title or quote) laid
        out right to left, aligned right (left to right, a figure at its end was split from
        its sign: "بنسبة 5%" read "5 … بنسبة%")."""
        self._full = text
        self.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft
            if right_to_left(text)
            else Qt.LayoutDirection.LeftToRight
        )
        self.setToolTip(text_to_html(text) if text else "")
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.contentsRect().width(), 40)
        shown = elide_lines(self._full, self.font(), width, self._lines)
        if shown != self.text():
            self.setText(shown)


def elide_lines(text: str, font: QFont, width: int, lines: int) -> str:
    """``text`` wrapped at ``width`` pixels into at most ``lines`` lines, the last elided."""
    most = lines * (width + 1) * MOST_PER_PIXEL
    if len(text) > most:
        text = text[:most] + "\u2026"  # more than the lines hold: elided whatever it holds
    flat = text.replace("\n", "\u2028")  # a line separator: QTextLayout breaks there
    units = flat.encode("utf-16-le")  # QTextLayout counts UTF-16 code units

    def part(start: int, end: int) -> str:
        return units[2 * start : 2 * end].decode("utf-16-le", errors="ignore")

    layout = QTextLayout(flat, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    shown: list[str] = []
    total = len(units) // 2
    layout.beginLayout()
    while len(shown) < lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, end = line.textStart(), line.textStart() + line.textLength()
        if len(shown) == lines - 1 and end < total:
            rest = part(start, total).replace("\u2028", " ")
            metrics = QFontMetrics(font)
            shown.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
        else:
            shown.append(part(start, end).rstrip("\u2028 "))
    layout.endLayout()
    return "\n".join(shown)
