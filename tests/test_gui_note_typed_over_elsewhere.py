"""A note typed in this window while another window wrote it: what is typed is saved, the
window says so, and Edit > Undo brings the other window's note back (never lost)."""

from __future__ import annotations

from pathlib import Path

from gui_support import make_context, open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot
from test_gui_memos import memo_in_file

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.model import MemoKind
from diptych.storage.project import Project


def _stored_note(sample: Path, passage_id: int) -> str:
    with Project.open(sample, read_only=True) as project:
        return project.annotations.get(annotation_id=passage_id).note


def _write_elsewhere(window: MainWindow, sample: Path, passage_id: int, note: str) -> None:
    with Project.open(sample) as other:
        other.annotations.set_note(annotation_id=passage_id, note=note)
    window.session.show_changes_from_elsewhere()  # as the next look at the file does


def _start_typing(qtbot: QtBot, window: MainWindow, sample: Path) -> tuple[int, str]:
    with Project.open(sample, read_only=True) as project:
        passage = next(p for p in project.annotations.query() if p.note)
    window.editor.show_passage(passage.id)
    note = window.editor.note
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    note.moveCursor(note.textCursor().MoveOperation.End)
    qtbot.keyClicks(note, " mine")
    qtbot.waitUntil(lambda: _stored_note(sample, passage.id).endswith(" mine"), timeout=5000)
    return passage.id, passage.note


def test_text_typed_over_a_note_written_elsewhere_says_so_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow, context: AppContext, sample: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    context.messages.posted.connect(lambda *args: posted.append(args))
    passage_id, before = _start_typing(qtbot, window, sample)
    note = window.editor.note
    qtbot.keyClicks(note, " more")  # not saved yet when the other window writes
    _write_elsewhere(window, sample, passage_id, "theirs")
    assert note.toPlainText() == before + " mine more"  # the typing is left alone

    qtbot.mouseClick(window.area.panes()[0].view.viewport(), Qt.MouseButton.LeftButton)
    assert _stored_note(sample, passage_id) == before + " mine more"
    infos = [text for level, _title, text in posted if level == Level.INFO]
    assert any("changed in another window while you typed" in text for text in infos)

    window.actions_.undo.trigger()
    assert _stored_note(sample, passage_id) == "theirs"
    window.actions_.redo.trigger()
    assert _stored_note(sample, passage_id) == before + " mine more"
    window.actions_.undo.trigger()
    # The save before theirs is not undone over it: theirs stays, and the window says why.
    window.actions_.undo.trigger()
    assert _stored_note(sample, passage_id) == "theirs"
    errors = [text for level, _title, text in posted if level == Level.ERROR]
    assert len(errors) == 1 and "note was changed since" in errors[0]


def test_typing_on_after_the_note_shown_changed_elsewhere_is_a_step_of_its_own(
    qtbot: QtBot, window: MainWindow, context: AppContext, sample: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    context.messages.posted.connect(lambda *args: posted.append(args))
    passage_id, _ = _start_typing(qtbot, window, sample)
    note = window.editor.note
    _write_elsewhere(window, sample, passage_id, "theirs")
    assert note.toPlainText() == "theirs"  # all was saved: the field shows it at once
    note.moveCursor(note.textCursor().MoveOperation.End)
    qtbot.keyClicks(note, " too")
    qtbot.waitUntil(lambda: _stored_note(sample, passage_id) == "theirs too", timeout=5000)

    window.actions_.undo.trigger()
    assert _stored_note(sample, passage_id) == "theirs"
    assert not any("while you typed" in text for _level, _title, text in posted)


# -- two windows on one file, the second not yet aware of the first one's save -----------


def _type_at_end(qtbot: QtBot, window: MainWindow, field: QPlainTextEdit, text: str) -> None:
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.moveCursor(field.textCursor().MoveOperation.End)
    qtbot.keyClicks(field, text)


def _two_windows(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> tuple[MainWindow, list[tuple[int, str, str]]]:
    other_context = make_context(tmp_path / "other")
    other = open_window(qtbot, other_context, Project.open(sample))
    for each in (window, other):
        each.session.watch(False)  # neither looks at the file until the test says so
    posted: list[tuple[int, str, str]] = []
    other_context.messages.posted.connect(lambda *args: posted.append(args))
    return other, posted


def test_a_note_saved_over_one_another_window_saved_unseen_keeps_both_and_says_so(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    other, posted = _two_windows(qtbot, window, sample, tmp_path)
    with Project.open(sample, read_only=True) as project:
        passage = next(p for p in project.annotations.query() if p.note)
    for each in (window, other):
        each.editor.show_passage(passage.id)

    _type_at_end(qtbot, window, window.editor.note, " CCC")
    window.editor.save_note()
    assert _stored_note(sample, passage.id) == passage.note + " CCC"
    _type_at_end(qtbot, other, other.editor.note, " DDD")  # the other has not seen CCC yet
    other.editor.save_note()

    assert other.editor.note.toPlainText() == passage.note + " DDD"  # what was typed stays
    assert _stored_note(sample, passage.id) == passage.note + " DDD"
    infos = [text for level, _title, text in posted if level == Level.INFO]
    assert any("changed in another window while you typed" in text for text in infos)
    assert not [text for level, _title, text in posted if level == Level.ERROR]
    other.actions_.undo.trigger()  # the first window's words come back
    assert _stored_note(sample, passage.id) == passage.note + " CCC"
    other.actions_.redo.trigger()
    assert _stored_note(sample, passage.id) == passage.note + " DDD"


def test_a_memo_saved_over_one_another_window_saved_unseen_keeps_both_and_says_so(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    other, posted = _two_windows(qtbot, window, sample, tmp_path)
    before = memo_in_file(sample, MemoKind.PROJECT)
    for shown in (window, other):  # behind the Passages tab, the memos are hidden
        shown.go_to_panel("memos")

    _type_at_end(qtbot, window, window.memos.project_memo, " CCC")
    window.memos.save()
    assert memo_in_file(sample, MemoKind.PROJECT) == before + " CCC"
    _type_at_end(qtbot, other, other.memos.project_memo, " DDD")
    other.memos.save()

    assert other.memos.project_memo.toPlainText() == before + " DDD"
    assert memo_in_file(sample, MemoKind.PROJECT) == before + " DDD"
    infos = [text for level, _title, text in posted if level == Level.INFO]
    assert any("memo was changed in another window while you typed" in text for text in infos)
    other.actions_.undo.trigger()
    assert memo_in_file(sample, MemoKind.PROJECT) == before + " CCC"
