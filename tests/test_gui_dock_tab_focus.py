"""A tab clicked in front of the panel the keyboard is in moves the keyboard out of it: the
panels behind a tab stay visible to Qt (they are only covered), so the words typed next
went on into a memo out of sight, saved there unseen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.memos import MemoKind


def click_tab(qtbot: QtBot, window: MainWindow, title: str) -> None:
    """Click the dock tab named ``title``, as the user does with the mouse."""
    for bar in window.findChildren(QTabBar):
        titles = [bar.tabText(i) for i in range(bar.count())]
        if bar.isVisible() and title in titles and "Memos" in titles:
            index = titles.index(title)
            qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
            assert bar.currentIndex() == index
            return
    raise AssertionError(f"no dock tab {title}")


def test_typing_after_clicking_the_search_tab_leaves_the_memo_alone(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.current
    assert pane is not None
    window.go_to_panel("memos")
    memo = window.memos.project_memo
    memo.setFocus()
    qtbot.waitUntil(memo.hasFocus)
    before = memo.toPlainText()
    memos_dock = window.docks["memos"]

    click_tab(qtbot, window, "Search")
    focus = QApplication.focusWidget()
    assert focus is not None
    assert not memos_dock.isAncestorOf(focus)
    assert focus is pane.view
    qtbot.keyClicks(focus, "tariffs")
    assert memo.toPlainText() == before
    window.memos.save()
    stored = window.session.project.memos.get(kind=MemoKind.PROJECT)
    assert (stored.text if stored is not None else "") == before


def test_the_tab_of_the_panel_the_keyboard_is_in_leaves_it_there(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.go_to_panel("memos")
    memo = window.memos.project_memo
    memo.setFocus()
    qtbot.waitUntil(memo.hasFocus)
    click_tab(qtbot, window, "Memos")  # already in front
    assert memo.hasFocus()
