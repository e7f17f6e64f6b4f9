"""A very long sitting: thousands of steps (passages tagged with the keys' commands,
their tags changed, some deleted), then the stack taken to its oldest step in one go and
the last Ctrl+Z pressed there: the project is as it was at the start, every view agrees,
and Ctrl+Z has nothing more to take back; Ctrl+Shift+Z from there and a jump to the end
give the last state again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from gui_support import keyboard_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_undo_sweep import check_window

from diptych.gui.commands import perform
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_commands import AddPassage, DeletePassage, SetPassageTags

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
STEPS = 1500
PROSE = 1500  # the second sample article's paragraphs, before its table


def passages(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return [
            *conn.execute("SELECT id, uuid, article_id, start_pos, end_pos, note FROM annotations"),
            *conn.execute("SELECT * FROM annotation_tags ORDER BY 1, 2"),
        ]
    finally:
        conn.close()


def test_thousands_of_steps_undo_to_the_oldest_and_redo_to_the_last(
    qtbot: QtBot, window: MainWindow
) -> None:
    session, stack = window.session, window.session.undo_stack
    path = session.project.path
    start = passages(path)
    assert "\t" not in session.project.articles.get(article_id=2).text[: PROSE + 12]
    tags = [t.id for t in session.ordered_tags()]
    made: list[int] = []
    for step in range(STEPS):
        if step % 3 == 0 or not made:
            at = (step * 7) % PROSE
            add = AddPassage(session, article_id=2, start=at, end=at + 12, tag_ids=[tags[0]])
            assert perform(session, add) and add.passage is not None
            made.append(add.passage.id)
        elif step % 3 == 1:
            chosen = [tags[step % len(tags)], tags[(step // 2) % len(tags)]]
            assert perform(session, SetPassageTags(session, made[-1], chosen))
        elif step % 9 == 5:
            assert perform(session, DeletePassage(session, made.pop()))
        else:
            assert perform(session, SetPassageTags(session, made[-1], [tags[step % len(tags)]]))
    assert stack.count() == STEPS and stack.index() == STEPS
    end = passages(path)

    stack.setIndex(1)  # all but the oldest step undone, one after the other
    pane = keyboard_in(qtbot, window, 1)
    assert window.actions_.undo.text().startswith("&Undo Tag passage with ")
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    assert stack.index() == 0 and not window.actions_.undo.isEnabled()
    assert passages(path) == start
    check_window(qtbot, window)
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)  # nothing more to take back
    assert passages(path) == start and stack.index() == 0

    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL | SHIFT)
    assert stack.index() == 1
    stack.setIndex(STEPS)
    assert passages(path) == end
    check_window(qtbot, window)
