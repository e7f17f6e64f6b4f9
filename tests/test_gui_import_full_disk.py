"""A folder import refused because the project's disk is full says which import it was
(the folder, how many files), that nothing of it was added and to import it again once
there is room: not "your last change was not saved", of a change that was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui import import_jobs
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.project import Project


class NoRoomProject:
    """``Project`` as the import's worker opens it, on a disk with no room to grow the file
    (SQLite's own refusal, as on a full disk)."""

    @staticmethod
    def open(*args: Any, **kwargs: Any) -> Project:
        project = Project.open(*args, **kwargs)
        pages = project.db.execute("PRAGMA page_count").fetchone()[0]
        project.db.execute(f"PRAGMA max_page_count = {pages}")
        return project


def test_a_folder_import_on_a_full_disk_names_the_import_and_says_nothing_was_added(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "big2"
    folder.mkdir()
    for n in range(12):
        (folder / f"a{n}.md").write_text(f"# Article {n}\n\n" + "Some long text. " * 400)
    before = len(window.session.articles())
    said: list[tuple[int, str]] = []
    window.context.messages.posted.connect(lambda level, _t, text: said.append((level, text)))
    monkeypatch.setattr(import_jobs, "Project", NoRoomProject)

    window.importer.import_files([folder])

    qtbot.waitUntil(lambda: any(level == Level.ERROR for level, _text in said), timeout=10_000)
    (error,) = [text for level, text in said if level == Level.ERROR]
    path = window.session.project.path
    assert error == (
        f"{path}: the import of the folder big2 (12 files) was not saved: the disk holding"
        " this project is full. Nothing of it was added; free some space on that disk and"
        " import it again."
    )
    assert "last change" not in error
    assert len(window.session.articles()) == before
