"""The Passages panel's four filter lists share a row where the panel is wide enough and
stack up where it is narrow, so that the panel never holds the window wide: on a small
screen the articles get the room."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from gui_support import open_window
from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project


def _filters(window: MainWindow) -> list[QRect]:
    panel = window.docks["passages"].widget()
    combos = (panel.tag_combo, panel.article_combo, panel.coder_combo, panel.check_combo)
    return [c.geometry() for c in combos]


def test_the_filter_lists_stack_in_a_narrow_panel_and_share_a_row_in_a_wide_one(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    window = open_window(qtbot, context, Project.open(sample))
    window.resize(1400, 800)
    dock = window.docks["passages"]
    panel = dock.widget()

    # Three lists side by side needed 358 pixels: the panel can now be half that.
    assert dock.minimumSizeHint().width() < 200

    window.resizeDocks([dock], [180], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: dock.width() <= 200)
    qtbot.wait(20)
    narrow = _filters(window)
    assert len({r.y() for r in narrow}) == 4  # one under the other
    for rect in narrow:
        assert rect.left() >= 0 and rect.right() < panel.width()  # whole, inside the panel
        assert rect.width() > panel.width() * 0.8  # each as wide as the panel
    tabs = panel.tabs.geometry()
    assert tabs.top() > max(r.bottom() for r in narrow)  # nothing below them is covered

    window.resizeDocks([dock], [600], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: dock.width() >= 500)
    qtbot.wait(20)
    wide = _filters(window)
    assert len({r.y() for r in wide}) == 1  # one row
    assert all(left.right() < right.left() for left, right in pairwise(wide))
    assert wide[3].right() > panel.width() - 20  # the row fills the panel
    assert panel.tabs.geometry().top() > wide[0].bottom()
