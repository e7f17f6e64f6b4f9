"""Undo puts a passage back as it was, its time of change too: a tag added and undone, a
note written and undone, a tag put on several passages and undone leave "updated" where
it stood (the Passage panel, the CSV and JSON exports show it); redo brings the time of
the change back with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_session_stamps import Clock

from diptych.gui.commands import perform
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_commands import ChangeTagsOfPassages
from diptych.storage.project import Project

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, sample: Path) -> MainWindow:
    return open_window(qtbot, context, Project.open(sample, clock=Clock()))


def times(window: MainWindow, ids: list[int]) -> list[str]:
    return [window.session.project.annotations.get(annotation_id=i).updated_at for i in ids]


def test_undoing_a_tag_and_a_note_puts_back_the_time_of_change(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[0]
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)  # the first passage, outlined
    passage = window.coding.selected
    before = times(window, [passage])
    session = window.session
    tag = next(t for t in session.ordered_tags() if t.id not in session.passage(passage).tag_ids)
    window.coding.apply_tag(tag.id)  # as a key of the Codebook does
    changed = times(window, [passage])
    assert changed != before
    window.actions_.undo.trigger()
    assert times(window, [passage]) == before
    window.actions_.redo.trigger()
    assert times(window, [passage]) == changed

    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    note = window.editor.note
    qtbot.waitUntil(note.hasFocus)
    before_note = times(window, [passage])
    qtbot.keyClicks(note, " more")
    window.editor.save_note()
    assert times(window, [passage]) != before_note
    qtbot.keyClick(note, Qt.Key.Key_Escape)
    qtbot.waitUntil(pane.view.hasFocus)
    window.actions_.undo.trigger()
    assert not session.passage(passage).note.endswith(" more")
    assert times(window, [passage]) == before_note


def test_undoing_a_tag_put_on_several_passages_puts_back_their_times(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = window.session
    ids = [p.id for p in session.project.annotations.query()][:3]
    tag = session.ordered_tags()[-1]
    before = times(window, ids)
    assert perform(session, ChangeTagsOfPassages(session, ids, tag.id))
    after = times(window, ids)
    window.actions_.undo.trigger()
    assert times(window, ids) == before
    window.actions_.redo.trigger()
    assert times(window, ids) == after
