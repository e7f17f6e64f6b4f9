"""File > New project… on a full disk: the box says the project could not be created, and
no file is left under its name (an empty one was then refused both by New, as taken, and
by Open, as holding no project); once there is room, the same name makes the project."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from diptych.gui.main_window import MainWindow
from diptych.storage import project as project_module
from diptych.storage.database import connect
from diptych.storage.sqlite_errors import known_error

SQLITE_FULL = 13
Message = tuple[int, str, str]


def no_room(path: Path, **kwargs: Any) -> object:
    """SQLite on a full disk: the new file is made, empty, then nothing fits in it."""
    if kwargs.get("create"):
        path.touch()
    cause = sqlite3.OperationalError("database or disk is full")
    cause.sqlite_errorcode = SQLITE_FULL  # type: ignore[attr-defined]
    raise known_error(cause, path) from cause


def test_a_new_project_on_a_full_disk_leaves_no_file_and_says_it_was_not_created(
    launched: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "Week 3 study.diptych"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(project_module, "connect", no_room)
    posted: list[Message] = []
    launched.context.messages.posted.connect(lambda *args: posted.append(args))

    launched.actions_.new_project.trigger()  # Ctrl+N, the name typed, Enter

    [(_level, title, text)] = posted
    assert title == "New project"
    assert text.startswith(f"{path}: could not be created because its disk is full.")
    assert "opened" not in text and "nothing was changed" not in text
    assert sorted(p.name for p in tmp_path.iterdir() if "Week 3" in p.name) == []

    monkeypatch.setattr(project_module, "connect", connect)  # room again
    posted.clear()
    launched.actions_.new_project.trigger()
    launcher = launched.launcher  # type: ignore[attr-defined]
    assert launcher.window.session.project.path == path
    assert [level for level, _title, _text in posted if level > 0] == []
