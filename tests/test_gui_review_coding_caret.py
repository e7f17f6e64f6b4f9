"""The passage outlined in a pane follows its caret, so that Del (and the other keys) act on
the passage the pane marks; undoing a deletion brings the passage back outlined, with the
caret on it, for the keys to go on from it."""

from __future__ import annotations

from gui_support import point_of
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.coding import CARET_LEFT, NO_PASSAGE_SELECTED
from diptych.gui.main_window import MainWindow

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
SYMBOLIC = "symbolic restart"  # the first passage of the second sample article


def passage_ids(window: MainWindow) -> set[int]:
    return {p.id for p in window.session.project.annotations.query()}


def first_passage_selected(qtbot: QtBot, window: MainWindow) -> tuple[ArticlePane, int]:
    """Ctrl+Home then F8 in the second pane: its first passage outlined, the caret at it."""
    window.activateWindow()  # window shortcuts (F8) need the active window
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CONTROL)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    passage = window.coding.selected
    assert window.session.passage(passage).exact == SYMBOLIC
    assert pane.selected_passage == passage
    return pane, passage


def caret(pane: ArticlePane) -> int:
    return pane.view.positions.to_display(pane.view.textCursor().position())


def test_the_caret_leaving_the_outlined_passage_for_plain_text_leaves_nothing_to_delete(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, passage = first_passage_selected(qtbot, window)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CONTROL)  # back to the top: no passage there
    assert pane.view.passage_at_cursor() == 0
    assert pane.selected_passage == 0  # no outline left in the pane
    # still the selected one, in the Passage panel and the Passages list, which agree
    assert window.coding.selected == passage
    assert window.editor.current_passage() == window.passages.current_passage() == passage
    before = passage_ids(window)
    tags = window.session.passage(passage).tag_ids
    steps = window.session.undo_stack.count()

    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert passage_ids(window) == before
    assert passage in before
    assert window.statusBar().currentMessage() == CARET_LEFT
    window.statusBar().clearMessage()
    qtbot.keyClick(pane.view, Qt.Key.Key_7)  # nor is it tagged
    assert window.session.passage(passage).tag_ids == tags
    assert window.session.undo_stack.count() == steps
    assert window.statusBar().currentMessage() == CARET_LEFT


def test_the_caret_coming_back_into_the_selected_passage_outlines_it_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, passage = first_passage_selected(qtbot, window)
    start = window.session.passage(passage).start
    qtbot.keyClick(pane.view, Qt.Key.Key_Left)  # just before it
    assert caret(pane) == start - 1 and pane.selected_passage == 0
    qtbot.keyClick(pane.view, Qt.Key.Key_Right)
    assert caret(pane) == start and pane.selected_passage == passage
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert passage not in passage_ids(window)


def test_del_pressed_twice_deletes_one_passage(qtbot: QtBot, window: MainWindow) -> None:
    pane, passage = first_passage_selected(qtbot, window)
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert passage not in passage_ids(window)
    before = passage_ids(window)
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)  # pressed twice: nothing else goes
    assert passage_ids(window) == before
    assert window.statusBar().currentMessage() == NO_PASSAGE_SELECTED


def test_del_deletes_the_passage_the_caret_moved_into_not_the_one_outlined_before(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, at_caret = first_passage_selected(qtbot, window)
    table = window.passages.table
    table.setFocus()
    other = 0
    for _ in range(table.model().rowCount()):  # the user goes down the list to another one
        qtbot.keyClick(table, Qt.Key.Key_Down)
        other = window.coding.selected
        if other != at_caret and other in (pane.view.index or ()):
            break
    assert other != at_caret and pane.selected_passage == other  # outlined in the pane
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)

    qtbot.keyClick(pane.view, Qt.Key.Key_Right)  # the caret moves on inside the first passage
    assert pane.view.passage_at_cursor() == at_caret
    assert (window.coding.selected, pane.selected_passage) == (at_caret, at_caret)
    assert window.editor.current_passage() == at_caret

    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert at_caret not in passage_ids(window)
    assert other in passage_ids(window)


def test_a_click_in_plain_text_takes_the_outline_off(qtbot: QtBot, window: MainWindow) -> None:
    pane, passage = first_passage_selected(qtbot, window)
    start = window.session.passage(passage).start
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(pane, 3))
    assert pane.view.passage_at_cursor() == 0 and caret(pane) < start
    assert pane.selected_passage == 0


def test_selecting_text_from_the_outlined_passage_keeps_it_outlined(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, passage = first_passage_selected(qtbot, window)
    end = window.session.passage(passage).end
    while caret(pane) <= end + 3:  # Shift and the arrows, past its end (to fit it)
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, SHIFT)
    assert pane.selection() is not None
    assert (window.coding.selected, pane.selected_passage) == (passage, passage)


def test_undoing_del_brings_the_passage_back_outlined_with_the_caret_on_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, passage = first_passage_selected(qtbot, window)
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert passage not in passage_ids(window)
    assert (window.coding.selected, pane.selected_passage) == (0, 0)

    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    assert passage in passage_ids(window)
    assert (window.coding.selected, pane.selected_passage) == (passage, passage)
    assert window.editor.current_passage() == passage
    assert window.passages.current_passage() == passage
    assert pane.view.passage_at_cursor() == passage
    assert window.area.current is pane and pane.view.hasFocus()

    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)  # the keys go on from it
    assert passage not in passage_ids(window)


def test_undoing_del_in_a_pane_while_the_keyboard_is_in_another_goes_back_to_the_passage(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, passage = first_passage_selected(qtbot, window)
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    left = window.area.panes()[0]
    qtbot.keyClick(pane.view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.area.current is left and left.view.hasFocus()

    qtbot.keyClick(left.view, Qt.Key.Key_Z, CONTROL)
    assert passage in passage_ids(window)
    assert window.area.current is pane and pane.view.hasFocus()
    assert pane.view.passage_at_cursor() == passage
    assert pane.selected_passage == passage and left.selected_passage == 0
