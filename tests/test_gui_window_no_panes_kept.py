"""Every pane closed, then Diptych closed: the next start shows the reading area as it was
left (empty, with its hint), not the two first articles of the first start."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_window
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project


def test_panes_all_closed_stay_closed_at_the_next_start(
    qtbot: QtBot, window: MainWindow, context: AppContext, sample: Path
) -> None:
    assert len(window.area.panes()) == 2
    window.area.close_all()
    window.close()

    again = open_window(qtbot, context, Project.open(sample))

    assert again.area.panes() == []
    assert again.area.currentWidget() is again.area.hint


def test_the_first_start_still_opens_two_articles_side_by_side(window: MainWindow) -> None:
    assert [p.article_id is not None for p in window.area.panes()] == [True, True]
