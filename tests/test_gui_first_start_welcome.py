"""The very first window says how to start: on the sample project, a line in the status bar
and the Memos panel in front, where the sample's memo explains more; on another project
(opened by name on a first start), the line alone."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_window
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.window_layout import SAMPLE_WELCOME
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project


def in_front(dock: QDockWidget) -> bool:
    """True if the panel is the one shown of those tabbed together."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def test_the_first_window_on_the_sample_project_says_how_to_start(
    qtbot: QtBot, context: AppContext
) -> None:
    create_sample_project(context.paths.sample_project).close()
    window = open_window(qtbot, context, Project.open(context.paths.sample_project))
    assert window.statusBar().currentMessage() == SAMPLE_WELCOME
    window.resize(1366 * 4 // 5, 600)  # a laptop's screen at 125%
    qtbot.waitUntil(lambda: window.width() == 1366 * 4 // 5)
    assert window.statusBar().shown_text() == SAMPLE_WELCOME  # whole, F1 and all
    assert in_front(window.docks["memos"]) and not in_front(window.docks["passages"])
    assert "Select text in either article" in window.memos.project_memo.toPlainText()


def test_the_first_window_on_another_project_leaves_it_to_speak_for_itself(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = open_window(qtbot, context, Project.create(tmp_path / "mine.diptych"))
    assert window.statusBar().currentMessage() == ""
    assert in_front(window.docks["passages"])


def test_a_later_window_on_the_sample_project_says_nothing_of_it(
    qtbot: QtBot, context: AppContext
) -> None:
    create_sample_project(context.paths.sample_project).close()
    first = open_window(qtbot, context, Project.open(context.paths.sample_project))
    first.close()  # its layout kept, as on quitting
    again = open_window(qtbot, context, Project.open(context.paths.sample_project))
    assert again.statusBar().currentMessage() == ""
    assert in_front(again.docks["memos"])  # where the user left it
