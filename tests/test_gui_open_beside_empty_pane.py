"""Open beside with the current pane empty (just added with New pane) shows the article in
that pane, where it added another pane beside it and left the new one empty."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_open_beside_fills_the_empty_current_pane(qtbot: QtBot, window: MainWindow) -> None:
    window.actions_.new_pane.trigger()
    empty = window.area.current
    assert empty is not None and empty.article_id is None
    count = len(window.area.panes())
    article_id = window.area.panes()[0].article_id
    window.library.select_article(article_id)
    button = next(b for b in window.library.findChildren(QPushButton) if b.text() == "Open beside")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: empty.article_id == article_id)
    assert len(window.area.panes()) == count
    assert window.area.current is empty
