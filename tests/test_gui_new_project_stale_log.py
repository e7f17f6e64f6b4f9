"""File > New project where a deleted project left its log (``NAME-wal``): the log is kept,
set aside, and the window says where."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from test_storage_new_project_stale_log import kept_logs, leave_stale_log

from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project


def test_file_new_project_keeps_a_stale_log_and_says_so(
    launched: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "study.diptych"
    logged = leave_stale_log(path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    posted: list[tuple[int, str, str]] = []
    launched.context.messages.posted.connect(lambda *args: posted.append(args))

    launched.actions_.new_project.trigger()

    [kept] = kept_logs(path)
    assert kept.read_bytes() == logged
    [(_level, title, text)] = posted
    assert title == "New project" and kept.name in text and "neither deleted" in text
    with Project.open(path, read_only=True) as project:
        assert project.tags.all() == []
