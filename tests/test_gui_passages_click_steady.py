"""A click on a row of the Passages list goes to its passage: the Passage panel above the
list, filled with that passage, keeps its height, so the row stays under the pointer."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.passage_cells import PASSAGE_ID_ROLE


def _row_point(window: MainWindow, passage_id: int) -> QPoint:
    """The middle of the passage's quote cell, in the list's viewport."""
    table = window.passages.table
    model = table.model()
    row = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data(PASSAGE_ID_ROLE) == passage_id
    )
    return table.visualRect(model.index(row, 2)).center()


def test_every_row_clicked_stays_under_the_pointer_and_goes_to_its_passage(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1440, 880)
    viewport = window.passages.table.viewport()
    passages = sorted(window.session.project.annotations.query(), key=lambda p: -len(p.exact))
    assert window.editor.current_passage() is None  # the panel as a project opens
    for passage in passages:  # the longest quote first: the most lines in the panel
        point = _row_point(window, passage.id)
        on_screen = viewport.mapToGlobal(point)
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=point)
        QApplication.processEvents()  # the panel shows the passage pressed
        assert viewport.mapToGlobal(_row_point(window, passage.id)) == on_screen
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=point)
        qtbot.waitUntil(lambda p=passage: window.coding.selection.selected == p.id)
        pane = window.area.current
        assert pane is not None and pane.article_id == passage.article_id
        assert window.passages.table.hasFocus()  # the keyboard stays in the list
        assert window.editor.current_passage() == passage.id
