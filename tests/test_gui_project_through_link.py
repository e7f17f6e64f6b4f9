"""A project opened through a symbolic link (a link on the desktop, ``current.diptych``
pointing at this year's file, a Documents folder that is a link to another disk).

SQLite follows the link and keeps its log (``NAME-wal``) beside the file the link leads
to, not beside the link: the window's work on the log must find it there.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from diptych.gui.context import AppContext
from diptych.gui.file_place_watch import FileNotice, FilePlaceWatch
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project

QUOTE = "renewed diplomatic engagement"


@pytest.fixture
def linked(qtbot: QtBot, context: AppContext, tmp_path: Path, sample: Path) -> Iterator[MainWindow]:
    """A window on a project opened through a link in another folder."""
    real = tmp_path / "disk" / "study.diptych"
    real.parent.mkdir()
    shutil.copy(sample, real)
    link = tmp_path / "desktop" / "study.diptych"
    link.parent.mkdir()
    os.symlink(real, link)
    launcher = Launcher(context)
    window = launcher.show_project(Project.open(link))
    window.launcher = launcher  # type: ignore[attr-defined]
    qtbot.waitExposed(window)
    yield window
    if isValid(window) and window.isVisible():
        window.close()


def real_file(tmp_path: Path) -> Path:
    return tmp_path / "disk" / "study.diptych"


def quotes_in_a_copy(path: Path, folder: Path) -> list[str]:
    """The passages a copy of the file at ``path`` alone holds (its -wal left behind)."""
    folder.mkdir(exist_ok=True)
    copy = folder / f"copy-{len(list(folder.iterdir()))}.diptych"
    shutil.copyfile(path, copy)
    with sqlite3.connect(f"file:{copy}?mode=ro", uri=True) as conn:
        return [row[0] for row in conn.execute("SELECT exact FROM annotations")]


def tag_a_passage(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    assert any(p.exact == QUOTE for p in window.session.project.annotations.query())


def notice_of(window: MainWindow) -> str:
    notice = window.findChild(FileNotice)
    return notice.text() if notice is not None and notice.isVisible() else ""


def test_the_log_of_a_project_opened_through_a_link_is_folded_when_left_alone(
    qtbot: QtBot, linked: MainWindow, tmp_path: Path
) -> None:
    window = linked
    window.session.watch(False)  # the test turns the watch by hand
    tag_a_passage(qtbot, window)
    assert QUOTE not in quotes_in_a_copy(real_file(tmp_path), tmp_path / "copies")

    window.session.on_watch_timeout()  # written since the last look: still at work
    window.session.on_watch_timeout()  # nothing written since: folded

    assert QUOTE in quotes_in_a_copy(real_file(tmp_path), tmp_path / "copies")


def test_another_project_copied_over_a_file_opened_through_a_link_is_left_alone(
    qtbot: QtBot, linked: MainWindow, tmp_path: Path
) -> None:
    window = linked
    watch = window.findChild(FilePlaceWatch)
    assert watch is not None
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)  # on open
    tag_a_passage(qtbot, window)  # in the log beside the file the link leads to
    other = tmp_path / "other.diptych"
    with Project.create(other) as elsewhere:
        elsewhere.tags.add(name="From elsewhere")
    data = other.read_bytes()
    path = real_file(tmp_path)
    with path.open("r+b") as file:  # as ``cp other.diptych study.diptych`` does
        file.truncate(0)
        file.write(data)

    qtbot.waitUntil(lambda: "was overwritten" in notice_of(window), timeout=5000)
    window.close()

    assert path.read_bytes() == data  # nothing of the log reached it
    assert not Path(f"{path}-wal").exists()
    with Project.open(path, read_only=True) as there:
        assert {t.name for t in there.tags.all()} == {"From elsewhere"}
