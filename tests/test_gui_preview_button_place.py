"""The Preview button of a note and of a memo reads "Edit" while the text is previewed, and
stays where it was clicked: sized to each word, it shrank and moved right, so that a second
click where the first one was (to write again) missed it."""

from __future__ import annotations

from gui_support import keyboard_in
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def place(button: QToolButton) -> tuple[int, int]:
    """Where the button starts and ends across its window, once laid out again."""
    for _ in range(3):  # a layout that moves a widget asks for another pass
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    left = button.mapTo(button.window(), QPoint(0, 0)).x()
    return left, left + button.width()


def click_twice_where_it_was(qtbot: QtBot, button: QToolButton) -> None:
    before = place(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.isChecked() and button.text() == "Edit"
    assert place(button) == before
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(2, button.height() // 2))
    assert not button.isChecked() and button.text() == "Preview"
    assert place(button) == before


def test_the_note_preview_button_stays_where_it_was_clicked(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)  # its first passage, in the Passage panel
    assert window.editor.current_passage() == window.coding.selected != 0
    button = window.editor.preview_button
    qtbot.waitUntil(button.isVisible)
    click_twice_where_it_was(qtbot, button)
    assert window.editor.note_pages.currentWidget() is window.editor.note


def test_the_memo_preview_button_stays_where_it_was_clicked(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.docks["memos"].show()
    window.docks["memos"].raise_()
    button = window.memos.project_preview.button
    qtbot.waitUntil(button.isVisible)
    click_twice_where_it_was(qtbot, button)
