"""A click on a row of the Passages list shows the passage in its article but leaves the
keyboard in the list: Ctrl+A then Del delete the passages listed, as the list looks
focused, not the passage just clicked in the article. Enter or a double-click go to the
article, the keyboard with them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_cells import PASSAGE_ID_ROLE

CTRL = Qt.KeyboardModifier.ControlModifier


def click_row(qtbot: QtBot, window: MainWindow, row: int, *, double: bool = False) -> int:
    """Click (or double-click) a row of the list, as the reader does; its passage's id."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table = window.passages.table
    index = table.model().index(row, 0)
    point = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    if double:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    annotation_id = int(index.data(PASSAGE_ID_ROLE))
    qtbot.waitUntil(
        lambda: (
            window.area.current is not None
            and window.area.current.selected_passage == annotation_id
        )
    )
    return annotation_id


def listed(window: MainWindow) -> list[int]:
    model = window.passages.model
    return [model.passage(row).id for row in range(model.rowCount())]


def test_a_click_shows_the_passage_and_ctrl_a_del_delete_the_passages_listed(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_plain", lambda *_args, **_kwargs: True)
    every = listed(window)
    assert len(every) > 1
    clicked = click_row(qtbot, window, 1)
    table = window.passages.table
    assert table.hasFocus(), QApplication.focusWidget()  # the keyboard stayed in the list
    assert window.coding.selected == clicked  # the article shows the passage chosen

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, CTRL)
    assert sorted(window.passages.selection.selected_passages()) == sorted(every)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    stored = {p.id for p in window.session.project.annotations.query()}
    assert stored.isdisjoint(every)  # every passage listed, not the one clicked alone


def test_a_double_click_or_enter_take_the_keyboard_to_the_passage(
    qtbot: QtBot, window: MainWindow
) -> None:
    click_row(qtbot, window, 0, double=True)
    pane = window.area.current
    assert pane is not None
    qtbot.waitUntil(pane.view.hasFocus)

    table = window.passages.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    chosen = window.passages.current_passage()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.area.current is not None)
    current = window.area.current
    assert current is not None
    qtbot.waitUntil(lambda: current.selected_passage == chosen)
    qtbot.waitUntil(current.view.hasFocus)
