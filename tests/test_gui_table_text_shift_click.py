"""A selection started in the text and extended with Shift+click into a table, or started
in a table and extended with Shift+click into the text, runs from where it started to the
point clicked, as a drag there does: not the table's pieces or cells whole. The passage a
tag key makes of it is that text too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_long_table import ROWS
from test_gui_long_table_selection import LEFT, at, copied, reading, tagged

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow


def shift_click(qtbot: QtBot, pane: ArticlePane, start: int, end: int) -> None:
    """Click at ``start``, then Shift+click at ``end`` (offsets of the article's text),
    once the view shows both."""
    viewport = pane.view.viewport()
    pane.go_to_offset(start)
    qtbot.waitUntil(
        lambda: all(0 <= at(pane, o).y() < viewport.height() for o in (start, end)), timeout=30_000
    )
    qtbot.mouseClick(viewport, LEFT, pos=at(pane, start))
    qtbot.mouseClick(viewport, LEFT, Qt.KeyboardModifier.ShiftModifier, pos=at(pane, end))


@pytest.mark.parametrize("rows", [20, ROWS])  # a short table; a long one, in pieces
def test_shift_click_from_the_text_into_a_table_selects_to_the_click(
    qtbot: QtBot, window: MainWindow, rows: int
) -> None:
    pane, text = reading(qtbot, window, rows=rows)
    start, end = text.index("by key, as"), text.index("note on row 3 ") + 4
    shift_click(qtbot, pane, start, end)
    assert pane.view.selection() == (start, end)
    assert copied(qtbot, pane) == text[start:end]
    assert tagged(qtbot, window, pane) == [text[start:end]]


@pytest.mark.parametrize("rows", [20, ROWS])
def test_shift_click_from_a_table_into_the_text_selects_to_the_click(
    qtbot: QtBot, window: MainWindow, rows: int
) -> None:
    pane, text = reading(qtbot, window, rows=rows)
    start, end = text.index(f"note on row {rows - 3} "), text.index("Closing words") + 7
    shift_click(qtbot, pane, start, end)
    assert pane.view.selection() == (start, end)
    assert copied(qtbot, pane) == text[start:end]
    assert tagged(qtbot, window, pane) == [text[start:end]]


@pytest.mark.parametrize("rows", [20, ROWS])
def test_shift_right_across_the_start_of_a_table_goes_on_into_its_first_cell(
    qtbot: QtBot, window: MainWindow, rows: int
) -> None:
    pane, text = reading(qtbot, window, rows=rows)
    start, end = text.index("by key, as"), text.index("Key", text.index("listed")) + 2
    shift_click(qtbot, pane, start, text.index("listed"))
    for _ in range(20):  # the end steps on, character by character, not over the table
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
        if pane.view.selection()[1] >= end:
            break
    assert pane.view.selection() == (start, end)


@pytest.mark.parametrize("rows", [20, ROWS])
def test_a_shift_drag_into_a_table_selects_from_the_start_to_the_mouse(
    qtbot: QtBot, window: MainWindow, rows: int
) -> None:
    pane, text = reading(qtbot, window, rows=rows)
    start, end = text.index("by key, as"), text.index("note on row 4 ") + 4
    shift_click(qtbot, pane, start, text.index("note on row 2 "))
    viewport, shift = pane.view.viewport(), Qt.KeyboardModifier.ShiftModifier
    qtbot.mousePress(viewport, LEFT, shift, pos=at(pane, text.index("note on row 3 ")))
    qtbot.mouseMove(viewport, at(pane, end))
    qtbot.mouseRelease(viewport, LEFT, shift, pos=at(pane, end))
    assert pane.view.selection() == (start, end)
    assert tagged(qtbot, window, pane) == [text[start:end]]
