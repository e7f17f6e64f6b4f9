"""Undo and redo of a tag key's tagging name the tag put on the new passage, as they do
the tag added to a passage or taken off it, so that a key pressed by mistake is seen."""

from __future__ import annotations

from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_the_tag_of_a_tagging_is_named_in_edit_undo_and_the_status_bar(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 0)
    select_text(pane, "middle powers")
    qtbot.keyClick(pane.view, Qt.Key.Key_2)  # the second tag: Trade, under Economy
    assert window.actions_.undo.text() == "&Undo Tag passage with “Economy/Trade”"
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Undone: Tag passage with “Economy/Trade”"
    assert window.actions_.redo.text() == "&Redo Tag passage with “Economy/Trade”"
