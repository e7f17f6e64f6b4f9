"""Find's next and previous match go on from where the reader moved the caret (a click,
the arrows) since the match shown, as a browser's find does, where they went on from the
match shown, back up the article away from where the reader was."""

from __future__ import annotations

from gui_support import keyboard_in, point_of
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.find_bar import find_all
from diptych.gui.main_window import MainWindow
from diptych.gui.pane_reading import go_to_offset


def test_the_next_match_is_the_one_after_a_click(qtbot: QtBot, window: MainWindow) -> None:
    pane = keyboard_in(qtbot, window, 0)
    view = pane.view
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    matches = find_all(text, "summit")
    assert len(matches) >= 5
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = pane.find_bar
    qtbot.waitUntil(bar.field.hasFocus)
    qtbot.keyClicks(bar.field, "summit")
    assert view.selection() == matches[0]

    # The reader reads on and clicks between the fourth and the fifth match.
    between = (matches[3][1] + matches[4][0]) // 2
    go_to_offset(view, between)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(pane, between))
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # back in the bar: next
    assert view.selection() == matches[4]
    assert bar.count.text() == f"5 of {len(matches)}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # and on from there
    assert view.selection() == matches[5 % len(matches)]

    go_to_offset(view, between)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(pane, between))
    qtbot.keyClick(view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)  # previous
    assert view.selection() == matches[3]
