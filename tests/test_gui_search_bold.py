"""Search results show the words around the first match with every match in bold, not in
the brackets a terminal gets (``diptych search`` keeps them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextCursor
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.search_results import MATCHES_ROLE, result_document


def search(qtbot: QtBot, window: MainWindow, query: str) -> list[str]:
    window.actions_.search.trigger()
    panel = window.search
    panel.field.clear()
    qtbot.keyClicks(panel.field, query)
    with qtbot.waitSignal(panel.searched):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    return [panel.results.item(i).text() for i in range(panel.results.count())]


def test_each_match_is_marked_where_it_is_in_the_result_and_no_bracket_is_added(
    qtbot: QtBot, window: MainWindow
) -> None:
    texts = search(qtbot, window, "trade OR korea")
    assert len(texts) >= 3
    panel = window.search
    for row, text in enumerate(texts):
        matches = panel.results.item(row).data(MATCHES_ROLE)
        assert matches, text
        assert "[" not in text and "]" not in text
        heading_end = text.index("\n")
        for start, end in matches:
            assert start > heading_end  # in the words shown, not in the title
            assert text[start:end].casefold() in ("trade", "korea")


def test_the_matches_are_bold_and_the_rest_is_not(qtbot: QtBot, window: MainWindow) -> None:
    option = QStyleOptionViewItem()
    option.font = window.search.results.font()
    document = result_document("Passage · A title\nThe bilateral trade volume", [(32, 37)], option)

    def weight(position: int) -> int:
        cursor = QTextCursor(document)
        cursor.setPosition(position + 1)  # the format of the character before the cursor
        return cursor.charFormat().fontWeight()

    assert [weight(p) for p in (32, 36)] == [700, 700]
    assert [weight(p) for p in (10, 31, 37)] == [400, 400, 400]


def test_a_result_is_painted_with_the_text_in_the_lists_colours(
    qtbot: QtBot, window: MainWindow
) -> None:
    search(qtbot, window, "trade")
    results = window.search.results
    results.setCurrentRow(0)
    image: QImage = results.viewport().grab().toImage()
    rect = results.visualItemRect(results.item(0))
    highlight = results.palette().color(results.palette().ColorRole.Highlight).rgb()
    text = results.palette().color(results.palette().ColorRole.HighlightedText).rgb()
    colours = {
        image.pixel(x, y)
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
    }
    assert highlight in colours and text in colours  # the selection, and its text drawn on it
