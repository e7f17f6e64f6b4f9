"""Ctrl+Alt+N gives the keyboard to the new pane it adds: the new pane was marked current
while the keys stayed in the article beside it, so that Ctrl+W then closed the new pane
rather than the one the keyboard was in, and the pane marked current was not the one the
keys acted on."""

from __future__ import annotations

from gui_support import keyboard_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

CONTROL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_ctrl_alt_n_puts_the_keyboard_in_the_new_pane(qtbot: QtBot, window: MainWindow) -> None:
    first = keyboard_in(qtbot, window, 0)
    qtbot.keyClick(first.view, Qt.Key.Key_N, CONTROL | ALT)
    panes = window.area.panes()
    assert len(panes) == 3
    new = panes[-1]
    assert new.article_id is None
    assert window.area.current is new
    qtbot.waitUntil(new.view.hasFocus)
    assert new.view.isVisible()

    qtbot.keyClick(new.view, Qt.Key.Key_W, CONTROL)  # the pane the keys are in closes
    assert new not in window.area.panes() and first in window.area.panes()
    focused = QApplication.focusWidget()
    current = window.area.current
    assert current is not None and focused is current.view and focused.isVisible()


def test_a_pane_added_from_a_panel_takes_the_keyboard_too(qtbot: QtBot, window: MainWindow) -> None:
    first = keyboard_in(qtbot, window, 0)
    qtbot.keyClick(first.view, Qt.Key.Key_L, CONTROL | SHIFT)
    qtbot.waitUntil(window.library.view.hasFocus)
    qtbot.keyClick(window.library.view, Qt.Key.Key_N, CONTROL | ALT)
    new = window.area.panes()[-1]
    assert window.area.current is new
    qtbot.waitUntil(new.view.hasFocus)
