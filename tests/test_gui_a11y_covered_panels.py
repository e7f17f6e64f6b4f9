"""The panels behind another's tab (Search and Memos, behind Passages as the window opens)
are out of the Tab key's way: Qt only moves a covered panel out of sight, so Tab went on
from the passages list through eight fields no one could see, and the letters typed there
changed the project memo and the article memo unseen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.model import MemoKind


def in_sight(window: MainWindow, widget: QWidget) -> bool:
    """True if ``widget`` is shown and, in a panel, that panel is not behind another's tab."""
    docks = [d for d in window.docks.values() if d.isAncestorOf(widget)]
    window_rect = window.rect()  # Qt moves a covered panel out of it
    return widget.isVisible() and all(
        d.isFloating() or window_rect.intersects(d.geometry()) for d in docks
    )


def test_tab_from_the_passages_filter_stops_only_where_it_can_be_seen(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    session = window.session
    article = window.area.current.article_id if window.area.current else None
    memos = {kind: session.memo_text(kind, target) for kind, target in
             ((MemoKind.PROJECT, None), (MemoKind.ARTICLE, article))}  # fmt: skip
    steps = session.undo_stack.count()
    start = window.passages.findChildren(QLineEdit)[0]
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)

    stops = []
    for _ in range(40):  # from the passages list on, round the window and back
        focus = QApplication.focusWidget()
        assert focus is not None
        stops.append(focus.accessibleName() or type(focus).__name__)
        assert in_sight(window, focus), stops
        if not window.passages.isAncestorOf(focus):  # its filter would empty the list
            qtbot.keyClicks(focus, "X")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)

    assert "Search results" not in stops and not any("memo" in s.lower() for s in stops)
    assert {kind: session.memo_text(kind, target) for kind, target in
            ((MemoKind.PROJECT, None), (MemoKind.ARTICLE, article))} == memos  # fmt: skip
    assert session.undo_stack.count() == steps


def test_the_memos_brought_in_front_take_the_keyboard_and_leave_it_when_covered(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.go_to_panel("memos")
    memo = window.memos.article_memo
    qtbot.waitUntil(memo.hasFocus)
    assert in_sight(window, memo)
    assert not window.passages.isVisible() and not window.search.isVisible()

    window.go_to_panel("passages")
    qtbot.waitUntil(window.passages.table.hasFocus)
    assert not window.memos.isVisible()
    qtbot.keyClick(window.passages.table, Qt.Key.Key_Tab)
    focus = QApplication.focusWidget()
    assert focus is not None and in_sight(window, focus)
