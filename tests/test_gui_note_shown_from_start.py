"""A long note shown for reading starts at its first line, its heading in sight: it opened
scrolled to its end (where the caret is put, for typing on), so that the Passage panel,
shorter than the field, showed a slice from its middle. The keyboard coming in (F2, Tab)
still lands at its end, in sight."""

from __future__ import annotations

from pathlib import Path

from gui_support import keyboard_in, open_window
from PySide6.QtCore import QPoint, QRect
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project

HEADING = "## Why it matters"
LONG = "\n".join(
    [HEADING, "", *(f"Line {n} of a long reading note, on steel and tariffs." for n in range(60))]
)


def _window(qtbot: QtBot, context: AppContext, sample: Path) -> tuple[MainWindow, list[int]]:
    """The window, at a laptop's size, whose first two passages have long notes; their ids."""
    with Project.open(sample) as project:
        passages = [p.id for p in project.annotations.query()][:3]
        for passage_id in passages[:2]:
            project.annotations.set_note(annotation_id=passage_id, note=LONG)
    window = open_window(qtbot, context, Project.open(sample))
    window.resize(1366, 768)
    return window, passages


def _in_sight(window: MainWindow, line: QRect) -> bool:
    """Whether ``line`` of the note (a rectangle in its viewport) is in sight: the field
    is not scrolled past it, and the Passage panel shows that part of the field."""
    note, area = window.editor.note, window.editor.page_scroll
    if line.top() < 0 or line.bottom() > note.viewport().height():
        return False
    where = note.viewport().mapTo(area.viewport(), QPoint(line.left(), line.bottom()))
    return area.viewport().rect().contains(where)


def _first_line_in_sight(window: MainWindow) -> bool:
    """Whether the note's first line is in sight (see :func:`_in_sight`)."""
    note = window.editor.note
    cursor = note.textCursor()
    cursor.setPosition(0)
    return _in_sight(window, note.cursorRect(cursor))


def test_a_long_note_shown_starts_at_its_first_line(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    window, (first, second, third) = _window(qtbot, context, sample)
    window.coding.select_passage(first)
    qtbot.wait(50)  # laid out
    assert _first_line_in_sight(window)
    window.coding.select_passage(third)  # and back, as after reading another
    window.coding.select_passage(second)
    qtbot.wait(50)
    assert _first_line_in_sight(window)


def test_the_keyboard_coming_into_a_long_note_writes_on_at_its_end(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    window, (first, *_others) = _window(qtbot, context, sample)
    pane = keyboard_in(qtbot, window, 0)
    window.coding.select_passage(first)
    note = window.editor.note
    window.editor.edit_note()  # as F2 does
    qtbot.waitUntil(note.hasFocus)
    assert _in_sight(window, note.cursorRect())  # the caret, at the end
    qtbot.keyClicks(note, " ZZ")
    assert note.text() == LONG + " ZZ"
    assert _in_sight(window, note.cursorRect())
    keyboard_in(qtbot, window, 0)
    assert window.session.passage(first).note == LONG + " ZZ"
    assert pane.view.hasFocus()
