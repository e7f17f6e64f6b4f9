"""Enter on an article in the Library puts the keyboard in its pane, whether the article was
open already or is opened now: before, only an article already open got the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

SHIFT_CONTROL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.mark.parametrize("beside", [False, True])
def test_enter_in_the_library_goes_to_the_article_it_opens(
    qtbot: QtBot, window: MainWindow, beside: bool
) -> None:
    window.activateWindow()  # window shortcuts need the active window
    qtbot.waitUntil(window.isActiveWindow)
    left, right = window.area.panes()
    closed = right.article_id
    window.area.close_pane(right)
    left.view.setFocus()
    qtbot.keyClick(left.view, Qt.Key.Key_L, SHIFT_CONTROL)
    library = window.library
    qtbot.waitUntil(library.view.hasFocus)
    while library.selected_article() != closed:
        row = library.view.currentIndex().row()
        qtbot.keyClick(library.view, Qt.Key.Key_Down)
        assert library.view.currentIndex().row() > row, "the article is not in the Library"

    shift = Qt.KeyboardModifier.ShiftModifier if beside else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(library.view, Qt.Key.Key_Return, shift)
    pane = window.area.pane_for(closed)
    assert pane is not None and pane is not left
    assert window.area.current is pane and pane.view.hasFocus()
    qtbot.waitUntil(lambda: not pane.is_loading)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)  # the keys go on in the article
    assert window.coding.selected and pane.selected_passage == window.coding.selected
