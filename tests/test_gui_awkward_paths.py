"""A project whose folder and name hold spaces, non-ASCII letters and the characters a
``file:`` address gives a meaning to (``#``, ``?``, ``%``, ``&``, ``=``): the window
opens it, saves a passage tagged by key, backs it up, follows it when it is renamed,
and restores its backup."""

from __future__ import annotations

import shutil
from pathlib import Path

from gui_support import select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from diptych.gui.context import AppContext
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project

QUOTE = "renewed diplomatic engagement"


def quotes(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        return [p.exact for p in project.annotations.query()]


def test_a_project_with_an_awkward_path_is_saved_backed_up_followed_and_restored(
    qtbot: QtBot, context: AppContext, sample: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "Études 2026 #2 ?%20&x=1 東京"
    folder.mkdir()
    path = folder / "Entretiens – été #3 ?%.diptych"
    shutil.copy(sample, path)
    launcher = Launcher(context)
    window: MainWindow = launcher.show_project(Project.open(path))
    qtbot.waitExposed(window)
    try:
        qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
        backup = window.backups.last
        assert backup is not None
        pane = window.area.panes()[1]
        window.area.set_current(pane)
        select_text(pane, QUOTE)
        qtbot.keyClick(pane.view, Qt.Key.Key_1)
        assert QUOTE in quotes(path)

        renamed = folder / "Entretiens renommés #4 ü.diptych"
        path.rename(renamed)
        qtbot.waitUntil(lambda: window.session.project.path == renamed, timeout=5000)
        assert QUOTE in quotes(renamed)

        launcher.restore(window, backup)
        restored = launcher.window
        assert restored is not None and restored.session.project.path == renamed
        assert QUOTE not in quotes(renamed)
        window = restored
    finally:
        for shown in {window, launcher.window}:
            if shown is not None and isValid(shown) and shown.isVisible():
                shown.close()
