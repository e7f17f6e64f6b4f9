"""A memo found by a search is only shown by a click, the results staying in front to be
browsed on; Enter or a double-click goes into it, at its match."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.model import MemoKind

LEFT = Qt.MouseButton.LeftButton


def in_front(window: MainWindow, dock: str) -> bool:
    return not window.docks[dock].visibleRegion().isEmpty()


def search(qtbot: QtBot, window: MainWindow, query: str) -> None:
    window.actions_.search.trigger()
    qtbot.keyClicks(window.search.field, query)
    with qtbot.waitSignal(window.search.searched):
        qtbot.keyClick(window.search.field, Qt.Key.Key_Return)


def test_a_click_on_a_memo_found_leaves_the_results_in_front(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.set_memo(MemoKind.TAG, 3, "Missile tests and deterrence")
    search(qtbot, window, "deterrence")
    results = window.search.results
    assert results.count() == 1
    point = results.visualItemRect(results.item(0)).center()
    qtbot.mouseClick(results.viewport(), LEFT, pos=point)
    assert in_front(window, "search") and not in_front(window, "memos")
    assert window.memos.tag_memo.target_id == 3  # shown behind, its tag selected
    assert window.tags.selected_tag() == 3
    assert QApplication.focusWidget() is not window.memos.tag_memo

    qtbot.mouseDClick(results.viewport(), LEFT, pos=point)
    field = window.memos.tag_memo
    assert in_front(window, "memos")
    assert QApplication.focusWidget() is field
    assert field.textCursor().selectedText() == "deterrence"


def test_enter_on_a_memo_found_goes_to_its_match(qtbot: QtBot, window: MainWindow) -> None:
    text = "line\n" * 60 + "Ask the pilot about quokkas."
    window.session.set_memo(MemoKind.PROJECT, None, text)
    search(qtbot, window, "quokkas")
    panel = window.search
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    field = window.memos.project_memo
    assert in_front(window, "memos") and QApplication.focusWidget() is field
    cursor = field.textCursor()
    assert cursor.selectedText() == "quokkas"
    assert field.viewport().rect().contains(field.cursorRect(cursor).center())
