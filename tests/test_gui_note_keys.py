"""Keys in notes and memos edit text; undo takes back one sitting at a time."""

from __future__ import annotations

from gui_support import select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article


def tag_and_open_note(qtbot: QtBot, window: MainWindow) -> int:
    """Tag QUOTE with key 1 and put the keyboard focus in its note; returns the passage."""
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    passage = window.coding.selected
    assert passage and window.editor.current_passage() == passage
    qtbot.mouseClick(window.editor.note.viewport(), Qt.MouseButton.LeftButton)
    window.editor.note.setFocus()
    return passage


def leave_for_the_article(qtbot: QtBot, window: MainWindow) -> None:
    view = window.area.panes()[1].view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)


def test_ctrl_backspace_in_a_note_deletes_a_word_not_the_passage(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage = tag_and_open_note(qtbot, window)
    note = window.editor.note
    qtbot.keyClicks(note, "hello world")
    qtbot.keyClick(note, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)
    assert note.toPlainText() == "hello "
    leave_for_the_article(qtbot, window)
    assert window.session.passage(passage).note == "hello "  # the passage is still there


def test_delete_in_the_article_deletes_the_selected_passage_and_undo_restores_its_note(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage = tag_and_open_note(qtbot, window)
    qtbot.keyClicks(window.editor.note, "Keep this")
    leave_for_the_article(qtbot, window)
    view = window.area.panes()[1].view
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert passage not in [p.id for p in window.session.project.annotations.query()]
    assert window.session.undo_stack.undoText().startswith("Delete passage “")
    window.actions_.undo.trigger()
    assert window.session.passage(passage).note == "Keep this"


def test_undo_takes_back_the_last_sitting_of_a_note_not_all_of_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage = tag_and_open_note(qtbot, window)
    note = window.editor.note
    qtbot.keyClicks(note, "Paragraph one.")
    leave_for_the_article(qtbot, window)
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    note.moveCursor(note.textCursor().MoveOperation.End)
    qtbot.keyClicks(note, " Paragraph two.")
    leave_for_the_article(qtbot, window)
    assert window.session.passage(passage).note == "Paragraph one. Paragraph two."

    window.actions_.undo.trigger()
    assert window.session.passage(passage).note == "Paragraph one."
    window.actions_.undo.trigger()
    assert window.session.passage(passage).note == ""


def test_undo_takes_back_the_last_sitting_of_a_memo(qtbot: QtBot, window: MainWindow) -> None:
    window.docks["memos"].raise_()
    memo = window.memos.project_memo
    before = memo.toPlainText()
    for words in (" First thought.", " Second thought."):
        memo.setFocus()
        qtbot.waitUntil(memo.hasFocus)
        memo.moveCursor(memo.textCursor().MoveOperation.End)
        qtbot.keyClicks(memo, words)
        leave_for_the_article(qtbot, window)
    assert memo.toPlainText() == before + " First thought. Second thought."

    window.actions_.undo.trigger()
    assert window.session.memo_text(memo.kind, None) == before + " First thought."
    qtbot.waitUntil(lambda: memo.toPlainText() == before + " First thought.")


def test_closing_the_pane_a_note_was_opened_from_leaves_the_keys_in_the_other_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first, second = window.area.panes()
    second.view.setFocus()
    qtbot.waitUntil(second.view.hasFocus)
    qtbot.keyClick(second.view, Qt.Key.Key_F8)  # a passage of the second article
    passage = window.coding.selected
    assert passage
    qtbot.keyClick(second.view, Qt.Key.Key_F2)
    note = window.editor.note
    qtbot.waitUntil(note.hasFocus)
    qtbot.keyClicks(note, " tbc")
    qtbot.keyClick(note, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)  # close its pane
    qtbot.waitUntil(lambda: window.area.panes() == [first])
    qtbot.waitUntil(first.view.hasFocus)  # no error: the keys go on in the pane left
    assert window.session.passage(passage).note.endswith(" tbc")
