"""Cancel pressed while a REFI-QDA file is being read imports nothing of it: the file is
written inside one transaction, and Cancel is asked for before that commits (it used to
be asked for only between files, so the only file of an import came in all the same)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot
from test_gui_exchange_partial import study

from diptych.gui.main_window import MainWindow
from diptych.storage.errors import Cancelled
from diptych.storage.project import Project
from diptych.storage.refiqda_import import import_exchange_file


def titles(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        return [a.title for a in project.articles.all()]


def test_cancel_while_the_only_exchange_file_is_read_imports_nothing(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import diptych.storage.refiqda_import as refiqda_import

    posted: list[str] = []
    window.context.messages.posted.connect(lambda _level, _title, text: posted.append(text))
    reading, release = threading.Event(), threading.Event()
    real_read = refiqda_import.read_exchange_file

    def slow_read(*args: Any, **kwargs: Any) -> Any:
        reading.set()
        release.wait(10)  # a big archive being read
        return real_read(*args, **kwargs)

    monkeypatch.setattr(refiqda_import, "read_exchange_file", slow_read)
    exchange = study(tmp_path)
    before = titles(sample)

    window.importer.import_files([exchange])
    qtbot.waitUntil(reading.is_set, timeout=5000)
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(QProgressDialog)), timeout=5000
    )
    busy = next(d for d in window.findChildren(QProgressDialog) if d.isVisible())
    with qtbot.waitSignal(window.context.messages.posted, timeout=10_000):
        qtbot.mouseClick(busy.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
        release.set()

    assert titles(sample) == before
    assert "Field notes" not in [a.title for a in window.session.articles()]
    assert posted[-1].startswith("Import cancelled")


def test_an_exchange_file_cancelled_before_its_commit_leaves_the_project_as_it_was(
    tmp_path: Path,
) -> None:
    exchange = study(tmp_path)
    with Project.create(tmp_path / "p.diptych") as project:
        with pytest.raises(Cancelled):
            import_exchange_file(project, path=exchange, keep_going=lambda: False)
        assert project.articles.all() == []
        summary = import_exchange_file(project, path=exchange, keep_going=lambda: True)
        assert [a.title for a in project.articles.all()] == ["Field notes"]
        assert summary.article_ids == [a.id for a in project.articles.all()]
