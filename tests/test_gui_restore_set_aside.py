"""Restoring a damaged project from the window: one with a long name (any script) is
set aside under a name the file system takes, and a restore that cannot be written puts
the damaged file back in its place and says so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from damaged_files import damage
from pytestqt.qtbot import QtBot
from test_gui_damaged_project import offer_shown, restore_newest
from test_storage_backup_failures import FullDisk

from diptych.gui.context import AppContext
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage import project_copies
from diptych.storage.backup import backup_project
from diptych.storage.sample import create_sample_project

Message = tuple[int, str, str]
LONG_STEM = "Entretiens réalisés à Montréal " + "語" * 68  # 239 bytes: the longest there is


def damaged_project(path: Path, context: AppContext) -> bytes:
    """A project at ``path`` with one backup, then damaged; returns its damaged bytes."""
    with create_sample_project(path) as project:
        project.tags.add(name="Before the damage")
        backup_project(project, root=context.paths.backups, reason="on open")
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(path)
    return path.read_bytes()


def test_a_damaged_project_with_a_long_name_is_restored_and_kept_beside_it(
    qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    posted: list[Message] = []
    context.messages.posted.connect(lambda *args: posted.append(args))
    path = tmp_path / f"{LONG_STEM}.diptych"
    assert len(os.fsencode(path.name)) == 247
    damaged = damaged_project(path, context)
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]

    launcher.open_path(path)
    restore_newest(qtbot, offer_shown(qtbot))

    qtbot.waitUntil(
        lambda: launcher.window is not None and launcher.window.session.project.path == path
    )
    assert launcher.window.session.project.tags.find(name="Before the damage") is not None
    (kept,) = [p for p in tmp_path.iterdir() if " (damaged " in p.name]
    assert kept.read_bytes() == damaged and kept.name.startswith("Entretiens réalisés à Montréal")
    assert [m for m in posted if m[0] == Level.ERROR] == []
    assert any(kept.name in m[2] for m in posted if m[0] == Level.INFO)


def test_a_restore_that_cannot_be_written_leaves_the_damaged_file_in_its_place(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    posted: list[Message] = []
    context.messages.posted.connect(lambda *args: posted.append(args))
    path = tmp_path / "Field study.diptych"
    damaged = damaged_project(path, context)
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]
    launcher.open_path(path)
    offer = offer_shown(qtbot)
    monkeypatch.setattr(project_copies, "sqlite3", FullDisk)  # the disk fills up meanwhile

    restore_newest(qtbot, offer)

    qtbot.waitUntil(lambda: any(m[0] == Level.ERROR for m in posted))
    (error,) = [m[2] for m in posted if m[0] == Level.ERROR]
    assert str(path) in error and "disk is full" in error
    assert "The damaged file is back in its place, unchanged." in error
    assert path.read_bytes() == damaged
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("Field")) == [path.name]
    assert launcher.window is window  # still open on the project it showed
