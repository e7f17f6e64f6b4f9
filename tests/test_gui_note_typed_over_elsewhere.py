"""A note typed in this window while another window wrote it: what is typed is saved, the
window says so, and Edit > Undo brings the other window's note back (never lost)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
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
