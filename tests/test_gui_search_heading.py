"""A search result's first line (Article or Passage, and the title) is set apart from its
words in a quieter colour that still reads well; selected, it takes the selection's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QTextCursor
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.search_results import muted_text, result_document
from diptych.gui.theme import contrast


def darkest(image: QImage, left: int, right: int, top: int, bottom: int) -> int:
    """The lightness of the darkest pixel in the box (the core of the glyphs' strokes)."""
    return min(
        QColor(image.pixel(x, y)).lightness()
        for x in range(left, right)
        for y in range(top, bottom)
    )


def heading_and_words(window: MainWindow, row: int) -> tuple[int, int]:
    """The darkest lightness of a result's first line (its heading), and of its last
    (its words: a long title may take two lines)."""
    results = window.search.results
    image: QImage = results.viewport().grab().toImage()
    rect = results.visualItemRect(results.item(row))
    line = results.fontMetrics().lineSpacing()
    first_end = rect.top() + 3 + line  # the padding above, then one line
    last_start = rect.bottom() - 3 - line
    return (
        darkest(image, rect.left(), rect.right(), rect.top(), first_end),
        darkest(image, rect.left(), rect.right(), last_start, rect.bottom()),
    )


def test_the_heading_is_quieter_than_the_words_and_readable(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.actions_.search.trigger()
    panel = window.search
    qtbot.keyClicks(panel.field, "summit")
    with qtbot.waitSignal(panel.searched):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert panel.results.count() >= 2
    palette = panel.results.palette()
    muted = muted_text(palette)
    text = palette.color(palette.ColorRole.Text)
    base = palette.color(palette.ColorRole.Base)
    assert muted.rgb() != text.rgb()
    assert contrast(muted, base) >= 4.5  # WCAG AA for text
    panel.results.setCurrentRow(0)
    heading, words = heading_and_words(window, 1)
    assert abs(heading - muted.lightness()) <= 24  # drawn in the quieter colour
    assert words + 40 < heading  # the words stay in the text colour, darker
    assert abs(words - text.lightness()) <= 40


def test_only_the_first_line_takes_the_heading_colour(window: MainWindow) -> None:
    option = QStyleOptionViewItem()
    option.font = window.search.results.font()
    heading = QColor("#556677")
    document = result_document("Passage · A title\nThe bilateral trade volume", [], option, heading)

    def colour(position: int) -> QColor:
        cursor = QTextCursor(document)
        cursor.setPosition(position + 1)  # the format of the character before the cursor
        return cursor.charFormat().foreground().color()

    assert [colour(p).name() for p in (0, 16)] == ["#556677"] * 2
    assert colour(20).name() != "#556677"
