"""Delete passage in the Passage panel, pressed from the keyboard, gives the keyboard back
to the article (or the list the passage was chosen in), not to a blank panel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_deleting_from_the_keyboard_in_the_passage_panel_goes_back_to_the_article(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.current
    assert pane is not None and pane.view.index is not None
    passage_id = pane.view.index.marks()[0].annotation_id
    window.coding.select_passage(passage_id)
    button = window.editor.delete_button
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)

    qtbot.keyClick(button, Qt.Key.Key_Space)

    assert passage_id not in {p.id for p in window.session.project.annotations.query()}
    assert QApplication.focusWidget() is pane.view
    window.actions_.undo.trigger()  # and Ctrl+Z, from there, brings it back
    assert passage_id in {p.id for p in window.session.project.annotations.query()}


def test_a_click_on_delete_leaves_the_keyboard_where_it_was(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A click does not take the keyboard to the button: nothing to give back."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.passages.table.setFocus()
    qtbot.waitUntil(window.passages.table.hasFocus)
    passage_id = window.session.project.annotations.query()[0].id
    window.coding.select_passage(passage_id)
    window.editor.on_delete_button_clicked()
    assert window.passages.table.hasFocus()
