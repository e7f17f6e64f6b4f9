"""A highlight's tags reach a listener without the mouse: F8 selects the next passage and
the status bar says its tags, which a screen reader is told as an announcement (the
keyboard stays in the article, so the Passage panel's chips are not read on their own)."""

from __future__ import annotations

import pytest
from gui_support import keyboard_in
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


@pytest.fixture
def announced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What was announced to assistive technology."""
    said: list[str] = []
    update = QAccessible.updateAccessibility

    def record(event: QAccessibleEvent) -> None:
        if event.type() == QAccessible.Event.Announcement:
            said.append(event.message())  # type: ignore[attr-defined]
        update(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    return said


def test_f8_says_the_tags_of_the_passage_it_selects(
    qtbot: QtBot, window: MainWindow, announced: list[str]
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    cursor = pane.view.textCursor()
    cursor.setPosition(0)
    pane.view.setTextCursor(cursor)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: window.coding.selection.selected != 0)
    passage = window.session.passage(window.coding.selection.selected)
    book = window.session.codebook()
    names = [book.path(t) for t in passage.tag_ids]
    assert names
    said = window.statusBar().currentMessage()
    assert all(f"“{name}”" in said for name in names), said
    assert said in announced
