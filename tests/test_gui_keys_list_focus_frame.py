"""The Passages list, the Codebook and the Library show when they have the keyboard: a line
in the highlight colour around them, as a field has. Gone to with Ctrl+Shift+P or
Ctrl+Shift+B, with no row chosen yet, they looked as they did without it (only a faint
dotted first cell), and the analyst could not see where the next keys would go."""

from __future__ import annotations

import pytest
from gui_support import keyboard_in
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

CONTROL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
PANELS = {"passages": Qt.Key.Key_P, "codebook": Qt.Key.Key_B, "library": Qt.Key.Key_L}


def view_of(window: MainWindow, panel: str) -> QAbstractItemView:
    views = {"passages": window.passages.table, "codebook": window.tags.view,
             "library": window.library.view}  # fmt: skip
    return views[panel]


def edge(view: QAbstractItemView) -> list[QColor]:
    """The colours down the middle of the left and right edges of the view's inside and
    along its bottom (rows, the selection and the focused cell are not there)."""
    image: QImage = view.viewport().grab().toImage()
    w, h = image.width(), image.height()
    points = [(0, h // 2), (w - 1, h // 2), (w // 2, h - 1), (w // 3, h - 1)]
    return [image.pixelColor(x, y) for x, y in points]


def near(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) < 40


@pytest.mark.parametrize("panel", PANELS)
def test_a_list_with_the_keyboard_is_framed_in_the_highlight_colour(
    qtbot: QtBot, window: MainWindow, panel: str
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    view = view_of(window, panel)
    highlight = view.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    assert not any(near(c, highlight) for c in edge(view))

    qtbot.keyClick(pane.view, PANELS[panel], CONTROL_SHIFT)
    qtbot.waitUntil(view.hasFocus)
    assert all(near(c, highlight) for c in edge(view))

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(pane.view.hasFocus)
    assert not any(near(c, highlight) for c in edge(view))
