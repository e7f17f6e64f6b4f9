"""The article memo's heading, with the current pane empty, says that pane shows no
article, not that no article is open while other panes show some."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_an_empty_current_pane_is_named_as_such(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.memos
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.area.current.view.setFocus()
    qtbot.keyClick(
        window.area.current.view,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    empty = window.area.current
    assert empty.article_id is None
    assert [p.article_id is not None for p in window.area.panes()] == [True, True, False]
    assert panel.article_label.full_text() == "No article in the current pane"
    assert panel.article_memo.accessibleName() == "Article memo (no article in the current pane)"
    assert not panel.article_memo.isEnabled()
