"""Redo brings a tagging back selected, as it was when the user tagged it, so that the
next key (Del, F2, 1-9) acts on it."""

from __future__ import annotations

from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.commands import quote_start
from diptych.gui.main_window import MainWindow

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article


def passage_ids(window: MainWindow) -> set[int]:
    return {p.id for p in window.session.project.annotations.query()}


def tag_quote(qtbot: QtBot, window: MainWindow, pane: ArticlePane) -> int:
    """Select the quote in ``pane`` and press 1: the new passage's id."""
    before = passage_ids(window)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    (new,) = passage_ids(window) - before
    assert window.coding.selected == new and pane.selected_passage == new
    return new


def outlined_everywhere(window: MainWindow, pane: ArticlePane) -> tuple[int, int, int, int]:
    """The passage selected, outlined in ``pane``, in the Passage panel, in the list."""
    return (
        window.coding.selected,
        pane.selected_passage,
        window.editor.current_passage() or 0,
        window.passages.current_passage() or 0,
    )


def test_redo_of_a_tagging_brings_the_passage_back_outlined_for_the_next_key(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    new = tag_quote(qtbot, window, pane)
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    assert new not in passage_ids(window)
    assert outlined_everywhere(window, pane) == (0, 0, 0, 0)

    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL | SHIFT)
    assert new in passage_ids(window)
    assert outlined_everywhere(window, pane) == (new, new, new, new)
    assert pane.view.hasFocus()
    # Del now deletes it, as it would have before the undo.
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert new not in passage_ids(window)
    assert window.statusBar().currentMessage() == "Passage deleted — Ctrl+Z to undo"


def test_redo_of_adding_a_tag_to_a_passage_selects_that_passage(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    new = tag_quote(qtbot, window, pane)
    qtbot.keyClick(pane.view, Qt.Key.Key_2)  # the outlined passage gets the second tag
    assert len(window.session.passage(new).tag_ids) == 2
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    assert len(window.session.passage(new).tag_ids) == 1
    # The reader moves on to another passage of the other pane, then redoes.
    other = window.area.panes()[0]
    assert other.view.index is not None
    elsewhere = other.view.index.marks()[0].annotation_id
    window.coding.select_passage(elsewhere)
    assert pane.selected_passage == 0

    qtbot.keyClick(pane.view, Qt.Key.Key_Y, CONTROL)
    assert len(window.session.passage(new).tag_ids) == 2
    assert outlined_everywhere(window, pane) == (new, new, new, new)
    assert other.selected_passage == 0


def test_redo_scrolls_to_the_passage_only_when_it_is_out_of_view(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    new = tag_quote(qtbot, window, pane)
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    bar = pane.view.verticalScrollBar()
    shown = bar.value()
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL | SHIFT)
    assert pane.selected_passage == new
    assert bar.value() == shown  # in view already: the text does not move

    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    cursor = pane.view.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    pane.view.setTextCursor(cursor)  # the reader has gone on to the end of the article
    pane.view.ensureCursorVisible()
    assert bar.maximum() > 0 and not pane_shows(pane)
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL | SHIFT)
    assert pane.selected_passage == new
    assert pane_shows(pane)
    assert not window.coding.selection.not_outlined(pane)  # the keys act on it


def pane_shows(pane: ArticlePane) -> bool:
    """True if the start of the quote is on the screen in ``pane``."""
    text = pane.session.project.articles.get(article_id=pane.article_id or 0).text
    start = text.index(QUOTE)
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.view.positions.to_rendered(start))
    rect = pane.view.cursorRect(cursor)
    return pane.view.viewport().rect().contains(rect)


def test_tagging_leaves_the_caret_at_the_end_of_the_passage(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    _start, end = select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    caret = pane.view.positions.to_display(pane.view.textCursor().position())
    assert caret == end and not pane.view.textCursor().hasSelection()


def test_redo_of_tagging_with_a_new_tag_from_the_palette_selects_the_passage(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    before = passage_ids(window)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_T, CONTROL)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    qtbot.keyClicks(palette.field, "Trade/Quotas")
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    (new,) = passage_ids(window) - before
    assert window.session.undo_stack.undoText() == "Tag with new tags “Trade”, “Trade/Quotas”"
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    assert new not in passage_ids(window) and window.coding.selected == 0

    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL | SHIFT)
    assert new in passage_ids(window)
    assert outlined_everywhere(window, pane) == (new, new, new, new)


def test_undo_of_removing_a_tag_selects_the_passage_that_gets_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    new = tag_quote(qtbot, window, pane)
    qtbot.keyClick(pane.view, Qt.Key.Key_2)
    tag_ids = window.session.passage(new).tag_ids
    assert window.coding.remove_tag(new, tag_ids[0])
    other = window.area.panes()[0]
    assert other.view.index is not None
    window.coding.select_passage(other.view.index.marks()[0].annotation_id)

    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    assert set(window.session.passage(new).tag_ids) == set(tag_ids)
    assert outlined_everywhere(window, pane) == (new, new, new, new)
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)  # the second tag taken off: kept selected
    assert outlined_everywhere(window, pane) == (new, new, new, new)


def test_undo_of_a_note_shows_the_passage_whose_note_it_takes_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    new = tag_quote(qtbot, window, pane)
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    note = window.editor.note
    qtbot.waitUntil(note.hasFocus)
    qtbot.keyClicks(note, "Seen at the summit.")
    qtbot.keyClick(note, Qt.Key.Key_Escape)
    qtbot.waitUntil(pane.view.hasFocus)
    assert window.session.passage(new).note == "Seen at the summit."
    # The reader goes on to a passage of the other article, then presses Ctrl+Z there.
    other = keyboard_in(qtbot, window, 0)
    qtbot.keyClick(other.view, Qt.Key.Key_Home, CONTROL)
    qtbot.keyClick(other.view, Qt.Key.Key_F8)
    assert window.coding.selected not in (0, new)

    qtbot.keyClick(other.view, Qt.Key.Key_Z, CONTROL)
    assert window.session.passage(new).note == ""
    assert outlined_everywhere(window, pane) == (new, new, new, new)
    assert note.toPlainText() == ""  # the Passage panel shows what was taken back
    assert window.statusBar().currentMessage() == (
        f"Undone: Edit note on passage “{quote_start(window.session.passage(new).exact)}”"
    )
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CONTROL | SHIFT)
    assert note.toPlainText() == "Seen at the summit."


def test_undo_of_a_tag_on_the_outlined_passage_leaves_the_caret_where_it_is(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    new = tag_quote(qtbot, window, pane)
    qtbot.keyClick(pane.view, Qt.Key.Key_Left, CONTROL)  # into its last word
    caret = pane.view.textCursor().position()
    qtbot.keyClick(pane.view, Qt.Key.Key_2)
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    assert len(window.session.passage(new).tag_ids) == 1
    assert pane.selected_passage == new and pane.view.hasFocus()
    assert pane.view.textCursor().position() == caret
