"""A recent project that cannot even be looked at (a network folder gone stale, a folder
without permission) does not keep Diptych from starting."""

from __future__ import annotations

import errno
import pathlib
from pathlib import Path

import pytest
from gui_support import make_context
from pytestqt.qtbot import QtBot

from diptych.gui.app import start
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project


def test_a_recent_project_on_a_stale_network_folder_is_passed_over_at_start_up(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = make_context(tmp_path / "user")
    share = tmp_path / "share"
    share.mkdir()
    gone = share / "Field study.diptych"
    Project.create(gone).close()
    here = tmp_path / "Local.diptych"
    Project.create(here).close()
    context.settings.add_recent(here)
    context.settings.add_recent(gone)  # the last project: on the share
    real_stat = pathlib.Path.stat

    def stat(self: Path, *, follow_symlinks: bool = True):  # type: ignore[no-untyped-def]
        if self == gone:  # what a stale NFS handle or a lost SMB mount answers
            raise OSError(errno.EIO, "Input/output error", str(self))
        return real_stat(self, follow_symlinks=follow_symlinks)

    monkeypatch.setattr(pathlib.Path, "stat", stat)
    assert context.settings.recent_projects() == [here.resolve()]

    launcher = start(context, None)
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    assert window.session.project.path == here.resolve()
    context.settings.add_recent(here)  # and the list can still be written
    assert context.settings.recent_projects() == [here.resolve()]


def test_open_project_starts_elsewhere_when_the_open_projects_folder_went_stale(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    launcher = window.launcher  # type: ignore[attr-defined]
    folder = window.session.project.path.parent
    real_stat = pathlib.Path.stat

    def stat(self: Path, *, follow_symlinks: bool = True):  # type: ignore[no-untyped-def]
        if self == folder:
            raise OSError(errno.EIO, "Input/output error", str(self))
        return real_stat(self, follow_symlinks=follow_symlinks)

    monkeypatch.setattr(pathlib.Path, "stat", stat)
    start_in = launcher.projects_folder(window)
    assert start_in != folder and start_in.is_dir()
