"""Ctrl+Z in a note or memo takes back what was typed there a pause at a time, each saved
as it is undone, and Ctrl+Shift+Z brings it back: one Ctrl+Z took back the whole sitting
(everything typed since the field was entered, saved as one step), and the next key typed
lost it for good. With nothing typed left to undo, Ctrl+Z is the window's Undo, and with
nothing there either the status bar says so."""

from __future__ import annotations

from gui_support import keyboard_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.autosave import AutosaveText
from diptych.gui.main_window import MainWindow

CONTROL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def typed_and_saved(qtbot: QtBot, field: AutosaveText, text: str) -> None:
    """Type ``text`` (a line break as Return) and wait for the pause that saves it."""
    stack = field.session.undo_stack
    index = stack.index()
    for i, line in enumerate(text.split("\n")):
        if i:
            qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.keyClicks(field, line)
    qtbot.waitUntil(lambda: not field.is_modified and stack.index() >= index, timeout=3000)


def test_ctrl_z_in_a_note_takes_back_the_last_pause_and_redo_brings_it_back(
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
    typed_and_saved(qtbot, note, " first paragraph of my reading")
    typed_and_saved(qtbot, note, " and a typo")
    whole = before + " first paragraph of my reading and a typo"
    assert window.session.passage(passage).note == whole
    assert stack.count() == 1  # one sitting: one step of the window's

    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL)  # the typo only
    assert note.toPlainText() == before + " first paragraph of my reading"
    qtbot.waitUntil(lambda: not note.is_modified)  # saved as undone
    assert window.session.passage(passage).note == before + " first paragraph of my reading"

    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL | SHIFT)  # back again
    assert note.toPlainText() == before + " first paragraph of my reading and a typo"
    qtbot.waitUntil(lambda: not note.is_modified)
    assert window.session.passage(passage).note == note.toPlainText()

    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL)
    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL)  # the first paragraph too
    qtbot.waitUntil(lambda: not note.is_modified)
    assert note.toPlainText() == window.session.passage(passage).note == before
    assert not stack.canUndo()  # typed back to what it was: the step is dropped

    window.statusBar().clearMessage()
    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL)  # nothing typed, nothing in the window
    assert window.statusBar().currentMessage() == "Nothing more to undo."
    assert window.session.passage(passage).note == before

    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL | SHIFT)
    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL | SHIFT)
    qtbot.waitUntil(lambda: not note.is_modified)
    expected = before + " first paragraph of my reading and a typo"
    assert note.toPlainText() == window.session.passage(passage).note == expected
    assert note.hasFocus()


def test_the_windows_undo_takes_back_a_memos_sitting_once_the_field_is_left(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.actions_.show_memos.trigger()
    field = window.memos.project_memo
    before = field.toPlainText()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_End, CONTROL)
    typed_and_saved(qtbot, field, "\nLine one of the brief")
    typed_and_saved(qtbot, field, "\nLine two of the brief")
    pane = keyboard_in(qtbot, window, 0)  # the field left: its sitting ends
    assert field.toPlainText().endswith("Line two of the brief")
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    assert field.toPlainText() == before
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL | SHIFT)
    assert field.toPlainText().endswith("Line one of the brief\nLine two of the brief")
