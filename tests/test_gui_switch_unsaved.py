"""Leaving a project for another (File > Open, New project, the sample, a backup restored)
with a note typed that cannot be saved (a full disk) asks, as closing the window does, and
answered No keeps the window and the text: it was asked, then the window went anyway."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.storage.annotations import AnnotationStore
from diptych.storage.errors import DamagedProjectError, DiskFullError
from diptych.storage.project import Project

NOTE = "Compare with the minister's speech of 12 May."


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch, sample: Path) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise DiskFullError("the disk is full", path=sample, advice="Free some space.")

    monkeypatch.setattr(AnnotationStore, "set_note", refuse)


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each question asked, answered No."""
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_to_lose", lambda _p, _t, text: asked.append(text) or False)
    return asked


@pytest.fixture
def other(tmp_path: Path) -> Path:
    path = tmp_path / "Other.diptych"
    Project.create(path).close()
    return path


def launcher_of(window: MainWindow) -> Launcher:
    return window.launcher  # type: ignore[attr-defined, no-any-return]  # set by open_window


def type_note(qtbot: QtBot, window: MainWindow) -> None:
    passage = window.session.project.annotations.query()[0]
    window.coding.select_passage(passage.id)
    window.editor.edit_note()
    window.editor.note.selectAll()
    qtbot.keyClicks(window.editor.note, NOTE)


def assert_kept(qtbot: QtBot, window: MainWindow, questions: list[str]) -> None:
    qtbot.wait(0)  # a window deleted later would go now
    assert launcher_of(window).window is window
    assert window.isVisible() and not window.session.project.closed
    assert len(questions) == 1 and "note you were typing could not be saved" in questions[0]
    assert window.editor.note.toPlainText() == NOTE  # still there to copy


def test_opening_another_project_keeps_the_window_when_asked_to(
    qtbot: QtBot,
    window: MainWindow,
    full_disk: None,
    questions: list[str],
    other: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    type_note(qtbot, window)
    monkeypatch.setattr(dialogs, "choose_project_to_open", lambda _parent, _folder: other)
    window.actions_.open_project.trigger()
    assert_kept(qtbot, window, questions)
    # The project opened for the switch is closed again: another program may open it.
    with Project.open(other) as project:
        assert project.annotations.query() == []


def test_opening_another_project_after_choosing_to_lose_the_text_asks_once(
    qtbot: QtBot,
    window: MainWindow,
    full_disk: None,
    other: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    type_note(qtbot, window)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_to_lose", lambda _p, _t, text: asked.append(text) or True)
    monkeypatch.setattr(dialogs, "choose_project_to_open", lambda _parent, _folder: other)
    window.actions_.open_project.trigger()
    opened = launcher_of(window).window
    assert opened is not None and opened is not window
    qtbot.addWidget(opened)
    assert opened.session.project.path == other
    assert window.session.project.closed
    assert len(asked) == 1


def test_restoring_a_backup_keeps_the_window_when_asked_to(
    qtbot: QtBot, window: MainWindow, full_disk: None, questions: list[str], sample: Path
) -> None:
    type_note(qtbot, window)
    # Asked before anything is done: the backup is not even looked at.
    launcher_of(window).restore(window, sample.with_name("a backup.diptych"))
    assert_kept(qtbot, window, questions)


def test_damage_found_later_keeps_the_window_when_asked_to_and_says_so(
    qtbot: QtBot, window: MainWindow, full_disk: None, questions: list[str], sample: Path
) -> None:
    type_note(qtbot, window)
    launcher = launcher_of(window)
    told: list[str] = []
    launcher.context.messages.posted.connect(lambda _level, _title, text: told.append(text))
    damage = DamagedProjectError("is damaged", path=sample, advice="Restore it.")
    launcher._on_check_finished(window, damage)  # as the worker's integrity pass reports it
    assert_kept(qtbot, window, questions)
    assert any("is damaged" in text for text in told)


def test_a_file_moved_just_before_opening_another_project_is_found_before_saving(
    qtbot: QtBot,
    window: MainWindow,
    questions: list[str],
    other: Path,
    sample: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    type_note(qtbot, window)
    moved = sample.with_name("moved.diptych")
    sample.rename(moved)  # since the window's last look at its file
    monkeypatch.setattr(dialogs, "choose_project_to_open", lambda _parent, _folder: other)
    window.actions_.open_project.trigger()
    opened = launcher_of(window).window
    assert opened is not None and opened is not window
    qtbot.addWidget(opened)
    assert questions == []  # the note was saved, in the file where it is now
    with Project.open(moved, read_only=True) as project:
        assert any(p.note == NOTE for p in project.annotations.query())


def test_a_new_project_is_not_created_while_the_window_is_kept(
    qtbot: QtBot,
    window: MainWindow,
    full_disk: None,
    questions: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    type_note(qtbot, window)
    target = tmp_path / "Fieldwork.diptych"
    monkeypatch.setattr(dialogs, "choose_new_project", lambda _parent, _folder: target)
    window.actions_.new_project.trigger()
    assert_kept(qtbot, window, questions)
    assert not target.exists()


def test_text_typed_after_choosing_to_lose_some_is_asked_about_again(
    qtbot: QtBot,
    window: MainWindow,
    full_disk: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    type_note(qtbot, window)
    answers = [True, False]  # lose it; then keep the window; then (closing at the end) lose it
    asked: list[str] = []
    monkeypatch.setattr(
        dialogs,
        "ask_to_lose",
        lambda _p, _t, text: asked.append(text) or (answers.pop(0) if answers else True),
    )
    missing = tmp_path / "missing.diptych"
    monkeypatch.setattr(dialogs, "choose_project_to_open", lambda _parent, _folder: missing)
    window.actions_.open_project.trigger()  # asked, then the file is not there
    assert launcher_of(window).window is window and len(asked) == 1
    qtbot.keyClicks(window.editor.note, " And more.")
    assert not window.close()
    assert len(asked) == 2
    assert window.editor.note.toPlainText() == NOTE + " And more."
