"""Typing in a note saved already is undone by Ctrl+Z there as the step it is: Redo brings
it back, where the field's own undo typed it back to nothing, the step was dropped and Redo
greyed. A Ctrl+Z with nothing left to undo says so in the status bar."""

from __future__ import annotations

from gui_support import keyboard_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

CONTROL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def test_ctrl_z_in_a_note_keeps_redo_and_says_when_nothing_is_left(
    qtbot: QtBot, window: MainWindow
) -> None:
    stack = window.session.undo_stack
    assert not stack.canUndo()  # no earlier steps
    pane = keyboard_in(qtbot, window, 1)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CONTROL)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    passage = window.coding.selected
    before = window.session.passage(passage).note
    note = window.editor.note
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    qtbot.waitUntil(note.hasFocus)
    qtbot.keyClick(note, Qt.Key.Key_End, CONTROL)
    qtbot.keyClicks(note, " zzz more")
    qtbot.waitUntil(stack.canUndo)  # saved at the pause
    assert window.session.passage(passage).note == before + " zzz more"

    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL)
    qtbot.wait(700)  # past the pause that saves
    assert note.toPlainText() == window.session.passage(passage).note == before
    assert window.actions_.redo.isEnabled()

    window.statusBar().clearMessage()
    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL)
    qtbot.wait(700)
    assert window.statusBar().currentMessage() == "Nothing more to undo."
    assert window.session.passage(passage).note == before
    assert window.actions_.redo.isEnabled()

    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL | SHIFT)
    assert note.toPlainText() == window.session.passage(passage).note == before + " zzz more"
    assert note.hasFocus()
