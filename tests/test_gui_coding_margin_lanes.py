"""The margin shows a bar for every tag of the passages beside it, however many: a passage
with six tags (or overlapping passages with as many between them) had its fifth and sixth
bars painted past the margin's edge, unseen and out of reach of the pointer. Bars narrow
to fit the margin instead; with four or fewer they keep their usual width."""

from __future__ import annotations

from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.margin import LANE_WIDTH

DIGITS = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6]


def bar_runs(window: MainWindow, count: int) -> list[tuple[QColor, int]]:
    """The runs of colour across the margin at the passage's middle: (colour, width)."""
    pane = window.area.panes()[0]
    margin = pane.margin
    margin.repaint()
    rect = next(r for r, passage in margin._bars if passage == window.coding.selected)
    image = margin.grab().toImage()
    y = rect.center().y()
    background = margin.palette().window().color()
    runs: list[tuple[QColor, int]] = []
    for x in range(image.width()):
        color = image.pixelColor(x, y)
        if color == background:
            continue
        if runs and runs[-1][0] == color and x > 0 and image.pixelColor(x - 1, y) == color:
            runs[-1] = (color, runs[-1][1] + 1)
        else:
            runs.append((color, 1))
    assert len(margin._bars) == count
    return runs


def test_six_tags_give_six_bars_inside_the_margin(qtbot: QtBot, window: MainWindow) -> None:
    pane = keyboard_in(qtbot, window, 0)
    select_text(pane, "delicate choreography")
    for key in DIGITS:
        qtbot.keyClick(pane.view, key)
    passage = window.session.passage(window.coding.selected)
    assert len(passage.tag_ids) == 6
    colors = {QColor(window.session.codebook()[t].color).name() for t in passage.tag_ids}

    runs = bar_runs(window, 6)
    assert len(runs) == 6  # every tag has its bar, each one seen
    assert {color.name() for color, _ in runs} == colors
    assert len({width for _, width in runs}) == 1  # of one width
    for rect, _ in pane.margin._bars:  # and within reach of the pointer
        assert pane.margin.rect().contains(rect)


def test_four_tags_keep_bars_of_the_usual_width(qtbot: QtBot, window: MainWindow) -> None:
    pane = keyboard_in(qtbot, window, 0)
    select_text(pane, "delicate choreography")
    for key in DIGITS[:4]:
        qtbot.keyClick(pane.view, key)
    runs = bar_runs(window, 4)
    assert [width for _, width in runs] == [LANE_WIDTH] * 4
