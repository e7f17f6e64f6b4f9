"""The automatic backup fails because the disk holding Diptych's data folder is full: the
box says that the project has no backup until there is room on that disk (named), not to
choose another folder; File > Restore from backup… says the last backup failed and why;
and the failed backup is not taken for done: the next turn backs the project up again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from test_storage_backup_failures import FullDisk

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.restore_dialog import RestoreDialog
from diptych.storage import project_copies


@pytest.fixture
def full_data_disk(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No room for a backup: set before the window's backup on open, a second after it shows."""
    monkeypatch.setattr(project_copies, "sqlite3", FullDisk)
    return monkeypatch


def restore_dialog_text(window: MainWindow) -> str:
    """What File > Restore from backup… says, read while it is up, then closed."""
    said: list[str] = []

    def read() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, RestoreDialog)
            said.extend(label.text() for label in dialog.findChildren(QLabel))
        finally:
            if dialog is not None:
                dialog.reject()

    QTimer.singleShot(0, read)
    window.actions_.restore_backup.trigger()
    return " ".join(said)


def test_a_backup_failed_for_a_full_data_disk_says_so_and_is_taken_again(
    qtbot: QtBot, full_data_disk: pytest.MonkeyPatch, launched: MainWindow
) -> None:
    window = launched
    said: list[tuple[int, str]] = []
    window.context.messages.posted.connect(lambda level, _title, text: said.append((level, text)))
    qtbot.waitUntil(lambda: any(t.startswith("Backup failed") for _l, t in said), timeout=10_000)
    (level, box), *_ = said
    project = window.session.project.path
    data = window.context.paths.data
    assert level == Level.WARNING
    assert box.startswith(f"Backup failed: {project} has no backup now: the disk holding")
    assert f"data folder ({data})" in box and "until there is room on that disk" in box
    assert "choose a writable folder" not in box

    text = restore_dialog_text(window)
    assert "the last backup failed" in text and "disk holding" in text
    assert "One is taken when it is opened" not in text

    full_data_disk.undo()  # room again: the next turn backs up, though nothing changed
    said.clear()
    window.backups.keep_recent()
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=10_000)
    assert window.backups.failure == ""
    assert [level for level, _text in said] == [Level.INFO]
    assert said[0][1].startswith("The project is backed up again")
