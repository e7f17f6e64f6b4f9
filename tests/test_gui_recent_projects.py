"""File > Open recent lists projects by their file names, as they are."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project


def test_a_project_name_with_an_ampersand_is_listed_as_it_is_and_opens(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    launcher = window.launcher  # type: ignore[attr-defined]  # set by gui_support.open_window
    path = tmp_path / "R&D budget.diptych"
    Project.create(path).close()
    launcher.open_path(path)
    opened = launcher.window
    qtbot.addWidget(opened)
    launcher.show_project(Project.open(window.session.project.path))  # away from it
    back = launcher.window
    qtbot.addWidget(back)

    shown = {a.iconText(): a for a in back.actions_.recent.actions()}  # '&&' shows as '&'
    assert "R&D budget.diptych" in shown
    shown["R&D budget.diptych"].trigger()
    reopened = launcher.window
    qtbot.addWidget(reopened)
    assert reopened.session.project.path == path
