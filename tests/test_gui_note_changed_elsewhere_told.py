"""A note or memo shown, not being typed in, that another window changes is shown as it
now is, and the status bar says so: the text does not change under the user's eyes
unexplained. Undo and redo in this window change it without that word."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.model import MemoKind
from diptych.storage.project import Project


def _infos(posted: list[tuple[int, str, str]]) -> list[str]:
    return [text for level, _title, text in posted if level == Level.INFO]


def test_a_note_shown_changed_in_another_window_is_said_to_have_changed(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    with Project.open(sample, read_only=True) as project:
        passage = next(p for p in project.annotations.query() if p.note)
    window.editor.show_passage(passage.id)
    with Project.open(sample) as other:
        other.annotations.set_note(annotation_id=passage.id, note="Their reading")
    window.session.show_changes_from_elsewhere()  # as the next look at the file does
    assert window.editor.note.toPlainText() == "Their reading"
    assert "The note shown was changed in another window." in _infos(posted)


def test_a_memo_shown_changed_in_another_window_is_said_to_have_changed(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    with Project.open(sample) as other:
        other.memos.set(kind=MemoKind.PROJECT, target_id=None, text="Their plan")
    window.session.show_changes_from_elsewhere()
    assert window.memos.project_memo.toPlainText() == "Their plan"
    assert "The memo shown was changed in another window." in _infos(posted)


def test_undo_here_changes_the_note_without_that_word(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    with Project.open(sample, read_only=True) as project:
        passage = next(p for p in project.annotations.query() if p.note)
    window.editor.show_passage(passage.id)
    note = window.editor.note
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    qtbot.keyClicks(note, " mine")
    note.save()
    window.area.panes()[0].view.setFocus()
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    window.session.undo_stack.undo()
    assert note.toPlainText() == passage.note
    assert not any("another window" in text for text in _infos(posted))


def test_undo_right_after_another_windows_change_is_not_said_to_come_from_there(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    with Project.open(sample, read_only=True) as project:
        passage, other_passage = [p for p in project.annotations.query() if p.note][:2]
    window.editor.show_passage(passage.id)
    note = window.editor.note
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    qtbot.keyClicks(note, " mine")
    note.save()
    window.area.panes()[0].view.setFocus()
    with Project.open(sample) as other:
        other.annotations.set_note(annotation_id=other_passage.id, note="Their reading")
    window.session.show_changes_from_elsewhere()
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    window.session.undo_stack.undo()  # before the window has gone back to its event loop
    assert note.toPlainText() == passage.note
    assert not any("another window" in text for text in _infos(posted))
