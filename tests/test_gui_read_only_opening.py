"""A project that opens read-only says so as it opens, in the status bar: the file, why
(the file, or only its folder, cannot be written) and what to do; the title's "(read-only)"
and the greyed edits said neither. Root writes any file, so the check the opening makes
(``os.access``) is told the file cannot be written."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def unwritable(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> Callable[..., bool]:
    """``os.access`` saying that ``paths`` cannot be written."""
    real = os.access
    refused = {str(p) for p in paths}

    def access(path: str | os.PathLike[str], mode: int, **kwargs: object) -> bool:
        if mode & os.W_OK and os.fspath(path) in refused:
            return False
        return real(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    return access


@pytest.fixture
def copy(sample: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    return Path(shutil.copy(sample, folder / "fieldwork.diptych"))


def open_in(qtbot: QtBot, launched: MainWindow, path: Path) -> MainWindow:
    launcher = launched.launcher  # type: ignore[attr-defined]
    launcher.open_path(path)
    window = launcher.window
    assert isinstance(window, MainWindow) and window is not launched
    qtbot.waitExposed(window)
    return window


def test_a_file_that_cannot_be_written_is_said_to_be_open_read_only(
    qtbot: QtBot, launched: MainWindow, copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unwritable(monkeypatch, copy, copy.parent)
    window = open_in(qtbot, launched, copy)
    assert window.session.read_only and "(read-only)" in window.windowTitle()
    said = window.message_bar.currentMessage()
    assert said.startswith(f"{copy} is open read-only: the file cannot be written")
    assert "Make the file writable and open it again, or save a copy" in said


def test_a_folder_that_cannot_be_written_is_named_with_what_to_do(
    qtbot: QtBot, launched: MainWindow, copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unwritable(monkeypatch, copy.parent)
    window = open_in(qtbot, launched, copy)
    assert window.session.read_only
    said = window.message_bar.currentMessage()
    assert said.startswith(f"{copy} is open read-only: its folder, {copy.parent}, cannot")
    assert "Make the folder writable and open the project again" in said


def test_a_writable_project_opens_saying_nothing_of_it(
    qtbot: QtBot, launched: MainWindow, copy: Path
) -> None:
    window = open_in(qtbot, launched, copy)
    assert not window.session.read_only
    assert "read-only" not in window.message_bar.currentMessage()
