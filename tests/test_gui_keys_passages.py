"""The Passages list from the keyboard: Enter opens a passage in its pane with the keyboard
there, for the next keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

SHIFT_CONTROL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def go_to_passages(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()  # window shortcuts need the active window
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[0]
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_P, SHIFT_CONTROL)
    qtbot.waitUntil(window.passages.table.hasFocus)


def test_enter_on_a_passage_of_an_article_not_open_goes_to_it_for_the_next_keys(
    qtbot: QtBot, window: MainWindow
) -> None:
    left, right = window.area.panes()
    closed = right.article_id
    window.area.close_pane(right)
    go_to_passages(qtbot, window)
    table = window.passages.table
    target = next(p for p in window.session.project.annotations.query() if p.article_id == closed)
    while window.passages.current_passage() != target.id:
        row = table.currentIndex().row()
        qtbot.keyClick(table, Qt.Key.Key_Down)
        assert table.currentIndex().row() > row, "the passage is not in the list"

    qtbot.keyClick(table, Qt.Key.Key_Return)
    pane = window.area.pane_for(closed)
    assert pane is not None
    qtbot.waitUntil(lambda: not pane.is_loading)
    assert window.coding.selected == pane.selected_passage == target.id
    assert window.area.current is pane and pane.view.hasFocus()

    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)  # the key acts on it at once
    assert target.id not in {p.id for p in window.session.project.annotations.query()}
    assert left.article_id != closed


def test_enter_on_a_passage_of_an_open_article_goes_to_it_too(
    qtbot: QtBot, window: MainWindow
) -> None:
    _left, right = window.area.panes()
    go_to_passages(qtbot, window)
    table = window.passages.table
    while window.passages.current_passage() is None or (
        window.session.passage(window.passages.current_passage() or 0).article_id
        != right.article_id
    ):
        row = table.currentIndex().row()
        qtbot.keyClick(table, Qt.Key.Key_Down)
        assert table.currentIndex().row() > row
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(right.view.hasFocus)
    assert window.area.current is right
    assert right.selected_passage == window.passages.current_passage()
