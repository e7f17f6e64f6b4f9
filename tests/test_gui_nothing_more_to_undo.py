"""Ctrl+Z with nothing left to undo, the keyboard in an article or a list, says so: Undo
is greyed then, the keys did nothing, and the status bar kept saying "Undone: …" as if
each press had undone another step. The same for redo."""

from __future__ import annotations

from gui_support import keyboard_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_dialog import TagValues

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_z_with_nothing_to_undo_says_so(qtbot: QtBot, window: MainWindow) -> None:
    window.tags.create_tag(TagValues("Fresh", "#123456", None, ""))
    pane = keyboard_in(qtbot, window, 0)
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CTRL)  # the tag made: undone
    bar = window.statusBar()
    assert bar.currentMessage().startswith("Undone: ")
    assert not window.actions_.undo.isEnabled()
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CTRL)  # nothing left
    assert bar.currentMessage() == "Nothing more to undo."

    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # redo
    assert bar.currentMessage().startswith("Redone: ")
    assert [t.name for t in window.session.ordered_tags()].count("Fresh") == 1
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert bar.currentMessage() == "Nothing more to redo."
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CTRL)  # Undo again: the action, not the saying
    assert bar.currentMessage().startswith("Undone: ")
