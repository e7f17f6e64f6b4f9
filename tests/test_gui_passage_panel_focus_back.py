"""The keyboard in a passage's note goes back to the article when the Passage panel stops
showing the passage because its pane closed (Ctrl+W from the note), where it was left on
the panel's blank hint, where no key did anything."""

from __future__ import annotations

from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_closing_the_pane_of_the_passage_being_noted_gives_the_keys_to_the_other_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    left, right = window.area.panes()
    keyboard_in(qtbot, window, 0)
    select_text(left, "middle powers")
    qtbot.keyClick(left.view, Qt.Key.Key_1)
    note = window.editor.note
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    qtbot.keyClicks(note, "Who?")

    qtbot.keyClick(note, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)  # closes the left
    assert window.area.panes() == [right]
    qtbot.waitUntil(lambda: window.editor.current_passage() is None)
    qtbot.waitUntil(right.view.hasFocus)
    assert QApplication.focusWidget() is right.view
    notes = [p.note for p in window.session.project.annotations.query()]
    assert "Who?" in notes  # saved before the panel let it go
