"""The Passages filter from the keyboard, as the Library's: Down moves into the matches and
Enter opens the first one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.passage_cells import PASSAGE_ID_ROLE

SHIFT_CONTROL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def go_to_passages(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()  # window shortcuts need the active window
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[0]
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_P, SHIFT_CONTROL)
    qtbot.waitUntil(window.passages.table.hasFocus)


def filter_for(qtbot: QtBot, window: MainWindow, text: str) -> list[int]:
    """Type ``text`` in the Passages filter; the ids of the passages it leaves, in order."""
    go_to_passages(qtbot, window)
    window.coding.select_passage(0)
    field = window.passages.search
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, text)
    model = window.passages.model
    return [window.passages.model.index(row, 0).data(PASSAGE_ID_ROLE)
            for row in range(model.rowCount())]  # fmt: skip


def test_down_in_the_filter_moves_into_the_matches(qtbot: QtBot, window: MainWindow) -> None:
    matches = filter_for(qtbot, window, "cooperation")
    assert len(matches) == 2
    qtbot.keyClick(window.passages.search, Qt.Key.Key_Down)
    table = window.passages.table
    assert table.hasFocus()
    assert window.passages.current_passage() == window.coding.selected == matches[0]
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert window.passages.current_passage() == window.coding.selected == matches[1]


def test_enter_in_the_filter_opens_the_first_match(qtbot: QtBot, window: MainWindow) -> None:
    matches = filter_for(qtbot, window, "symbolic")
    assert len(matches) == 1
    qtbot.keyClick(window.passages.search, Qt.Key.Key_Return)
    pane = window.area.pane_for(window.session.passage(matches[0]).article_id)
    assert pane is not None
    qtbot.waitUntil(lambda: pane.selected_passage == matches[0])
    assert window.coding.selected == matches[0] and pane.view.hasFocus()


def test_down_in_the_filter_with_no_match_stays_in_the_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert filter_for(qtbot, window, "no such words anywhere") == []
    qtbot.keyClick(window.passages.search, Qt.Key.Key_Down)
    assert window.passages.search.hasFocus() and window.coding.selected == 0


def test_shift_tab_leaves_the_list_for_the_filters_and_tab_comes_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    go_to_passages(qtbot, window)
    panel, table = window.passages, window.passages.table
    qtbot.keyClick(table, Qt.Key.Key_Down)
    chosen = panel.current_passage()
    steps = 0
    while not panel.search.hasFocus():
        focused = QApplication.focusWidget()
        assert focused is not None and steps < 8, "the filter field cannot be reached"
        qtbot.keyClick(focused, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        steps += 1
    assert panel.current_passage() == chosen  # leaving the list moved no row

    qtbot.keyClicks(panel.search, "cooperation")
    for _ in range(steps):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert table.hasFocus()
