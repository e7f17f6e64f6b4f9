"""Opening the project the window already shows (File > Open project, Open recent, by
another name) keeps the window as it is, with its undo steps, and says it is open."""

from __future__ import annotations

import os
from pathlib import Path

from gui_support import open_window
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.tag_dialog import TagValues
from diptych.storage.project import Project


def with_one_step(qtbot: QtBot, context: AppContext, sample: Path) -> MainWindow:
    window = open_window(qtbot, context, Project.open(sample))
    window.tags.create_tag(TagValues("Kept", "#5ED1C4", None, ""))
    assert window.session.undo_stack.canUndo()
    return window


def test_opening_the_project_open_keeps_the_window_and_its_undo(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    window = with_one_step(qtbot, context, sample)
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]
    launcher.open_path(sample)
    assert launcher.window is window and window.isVisible()
    assert window.session.undo_stack.canUndo()
    assert window.statusBar().currentMessage() == "sample.diptych is already open in this window."


def test_open_recent_and_another_name_for_the_file_keep_it_too(
    qtbot: QtBot, context: AppContext, sample: Path, tmp_path: Path
) -> None:
    window = with_one_step(qtbot, context, sample)
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]
    link = tmp_path / "link.diptych"
    os.symlink(sample, link)
    launcher.open_path(link)
    launcher.open_path(tmp_path / "user" / ".." / sample.name)
    launcher.open_recent(window, sample)
    assert launcher.window is window
    assert window.session.undo_stack.canUndo()


def test_another_project_still_opens(
    qtbot: QtBot, context: AppContext, sample: Path, tmp_path: Path
) -> None:
    window = with_one_step(qtbot, context, sample)
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]
    other = tmp_path / "other.diptych"
    Project.create(other).close()
    launcher.open_path(other)
    opened = launcher.window
    assert opened is not None and opened is not window
    qtbot.addWidget(opened)
    assert opened.session.project.path == other
