"""Find in article shows a match it scrolls to with lines of the text around it, a
quarter down the pane, as a search result is shown, where each next match below came in
on the pane's last line, the rest of its sentence out of view."""

from __future__ import annotations

from gui_support import keyboard_in
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_each_match_scrolled_to_has_lines_below_it_in_view(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 0)
    view = pane.view
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = pane.find_bar
    qtbot.waitUntil(bar.field.hasFocus)
    qtbot.keyClicks(bar.field, "summit")
    total = int(bar.count.text().split(" of ")[1])
    lines = view.fontMetrics().lineSpacing()
    scrolled = 0
    for _ in range(total - 1):
        before = view.verticalScrollBar().value()
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)
        start = view.selection()
        assert start is not None
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.positions.to_rendered(start[0]))
        rect = view.cursorRect(cursor)
        assert view.viewport().rect().contains(rect)
        if view.verticalScrollBar().value() != before:
            scrolled += 1
            assert rect.bottom() < view.viewport().height() - 3 * lines  # not the last line
    assert scrolled >= 2  # the article was scrolled to matches below
