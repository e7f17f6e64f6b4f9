"""The Passages panel says when its filters leave no passage."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from diptych.gui.annotations_panel import NO_MATCH
from diptych.gui.main_window import MainWindow


def test_filters_that_leave_no_passage_say_so_and_the_note_goes_with_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.passages
    assert not panel.no_match.isVisibleTo(panel)
    qtbot.keyClicks(panel.search, "no such words anywhere")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert panel.no_match.isVisibleTo(panel) and panel.no_match.text() == NO_MATCH
    spoken = QAccessible.queryAccessibleInterface(panel.table)
    assert spoken is not None and spoken.text(QAccessible.Text.Description) == NO_MATCH

    panel.search.clear()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    assert not panel.no_match.isVisibleTo(panel)
    assert panel.table.accessibleDescription() == ""


def test_an_empty_orphans_tab_with_no_filter_needs_no_note(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.passages
    panel.tabs.setCurrentIndex(1)  # Orphans (0)
    assert panel.model.rowCount() == 0
    assert not panel.no_match.isVisibleTo(panel)
