"""A pane's − and + are offered only while it can zoom further that way: at its largest
or smallest size a click did nothing, with nothing to say why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from diptych.gui import article_pane, pane_header
from diptych.gui.main_window import MainWindow


def button(pane: article_pane.ArticlePane, text: str) -> QToolButton:
    return next(b for b in pane.header.findChildren(QToolButton) if b.text() == text)


def test_zoom_in_stops_being_offered_at_the_largest_size_and_out_at_the_smallest(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[0]
    zoom_in, zoom_out = button(pane, "+"), button(pane, "−")
    assert zoom_in.isEnabled() and zoom_out.isEnabled()

    for _ in range(30):
        qtbot.mouseClick(zoom_in, Qt.MouseButton.LeftButton)
    assert pane.zoom == article_pane.MAX_ZOOM
    assert not zoom_in.isEnabled()
    assert zoom_out.isEnabled()

    for _ in range(30):
        qtbot.mouseClick(zoom_out, Qt.MouseButton.LeftButton)
    assert pane.zoom == article_pane.MIN_ZOOM
    assert not zoom_out.isEnabled()
    assert zoom_in.isEnabled()

    pane.set_zoom_step(0)
    assert zoom_in.isEnabled() and zoom_out.isEnabled()


def test_the_header_knows_the_zoom_limits_of_the_pane() -> None:
    assert pane_header.ZOOM_LIMITS == (article_pane.MIN_ZOOM, article_pane.MAX_ZOOM)
