"""Words typed in the Passages list gone to with its key begin a new filter, as the
Library's do: with "long" left in the filter, Ctrl+Shift+P and "summit" gave "longsummit"
and no passage. Typed on in the list afterwards, they go on in the filter."""

from __future__ import annotations

from gui_support import keyboard_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

CONTROL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def test_typing_in_the_passages_list_reached_by_its_key_replaces_an_old_filter(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.passages
    panel.search.setText("long")
    pane = keyboard_in(qtbot, window, 0)
    qtbot.keyClick(pane.view, Qt.Key.Key_P, CONTROL | SHIFT)
    qtbot.waitUntil(panel.table.hasFocus)
    for letter in "summit":  # each key where the keyboard is, as a user types
        qtbot.keyClicks(QApplication.focusWidget(), letter)
    assert panel.search.text() == "summit"
    qtbot.keyClick(panel.search, Qt.Key.Key_Z, CONTROL)  # the old words back, in the field
    assert panel.search.text() == "long"

    panel.table.setFocus()  # not by its key: typed on at the end of the filter
    qtbot.waitUntil(panel.table.hasFocus)
    qtbot.keyClicks(panel.table, "x")
    assert panel.search.text() == "longx"
