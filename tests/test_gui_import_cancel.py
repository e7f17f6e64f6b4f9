"""Cancel in the import's progress dialog imports nothing, even when it is pressed while
the last (or only) file is being read; the same for Update from newer file."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

import diptych.gui.import_jobs as import_jobs
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project


def test_cancel_while_the_only_file_is_read_imports_nothing(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    reading, release = threading.Event(), threading.Event()
    real_read = import_jobs.read_article

    def slow_read(path: Path):  # type: ignore[no-untyped-def]
        reading.set()
        release.wait(10)  # a long web page being parsed
        return real_read(path)

    monkeypatch.setattr(import_jobs, "read_article", slow_read)
    page = tmp_path / "long page.html"
    page.write_text("<h1>Long page</h1><p>Its text.</p>", encoding="utf-8")
    with Project.open(sample, read_only=True) as project:
        before = [a.title for a in project.articles.all()]
    steps = window.session.undo_stack.count()

    window.importer.import_files([page])
    qtbot.waitUntil(reading.is_set, timeout=5000)
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(QProgressDialog)), timeout=5000
    )
    busy = next(d for d in window.findChildren(QProgressDialog) if d.isVisible())
    with qtbot.waitSignal(window.context.messages.posted, timeout=10_000):
        qtbot.mouseClick(busy.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
        release.set()
    with Project.open(sample, read_only=True) as project:
        assert [a.title for a in project.articles.all()] == before
    assert window.session.undo_stack.count() == steps
    assert "Long page" not in [a.title for a in window.session.articles()]
    assert posted[-1][2] == "Import cancelled; nothing was imported."


def test_cancel_while_a_newer_version_is_read_leaves_the_article_as_it_was(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    reading, release = threading.Event(), threading.Event()
    real_read = import_jobs.read_article

    def slow_read(path: Path):  # type: ignore[no-untyped-def]
        reading.set()
        release.wait(10)
        return real_read(path)

    monkeypatch.setattr(import_jobs, "read_article", slow_read)
    newer = tmp_path / "newer.txt"
    newer.write_text("A wholly different text.\n", encoding="utf-8")
    with Project.open(sample, read_only=True) as project:
        text = project.articles.get(article_id=1).text
    steps = window.session.undo_stack.count()

    window.importer.reimport(1, newer)
    qtbot.waitUntil(reading.is_set, timeout=5000)
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(QProgressDialog)), timeout=5000
    )
    busy = next(d for d in window.findChildren(QProgressDialog) if d.isVisible())
    with qtbot.waitSignal(window.context.messages.posted, timeout=10_000):
        qtbot.mouseClick(busy.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
        release.set()
    with Project.open(sample, read_only=True) as project:
        assert project.articles.get(article_id=1).text == text
    assert window.session.undo_stack.count() == steps
    assert posted[-1][1:] == ("Update article", "Update cancelled; the article was not changed.")
