"""Ctrl+Tab from a panel comes back to the current pane (the one marked as such), where the
keyboard was, rather than skipping past it to its neighbour."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.mark.parametrize("panel_key", [Qt.Key.Key_L, Qt.Key.Key_B, Qt.Key.Key_P, Qt.Key.Key_M])
@pytest.mark.parametrize("shift", [False, True])  # Ctrl+Tab, Ctrl+Shift+Tab
def test_ctrl_tab_from_a_panel_goes_back_to_the_current_pane(
    qtbot: QtBot, window: MainWindow, panel_key: Qt.Key, shift: bool
) -> None:
    window.activateWindow()  # window shortcuts need the active window
    qtbot.waitUntil(window.isActiveWindow)
    for current in window.area.panes():
        window.area.set_current(current)
        current.view.setFocus()
        qtbot.waitUntil(current.view.hasFocus)
        qtbot.keyClick(current.view, panel_key, CONTROL | SHIFT)
        panel = QApplication.focusWidget()
        assert panel is not None and not window.area.isAncestorOf(panel)

        qtbot.keyClick(panel, Qt.Key.Key_Tab, (CONTROL | SHIFT) if shift else CONTROL)
        assert window.area.current is current
        assert current.view.hasFocus()


def test_ctrl_tab_in_a_pane_still_moves_to_the_next_one(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    left, right = window.area.panes()
    window.area.set_current(left)
    left.view.setFocus()
    qtbot.keyClick(left.view, Qt.Key.Key_Tab, CONTROL)
    assert window.area.current is right and right.view.hasFocus()
    qtbot.keyClick(right.view, Qt.Key.Key_Tab, CONTROL | SHIFT)
    assert window.area.current is left and left.view.hasFocus()


def test_ctrl_tab_from_a_floating_panel_goes_back_to_the_current_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    left, _right = window.area.panes()
    window.area.set_current(left)
    left.view.setFocus()
    qtbot.waitUntil(left.view.hasFocus)
    dock = window.docks["passages"]
    dock.setFloating(True)
    dock.show()
    dock.raise_()
    dock.activateWindow()
    qtbot.waitUntil(dock.isActiveWindow)
    window.go_to_panel("passages")
    table = window.passages.table
    qtbot.waitUntil(table.hasFocus)

    window.actions_.next_pane.trigger()  # Ctrl+Tab, as the window's shortcut runs it
    assert window.area.current is left
