"""A screen reader reads the buttons of a pane's title bar and of its find bar by what
they do, not by their symbols ("minus sign", "black right-pointing triangle")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QToolButton, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.find_bar import FindBar
from diptych.gui.main_window import MainWindow
from diptych.gui.pane_header import PaneHeader


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def test_a_pane_title_bar_is_read_by_what_its_buttons_do(window: MainWindow) -> None:
    header = window.area.panes()[0].findChild(PaneHeader)
    assert isinstance(header, PaneHeader)
    buttons = header.findChildren(QToolButton, options=Qt.FindChildOption.FindDirectChildrenOnly)
    names = [spoken_name(b) for b in buttons]
    assert names == [
        "Back",
        "Forward",
        "Outline: go to a heading, or move the pane",
        "Zoom out",
        "Zoom in",
        "Close pane",
    ]
    assert spoken_name(header.zoom_label) == "Zoom 100%"
    header.set_zoom(125)
    assert spoken_name(header.zoom_label) == f"Zoom {header.zoom_label.text()}" == "Zoom 125%"


def test_the_find_bar_is_read_by_what_its_buttons_do(qtbot: QtBot) -> None:
    bar = FindBar()
    qtbot.addWidget(bar)
    buttons = bar.findChildren(QToolButton, options=Qt.FindChildOption.FindDirectChildrenOnly)
    assert [spoken_name(b) for b in buttons] == [
        "Previous match",
        "Next match",
        "Close find",
    ]
    assert spoken_name(bar.field) == "Find in article"
