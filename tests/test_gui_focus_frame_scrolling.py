"""Scrolling a list that has the keyboard leaves no line of its focus frame behind.

A list scrolls by moving the pixels its viewport shows, and the frame drawn inside the
viewport moved with them: with a row of the Passages table chosen, clicking the sideways
scroll bar's right arrow left blue lines across the table. What the window shows (its backing
store, as the screen would get it) must be what the list paints afresh.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractItemView, QScrollBar
from pytestqt.qtbot import QtBot

from diptych.gui.focus_frame import frame_color
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article


def on_screen(window: MainWindow, view: QAbstractItemView) -> QImage:
    """The view's viewport as the window shows it (pixels moved by a scroll included)."""
    viewport = view.viewport()
    corner = viewport.mapTo(window, QPoint(0, 0))
    shot = window.screen().grabWindow(
        window.winId(), corner.x(), corner.y(), viewport.width(), viewport.height()
    )
    return shot.toImage()


def frame_lines(image: QImage, color: QColor) -> tuple[list[int], list[int]]:
    """The columns and the rows of ``image`` more than half in the frame's colour."""
    width, height = image.width(), image.height()
    columns = [
        x
        for x in range(width)
        if sum(image.pixelColor(x, y) == color for y in range(height)) > height // 2
    ]
    rows = [
        y
        for y in range(height)
        if sum(image.pixelColor(x, y) == color for x in range(width)) > width // 2
    ]
    return columns, rows


def click_arrow(qtbot: QtBot, bar: QScrollBar, times: int) -> None:
    """Click the scroll bar's right (or lower) arrow."""
    if bar.orientation() == Qt.Orientation.Horizontal:
        arrow = QPoint(bar.width() - 4, bar.height() // 2)
    else:
        arrow = QPoint(bar.width() // 2, bar.height() - 4)
    for _ in range(times):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=arrow)


def assert_no_lines_left(qtbot: QtBot, window: MainWindow, view: QAbstractItemView) -> None:
    color = frame_color(view.palette())
    qtbot.wait(50)  # the repaints the scroll asked for
    fresh = frame_lines(view.viewport().grab().toImage(), color)
    shown = frame_lines(on_screen(window, view), color)
    width, height = view.viewport().width(), view.viewport().height()
    assert fresh[0] == [0, 1, width - 2, width - 1]  # (a selected row is in the colour too)
    assert {0, 1, height - 2, height - 1} <= set(fresh[1])
    assert shown == fresh


def test_scrolling_the_passages_table_sideways_leaves_no_lines(
    qtbot: QtBot, window: MainWindow
) -> None:
    table = window.passages.table
    table.setFocus()  # a click on a row would open the passage, and go to the article
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().isValid()
    bar = table.horizontalScrollBar()
    assert bar.maximum() > 0
    click_arrow(qtbot, bar, 10)
    assert bar.value() > 0
    assert_no_lines_left(qtbot, window, table)
    click_arrow(qtbot, bar, 0)
    bar.setValue(0)  # and back, by the thumb
    assert_no_lines_left(qtbot, window, table)


def add_tags(window: MainWindow) -> QAbstractItemView:
    for number in range(40):
        window.session.add_tag(name=f"Theme {number:02}")
    return window.tags.view


def add_articles(window: MainWindow) -> QAbstractItemView:
    window.session.add_articles(
        [parse_article(f"Text {n}.".encode(), name=f"note {n:02}.txt") for n in range(40)]
    )
    return window.library.view


@pytest.mark.parametrize("filled", [add_tags, add_articles], ids=["codebook", "library"])
def test_scrolling_the_codebook_and_the_library_leaves_no_lines(
    qtbot: QtBot, window: MainWindow, filled: Callable[[MainWindow], QAbstractItemView]
) -> None:
    view = filled(window)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    qtbot.wait(200)  # the new rows laid out and painted
    click_arrow(qtbot, bar, 10)
    assert bar.value() > 0
    assert_no_lines_left(qtbot, window, view)
