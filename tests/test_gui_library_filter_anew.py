"""Words typed in the Library gone to with its key begin a new filter, as in a search
field: with "long" left in the filter, Ctrl+Shift+L, Ctrl+A and "housing" gave
"longhousing". Typed on in the list afterwards, they go on in the filter."""

from __future__ import annotations

from gui_support import keyboard_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

CONTROL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def test_typing_in_the_library_reached_by_its_key_replaces_an_old_filter(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    library.filter.setText("long")
    pane = keyboard_in(qtbot, window, 0)
    qtbot.keyClick(pane.view, Qt.Key.Key_L, CONTROL | SHIFT)
    qtbot.waitUntil(library.view.hasFocus)
    qtbot.keyClick(library.view, Qt.Key.Key_A, CONTROL)  # rows selected, in the list
    for letter in "housing plans":  # each key where the keyboard is, as a user types
        qtbot.keyClicks(QApplication.focusWidget(), letter)
    assert library.filter.text() == "housing plans"
    qtbot.keyClick(library.filter, Qt.Key.Key_Z, CONTROL)  # the old words back, in the field
    assert library.filter.text() == "long"

    library.view.setFocus()  # not by its key: typed on at the end of the filter
    qtbot.waitUntil(library.view.hasFocus)
    qtbot.keyClicks(library.view, "x")
    assert library.filter.text() == "longx"
