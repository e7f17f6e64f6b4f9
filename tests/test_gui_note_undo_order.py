"""Successive Ctrl+Z in a note or memo never bring back what an earlier one took away, and
take steps back in the order they were made: after the field was left and entered again,
or after something else was done while the caret stayed in it, the field's own undo took
the typing back and saved that as a new step, which the next Ctrl+Z undid ("Undone: Edit
note"), bringing the typing back."""

from __future__ import annotations

from pathlib import Path

from gui_support import keyboard_in
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from diptych.gui.autosave import AutosaveText
from diptych.gui.main_window import MainWindow
from diptych.gui.tag_chips import TagChip
from diptych.storage.model import MemoKind
from diptych.storage.project import Project

CONTROL = Qt.KeyboardModifier.ControlModifier


def _typed_and_saved(qtbot: QtBot, field: AutosaveText, text: str) -> None:
    """Type ``text`` at the end of ``field`` and wait for the pause that saves it."""
    qtbot.keyClick(field, Qt.Key.Key_End, CONTROL)
    qtbot.keyClicks(field, text)
    qtbot.waitUntil(lambda: not field.is_modified, timeout=3000)


def _enter(qtbot: QtBot, field: AutosaveText) -> None:
    """Put the keyboard in ``field``."""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)


def _remove_first_tag(qtbot: QtBot, window: MainWindow) -> int:
    """Click the × of the first chip of the passage shown; the tag's id."""
    chip = window.editor.chips.findChildren(TagChip)[0]
    qtbot.mouseClick(chip.remove_button, Qt.MouseButton.LeftButton)
    return chip.tag_id


def test_ctrl_z_after_leaving_the_note_and_coming_back_goes_back_step_by_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = window.session
    passage = next(p for p in session.project.annotations.query() if p.tag_ids)
    window.coding.select_passage(passage.id)
    tag_id = _remove_first_tag(qtbot, window)  # an earlier step
    note = window.editor.note
    _enter(qtbot, note)
    _typed_and_saved(qtbot, note, " Q1")
    assert session.passage(passage.id).note == passage.note + " Q1"
    keyboard_in(qtbot, window, 0)  # to read something in the article
    _enter(qtbot, note)  # and back at the end of the note

    notes, tagged = [], []
    for _ in range(3):
        qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL)
        qtbot.waitUntil(lambda: not note.is_modified)
        notes.append(session.passage(passage.id).note)
        tagged.append(tag_id in session.passage(passage.id).tag_ids)
    assert notes == [passage.note] * 3  # " Q1" taken away, and never brought back
    assert tagged == [False, True, True]  # then the tag, done before it
    assert note.text() == passage.note


def test_a_tag_removed_while_the_caret_stays_in_the_note_comes_back_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = window.session
    passage = next(p for p in session.project.annotations.query() if p.tag_ids)
    window.coding.select_passage(passage.id)
    note = window.editor.note
    _enter(qtbot, note)
    qtbot.keyClick(note, Qt.Key.Key_End, CONTROL)
    qtbot.keyClicks(note, " CCC")
    tag_id = _remove_first_tag(qtbot, window)  # at once, the caret left in the note
    assert note.hasFocus()
    assert session.passage(passage.id).note == passage.note + " CCC"

    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL)  # the tag removal, done last
    qtbot.waitUntil(lambda: not note.is_modified)
    assert tag_id in session.passage(passage.id).tag_ids
    assert session.passage(passage.id).note == passage.note + " CCC"
    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL)  # then the typing
    qtbot.waitUntil(lambda: not note.is_modified)
    assert session.passage(passage.id).note == passage.note
    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL)
    qtbot.waitUntil(lambda: not note.is_modified)
    assert session.passage(passage.id).note == passage.note  # not brought back
    assert tag_id in session.passage(passage.id).tag_ids


def test_ctrl_z_in_a_memo_entered_again_does_not_bring_the_typing_back(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    window.actions_.show_memos.trigger()
    memo = window.memos.project_memo
    before = memo.text()
    _enter(qtbot, memo)
    _typed_and_saved(qtbot, memo, " M1")
    keyboard_in(qtbot, window, 0)
    _enter(qtbot, memo)

    stored = []
    for _ in range(3):
        qtbot.keyClick(memo, Qt.Key.Key_Z, CONTROL)
        qtbot.waitUntil(lambda: not memo.is_modified)
        with Project.open(sample, read_only=True) as project:
            found = project.memos.get(kind=MemoKind.PROJECT, target_id=None)
            stored.append(found.text if found else "")
    assert stored == [before] * 3
    assert memo.text() == before
    assert window.statusBar().currentMessage() == "Nothing more to undo."


def test_undo_from_the_notes_own_menu_takes_back_the_last_pause_in_the_same_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = window.session
    passage = next(p for p in session.project.annotations.query() if p.tag_ids)
    window.coding.select_passage(passage.id)
    note = window.editor.note
    _enter(qtbot, note)
    _typed_and_saved(qtbot, note, " first")
    _typed_and_saved(qtbot, note, " second")
    steps = session.undo_stack.count()

    def undo_in_the_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        undo = next(a for a in menu.actions() if a.text().replace("&", "").startswith("Undo"))
        assert undo.isEnabled()  # the menu opening is not leaving the field
        undo.trigger()
        menu.close()

    QTimer.singleShot(100, undo_in_the_menu)
    where = note.cursorRect().center()
    menu_key = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, where, note.viewport().mapToGlobal(where)
    )
    QApplication.sendEvent(note.viewport(), menu_key)  # the note's menu, as Shift+F10 opens it
    qtbot.waitUntil(lambda: note.text() == passage.note + " first")
    qtbot.waitUntil(lambda: not note.is_modified)
    assert session.passage(passage.id).note == passage.note + " first"
    assert session.undo_stack.count() == steps  # the same sitting's step
    session.undo_stack.undo()
    assert session.passage(passage.id).note == passage.note
