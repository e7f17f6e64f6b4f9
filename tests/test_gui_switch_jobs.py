"""Opening another project while a job of the one open still runs (Update from newer file,
an import, Save a copy...): what that job says or brings back once the window has given
way is never shown or applied in the next project's window."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

import diptych.gui.import_jobs as import_jobs
from diptych.gui import dialogs, project_copy
from diptych.gui.import_dialogs import ImportFileDialogs
from diptych.gui.main_window import MainWindow
from diptych.gui.workers import Worker, Workers
from diptych.storage.exporting import collect
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdpx


@pytest.fixture
def other(tmp_path: Path) -> Path:
    path = tmp_path / "Other.diptych"
    Project.create(path).close()
    return path


@pytest.fixture
def posted(launched: MainWindow) -> list[tuple[int, str, str]]:
    """Everything said through the message bridge from now on."""
    said: list[tuple[int, str, str]] = []
    launched.context.messages.posted.connect(lambda *args: said.append(args))
    return said


@dataclass
class Reading:
    """A newer file being read: ``started`` once it is, until ``release``."""

    started: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)


@pytest.fixture
def reading(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Reading]:
    """Update from newer file reads its file until released."""
    read = Reading()
    real_read = import_jobs.read_article

    def slow_read(path: Path):  # type: ignore[no-untyped-def]
        read.started.set()
        read.release.wait(10)
        return real_read(path)

    monkeypatch.setattr(import_jobs, "read_article", slow_read)
    newer = tmp_path / "newer.txt"
    newer.write_text("A wholly different text.\n", encoding="utf-8")
    monkeypatch.setattr(ImportFileDialogs, "newer_version", lambda _self, _label, _name: newer)
    yield read
    read.release.set()


def study(tmp_path: Path) -> Path:
    """A REFI-QDA project with one article, "Field notes"."""
    with Project.create(tmp_path / "study.diptych") as project:
        text = b"Field notes\n\nThe harbour was quiet."
        project.articles.add(parsed=parse_article(text, name="field.txt"))
        path = tmp_path / "study.qdpx"
        path.write_bytes(export_qdpx(collect(project), None))
    return path


def start_update(qtbot: QtBot, window: MainWindow, reading: Reading) -> None:
    """Library > Update from newer file… on the first article; its file is being read."""
    article_id = window.session.articles()[0].id
    window.library.reimportRequested.emit(article_id)
    qtbot.waitUntil(reading.started.is_set, timeout=5000)


def open_other(
    qtbot: QtBot, window: MainWindow, other: Path, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    """File > Open project… on ``other``; the window shown on it once the old one is gone."""
    monkeypatch.setattr(dialogs, "choose_project_to_open", lambda _parent, _folder: other)
    window.actions_.open_project.trigger()
    opened = window.launcher.window  # type: ignore[attr-defined]
    assert opened is not None and opened is not window
    assert opened.session.project.path == other
    qtbot.waitUntil(lambda: not isValid(window), timeout=10_000)
    return opened


def boxes() -> list[str]:
    """The texts of the message boxes on the screen."""
    shown = QApplication.topLevelWidgets()
    return [w.text() for w in shown if isinstance(w, QMessageBox) and w.isVisible()]


def test_an_update_cancelled_by_opening_another_project_is_not_said_in_its_window(
    qtbot: QtBot,
    launched: MainWindow,
    posted: list[tuple[int, str, str]],
    reading: Reading,
    other: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release = reading.release
    real_cancel = Worker.cancel

    def cancel_then_release(worker: Worker) -> None:  # the file read ends once cancelled
        real_cancel(worker)
        release.set()

    monkeypatch.setattr(Worker, "cancel", cancel_then_release)
    start_update(qtbot, launched, reading)
    workers = launched.workers
    opened = open_other(qtbot, launched, other, monkeypatch)
    qtbot.waitUntil(lambda: not workers.busy, timeout=10_000)  # its end delivered
    QApplication.processEvents()  # what the jobs said before they ended is delivered
    assert "Update cancelled" not in opened.message_bar.currentMessage()
    assert not any("Update cancelled" in text for _level, _title, text in posted)
    assert boxes() == []


def test_an_update_read_as_another_project_opens_is_applied_to_neither(
    qtbot: QtBot,
    launched: MainWindow,
    sample: Path,
    posted: list[tuple[int, str, str]],
    reading: Reading,
    other: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release = reading.release
    real_cancel_all = Workers.cancel_all

    def finish_then_cancel(workers: Workers, wait_ms: int = 5000) -> bool:
        release.set()  # the newer file is read, and its passages found, just before
        workers.pool.waitForDone(5000)
        return real_cancel_all(workers, wait_ms)

    monkeypatch.setattr(Workers, "cancel_all", finish_then_cancel)
    with Project.open(sample, read_only=True) as project:
        first = project.articles.all()[0]
        text = project.articles.get(article_id=first.id).text
    start_update(qtbot, launched, reading)
    opened = open_other(qtbot, launched, other, monkeypatch)
    QApplication.processEvents()
    with Project.open(sample, read_only=True) as project:
        assert project.articles.get(article_id=first.id).text == text
    assert opened.session.articles() == []
    assert opened.session.undo_stack.count() == 0
    assert posted == []
    assert boxes() == []


def test_a_copy_saved_as_another_project_opens_is_said_of_its_own_project(
    qtbot: QtBot,
    launched: MainWindow,
    sample: Path,
    other: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "Kept.diptych"
    monkeypatch.setattr(project_copy, "choose_copy", lambda *_args: target)
    copying, release = threading.Event(), threading.Event()
    real_copy = project_copy.copy_database

    def slow_copy(*args: object, **kwargs: object) -> None:
        copying.set()
        release.wait(10)  # a big project takes a while
        real_copy(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(project_copy, "copy_database", slow_copy)
    real_cancel_all = Workers.cancel_all

    def release_then_cancel(workers: Workers, wait_ms: int = 5000) -> bool:
        release.set()  # the copy goes on to its end: it cannot be cancelled
        return real_cancel_all(workers, wait_ms)

    monkeypatch.setattr(Workers, "cancel_all", release_then_cancel)
    launched.actions_.save_copy.trigger()
    qtbot.waitUntil(copying.is_set, timeout=5000)
    opened = open_other(qtbot, launched, other, monkeypatch)
    # The copy is there, and said to be a copy of the project it was made of (not of the
    # project the window shows now).
    qtbot.waitUntil(lambda: "Saved a copy" in opened.message_bar.currentMessage(), timeout=5000)
    assert sample.name in opened.message_bar.currentMessage()
    with Project.open(target, read_only=True) as copy:
        assert copy.articles.all()


def test_an_import_cut_short_by_opening_another_project_says_what_it_left_in_its_own(
    qtbot: QtBot,
    launched: MainWindow,
    sample: Path,
    posted: list[tuple[int, str, str]],
    other: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import diptych.storage.refiqda_import as refiqda_import

    first = study(tmp_path)
    second = tmp_path / "second.qdpx"
    second.write_bytes(b"never read")
    imported, cancelled = threading.Event(), threading.Event()
    real_import = refiqda_import.import_exchange_file

    def import_then_wait(*args: object, **kwargs: object) -> object:
        summary = real_import(*args, **kwargs)  # type: ignore[arg-type]
        imported.set()
        cancelled.wait(10)  # the window gives way before the next file
        return summary

    monkeypatch.setattr(refiqda_import, "import_exchange_file", import_then_wait)
    real_cancel = Worker.cancel

    def cancel_then_go_on(worker: Worker) -> None:
        real_cancel(worker)
        cancelled.set()

    monkeypatch.setattr(Worker, "cancel", cancel_then_go_on)
    launched.importer.import_files([first, second])
    qtbot.waitUntil(imported.is_set, timeout=10_000)
    opened = open_other(qtbot, launched, other, monkeypatch)
    QApplication.processEvents()

    with Project.open(sample, read_only=True) as project:  # the first file is in
        assert "Field notes" in [a.title for a in project.articles.all()]
    assert opened.session.articles() == []
    told = [text for _level, _title, text in posted if "Import" in text or "import" in text]
    assert len(told) == 1
    assert told[0] == (
        "The import into sample.diptych stopped as the project was closed; the files"
        " imported before that are in sample.diptych: with it open, File > Restore from"
        " backup takes it back to before the import."
    )
