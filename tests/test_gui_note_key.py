"""F2 in an article writes the note of the passage the reader is at, never of one chosen
earlier somewhere else."""

from __future__ import annotations

from gui_support import keyboard_in
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow


def caret_to(pane: ArticlePane, offset: int) -> None:
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.view.positions.to_rendered(offset))
    pane.view.setTextCursor(cursor)


def test_f2_writes_the_note_of_the_passage_at_the_caret_not_the_one_selected_before(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 0)
    assert pane.view.index is not None
    first, second = pane.view.index.marks()[:2]
    window.coding.select_passage(first.annotation_id, scroll=True)
    # The reader moves on with the arrows into the next passage, and presses F2.
    caret_to(pane, second.start)
    qtbot.keyClick(pane.view, Qt.Key.Key_Right)
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    qtbot.waitUntil(window.editor.note.hasFocus)
    assert window.coding.selected == second.annotation_id
    assert window.editor.current_passage() == second.annotation_id
    assert pane.selected_passage == second.annotation_id


def test_f2_keeps_the_selected_passage_with_the_caret_in_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 0)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    chosen = window.coding.selected
    assert chosen
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    qtbot.waitUntil(window.editor.note.hasFocus)
    assert window.editor.current_passage() == chosen


def test_f2_in_another_article_does_not_open_the_note_of_a_passage_selected_there(
    qtbot: QtBot, window: MainWindow
) -> None:
    left = window.area.panes()[0]
    assert left.view.index is not None
    window.coding.select_passage(left.view.index.marks()[0].annotation_id)
    # Now in the other article, the caret at its very top, where no passage is.
    right = keyboard_in(qtbot, window, 1)
    qtbot.keyClick(right.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert right.view.passage_at_cursor() == 0
    chosen = window.coding.selected
    qtbot.keyClick(right.view, Qt.Key.Key_F2)
    assert right.view.hasFocus()
    assert window.coding.selected == chosen  # left as it was, its note not opened
    assert not window.editor.note.hasFocus()
    assert window.statusBar().currentMessage() == (
        "The selected passage is not in this article: select a passage here first "
        "(Enter on a highlight, or F8)."
    )


def test_f2_in_another_article_opens_the_passage_at_the_caret_there(
    qtbot: QtBot, window: MainWindow
) -> None:
    left = window.area.panes()[0]
    assert left.view.index is not None
    window.coding.select_passage(left.view.index.marks()[0].annotation_id)
    right = keyboard_in(qtbot, window, 1)
    assert right.view.index is not None
    there = right.view.index.marks()[0]
    caret_to(right, there.start + 1)
    qtbot.keyClick(right.view, Qt.Key.Key_F2)
    qtbot.waitUntil(window.editor.note.hasFocus)
    assert window.editor.current_passage() == there.annotation_id


def test_f2_writes_the_note_of_the_passage_outlined_as_del_would_delete_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A passage chosen in the Passages list is outlined in its pane while the caret
    stays in another passage: F2 writes the note of the outlined one, which Del deletes."""
    pane = keyboard_in(qtbot, window, 0)
    assert pane.view.index is not None
    first, second = pane.view.index.marks()[:2]
    window.coding.select_passage(second.annotation_id, scroll=True)  # chosen in the list
    caret_to(pane, (first.start + first.end) // 2)  # the caret put in the first by Qt
    assert pane.selected_passage == second.annotation_id
    assert pane.view.passage_at_cursor() == first.annotation_id
    assert window.coding.selection.not_outlined(pane) == ""  # Del would delete the second
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    qtbot.waitUntil(window.editor.note.hasFocus)
    assert window.editor.current_passage() == second.annotation_id
