"""The keys leave alone a passage scrolled out of view, even with the caret still in it:
the wheel or the scroll bar moves the text, not the caret, and Del or 1-9 then acted on a
passage the user could no longer see."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.coding import OUT_OF_VIEW_TAG_KEY
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_selection import OUT_OF_VIEW

CONTROL = Qt.KeyboardModifier.ControlModifier


def passage_ids(window: MainWindow) -> set[int]:
    return {p.id for p in window.session.project.annotations.query()}


def clicked_passage(qtbot: QtBot, window: MainWindow) -> tuple[ArticlePane, int]:
    """The second pane's first passage selected (Ctrl+Home, F8), the caret in it."""
    window.activateWindow()  # window shortcuts (F8) need the active window
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CONTROL)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    passage = window.coding.selected
    assert passage and pane.selected_passage == passage
    return pane, passage


def scroll_to_the_end(qtbot: QtBot, pane: ArticlePane) -> None:
    bar = pane.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > pane.view.viewport().height())
    bar.setValue(bar.maximum())


def test_del_and_tag_keys_leave_a_passage_scrolled_out_of_view_with_the_caret_in_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, passage = clicked_passage(qtbot, window)
    scroll_to_the_end(qtbot, pane)
    assert pane.view.passage_at_cursor() == passage  # the caret did not move
    before = passage_ids(window)
    tags = window.session.passage(passage).tag_ids
    steps = window.session.undo_stack.count()

    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert passage_ids(window) == before
    assert window.statusBar().currentMessage() == OUT_OF_VIEW
    window.statusBar().clearMessage()
    qtbot.keyClick(pane.view, Qt.Key.Key_7)
    assert window.session.passage(passage).tag_ids == tags
    assert window.session.undo_stack.count() == steps
    assert window.statusBar().currentMessage() == OUT_OF_VIEW_TAG_KEY  # text may be tagged

    pane.view.verticalScrollBar().setValue(0)  # scrolled back to it: the keys act again
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert passage not in passage_ids(window)
