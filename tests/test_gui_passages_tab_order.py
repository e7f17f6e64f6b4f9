"""Tab and Shift+Tab in the Passages panel go between the filter field and the list, where
the arrows choose a row; the lists filtering by tag, article and coder come after the list
(reached between them, Home or Down there changed the filter without a word)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_tab_goes_from_the_filter_to_the_list_and_shift_tab_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel = window.passages
    window.docks["passages"].raise_()
    panel.search.setFocus()
    qtbot.waitUntil(panel.search.hasFocus)
    qtbot.keyClick(panel.search, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.table
    qtbot.keyClick(panel.table, Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is panel.search

    qtbot.keyClick(panel.search, Qt.Key.Key_Tab)
    qtbot.keyClick(panel.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.tag_combo  # the filters after the list
    qtbot.keyClick(panel.tag_combo, Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is panel.table
