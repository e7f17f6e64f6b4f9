"""A note or a memo typed back to what it was (a letter typed, saved at the pause, then
deleted) leaves no undo step behind: Edit > Undo then takes back the step before it, not
an edit that changes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.autosave import AutosaveText
from diptych.gui.commands import perform
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_commands import SetPassageNote
from diptych.gui.session import ProjectSession
from diptych.storage.model import MemoKind
from diptych.storage.project import Project


def _type_a_letter_and_delete_it(qtbot: QtBot, window: MainWindow, field: AutosaveText) -> None:
    """Type "x" at the end, wait for the pause to save it, delete it, leave the field."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.moveCursor(field.textCursor().MoveOperation.End)
    before = window.session.undo_stack.index()
    qtbot.keyClick(field, Qt.Key.Key_X)
    qtbot.waitUntil(lambda: window.session.undo_stack.index() == before + 1)  # saved
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    window.library.view.setFocus()  # leaving the field saves it
    qtbot.waitUntil(lambda: not field.hasFocus())


def test_a_note_typed_back_to_what_it_was_leaves_no_undo_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = window.session
    passage = next(p for p in session.project.annotations.query() if p.note)
    window.coding.select_passage(passage.id)
    stack = session.undo_stack
    count, index = stack.count(), stack.index()

    _type_a_letter_and_delete_it(qtbot, window, window.editor.note)

    assert session.project.annotations.get(annotation_id=passage.id).note == passage.note
    assert (stack.count(), stack.index()) == (count, index)
    assert window.actions_.undo.text() != "&Undo Edit note"


def test_a_memo_typed_back_to_what_it_was_leaves_no_undo_step(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    field = window.memos.project_memo
    welcome = field.toPlainText()
    stack = window.session.undo_stack
    count, index = stack.count(), stack.index()

    _type_a_letter_and_delete_it(qtbot, window, field)

    with Project.open(sample, read_only=True) as project:
        memo = project.memos.get(kind=MemoKind.PROJECT, target_id=None)
        assert memo is not None and memo.text == welcome
    assert (stack.count(), stack.index()) == (count, index)
    assert window.actions_.undo.text() != "&Undo Edit memo"


def test_saves_of_one_sitting_back_to_the_first_text_leave_no_step(
    session: ProjectSession,
) -> None:
    passage = next(p for p in session.project.annotations.query() if p.note)
    stack = session.undo_stack
    count = stack.count()
    assert perform(session, SetPassageNote(session, passage.id, passage.note + "x", 1))
    assert stack.count() == count + 1
    assert perform(session, SetPassageNote(session, passage.id, passage.note, 1))
    assert stack.count() == count
    assert session.passage(passage.id).note == passage.note
    # A sitting that does change the note stays one step.
    assert perform(session, SetPassageNote(session, passage.id, passage.note + "y", 2))
    assert perform(session, SetPassageNote(session, passage.id, passage.note + "yz", 2))
    assert stack.count() == count + 1
    stack.undo()
    assert session.passage(passage.id).note == passage.note
