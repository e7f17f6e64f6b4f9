"""The clear button Qt puts inside a text field says what it clears: to a screen reader,
which reads it as a button among the field's children, and as a tooltip under the mouse.
Qt's own button has neither, and Orca read it as a bare "push button"."""

from __future__ import annotations

from gui_support import keyboard_in
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLineEdit, QToolButton
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def said_buttons(field: QLineEdit) -> list[str]:
    """The names a screen reader reads for the buttons inside ``field``."""
    interface = QAccessible.queryAccessibleInterface(field)
    assert interface is not None
    children = (interface.child(k) for k in range(interface.childCount()))
    return [
        child.text(QAccessible.Text.Name)
        for child in children
        if child is not None and child.role() == QAccessible.Role.Button
    ]


def shown_tip(field: QLineEdit) -> str:
    """The tooltip of the one button inside ``field``."""
    (button,) = field.findChildren(QToolButton)
    return button.toolTip()


def test_each_clear_button_says_what_it_clears(qtbot: QtBot, window: MainWindow) -> None:
    pane = keyboard_in(qtbot, window, 0)
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(pane.find_bar.field.hasFocus)
    fields = {
        window.library.filter: "Clear the article filter",
        window.passages.filters.search: "Clear the passage filter",
        window.search.field: "Clear the search",
        pane.find_bar.field: "Clear what to find",
    }
    for field, words in fields.items():
        field.setText("treaty")  # the button shows once there is something to clear
        assert said_buttons(field) == [words]
        assert shown_tip(field) == words


def test_the_named_clear_button_still_clears(qtbot: QtBot, window: MainWindow) -> None:
    field = window.library.filter
    field.setText("treaty")
    (button,) = field.findChildren(QToolButton)
    qtbot.waitUntil(button.isVisible)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert field.text() == ""
