"""Closing the window with a note or memo typed that cannot be saved (a full disk) keeps
the window open unless the user chooses to lose the text: it used to close at once and
take the text with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.main_window import MainWindow
from diptych.storage.annotations import AnnotationStore
from diptych.storage.errors import DiskFullError
from diptych.storage.memos import MemoStore
from diptych.storage.project import Project

NOTE = "Compare with the minister's speech of 12 May."


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch, sample: Path) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise DiskFullError("the disk is full", path=sample, advice="Free some space.")

    monkeypatch.setattr(AnnotationStore, "set_note", refuse)
    monkeypatch.setattr(MemoStore, "set", refuse)


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each question asked, answered No."""
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_to_lose", lambda _p, _t, text: asked.append(text) or False)
    return asked


def type_note(qtbot: QtBot, window: MainWindow) -> None:
    passage = window.session.project.annotations.query()[0]
    window.coding.select_passage(passage.id)
    window.editor.edit_note()
    window.editor.note.selectAll()
    qtbot.keyClicks(window.editor.note, NOTE)


def test_a_note_that_cannot_be_saved_keeps_the_window_open(
    qtbot: QtBot, window: MainWindow, full_disk: None, questions: list[str]
) -> None:
    type_note(qtbot, window)
    assert not window.close()
    assert window.isVisible() and not window.session.project.closed
    assert questions and "note you were typing could not be saved" in questions[0]
    assert window.editor.note.toPlainText() == NOTE  # still there to copy


def test_a_memo_that_cannot_be_saved_keeps_the_window_open(
    qtbot: QtBot, window: MainWindow, full_disk: None, questions: list[str]
) -> None:
    window.memos.project_memo.setFocus()
    qtbot.keyClicks(window.memos.project_memo, " More to say.")
    assert not window.close()
    assert "memo you were typing" in questions[0]
    assert window.memos.project_memo.toPlainText().startswith(" More to say.")  # still there


def test_choosing_to_lose_the_text_closes_the_window(
    qtbot: QtBot,
    window: MainWindow,
    full_disk: None,
    monkeypatch: pytest.MonkeyPatch,
    sample: Path,
) -> None:
    type_note(qtbot, window)
    monkeypatch.setattr(dialogs, "ask_to_lose", lambda *_args: True)
    assert window.close()
    assert window.session.project.closed
    with Project.open(sample, read_only=True) as project:
        assert all(p.note != NOTE for p in project.annotations.query())


def test_a_note_saved_at_close_asks_nothing(
    qtbot: QtBot, window: MainWindow, questions: list[str], sample: Path
) -> None:
    type_note(qtbot, window)
    assert window.close()
    assert questions == []
    with Project.open(sample, read_only=True) as project:
        assert any(p.note == NOTE for p in project.annotations.query())


def test_enter_on_the_question_keeps_the_text(
    qtbot: QtBot, window: MainWindow, full_disk: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enter pressed to clear the full-disk message before it answers No, not Yes."""
    type_note(qtbot, window)
    pressed: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.windowTitle() == "Close":
            pressed.append(box.text())
            qtbot.keyClick(box, Qt.Key.Key_Return)
        else:  # the full-disk message first: Enter clears it too
            if box is not None:
                qtbot.keyClick(box, Qt.Key.Key_Return)
            QTimer.singleShot(50, press_enter)

    QTimer.singleShot(50, press_enter)
    assert not window.close()
    assert pressed and "could not be saved" in pressed[0]
    assert window.isVisible() and window.editor.note.toPlainText() == NOTE
    monkeypatch.setattr(dialogs, "ask_to_lose", lambda *_args: True)  # the window may go now
