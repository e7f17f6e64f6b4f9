"""A restore refused because the disk is full changes nothing, and leaves the window as it
was, with its undo steps: the window was closed first, and the tagging made just before
could no longer be undone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.restore_dialog import RestoreDialog
from diptych.gui.tag_dialog import TagValues
from diptych.storage import backup_restore
from diptych.storage.errors import DiskFullError
from diptych.storage.project import Project


def test_a_restore_refused_for_a_full_disk_leaves_the_window_and_its_undo_steps(
    qtbot: QtBot, launched: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = launched
    path = window.session.project.path
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    window.tags.create_tag(TagValues("Second thoughts", "#5ED1C4", None, ""))
    assert window.actions_.undo.isEnabled()

    def full_disk(*_args: object, **_kwargs: object) -> Path:
        raise DiskFullError("could not be saved because the disk is full", path=path)

    monkeypatch.setattr(backup_restore, "backup_project", full_disk)  # its way back first
    errors: list[str] = []
    window.context.messages.posted.connect(
        lambda level, _title, text: errors.append(text) if level == Level.ERROR else None
    )

    def choose_the_first() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose_the_first)
    window.actions_.restore_backup.trigger()

    assert errors and "disk is full" in errors[0]
    assert launched.launcher.window is window  # type: ignore[attr-defined]
    assert window.isVisible() and not window.session.project.closed
    assert window.actions_.undo.isEnabled()
    window.actions_.undo.trigger()  # the tagging made just before the restore
    assert window.session.project.tags.find(name="Second thoughts") is None
    window.close()
    with Project.open(path, read_only=True) as project:
        assert project.tags.find(name="Second thoughts") is None
