"""Letters typed over an article's text, which cannot be typed in, are not lost without a
word: after Enter in the Passages list took the keyboard to the passage in its article, a
note typed on there vanished. The status bar says once where a note is written, and the
Passage panel's hint names F2, the key that writes it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import TYPED_ON_TEXT
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_editor import PLACEHOLDER


def test_letters_typed_after_enter_in_the_passages_list_say_how_to_write_a_note(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert "F2" in PLACEHOLDER
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table = window.passages.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    pane = window.area.current
    assert pane is not None
    qtbot.waitUntil(pane.view.hasFocus)
    chosen = window.passages.current_passage()
    assert chosen is not None
    note = window.session.passage(chosen).note
    window.statusBar().clearMessage()
    qtbot.keyClicks(QApplication.focusWidget(), "a note")
    assert window.statusBar().currentMessage() == TYPED_ON_TEXT
    assert window.session.passage(chosen).note == note
    window.statusBar().clearMessage()
    top = pane.view.verticalScrollBar().value()
    qtbot.keyClicks(pane.view, "and more")  # said once, not at every letter
    assert window.statusBar().currentMessage() == ""
    assert pane.view.verticalScrollBar().value() == top  # a space between words: no page down
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)  # the key the message names
    qtbot.waitUntil(window.editor.note.hasFocus)
