"""Opening a project from an older Diptych in the window backs it up as it was first, and
the Restore dialog lists that backup for what it is."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from test_storage_open_busy import OLDER_FORMAT, older_project

from diptych.gui.backups import backups_of
from diptych.gui.context import AppContext
from diptych.gui.launcher import Launcher
from diptych.gui.messages import Level
from diptych.gui.tag_dialog import TagValues


def test_an_older_project_opened_in_the_window_is_backed_up_before_it_is_updated(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "older.diptych"
    older_project(path)
    launcher = Launcher(context)
    launcher.open_path(path)
    window = launcher.window
    assert window is not None
    try:
        qtbot.waitExposed(window)
        listed = backups_of(context.paths.backups, window.session)
        before = [b for b in listed if b.reason == "before-upgrade"]
        assert len(before) == 1 and "before it was updated to a newer format" in before[0].label
        conn = sqlite3.connect(f"{before[0].path.as_uri()}?mode=ro", uri=True)
        try:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == OLDER_FORMAT
        finally:
            conn.close()
    finally:
        if isValid(window):
            window.close()
            window.deleteLater()


def test_the_backup_taken_before_the_update_is_restored_from_the_window(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "older.diptych"
    older_project(path)
    launcher = Launcher(context)
    launcher.open_path(path)
    window = launcher.window
    assert window is not None
    errors: list[str] = []
    context.messages.posted.connect(
        lambda level, _title, text: errors.append(text) if level == Level.ERROR else None
    )
    restored = None
    try:
        qtbot.waitExposed(window)
        window.tags.create_tag(TagValues("Added after the update", "#5ED1C4", None, ""))
        (before,) = [
            b
            for b in backups_of(context.paths.backups, window.session)
            if b.reason == "before-upgrade"
        ]
        launcher.restore(window, before.path)
        restored = launcher.window
        assert errors == []
        assert restored is not None and restored is not window
        assert restored.session.project.tags.find(name="Added after the update") is None
    finally:
        for shown in (window, restored):
            if shown is not None and isValid(shown):
                shown.close()
                shown.deleteLater()
