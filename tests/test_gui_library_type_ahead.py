"""Words typed in the Library's list go on in its filter, as in the Passages list: Ctrl+Shift+L
then a word of a title finds it wherever it is in the title, where the list's own
type-ahead found only a title's first letters. Space, the arrows, F2 and keys held with
Ctrl stay the list's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_a_word_typed_in_the_list_filters_the_library(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    library = window.library
    window.go_to_panel("library")
    qtbot.waitUntil(library.view.hasFocus)
    shown_before = library.proxy.rowCount()
    assert shown_before == 2

    qtbot.keyClicks(library.view, "turning")  # inside "Xi's South Korea Visit Marks Turning…"
    assert library.filter.text() == "turning"
    assert library.filter.hasFocus()
    assert library.proxy.rowCount() == 1
    title = str(library.proxy.index(0, 0).data())
    assert "Turning Point" in title

    qtbot.keyClick(library.filter, Qt.Key.Key_Down)  # back to the list, on the match
    qtbot.waitUntil(library.view.hasFocus)
    qtbot.keyClick(library.view, Qt.Key.Key_Space)  # the list's: no space in the filter
    qtbot.keyClick(library.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert library.filter.text() == "turning"
    assert library.view.hasFocus()


def test_backspace_in_the_list_takes_back_the_filters_last_letter(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    library = window.library
    window.go_to_panel("library")
    qtbot.waitUntil(library.view.hasFocus)
    qtbot.keyClicks(library.view, "turningx")
    assert library.proxy.rowCount() == 0
    library.view.setFocus()  # back in the list (Shift+Tab), as after Down on a match
    qtbot.waitUntil(library.view.hasFocus)

    qtbot.keyClick(library.view, Qt.Key.Key_Backspace)
    assert library.filter.text() == "turning"
    assert library.filter.hasFocus()  # the keyboard goes on in the field, as for letters
    assert library.proxy.rowCount() == 1
    qtbot.keyClicks(library.filter, "p")  # the next letter goes on after it
    assert library.filter.text() == "turningp"

    library.filter.clear()
    library.view.setFocus()
    qtbot.waitUntil(library.view.hasFocus)
    qtbot.keyClick(library.view, Qt.Key.Key_Backspace)  # nothing to take back: the list's
    assert library.view.hasFocus() and library.filter.text() == ""
