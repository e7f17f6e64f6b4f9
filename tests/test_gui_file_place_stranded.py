"""A project whose file was deleted and could be written again nowhere (a full disk) is
only in the window: closing it asks first, and offers to save a copy. It used to close at
once, the bar having said that nothing was lost while the window stayed open."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from diptych.gui import file_place_watch, project_copy
from diptych.gui.context import AppContext
from diptych.gui.file_place_watch import FileNotice
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.tag_dialog import TagValues
from diptych.storage import project_copies
from diptych.storage.errors import DiskFullError
from diptych.storage.project import Project


@pytest.fixture
def stranded(
    qtbot: QtBot, context: AppContext, tmp_path: Path, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """A window whose project file was deleted, on a disk as full as the data folder's."""
    folder = tmp_path / "projects"
    folder.mkdir()
    path = folder / "study.diptych"
    shutil.copy(sample, path)
    launcher = Launcher(context)
    window = launcher.show_project(Project.open(path))
    window.launcher = launcher  # type: ignore[attr-defined]
    qtbot.waitExposed(window)
    window.tags.create_tag(TagValues("Only in the window", "#5ED1C4", None, ""))
    real_copy = project_copies.copy_open_project

    def full_disks(project: Project, target: Path) -> None:
        if target.parent != tmp_path / "elsewhere":
            raise DiskFullError("could not be written (the disk is full)", path=target)
        real_copy(project, target)

    monkeypatch.setattr(project_copies, "copy_open_project", full_disks)
    path.unlink()
    qtbot.waitUntil(lambda: bool(bar(window)), timeout=10_000)
    yield window
    monkeypatch.setattr(file_place_watch, "ask_stranded", lambda _p, _t: "lose")
    if isValid(window) and window.isVisible():
        window.close()


def bar(window: MainWindow) -> str:
    notice = window.findChild(FileNotice)
    return notice.text() if notice is not None and notice.isVisible() else ""


def answer(monkeypatch: pytest.MonkeyPatch, reply: str) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(
        file_place_watch, "ask_stranded", lambda _p, text: asked.append(text) or reply
    )
    return asked


def test_the_bar_says_the_project_is_only_in_the_window(stranded: MainWindow) -> None:
    said = bar(stranded)
    assert "only in this window" in said and "Save a copy" in said
    assert "make the folder writable" not in said


def test_closing_asks_and_keeps_the_window_open(
    stranded: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer(monkeypatch, "keep")
    assert not stranded.close()
    assert stranded.isVisible() and not stranded.session.project.closed
    assert len(asked) == 1 and "the disk is full" in asked[0] and "Save a copy" in asked[0]
    assert "Only in the window" in {t.name for t in stranded.session.project.tags.all()}


def test_closing_saves_a_copy_where_the_user_says(
    stranded: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    answer(monkeypatch, "copy")
    (tmp_path / "elsewhere").mkdir()
    copy = tmp_path / "elsewhere" / "study (copy).diptych"
    monkeypatch.setattr(project_copy, "choose_copy", lambda *_args: copy)
    assert stranded.close()
    with Project.open(copy, read_only=True) as saved:
        assert "Only in the window" in {t.name for t in saved.tags.all()}


def test_closing_anyway_loses_it_when_the_user_says_so(
    stranded: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer(monkeypatch, "lose")
    assert stranded.close()
    assert len(asked) == 1


def test_a_stop_signal_never_asks_nobody(
    qtbot: QtBot, stranded: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At a shutdown nobody answers a question: the window is left as it is."""
    from PySide6.QtWidgets import QApplication

    from diptych.gui.stop_signals import StopSignals

    asked = answer(monkeypatch, "keep")
    ended: list[str] = []
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    handler = StopSignals(app, quit_app=lambda: ended.append("quit"))
    try:
        handler.stop()
    finally:
        handler.uninstall()
    assert ended == ["quit"] and asked == []
