"""The window's title follows its project file moved or renamed while open: it named the
old file for as long as the window stayed open, while saving and Recent projects
followed the file."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from test_gui_file_place import launched, warnings_of

from diptych.gui.main_window import MainWindow, window_title
from diptych.gui.messages import Level

__all__ = ["launched"]  # the fixture: a window on study.diptych, its file watched


def test_the_title_names_the_file_renamed_while_open(qtbot: QtBot, launched: MainWindow) -> None:
    window = launched
    path = window.session.project.path
    assert "study.diptych" in window.windowTitle()
    seen = warnings_of(window, Level.INFO)
    moved = path.with_name("fieldwork 2026.diptych")
    path.rename(moved)

    qtbot.waitUntil(lambda: bool(seen), timeout=5000)  # the file found at its new name
    assert window.session.project.path == moved
    name = window.session.project.info().name
    assert window.windowTitle() == window_title(name, moved, read_only=False)
    assert "fieldwork 2026.diptych" in window.windowTitle()
    assert "study.diptych" not in window.windowTitle()
    assert Path(window.windowFilePath()) == moved


def test_the_title_names_the_file_moved_to_another_folder(
    qtbot: QtBot, launched: MainWindow, tmp_path: Path
) -> None:
    window = launched
    path = window.session.project.path
    seen = warnings_of(window, Level.INFO)
    elsewhere = tmp_path / "archive"
    elsewhere.mkdir()
    moved = elsewhere / "final.diptych"
    path.rename(moved)

    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "final.diptych" in window.windowTitle()
    assert "study.diptych" not in window.windowTitle()
