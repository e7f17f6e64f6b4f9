"""A bug in a background job (import, export, backup, reading an article) is a crash like
any other: its traceback is in the crash log and the crash dialog shows it, once, and the
window's own widgets are put right (progress closed, Export pressable again)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog
from pytestqt.qtbot import QtBot

from diptych.gui import import_jobs
from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level, MessageBridge, install_excepthook
from diptych.gui.session import ProjectSession
from diptych.gui.workers import Progress, Workers


def a_bug(*_args: Any, **_kwargs: Any) -> Any:
    raise RuntimeError("a bug in the job")


@pytest.fixture
def crash_log(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The application's crash hook, installed as at start-up; its log file."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    install_excepthook(window.context.messages, window.context.paths.crash_log)
    return window.context.paths.crash_log


def reports_of(bridge: MessageBridge) -> tuple[list[tuple[str, str]], list[tuple[int, str]]]:
    """The crashes and the warnings or errors ``bridge`` carries from now on."""
    crashes: list[tuple[str, str]] = []
    problems: list[tuple[int, str]] = []
    bridge.crashed.connect(lambda summary, details: crashes.append((summary, details)))
    bridge.posted.connect(
        lambda level, _title, text: problems.append((level, text)) if level > Level.INFO else None
    )
    return crashes, problems


def crash_dialogs() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible() and w.windowTitle() == "Unexpected error"
    ]


def assert_reported_once(qtbot: QtBot, window: MainWindow, log: Path, crashes: list) -> None:
    """One crash, with its traceback in the log and in the crash dialog's details."""
    qtbot.waitUntil(lambda: bool(crashes), timeout=10_000)
    qtbot.wait(50)  # nothing else arrives
    assert [summary for summary, _ in crashes] == ["RuntimeError: a bug in the job"]
    assert "Traceback" in crashes[0][1] and "a_bug" in crashes[0][1]
    assert "RuntimeError: a bug in the job" in log.read_text(encoding="utf-8")
    (box,) = crash_dialogs()
    assert "a bug in the job" in box.text() and box.detailedText().startswith("Traceback")
    box.close()


def test_a_bug_while_importing_articles_is_a_crash_and_closes_the_progress(
    qtbot: QtBot,
    window: MainWindow,
    crash_log: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = [tmp_path / "one.txt", tmp_path / "two.txt"]
    for file in files:
        file.write_text("Some words.\n", encoding="utf-8")
    monkeypatch.setattr(import_jobs, "read_article", a_bug)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a: ([str(f) for f in files], ""))
    crashes, problems = reports_of(window.context.messages)
    window.actions_.import_articles.trigger()  # File > Import
    assert_reported_once(qtbot, window, crash_log, crashes)
    assert problems == []  # not also a plain error without its traceback
    qtbot.waitUntil(lambda: not window.findChildren(QProgressDialog))


def test_a_bug_while_importing_a_refi_qda_project_is_a_crash(
    qtbot: QtBot,
    window: MainWindow,
    crash_log: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import diptych.storage.refiqda_import as refiqda_import

    exchange = tmp_path / "study.qdpx"
    exchange.write_bytes(b"not looked at")
    monkeypatch.setattr(refiqda_import, "import_exchange_file", a_bug)
    crashes, problems = reports_of(window.context.messages)
    window.importer.import_files([exchange])  # as dropped on the window
    assert_reported_once(qtbot, window, crash_log, crashes)
    assert problems == []
    qtbot.waitUntil(lambda: not window.findChildren(QProgressDialog))


def test_a_bug_while_reading_a_newer_version_is_a_crash(
    qtbot: QtBot,
    window: MainWindow,
    crash_log: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    newer = tmp_path / "newer.txt"
    newer.write_text("A newer version.\n", encoding="utf-8")
    article = window.session.project.articles.all()[0]
    monkeypatch.setattr(import_jobs, "read_article", a_bug)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(newer), ""))
    crashes, problems = reports_of(window.context.messages)
    window.importer.choose_newer_version(article.id)  # Library > Update from newer file…
    assert_reported_once(qtbot, window, crash_log, crashes)
    assert problems == []
    assert window.session.project.articles.get(article_id=article.id).title == article.title


def test_a_bug_while_backing_up_is_a_crash_not_a_failed_backup(
    qtbot: QtBot, window: MainWindow, crash_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import diptych.gui.backups as backups

    monkeypatch.setattr(backups, "backup_project", a_bug)
    crashes, problems = reports_of(window.context.messages)
    window.backups.back_up("hourly")
    assert_reported_once(qtbot, window, crash_log, crashes)
    assert problems == []  # no "Backup failed: RuntimeError" warning beside it


def test_a_bug_while_exporting_is_a_crash_and_the_dialog_can_try_again(
    qtbot: QtBot,
    window: MainWindow,
    crash_log: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import diptych.gui.export_dialog as export_dialog

    monkeypatch.setattr(export_dialog, "export_project", a_bug)
    window.actions_.export.trigger()  # File > Export
    dialog = window.findChild(ExportDialog)
    assert isinstance(dialog, ExportDialog)
    qtbot.waitExposed(dialog)
    dialog.output.setText(str(tmp_path / "notes.csv"))
    crashes, problems = reports_of(window.context.messages)
    dialog.export_button.click()
    assert not dialog.export_button.isEnabled()
    assert_reported_once(qtbot, window, crash_log, crashes)
    assert problems == []
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert not dialog.progress.isVisible() and dialog.worker is None
    assert not (tmp_path / "notes.csv").exists()
    dialog.reject()


def test_a_bug_while_reading_an_article_in_the_background_is_logged_and_reported(
    qtbot: QtBot, session: ProjectSession, tmp_path: Path
) -> None:
    """The session's workers read long articles: their bugs reach the same place."""
    session.messages.crash_log = tmp_path / "crash.log"
    crashes, problems = reports_of(session.messages)
    session.workers.start(a_bug)
    qtbot.waitUntil(lambda: bool(crashes), timeout=10_000)
    assert crashes[0][0] == "RuntimeError: a bug in the job"
    assert "a_bug" in (tmp_path / "crash.log").read_text(encoding="utf-8")
    assert problems == [] and not session.workers.busy


def test_without_a_message_bridge_a_bug_goes_to_the_exception_hook(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    caught: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _kind, exc, _tb: caught.append(exc))
    workers = Workers(QThreadPool())

    def job(progress: Progress) -> None:
        raise KeyError("oops")

    worker = workers.start(job)
    with qtbot.waitSignal(worker.signals.crashed):
        pass
    assert len(caught) == 1 and isinstance(caught[0], KeyError)
    assert caught[0].__traceback__ is not None and not workers.busy


def test_the_windows_own_workers_report_their_bugs_through_its_messages(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _kind, exc, _tb: hooked.append(exc))
    monkeypatch.setattr(window.context.messages, "crash_log", None)
    crashes, _problems = reports_of(window.context.messages)
    window.workers.start(a_bug)
    qtbot.waitUntil(lambda: bool(crashes), timeout=10_000)
    assert crashes[0][0] == "RuntimeError: a bug in the job"
    assert hooked == []  # straight to the window's messages, not through the hook
