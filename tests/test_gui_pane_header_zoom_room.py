"""The zoom shown in a pane's title bar keeps a gap to its − and + buttons in a narrow
pane, at any font size: a fixed width left "100%+" touching at larger fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.pane_header import ZOOM_LABEL_GAP, PaneHeader


def test_the_zoom_keeps_its_gap_in_a_narrow_pane_at_a_larger_font(
    qtbot: QtBot, window: MainWindow
) -> None:
    font = QFont(window.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)  # as a scaled or larger desktop font has it
    header = PaneHeader(None)
    qtbot.addWidget(header)
    header.setFont(font)  # the desktop's font changed
    header.resize(260, header.sizeHint().height())
    header.show()
    qtbot.waitExposed(header)
    label = header.zoom_label
    for zoom in (100, 300):
        header.set_zoom(zoom)
        text = label.fontMetrics().horizontalAdvance(label.text())
        assert label.width() >= text + ZOOM_LABEL_GAP, (zoom, label.width(), text)
