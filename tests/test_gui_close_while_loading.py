"""Closing the window (or switching to another project) while a pane still builds a long
article is harmless: nothing reads the closed project file afterwards."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_window
from pytestqt.qtbot import QtBot
from test_gui_long_article import long_article

from diptych.gui.context import AppContext
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


def test_closing_the_window_while_two_long_articles_are_built_is_harmless(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "long.diptych"
    with Project.create(path) as project:
        first = project.articles.add(parsed=parse_article(long_article(2000), name="a.txt"))
        second = project.articles.add(parsed=parse_article(long_article(2100), name="b.txt"))
    window = open_window(qtbot, context, Project.open(path))
    left = window.area.add_pane(first.id)
    right = window.area.add_pane(second.id)
    assert left is not None and right is not None
    window.area.set_current(left)
    assert left.is_loading or right.is_loading

    window.close()  # the project file is closed now
    qtbot.wait(600)  # pytest-qt fails the test on any exception raised in a slot meanwhile

    assert window.session.project.closed
