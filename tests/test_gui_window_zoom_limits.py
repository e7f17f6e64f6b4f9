"""A pane's − and + are offered only while it can zoom further that way: at its largest
or smallest size a click did nothing, with nothing to say why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from diptych.gui import article_pane
from diptych.gui.main_window import MainWindow
from diptych.gui.pane_zoom import MAX_ZOOM, MIN_ZOOM


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
    assert pane.zoom == MAX_ZOOM == 300
    assert pane.header.zoom_label.text() == "300%"
    assert not zoom_in.isEnabled()
    assert zoom_out.isEnabled()

    for _ in range(30):
        qtbot.mouseClick(zoom_out, Qt.MouseButton.LeftButton)
    assert pane.zoom == MIN_ZOOM == 50
    assert pane.header.zoom_label.text() == "50%"
    assert not zoom_out.isEnabled()
    assert zoom_in.isEnabled()

    pane.set_zoom_step(0)
    assert zoom_in.isEnabled() and zoom_out.isEnabled()


def test_a_zoom_beyond_the_limits_is_held_to_them(window: MainWindow) -> None:
    pane = window.area.panes()[0]
    pane.set_zoom(400)
    assert pane.zoom == 300 and not button(pane, "+").isEnabled()
    pane.set_zoom(20)
    assert pane.zoom == 50 and not button(pane, "−").isEnabled()
