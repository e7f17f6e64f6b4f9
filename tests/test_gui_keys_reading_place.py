"""Panes reopened at the reader's place have the caret there: the keys go on from the text
in view, not from the top of the article, which F8 and the arrows scrolled back to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.pane_layout import pane_layout, restore_pane_layout


def test_the_keys_go_on_from_the_reading_place_of_a_reopened_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(900, 420)  # short enough for the first article to scroll
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    left, right = window.area.panes()
    assert left.view.index is not None
    marks = left.view.index.marks()
    left.scroll_to_offset(marks[1].start + 5)  # past the first passage
    qtbot.waitUntil(lambda: left.reading_place() > marks[0].end)
    place = left.reading_place()
    window.area.set_current(right)
    state = pane_layout(window.area)

    restore_pane_layout(window.area, state, {a.id for a in window.session.articles()})
    reopened = window.area.panes()[0]
    qtbot.waitUntil(lambda: reopened.reading_place() == place)
    assert window.area.current is window.area.panes()[1]  # still the pane that was current
    caret = reopened.view.positions.to_display(reopened.view.textCursor().position())
    assert caret == place

    window.area.set_current(reopened)
    reopened.view.setFocus()
    window.coding.select_passage(0)
    qtbot.keyClick(reopened.view, Qt.Key.Key_F8)
    after = [m.annotation_id for m in marks if m.start >= place]
    assert window.coding.selected == after[0]
