"""Tagging from the keyboard: what the keys do with a selection no passage can be made of."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.coding import BLANK_SELECTION
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_a_tag_key_on_a_selected_line_break_says_so_without_an_error(
    qtbot: QtBot, window: MainWindow
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CONTROL)
    while pane.view.textCursor().blockNumber() == 0:  # down to the next paragraph
        qtbot.keyClick(pane.view, Qt.Key.Key_Down)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home)
    qtbot.keyClick(pane.view, Qt.Key.Key_Left, SHIFT)  # the line break before it
    selection = pane.selection()
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    assert selection is not None and text[slice(*selection)].isspace()
    before = {p.id for p in window.session.project.annotations.query()}
    steps = window.session.undo_stack.count()

    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    assert {p.id for p in window.session.project.annotations.query()} == before
    assert window.session.undo_stack.count() == steps
    assert [level for level, _title, _text in posted] == [Level.INFO]
    assert window.statusBar().currentMessage() == BLANK_SELECTION
