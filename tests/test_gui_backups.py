"""Automatic backups and Restore from backup, driven like a user."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import finish_jobs_as_they_start, open_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from diptych.gui.backups import (
    BACKUP_INTERVAL_MS,
    ON_OPEN_DELAY_MS,
    RECENT_INTERVAL_MS,
    BackupScheduler,
    backups_of,
)
from diptych.gui.context import AppContext
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.restore_dialog import RestoreDialog
from diptych.gui.tag_dialog import TagValues
from diptych.storage.backup import backup_project
from diptych.storage.backup_folders import list_backups
from diptych.storage.project import Project


def folder_of(window: MainWindow) -> Path:
    return window.context.paths.backups / window.session.project.info().uuid


def tag_names(path: Path) -> set[str]:
    with Project.open(path, read_only=True) as project:
        return {t.name for t in project.tags.all()}


def test_a_backup_is_taken_on_open_and_every_hour(qtbot: QtBot, window: MainWindow) -> None:
    scheduler = window.backups
    folder = folder_of(window)
    assert scheduler.on_open.isActive() and scheduler.on_open.interval() == ON_OPEN_DELAY_MS
    assert scheduler.last is None  # not while the window is being shown
    qtbot.waitUntil(lambda: scheduler.last is not None, timeout=5000)
    assert scheduler.last is not None and scheduler.last.parent == folder
    assert [b.reason for b in list_backups(folder)] == ["on-open"]
    assert tag_names(scheduler.last) == tag_names(window.session.project.path)
    assert scheduler.timer.isActive() and scheduler.timer.interval() == 60 * 60 * 1000
    assert BACKUP_INTERVAL_MS == 3_600_000

    first = scheduler.last
    scheduler.timer.timeout.emit()  # an hour later, nothing changed: no new backup
    qtbot.waitUntil(lambda: not window.workers.busy, timeout=5000)
    assert scheduler.last == first
    assert [b.reason for b in list_backups(folder)] == ["on-open"]

    window.tags.create_tag(TagValues("Coded since", "#123456", None, ""))
    scheduler.timer.timeout.emit()  # another hour later, after a change
    qtbot.waitUntil(lambda: scheduler.last != first, timeout=5000)
    assert [b.reason for b in list_backups(folder)] == ["hourly", "on-open"]
    assert scheduler.last is not None and "Coded since" in tag_names(scheduler.last)


def leave_for_another_program() -> None:
    """Another program takes the focus, as the desktop tells the application."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)


def test_the_latest_changes_are_backed_up_as_another_program_is_turned_to(
    qtbot: QtBot, window: MainWindow
) -> None:
    scheduler = window.backups
    folder = folder_of(window)
    qtbot.waitUntil(lambda: scheduler.last is not None, timeout=5000)  # on open
    opened = scheduler.last
    assert scheduler.recent.isActive() and scheduler.recent.interval() == RECENT_INTERVAL_MS
    leave_for_another_program()  # nothing changed since: nothing to back up
    qtbot.wait(50)
    assert not window.workers.busy and scheduler.last == opened

    window.tags.create_tag(TagValues("Coded a moment ago", "#123456", None, ""))
    leave_for_another_program()  # a moment after the backup on open: once the gap is over
    assert scheduler.after_gap.isActive() and scheduler.last == opened
    scheduler.after_gap.timeout.emit()
    qtbot.waitUntil(lambda: scheduler.last != opened, timeout=5000)
    first = scheduler.last
    assert first is not None and "Coded a moment ago" in tag_names(first)
    assert [b.reason for b in list_backups(folder)] == ["recent", "on-open"]

    window.tags.create_tag(TagValues("Coded later", "#654321", None, ""))
    scheduler.recent.timeout.emit()  # five minutes later
    qtbot.waitUntil(lambda: scheduler.last != first, timeout=5000)
    assert scheduler.last is not None and "Coded later" in tag_names(scheduler.last)
    assert [b.reason for b in list_backups(folder)] == ["recent", "on-open"]  # the newest
    assert not first.exists()
    scheduler.recent.timeout.emit()  # five more minutes without a change
    qtbot.wait(50)
    assert not window.workers.busy and len(list_backups(folder)) == 2


def test_start_backs_up_into_the_folder_it_is_given(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    root = tmp_path / "elsewhere"
    scheduler = BackupScheduler(window.session, window.workers, root, interval_ms=60_000)
    scheduler.start()
    uuid = window.session.project.info().uuid
    qtbot.waitUntil(lambda: len(list_backups(root / uuid)) == 1, timeout=5000)
    assert scheduler.folder() == root / uuid
    assert scheduler.timer.interval() == 60_000 and scheduler.timer.isActive()
    scheduler.timer.stop()


def test_a_read_only_project_is_not_backed_up(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    window = open_window(qtbot, context, Project.open(sample, read_only=True))
    assert not window.backups.timer.isActive()
    assert not window.context.paths.backups.exists() or not any(
        window.context.paths.backups.rglob("*.diptych")
    )


def test_a_failed_backup_is_a_warning(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backups folder should be")
    scheduler = BackupScheduler(window.session, window.workers, blocker)
    with qtbot.waitSignal(window.context.messages.posted, timeout=5000) as posted:
        scheduler.back_up("test")
    level, _title, text = posted.args
    assert level == Level.WARNING and text.startswith("Backup failed:")
    assert "not-a-folder" in text and "cannot create the backup folder" in text


def test_a_quick_backup_is_not_lost(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A job quicker than the scheduler's next lines still reports the new backup."""
    finish_jobs_as_they_start(monkeypatch, 300)
    scheduler = BackupScheduler(window.session, window.workers, tmp_path / "quick")
    scheduler.back_up("quick")
    qtbot.waitUntil(lambda: scheduler.last is not None, timeout=3000)
    assert scheduler.last is not None and scheduler.last.exists()


def make_backups(window: MainWindow, reasons: list[str]) -> list[Path]:
    """One backup per reason, each of a new state (a tag added before it)."""
    root = window.context.paths.backups
    made = []
    for reason in reasons:
        window.tags.create_tag(TagValues(f"Before {reason}", "#123456", None, ""))
        made.append(backup_project(window.session.project, root=root, reason=reason))
    return made


def test_restore_dialog_lists_the_backups_newest_first(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    paths = make_backups(window, ["first", "second", "third"])
    dialog = RestoreDialog(
        backups_of(window.context.paths.backups, window.session), window.workers, window
    )
    qtbot.addWidget(dialog)
    labels = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert [label.split("(")[1].split(",")[0] for label in labels] == [
        "third", "second", "first", "when opened",
    ]  # fmt: skip
    assert labels[0][:4].isdigit() and "KB)" in labels[0]
    assert dialog.chosen() == paths[2]  # the newest is preselected
    assert dialog.restore_button.isEnabled()
    rect = dialog.list.visualItemRect(dialog.list.item(1))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.chosen() == paths[1]


def test_restore_dialog_without_backups_says_so(qtbot: QtBot, window: MainWindow) -> None:
    dialog = RestoreDialog([], window.workers, window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 0 and dialog.chosen() is None
    assert not dialog.restore_button.isEnabled()


def test_restore_dialog_without_backups_is_a_message_with_close(
    qtbot: QtBot, window: MainWindow
) -> None:
    # Not an empty list as tall as the window, a greyed Restore and a Cancel of nothing.
    dialog = RestoreDialog([], window.workers, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.list.isVisible() and not dialog.restore_button.isVisible()
    shown = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    assert [b.text().replace("&", "") for b in shown] == ["Close"]
    assert shown[0].isDefault()
    assert dialog.height() <= dialog.sizeHint().height() + 10 < 250
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_restore_brings_the_project_back_after_a_safety_backup(
    qtbot: QtBot, launched: MainWindow, sample: Path
) -> None:
    window = launched
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    backup = window.backups.last
    assert backup is not None
    window.tags.create_tag(TagValues("Added after the backup", "#5ED1C4", None, ""))
    assert "Added after the backup" in tag_names(sample)
    messages: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: messages.append(args))

    launcher.restore(window, backup)

    restored = launcher.window
    assert restored is not None and restored is not window
    qtbot.waitExposed(restored)
    assert "Added after the backup" not in tag_names(sample)
    assert restored.session.project.tags.find(name="Added after the backup") is None
    assert restored.tags.model.rowCount() == 5
    safety = [b for b in list_backups(folder_of(restored)) if b.reason == "before-restore"]
    assert len(safety) == 1 and "Added after the backup" in tag_names(safety[0].path)
    assert messages[-1][0] == Level.INFO and messages[-1][2].startswith("Restored the backup")


def test_file_restore_from_backup_asks_which_then_restores(
    qtbot: QtBot, launched: MainWindow, sample: Path
) -> None:
    window = launched
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    window.tags.create_tag(TagValues("Second thoughts", "#5ED1C4", None, ""))
    listed: list[str] = []

    def choose_oldest() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, RestoreDialog)
            listed.extend(dialog.list.item(r).text() for r in range(dialog.list.count()))
            dialog.list.setCurrentRow(dialog.list.count() - 1)
            qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, choose_oldest)
    window.actions_.restore_backup.trigger()
    assert len(listed) == 1 and "(when opened, " in listed[0]
    assert launcher.window is not None and launcher.window is not window
    assert "Second thoughts" not in tag_names(sample)


def test_a_damaged_backup_is_refused_and_nothing_changes(
    qtbot: QtBot, launched: MainWindow, sample: Path, tmp_path: Path
) -> None:
    window = launched
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]
    damaged = tmp_path / "20260101-000000-000000-on-open.diptych"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"garbage" * 200)
    before = tag_names(sample)
    messages: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: messages.append(args))
    launcher.restore(window, damaged)
    assert launcher.window is not None
    assert tag_names(sample) == before
    assert messages[0][0] == Level.ERROR and damaged.name in messages[0][2]
    assert not any(text.startswith("Restored") for _level, _title, text in messages)


def test_after_a_restore_a_message_is_shown_once_in_the_new_window(
    qtbot: QtBot, launched: MainWindow
) -> None:
    window = launched
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    backup = window.backups.last
    assert backup is not None
    launcher.restore(window, backup)
    restored = launcher.window
    assert restored is not None
    qtbot.wait(20)  # a turn of the event loop, for deleteLater
    window.context.messages.error("The disk is full.")
    boxes = [
        box
        for box in QApplication.topLevelWidgets()
        if isinstance(box, QMessageBox) and box.isVisible() and box.text() == "The disk is full."
    ]
    assert [box.parentWidget() for box in boxes] == [restored]


def test_a_restore_keeps_the_state_it_replaces_when_the_newest_backup_held_it(
    qtbot: QtBot, launched: MainWindow, sample: Path
) -> None:
    # The newest backup is one taken as another program was turned to, with the state the
    # restore replaces: the next such backup, of the restored state, must not take it away.
    window = launched
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    opened = window.backups.last
    assert opened is not None
    window.tags.create_tag(TagValues("Months of work", "#5ED1C4", None, ""))
    leave_for_another_program()
    window.backups.after_gap.timeout.emit()
    qtbot.waitUntil(lambda: window.backups.last != opened, timeout=5000)
    folder = folder_of(window)
    assert [b.reason for b in list_backups(folder)] == ["recent", "on-open"]

    launcher.restore(window, opened)
    restored = launcher.window
    assert restored is not None and restored is not window
    qtbot.waitExposed(restored)
    assert "Months of work" not in tag_names(sample)
    assert [b.reason for b in list_backups(folder)] == ["before-restore", "on-open"]
    said = restored.statusBar().currentMessage()
    assert "The project as it was is kept as the backup of" in said

    qtbot.waitUntil(lambda: restored.backups.last is not None, timeout=5000)  # on open
    reopened = restored.backups.last
    restored.tags.create_tag(TagValues("Coded after the restore", "#654321", None, ""))
    restored.backups.recent.timeout.emit()
    qtbot.waitUntil(lambda: restored.backups.last != reopened, timeout=5000)
    reasons = [b.reason for b in list_backups(folder)]
    assert reasons[0] == "recent" and reasons.count("before-restore") == 1
    kept = next(b for b in list_backups(folder) if b.reason == "before-restore")
    assert "Months of work" in tag_names(kept.path)
