"""The keyboard shortcuts box (F1) is read from the keyboard: the keys scroll its list, on
a screen too low for all of it, and Enter closes it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui import shortcuts_box
from diptych.gui.main_window import MainWindow


def shown(qtbot: QtBot, window: MainWindow) -> shortcuts_box.ShortcutsBox:
    window.actions_.shortcuts.trigger()
    box = next(b for b in window.findChildren(shortcuts_box.ShortcutsBox) if b.isVisible())
    qtbot.waitExposed(box)
    return box


def test_page_down_scrolls_the_shortcuts_and_enter_closes_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    box = shown(qtbot, window)
    bar = box.table.verticalScrollBar()
    assert bar.maximum() > 0  # the screen of the tests is too low for the whole list
    qtbot.waitUntil(box.table.hasFocus)

    qtbot.keyClick(box.focusWidget(), Qt.Key.Key_PageDown)
    assert bar.value() > 0

    qtbot.keyClick(box.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())


def test_escape_closes_the_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    box = shown(qtbot, window)
    qtbot.keyClick(box.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
