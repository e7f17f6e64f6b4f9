"""A drag of the mouse from the text into a table, or from a table into the text, selects
what was dragged, to where the mouse let go: not the table's pieces or cells whole (Qt
widens a selection leaving a table to all of it), nor less. The passage a tag key makes of
it is that text too."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from test_gui_long_table import ROWS
from test_gui_long_table_selection import LEFT, at, copied, reading, tagged

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow


def drag(qtbot: QtBot, pane: ArticlePane, start: int, end: int) -> None:
    """Drag the mouse from ``start`` to ``end`` (offsets of the article's text), once the
    view shows both (far down a long table, once it is laid out there)."""
    viewport = pane.view.viewport()
    pane.go_to_offset(start)
    qtbot.waitUntil(
        lambda: all(0 <= at(pane, o).y() < viewport.height() for o in (start, end)), timeout=30_000
    )
    qtbot.mousePress(viewport, LEFT, pos=at(pane, start))
    qtbot.mouseMove(viewport, at(pane, (start + end) // 2))
    qtbot.mouseMove(viewport, at(pane, end))
    qtbot.mouseRelease(viewport, LEFT, pos=at(pane, end))


@pytest.mark.parametrize("rows", [20, ROWS])  # a short table; a long one, in pieces
def test_a_drag_from_the_text_into_a_table_selects_what_was_dragged(
    qtbot: QtBot, window: MainWindow, rows: int
) -> None:
    pane, text = reading(qtbot, window, rows=rows)
    start, end = text.index("by key, as"), text.index("note on row 3 ") + 4
    drag(qtbot, pane, start, end)
    assert pane.view.selection() == (start, end)
    assert copied(qtbot, pane) == text[start:end]
    assert tagged(qtbot, window, pane) == [text[start:end]]


@pytest.mark.parametrize("rows", [20, ROWS])
def test_a_drag_from_a_table_into_the_text_selects_what_was_dragged(
    qtbot: QtBot, window: MainWindow, rows: int
) -> None:
    pane, text = reading(qtbot, window, rows=rows)
    start, end = text.index(f"note on row {rows - 3} "), text.index("Closing words") + 7
    drag(qtbot, pane, start, end)
    assert pane.view.selection() == (start, end)
    assert copied(qtbot, pane) == text[start:end]
    assert tagged(qtbot, window, pane) == [text[start:end]]
