"""The Passage panel in a short dock (a small or scaled screen): F2 puts the keyboard in a
note out of sight, which the panel scrolls to, and keeps the typing in view; the next
passage is shown from its top, not at the last one's scroll position."""

from __future__ import annotations

from gui_support import keyboard_in
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def cursor_in_view(window: MainWindow) -> bool:
    """True if the note's text cursor is inside the Passage panel's visible area."""
    scroll, note = window.editor.page_scroll, window.editor.note
    rect = note.cursorRect()
    top = note.viewport().mapTo(scroll.viewport(), rect.topLeft())
    bottom = note.viewport().mapTo(scroll.viewport(), rect.bottomLeft())
    return scroll.viewport().rect().contains(top) and scroll.viewport().rect().contains(bottom)


def test_f2_in_a_short_passage_panel_shows_the_note_and_what_is_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.editor.page_scroll.setFixedHeight(110)  # room for the title and quote only
    pane = keyboard_in(qtbot, window, 1)
    cursor = pane.view.textCursor()
    cursor.setPosition(0)
    pane.view.setTextCursor(cursor)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)  # the first passage
    qtbot.waitUntil(lambda: window.coding.selection.selected != 0)
    scroll = window.editor.page_scroll
    assert scroll.verticalScrollBar().value() == 0  # its quote and tags first
    assert not cursor_in_view(window)

    qtbot.keyClick(pane.view, Qt.Key.Key_F2)  # write its note
    note = window.editor.note
    qtbot.waitUntil(note.hasFocus)
    assert cursor_in_view(window)
    for _ in range(6):  # the note grows past the panel's height
        qtbot.keyClicks(note, "A line of the note")
        qtbot.keyClick(note, Qt.Key.Key_Return)
        assert cursor_in_view(window)
    assert scroll.verticalScrollBar().value() > 0

    qtbot.keyClick(note, Qt.Key.Key_Escape)  # back to the article
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)  # the next passage: from its top
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().value() == 0)
    title = window.editor.title
    assert scroll.viewport().rect().contains(title.mapTo(scroll.viewport(), QPoint(1, 1)))
