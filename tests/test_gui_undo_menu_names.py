"""Edit > Undo and Redo name the step with its tag as written: an '&' in a name is shown,
not taken as the menu's key letter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_an_ampersand_in_a_tag_name_is_shown_in_undo_and_redo(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[0]
    window.area.set_current(pane)
    pane.view.setFocus()
    palette = window.coding.palette
    qtbot.keyClick(pane.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(palette.isVisible)
    qtbot.keyClicks(palette.field, "R&D")
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert "R&D" in [tag.name for tag in window.session.ordered_tags()]

    assert window.actions_.undo.text() == "&Undo New tag “R&&D”"  # shown as "Undo New tag R&D"
    window.actions_.undo.trigger()
    assert "R&D" not in [tag.name for tag in window.session.ordered_tags()]
    assert window.actions_.redo.text() == "&Redo New tag “R&&D”"
