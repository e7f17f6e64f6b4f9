"""Ctrl+Z and Ctrl+Shift+Z in a note or memo being written undo and redo what was typed
there, in that text only: typing undone in one passage's note is never redone into the
note of the next passage, nor typing in one article's memo into another's."""

from __future__ import annotations

from gui_support import keyboard_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.model import MemoKind

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_typing_undone_in_one_note_is_not_redone_into_the_next(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    note = window.editor.note
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CONTROL)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)  # the second passage: it has no note, as the third
    first = window.coding.selected
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    qtbot.waitUntil(note.hasFocus)
    assert note.toPlainText() == ""
    qtbot.keyClicks(note, "typed by mistake")
    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL)  # the typing taken back, in the field
    assert note.toPlainText() == ""
    qtbot.keyClick(note, Qt.Key.Key_Escape)
    qtbot.waitUntil(pane.view.hasFocus)
    steps = window.session.undo_stack.count()

    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    second = window.coding.selected
    assert second not in (0, first)
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    qtbot.waitUntil(note.hasFocus)
    assert note.toPlainText() == window.session.passage(second).note == ""
    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL | SHIFT)
    assert note.toPlainText() == ""  # nothing typed here to redo
    qtbot.keyClick(note, Qt.Key.Key_Escape)
    assert window.session.passage(second).note == ""
    assert window.session.passage(first).note == ""
    assert window.session.undo_stack.count() == steps


def test_typing_undone_in_one_articles_memo_is_not_redone_into_anothers(
    qtbot: QtBot, window: MainWindow
) -> None:
    left = keyboard_in(qtbot, window, 0)
    memo = window.memos.article_memo
    qtbot.keyClick(left.view, Qt.Key.Key_M, CONTROL | SHIFT)
    memo.setFocus()
    qtbot.waitUntil(memo.hasFocus)
    assert memo.toPlainText() == ""
    qtbot.keyClicks(memo, "about the first article")
    qtbot.keyClick(memo, Qt.Key.Key_Z, CONTROL)
    assert memo.toPlainText() == ""
    qtbot.keyClick(memo, Qt.Key.Key_Escape)

    right = keyboard_in(qtbot, window, 1)  # the Memos panel now shows this article's memo
    assert right.article_id != left.article_id
    memo.setFocus()
    qtbot.waitUntil(memo.hasFocus)
    qtbot.keyClick(memo, Qt.Key.Key_Z, CONTROL | SHIFT)
    assert memo.toPlainText() == ""
    qtbot.keyClick(memo, Qt.Key.Key_Escape)
    memos = window.session.project.memos
    for article_id in (left.article_id, right.article_id):
        found = memos.get(kind=MemoKind.ARTICLE, target_id=article_id)
        assert found is None or found.text == ""


def test_after_a_redo_what_is_typed_goes_after_the_text_redone(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    note = window.editor.note
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CONTROL)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    passage = window.coding.selected
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    qtbot.waitUntil(note.hasFocus)
    before = note.toPlainText()
    qtbot.keyClick(note, Qt.Key.Key_End, CONTROL)
    qtbot.keyClicks(note, " X")
    note.save()  # as a pause in typing does
    assert window.session.passage(passage).note == before + " X"
    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL)  # the save undone: back to the text before
    qtbot.waitUntil(lambda: note.toPlainText() == before)
    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL | SHIFT)  # and redone
    qtbot.waitUntil(lambda: note.toPlainText() == before + " X")
    qtbot.keyClicks(note, "Y")
    assert note.toPlainText() == before + " XY"  # not "…Y X"
    qtbot.keyClick(note, Qt.Key.Key_Escape)
    assert window.session.passage(passage).note == before + " XY"


def test_after_a_redo_in_an_empty_memo_typing_goes_on_after_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    left = keyboard_in(qtbot, window, 0)
    memo = window.memos.article_memo
    qtbot.keyClick(left.view, Qt.Key.Key_M, CONTROL | SHIFT)
    memo.setFocus()
    qtbot.waitUntil(memo.hasFocus)
    assert memo.toPlainText() == ""
    qtbot.keyClicks(memo, "abc")
    memo.save()
    qtbot.keyClick(memo, Qt.Key.Key_Z, CONTROL)
    qtbot.waitUntil(lambda: memo.toPlainText() == "")
    qtbot.keyClick(memo, Qt.Key.Key_Z, CONTROL | SHIFT)
    qtbot.waitUntil(lambda: memo.toPlainText() == "abc")
    qtbot.keyClicks(memo, "d")
    assert memo.toPlainText() == "abcd"  # not "dabc"


def test_the_caret_follows_a_change_made_before_or_after_it() -> None:
    from diptych.gui.autosave import caret_after_change

    assert caret_after_change("one two", "one two three", 3) == 3  # after it: stays
    assert caret_after_change("one two", "zero one two", 7) == 12  # before it: moves on
    assert caret_after_change("one two three", "one two", 13) == 7  # undone: where it was
    assert caret_after_change("aaa", "aaaa", 3) == 4  # a letter redone among its like
    assert caret_after_change("", "abc", 0) == 3
