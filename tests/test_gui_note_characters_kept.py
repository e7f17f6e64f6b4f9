"""A note or memo is saved with the characters it holds: a no-break space (French
typography, text copied from a web page), a line separator or a Windows line end is not
rewritten just by the note being shown, with an undo step nobody made (each Ctrl+Z then
saved again at once, so that nothing earlier could be undone), and a no-break space typed
or pasted is kept."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from gui_support import keyboard_in, open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.session import ProjectSession
from diptych.gui.tag_chips import TagChip
from diptych.gui.tag_dialog import TagDialog
from diptych.storage.model import MemoKind
from diptych.storage.project import Project

CONTROL = Qt.KeyboardModifier.ControlModifier
FRENCH = "Hausse de 10\u00a0% ; 3\u00a0895,5 tonnes."
NOTES = [
    FRENCH,
    "M.\u00a0Dupont\u2028a line of its own",
    "line one\r\nline two\r\n",
    "first paragraph\u2029second",
]


def _with_note(qtbot: QtBot, context: AppContext, sample: Path, note: str) -> MainWindow:
    """The window on ``sample`` whose first passage with tags has ``note``, written by
    another program (the command line, an import)."""
    with Project.open(sample) as project:
        passage = next(p for p in project.annotations.query() if p.tag_ids)
        project.annotations.set_note(annotation_id=passage.id, note=note)
    return open_window(qtbot, context, Project.open(sample))


def _stored_note(sample: Path) -> str:
    """The note of the passage given one by :func:`_with_note`, as the file holds it."""
    with Project.open(sample, read_only=True) as project:
        passage = next(p for p in project.annotations.query() if p.tag_ids)
        return passage.note


@pytest.mark.parametrize("note", NOTES)
def test_a_note_shown_and_left_unchanged_is_not_written_and_undo_goes_back(
    qtbot: QtBot, context: AppContext, sample: Path, note: str
) -> None:
    window = _with_note(qtbot, context, sample, note)
    session = window.session
    passages = session.project.annotations.query()
    shown = next(p for p in passages if p.tag_ids)
    other = next(p for p in passages if p.tag_ids and p.id != shown.id)
    # Something to undo later: a tag taken off another passage with its chip's ×.
    window.coding.select_passage(other.id)
    tag_id = other.tag_ids[0]
    chip = next(c for c in window.editor.chips.findChildren(TagChip) if c.tag_id == tag_id)
    qtbot.mouseClick(chip.remove_button, Qt.MouseButton.LeftButton)
    assert tag_id not in session.passage(other.id).tag_ids
    steps = session.undo_stack.count()

    window.coding.select_passage(shown.id)  # shown: nothing typed
    note_field = window.editor.note
    note_field.setFocus()  # and the keyboard put in it, and taken out again
    qtbot.waitUntil(note_field.hasFocus)
    pane = keyboard_in(qtbot, window, 0)
    assert not note_field.is_modified
    assert session.undo_stack.count() == steps  # no step nobody made
    assert _stored_note(sample) == note

    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)  # the tag comes back
    assert tag_id in session.passage(other.id).tag_ids
    assert _stored_note(sample) == note


def test_a_memo_with_no_break_spaces_and_a_line_separator_is_not_rewritten(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    memo = "Mémo\u00a0: «\u00a0brief\u00a0» line\u2028sep"
    with Project.open(sample) as project:
        project.memos.set(kind=MemoKind.PROJECT, text=memo)
    window = open_window(qtbot, context, Project.open(sample))
    window.actions_.show_memos.trigger()
    field = window.memos.project_memo
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    keyboard_in(qtbot, window, 0)  # clicked into and out of
    assert window.session.undo_stack.count() == 0
    with Project.open(sample, read_only=True) as project:
        stored = project.memos.get(kind=MemoKind.PROJECT, target_id=None)
        assert stored is not None and stored.text == memo


def test_no_break_spaces_typed_and_pasted_into_a_note_are_kept(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    window = _with_note(qtbot, context, sample, "")
    passage = next(p for p in window.session.project.annotations.query() if p.tag_ids)
    window.coding.select_passage(passage.id)
    keyboard_in(qtbot, window, 0)
    field = window.editor.note
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Hausse de 10\u00a0% ; ")  # AltGr+Space on a French keyboard
    QApplication.clipboard().setText("3\u00a0895,5 tonnes.")  # copied from a web page
    qtbot.keyClick(field, Qt.Key.Key_V, CONTROL)
    keyboard_in(qtbot, window, 0)  # leaving the note saves it
    assert window.session.passage(passage.id).note == FRENCH
    assert _stored_note(sample) == FRENCH


def test_a_tag_description_keeps_its_no_break_spaces(qtbot: QtBot, session: ProjectSession) -> None:
    book = session.codebook()
    tag = next(iter(book.ordered()))
    tag = replace(tag, description="Voir «\u00a0M.\u00a0Dupont\u00a0»")
    dialog = TagDialog(book, tag)
    qtbot.addWidget(dialog)
    assert dialog.values().description == tag.description
