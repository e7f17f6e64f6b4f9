"""A pane zooms through round steps, as browsers do (90%, 100%, 110%, 125%…), where it
multiplied by 1.1 and showed 110%, 121%, 133%; a zoom saved between two steps (by an earlier
Diptych) opens as it was, and the next step in or out goes to the round one that way."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import keyboard_in, open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.pane_zoom import ZOOM_STEPS
from diptych.gui.theme import READING_POINT_SIZE
from diptych.storage.project import Project

ROUND = ["50%", "67%", "75%", "80%", "90%", "100%", "110%", "125%", "150%", "175%", "200%",
         "250%", "300%"]  # fmt: skip


def button(pane: ArticlePane, text: str) -> QToolButton:
    return next(b for b in pane.header.findChildren(QToolButton) if b.text() == text)


def font_size(pane: ArticlePane) -> float:
    return pane.view.document().defaultFont().pointSizeF()


def test_plus_and_minus_go_through_the_round_steps(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.area.panes()[0]
    seen = [pane.header.zoom_label.text()]
    while button(pane, "+").isEnabled():
        qtbot.mouseClick(button(pane, "+"), Qt.MouseButton.LeftButton)
        seen.append(pane.header.zoom_label.text())
    assert seen == ROUND[5:]
    assert font_size(pane) == pytest.approx(READING_POINT_SIZE * 3)
    seen = [pane.header.zoom_label.text()]
    while button(pane, "−").isEnabled():
        qtbot.mouseClick(button(pane, "−"), Qt.MouseButton.LeftButton)
        seen.append(pane.header.zoom_label.text())
    assert seen == ROUND[::-1]
    assert [f"{z}%" for z in ZOOM_STEPS] == ROUND


def _saved_with_zoom(
    qtbot: QtBot, context: AppContext, sample: Path, zoom: dict[str, int]
) -> MainWindow:
    """The window opened again on ``sample`` after its first pane was saved at ``zoom``."""
    window = open_window(qtbot, context, Project.open(sample))
    uuid = window.session.project.info().uuid
    window.close()
    layout = context.settings.pane_layout(uuid, sample)
    layout["panes"][0] = {k: v for k, v in layout["panes"][0].items() if "zoom" not in k} | zoom
    context.settings.set_pane_layout(uuid, layout, sample)
    return open_window(qtbot, context, Project.open(sample))


@pytest.mark.parametrize(
    "saved", [{"zoom": 3}, {"zoom_percent": 133}], ids=["steps of 1.1", "percent"]
)
def test_a_zoom_saved_between_steps_opens_as_it_was_and_steps_to_round_ones(
    qtbot: QtBot, context: AppContext, sample: Path, saved: dict[str, int]
) -> None:
    window = _saved_with_zoom(qtbot, context, sample, saved)
    pane = keyboard_in(qtbot, window, 0)
    assert pane.header.zoom_label.text() == "133%"
    assert font_size(pane) == pytest.approx(READING_POINT_SIZE * 1.33)
    qtbot.keyClick(pane.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert pane.header.zoom_label.text() == "150%"
    pane.set_zoom(133)
    qtbot.keyClick(pane.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert pane.header.zoom_label.text() == "125%"


def test_the_zoom_is_saved_in_percent(qtbot: QtBot, context: AppContext, sample: Path) -> None:
    window = open_window(qtbot, context, Project.open(sample))
    pane = keyboard_in(qtbot, window, 1)
    qtbot.keyClick(pane.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    uuid = window.session.project.info().uuid
    window.close()
    layout = context.settings.pane_layout(uuid, sample)
    assert [p["zoom_percent"] for p in layout["panes"]] == [100, 110]
    again = open_window(qtbot, context, Project.open(sample))
    assert [p.header.zoom_label.text() for p in again.area.panes()] == ["100%", "110%"]
