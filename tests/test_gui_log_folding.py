"""A copy of the project file alone holds the window's latest work.

SQLite keeps each commit in ``<file>-wal`` beside the project file until the log is folded
into the file. The README says a project is one file, to copy to share or archive it: so
the window folds the log once it was left alone for a watch interval, and whenever another
program takes the focus (a file manager, to copy the file, say).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from gui_support import select_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

QUOTE = "renewed diplomatic engagement"


def quotes_in_a_copy(window: MainWindow, folder: Path) -> list[str]:
    """The passages a copy of the project file alone holds (its -wal left behind)."""
    folder.mkdir(exist_ok=True)
    copy = folder / f"copy-{len(list(folder.iterdir()))}.diptych"
    shutil.copyfile(window.session.project.path, copy)
    with sqlite3.connect(f"file:{copy}?mode=ro", uri=True) as conn:
        return [row[0] for row in conn.execute("SELECT exact FROM annotations")]


def tag_a_passage(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    assert any(p.exact == QUOTE for p in window.session.project.annotations.query())


def test_another_program_taking_the_focus_folds_the_latest_passage_into_the_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.session.watch(False)  # only the change of focus folds here
    tag_a_passage(qtbot, window)
    assert QUOTE not in quotes_in_a_copy(window, tmp_path / "copies")  # in the -wal only

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)

    assert QUOTE in quotes_in_a_copy(window, tmp_path / "copies")


def test_the_log_is_folded_once_it_was_left_alone_for_a_whole_watch_interval(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.session.watch(False)  # the test turns the watch by hand
    tag_a_passage(qtbot, window)

    window.session.on_watch_timeout()  # written since the last look: still at work
    assert QUOTE not in quotes_in_a_copy(window, tmp_path / "copies")
    window.session.on_watch_timeout()  # nothing written since: folded
    assert QUOTE in quotes_in_a_copy(window, tmp_path / "copies")


def test_a_read_only_project_is_never_written_by_a_fold(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    project = window.session.project
    before = project.path.read_bytes()
    project.read_only = True
    try:
        window.session.fold_log()
        assert project.fold_log() is False
    finally:
        project.read_only = False
    assert project.path.read_bytes() == before
