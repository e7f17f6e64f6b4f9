"""A project on a disk mounted read-only (a locked card, a disk the system stopped writing
to after errors) is said to be on a read-only disk, with what to do: copy it to a writable
disk. It was blamed on the file's permissions ("Make the file writable"), already fine.

A read-only mount is told by ``os.statvfs`` (``ST_RDONLY``), and refuses writing with
``os.access`` even to root: both are answered so here, for the folder of the project."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.cli import main
from diptych.storage.errors import ReadOnlyProjectError
from diptych.storage.project import Project


class _Mounted:
    def __init__(self, flags: int) -> None:
        self.f_flag = flags


@pytest.fixture
def on_read_only_disk(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """A project in a folder mounted read-only."""
    mount = tmp_path / "card"
    mount.mkdir()
    path = Path(shutil.copy(sample, mount / "fieldwork.diptych"))
    real_access, real_statvfs = os.access, os.statvfs

    def on_it(place: str | os.PathLike[str] | int) -> bool:
        return not isinstance(place, int) and Path(os.fspath(place)).is_relative_to(mount)

    def access(place: str | os.PathLike[str], mode: int, **kwargs: object) -> bool:
        if mode & os.W_OK and on_it(place):
            return False
        return real_access(place, mode, **kwargs)  # type: ignore[arg-type]

    def statvfs(place: str | os.PathLike[str] | int) -> object:
        return _Mounted(os.ST_RDONLY) if on_it(place) else real_statvfs(place)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "statvfs", statvfs)
    yield path


def test_a_change_is_refused_naming_the_disk_not_the_file(on_read_only_disk: Path) -> None:
    with Project.open(on_read_only_disk) as project:
        assert project.read_only
        with pytest.raises(ReadOnlyProjectError) as refused:
            project.tags.add(name="Refused")
    said = str(refused.value)
    assert "the disk holding it is mounted read-only" in said
    assert "copy the project to a writable disk" in said
    assert "Make the file writable" not in said


def test_the_command_line_names_the_disk(on_read_only_disk: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(["tag", str(on_read_only_disk), "Refused"], stdout=out, stderr=err)
    assert code == 2
    said = err.getvalue()
    assert "mounted read-only" in said and "writable disk" in said
    assert "Make the file writable" not in said


def test_the_window_names_the_disk_as_it_opens_the_project(
    qtbot: QtBot, launched: MainWindow, on_read_only_disk: Path
) -> None:
    launcher = launched.launcher  # type: ignore[attr-defined]
    launcher.open_path(on_read_only_disk)
    window = launcher.window
    assert isinstance(window, MainWindow) and window is not launched
    qtbot.waitExposed(window)
    assert window.session.read_only
    said = window.message_bar.currentMessage()
    assert said.startswith(f"{on_read_only_disk} is open read-only: the disk holding it is")
    assert "File > Save a copy…" in said and "Make the file writable" not in said
