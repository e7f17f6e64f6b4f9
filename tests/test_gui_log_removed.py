"""The project's log (``NAME-wal``) deleted while the window has the project open: a
clean-up tool, or a user tidying the folder of the "stray" files beside the project.

SQLite goes on writing the latest changes into the deleted log, where a crash would lose
them, and any other program (``diptych``, another window, a backup) finds the file
unreadable ("disk I/O error") until the window closes. The window puts everything into
the project file and makes a new log, losing nothing.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from gui_support import select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.errors import DiptychError
from diptych.storage.project import Project

BEFORE = "renewed diplomatic engagement"
AFTER = "carefully calibrated effort"


def tag_by_keys(qtbot: QtBot, window: MainWindow, quote: str) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    select_text(pane, quote)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)


def quotes_read_elsewhere(path: Path) -> list[str]:
    """The passages another program opening the project finds ([] if it cannot open it)."""
    try:
        with Project.open(path, read_only=True) as project:
            return [p.exact for p in project.annotations.query()]
    except DiptychError:
        return []


def quotes_in_the_file_alone(path: Path, folder: Path) -> list[str]:
    """The passages a copy of the project file alone holds: what a crash would leave."""
    folder.mkdir(exist_ok=True)
    copy = folder / f"copy-{len(list(folder.iterdir()))}.diptych"
    shutil.copyfile(path, copy)
    with sqlite3.connect(f"file:{copy}?mode=ro", uri=True) as conn:
        return [row[0] for row in conn.execute("SELECT exact FROM annotations")]


def test_a_log_deleted_while_open_is_made_again_and_every_passage_kept(
    qtbot: QtBot, launched: MainWindow, tmp_path: Path
) -> None:
    window = launched
    path = window.session.project.path
    said: list[str] = []
    window.context.messages.posted.connect(
        lambda level, _title, text: said.append(text) if level != Level.INFO else None
    )
    window.session.watch(False)  # no fold on the session's own timer: only the log's return
    tag_by_keys(qtbot, window, BEFORE)
    Path(f"{path}-wal").unlink()  # with BEFORE in it

    tag_by_keys(qtbot, window, AFTER)

    quotes = [p.exact for p in window.session.project.annotations.query()]
    assert BEFORE in quotes and AFTER in quotes
    qtbot.waitUntil(lambda: AFTER in quotes_read_elsewhere(path), timeout=5000)
    assert BEFORE in quotes_read_elsewhere(path)
    kept = quotes_in_the_file_alone(path, tmp_path / "copies")
    assert BEFORE in kept and AFTER in kept
    assert Path(f"{path}-wal").exists()  # a new log, which later changes go to
    assert said == []
    window.close()
    assert {BEFORE, AFTER} <= set(quotes_read_elsewhere(path))
