"""An article opened from the Library while the current pane is empty, open already in
another pane, is gone to there, and the status bar says how to show it in the empty pane
too by the keys as well as the mouse (it said only "click that pane"); the keys it names
lead back to the empty pane."""

from __future__ import annotations

import pytest
from gui_support import keyboard_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.mark.parametrize("shown_in", [0, 1])
def test_the_way_back_to_the_empty_pane_is_named_by_its_keys(
    qtbot: QtBot, window: MainWindow, shown_in: int
) -> None:
    keyboard_in(qtbot, window, 1)
    empty = window.area.add_pane()  # New pane (Ctrl+Alt+N), the current one
    assert empty is not None and window.area.current is empty
    shown = window.area.panes()[shown_in]
    assert shown.article_id is not None

    window.area.open_from_library(shown.article_id)
    assert window.area.current is shown and empty.article_id is None
    message = window.statusBar().currentMessage()
    assert "click it, or Ctrl+Tab" in message
    assert "Ctrl+Shift+L, then Shift+Enter" in message
    named = message.split("click it, or ")[1].split(")")[0]
    times = {"": 1, " twice": 2}[named.removeprefix("Ctrl+Tab")]
    assert times == 2 - shown_in  # the empty pane is the third, on the right

    qtbot.waitUntil(shown.view.hasFocus)
    for _ in range(times):  # the keys named
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, CONTROL)
    assert window.area.current is empty


def test_an_empty_pane_on_the_left_is_gone_back_to_with_ctrl_shift_tab(
    qtbot: QtBot, window: MainWindow
) -> None:
    keyboard_in(qtbot, window, 0)
    empty = window.area.add_pane()
    assert empty is not None
    window.area.move_pane(empty, -1)
    window.area.move_pane(empty, -1)
    assert window.area.panes()[0] is empty
    window.area.set_current(empty)
    shown = window.area.panes()[1]
    assert shown.article_id is not None

    window.area.open_from_library(shown.article_id)
    assert "click it, or Ctrl+Shift+Tab)" in window.statusBar().currentMessage()
    qtbot.waitUntil(shown.view.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, CONTROL | SHIFT)
    assert window.area.current is empty
