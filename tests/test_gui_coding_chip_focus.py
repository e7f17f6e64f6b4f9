"""The × of a tag chip in the Passage panel shows when it has the keyboard focus: Tab (or
Shift+Tab from the note) stops on it, and Space then takes the tag off, so the analyst must
see which tag that is. A ring in the chip's ink, on a light and on a dark tag colour."""

from __future__ import annotations

import pytest
from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.commands import perform
from diptych.gui.main_window import MainWindow
from diptych.gui.tag_chips import TagChip
from diptych.gui.tag_commands import UpdateTag


def edge_pixels(image: QImage) -> list[QColor]:
    """The pixels along the middle of each edge, where a ring is drawn."""
    w, h = image.width(), image.height()
    points = [(0, h // 2), (w - 1, h // 2), (w // 2, 0), (w // 2, h - 1)]
    return [image.pixelColor(x, y) for x, y in points]


def cross_image(chip: TagChip) -> QImage:
    """The × as seen on its chip (its own background is the chip's)."""
    return chip.grab().toImage().copy(chip.remove_button.geometry())


def distance(a: QColor, b: QColor) -> int:
    return max(abs(x - y) for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


@pytest.mark.parametrize("color", ["#F6C343", "#3A3A8C"])  # dark ink, then white ink
def test_the_chip_cross_with_the_focus_is_ringed(
    qtbot: QtBot, window: MainWindow, color: str
) -> None:
    pane = keyboard_in(qtbot, window, 0)
    first = window.session.ordered_tags()[0]
    perform(window.session, UpdateTag(window.session, first.id, color=color))
    select_text(pane, "delicate")
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    chip = next(c for c in window.editor.chips.findChildren(TagChip) if c.isVisible())
    cross = chip.remove_button
    chip_color = QColor(color)
    unfocused = cross_image(chip)
    assert all(distance(p, chip_color) < 40 for p in edge_pixels(unfocused))  # no ring

    window.editor.note.setFocus()
    qtbot.waitUntil(window.editor.note.hasFocus)
    while QApplication.focusWidget() is not cross:  # Shift+Tab back from the note
        focused = QApplication.focusWidget()
        assert focused is not None and focused is not pane.view
        qtbot.keyClick(focused, Qt.Key.Key_Backtab)
    focused_image = cross_image(chip)
    assert focused_image.size() == unfocused.size()  # the chip keeps its size
    assert all(distance(p, chip_color) > 100 for p in edge_pixels(focused_image))

    qtbot.keyClick(cross, Qt.Key.Key_Space)  # the ringed × takes that tag off
    assert first.id not in window.session.passage(window.coding.selected).tag_ids
