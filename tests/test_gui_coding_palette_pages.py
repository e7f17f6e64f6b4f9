"""The tag palette (Ctrl+T) moves a listful of tags at a time with Page Down and Page Up, as
lists do: in a codebook of many tags the only way down the list from the keyboard was one
row per press of Down."""

from __future__ import annotations

from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_page_down_and_up_move_a_listful_and_enter_applies(
    qtbot: QtBot, window: MainWindow
) -> None:
    for number in range(40):
        window.session.add_tag(name=f"Theme {number:02}")
    pane = keyboard_in(qtbot, window, 0)
    select_text(pane, "delicate")
    qtbot.keyClick(pane.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    field, view = palette.field, palette.list
    total = palette.model.rowCount()
    shown = view.viewport().height() // view.sizeHintForRow(0)
    assert total > 2 * shown > 4  # more tags than the list shows at once

    qtbot.keyClick(field, Qt.Key.Key_PageDown)
    first_page = view.currentIndex().row()
    assert shown - 2 <= first_page <= shown  # a listful down, less the row kept in sight
    qtbot.keyClick(field, Qt.Key.Key_PageDown)
    assert view.currentIndex().row() == 2 * first_page
    qtbot.keyClick(field, Qt.Key.Key_PageUp)
    assert view.currentIndex().row() == first_page
    for _ in range(total):
        qtbot.keyClick(field, Qt.Key.Key_PageDown)
    assert view.currentIndex().row() == total - 1  # stops at the last tag
    qtbot.keyClick(field, Qt.Key.Key_PageUp)
    qtbot.keyClick(field, Qt.Key.Key_PageUp)
    chosen = view.currentIndex().data(Qt.ItemDataRole.UserRole + 1)

    qtbot.keyClick(field, Qt.Key.Key_Return)
    passage = window.session.passage(window.coding.selected)
    assert passage.exact == "delicate" and passage.tag_ids == (chosen,)
