"""A click on a memo found by the search, with the Memos panel behind the search results,
says where the memo is shown and how to go into it, where the click changed nothing to be
seen; the results stay in front to be browsed on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_search_memos import search_for

from diptych.gui.main_window import MainWindow


def test_a_memo_clicked_behind_the_results_is_said(qtbot: QtBot, window: MainWindow) -> None:
    window.actions_.search.trigger()
    panel = window.search
    headings = search_for(qtbot, panel, "welcome")
    row = headings.index("Project memo")
    assert window.docks["memos"].visibleRegion().isEmpty()  # a tab behind the search
    item = panel.results.item(row)
    where = panel.results.visualItemRect(item).center()
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.statusBar().currentMessage() == (
        "The project memo found is in the Memos panel: Enter or a double-click goes into it."
    )
    assert not window.docks["search"].visibleRegion().isEmpty()  # the results stay in front

    window.docks["memos"].raise_()  # in sight: nothing to say
    window.docks["memos"].setFloating(True)
    qtbot.waitUntil(window.memos.project_memo.isVisible)  # its contents fill it
    window.statusBar().clearMessage()
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.statusBar().currentMessage() == ""
