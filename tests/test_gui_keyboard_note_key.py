"""F2 in an article follows the rule of Del and 1-9: it writes the note of the passage
outlined there and in view, never of one the caret has left or one scrolled away."""

from __future__ import annotations

from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_selection import CARET_LEFT, OUT_OF_VIEW

CONTROL = Qt.KeyboardModifier.ControlModifier
QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article


def tag_quote(qtbot: QtBot, window: MainWindow, pane: ArticlePane) -> int:
    """Select the quote in ``pane`` and press 1: the new passage, selected."""
    before = {p.id for p in window.session.project.annotations.query()}
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    (new,) = {p.id for p in window.session.project.annotations.query()} - before
    assert window.coding.selected == new and pane.selected_passage == new
    return new


def caret_off(qtbot: QtBot, pane: ArticlePane) -> None:
    """Ctrl+Right from the end of the passage just tagged: the caret on the next word,
    where the sample article has no passage; the passage is still in view."""
    qtbot.keyClick(pane.view, Qt.Key.Key_Right, CONTROL)
    assert pane.view.passage_at_cursor() == 0


def test_f2_with_the_caret_moved_off_the_passage_does_not_open_its_note(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    new = tag_quote(qtbot, window, pane)
    caret_off(qtbot, pane)
    assert pane.selected_passage == 0  # the outline has gone with the caret
    assert window.coding.selection.note_target(pane) == (0, CARET_LEFT)

    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    assert pane.view.hasFocus() and not window.editor.note.hasFocus()
    assert window.coding.selected == new  # still shown in the Passage panel, not edited
    assert window.statusBar().currentMessage()  # says why


def test_f2_with_the_caret_moved_off_the_passage_says_so_as_del_does(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    tag_quote(qtbot, window, pane)
    caret_off(qtbot, pane)
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert window.statusBar().currentMessage() == CARET_LEFT
    window.statusBar().clearMessage()
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    assert window.statusBar().currentMessage() == CARET_LEFT


def test_f2_with_the_passage_scrolled_out_of_view_does_not_open_its_note(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    new = tag_quote(qtbot, window, pane)
    qtbot.keyClick(pane.view, Qt.Key.Key_Left)  # into its last letter
    bar = pane.view.verticalScrollBar()
    assert bar.maximum() > 0
    # The wheel or the scroll bar takes the text away; the caret stays in the passage.
    bar.setValue(bar.maximum() if bar.value() < bar.maximum() // 2 else 0)
    assert pane.view.passage_at_cursor() == new
    assert window.coding.selection.note_target(pane) == (0, OUT_OF_VIEW)

    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    assert not window.editor.note.hasFocus()


def test_f2_back_in_the_passage_opens_its_note(qtbot: QtBot, window: MainWindow) -> None:
    pane = keyboard_in(qtbot, window, 1)
    new = tag_quote(qtbot, window, pane)
    caret_off(qtbot, pane)
    qtbot.keyClick(pane.view, Qt.Key.Key_Left, CONTROL)  # back into it
    qtbot.keyClick(pane.view, Qt.Key.Key_Left, CONTROL)
    assert pane.selected_passage == new
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    qtbot.waitUntil(window.editor.note.hasFocus)
    assert window.editor.current_passage() == new


def test_f2_opens_the_note_of_a_passage_outlined_in_view_with_the_caret_elsewhere(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    new = tag_quote(qtbot, window, pane)
    caret_off(qtbot, pane)
    window.coding.select_passage(new)  # chosen again, as from the Passages list
    assert pane.selected_passage == new
    assert window.coding.selection.not_outlined(pane) == ""  # Del would delete it
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    qtbot.waitUntil(window.editor.note.hasFocus)
    assert window.editor.current_passage() == new


def test_f2_in_the_passages_list_writes_the_note_of_the_passage_chosen_there(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    tag_quote(qtbot, window, pane)
    caret_off(qtbot, pane)  # the caret has left it in the article
    shift = CONTROL | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(pane.view, Qt.Key.Key_P, shift)
    table = window.passages.table
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    chosen = window.passages.current_passage()
    assert chosen and window.coding.selected == chosen
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(window.editor.note.hasFocus)
    assert window.editor.current_passage() == chosen
