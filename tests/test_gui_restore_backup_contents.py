"""File > Restore from backup says what each backup holds (how many articles and
passages) beside its time, read in the background, so that the state to go back to can
be told apart from the others by more than the hour it was taken."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui import restore_dialog
from diptych.gui.backups import backups_of
from diptych.gui.main_window import MainWindow
from diptych.gui.restore_dialog import RestoreDialog
from diptych.storage.backup_contents import read_all_contents


def listed(dialog: RestoreDialog) -> list[str]:
    return [dialog.list.item(row).text() for row in range(dialog.list.count())]


def test_each_backup_says_its_time_and_how_many_articles_and_passages_it_holds(
    qtbot: QtBot, launched: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = launched
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    opened = window.backups.last
    assert opened is not None
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("Minutes of the trade talks\n\nBoth sides agreed.\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.importer.import_files([minutes])
    window.backups.back_up("hourly")
    qtbot.waitUntil(lambda: window.backups.last != opened, timeout=5000)
    damaged = opened.with_name("20200101-000000-000000-hourly.diptych")
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"garbage" * 200)
    threads: list[threading.Thread] = []

    def counted_where(**kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return read_all_contents(**kwargs)

    monkeypatch.setattr(restore_dialog, "read_all_contents", counted_where)
    lines: list[list[str]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, RestoreDialog)
            lines.append(listed(dialog))  # at once: each by its time, why and size
            qtbot.waitUntil(lambda: "·" in listed(dialog)[0], timeout=5000)
            lines.append(listed(dialog))
        finally:
            if dialog is not None:
                dialog.reject()

    QTimer.singleShot(0, look)
    window.actions_.restore_backup.trigger()  # File > Restore from backup…

    first, read = lines
    assert [line.split(" (")[1].split(",")[0] for line in first] == [
        "hourly", "when opened", "hourly"
    ]  # fmt: skip
    assert not any("·" in line for line in first)
    assert [line.split(" · ")[1].split(" (")[0] for line in read] == [
        "3 articles, 6 passages",
        "2 articles, 6 passages",
        "cannot be read",
    ]
    assert [line.split(" · ")[0] for line in read] == [line.split(" (")[0] for line in first]
    assert read[0][:4].isdigit() and read[0].endswith(" KB)")
    assert threads and threading.main_thread() not in threads


def test_a_dialog_closed_before_the_backups_are_read_is_told_nothing(
    qtbot: QtBot, launched: MainWindow
) -> None:
    window = launched
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    dialog = RestoreDialog(
        backups_of(window.context.paths.backups, window.session), window.workers, window
    )
    dialog.reject()  # before the reading even starts
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not window.workers.busy, timeout=5000)  # and no error
