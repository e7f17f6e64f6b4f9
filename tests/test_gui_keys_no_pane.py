"""With every pane closed, the keys that act on an article's text (F8, Ctrl+F8, Ctrl+F)
say that no article is open and how to open one, where F8 spoke of "this article" and
Ctrl+F did nothing at all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

NONE_OPEN = "No article is open: open one from the Library (double-click it, or Enter)."
CONTROL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F8, SHIFT),
        (Qt.Key.Key_F8, CONTROL),
        (Qt.Key.Key_F8, CONTROL | SHIFT),
        (Qt.Key.Key_F, CONTROL),
    ],
    ids=["F8", "Shift+F8", "Ctrl+F8", "Ctrl+Shift+F8", "Ctrl+F"],
)
def test_the_keys_of_an_article_say_none_is_open(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for pane in list(window.area.panes()):
        window.area.close_pane(pane)
    assert window.area.current is None
    focus = QApplication.focusWidget()
    assert focus is not None  # the Library's filter, where closing the last pane left it
    window.statusBar().clearMessage()
    qtbot.keyClick(focus, key, modifiers)
    assert window.statusBar().currentMessage() == NONE_OPEN
