"""The first start on a small screen gives the panels their share of the window as it is
shown (narrowed to the screen), not of the wider window Qt first proposes: the articles
side by side get the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_window
from PySide6.QtCore import QRect
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project


class _Laptop:
    """A screen 1,024 pixels wide."""

    def availableGeometry(self) -> QRect:
        return QRect(0, 0, 1024, 740)


def test_a_first_start_on_a_1024_pixel_screen_leaves_most_of_it_to_the_articles(
    qtbot: QtBot, context: AppContext, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(MainWindow, "screen", lambda self: _Laptop())
    window = open_window(qtbot, context, Project.open(sample))
    assert window.width() <= 1024
    # A sixth and a quarter of the screen's width, at least 180 and 240 pixels.
    assert window.docks["library"].width() <= 190
    assert window.docks["passage"].width() <= 260
    panes = window.area.panes()
    assert len(panes) == 2 and all(p.width() >= 250 for p in panes)
