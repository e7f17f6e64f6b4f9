"""Edit > Delete passage, labelled with Del, does what Del does: from an article, never a
passage scrolled out of view, and with no passage chosen it says how to choose one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_selection import NO_PASSAGE_SELECTED, OUT_OF_VIEW

CONTROL = Qt.KeyboardModifier.ControlModifier


def passage_ids(window: MainWindow) -> set[int]:
    return {p.id for p in window.session.project.annotations.query()}


def edit_menu_delete(window: MainWindow) -> QAction:
    """The Edit menu's item, as the menu bar holds it."""
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    (item,) = [a for a in edit.actions() if a.text().startswith("&Delete passage")]
    assert item.text().endswith("\tDel")
    return item


def second_pane(qtbot: QtBot, window: MainWindow) -> ArticlePane:
    window.activateWindow()  # window shortcuts (F8) need the active window
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CONTROL)
    return pane


def test_the_menu_item_leaves_a_passage_scrolled_out_of_view_as_del_does(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = second_pane(qtbot, window)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    passage = window.coding.selected
    assert passage and pane.selected_passage == passage
    bar = pane.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > pane.view.viewport().height())
    bar.setValue(bar.maximum())  # the wheel: the caret stays in the passage
    before = passage_ids(window)
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert window.statusBar().currentMessage() == OUT_OF_VIEW
    window.statusBar().clearMessage()

    edit_menu_delete(window).trigger()
    assert passage_ids(window) == before
    assert window.statusBar().currentMessage() == OUT_OF_VIEW

    bar.setValue(0)  # scrolled back to it: the item deletes it, as Del would
    edit_menu_delete(window).trigger()
    assert passage_ids(window) == before - {passage}


def test_the_menu_item_with_no_passage_chosen_says_how_to_choose_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = second_pane(qtbot, window)  # the caret at the top, in no passage
    assert window.coding.selected == 0 and pane.view.passage_at_cursor() == 0
    window.actions_.undo.trigger()  # a message to see replaced
    assert window.statusBar().currentMessage() != NO_PASSAGE_SELECTED
    before = passage_ids(window)

    edit_menu_delete(window).trigger()
    assert passage_ids(window) == before
    assert window.statusBar().currentMessage() == NO_PASSAGE_SELECTED
    window.statusBar().clearMessage()
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)  # the key's own answer: the same
    assert window.statusBar().currentMessage() == NO_PASSAGE_SELECTED


def test_the_menu_item_from_the_passages_list_deletes_the_passage_chosen_there(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The list has the keyboard: its passage, chosen there, whatever the panes show."""
    window.go_to_panel("passages")
    table = window.passages.table
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    chosen = window.passages.current_passage()
    assert chosen
    pane = window.area.current
    assert pane is not None and pane.selected_passage != chosen  # not outlined in a pane
    edit_menu_delete(window).trigger()
    assert chosen not in passage_ids(window)
