"""The Passages table of a project without passages has no sideways scroll bar (only its
column headings would scroll), and its filter lists are named for a screen reader."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_window
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project


def test_a_new_project_shows_no_sideways_scroll_bar_under_its_empty_passages_table(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = open_window(qtbot, context, Project.create(tmp_path / "new.diptych"))
    table = window.passages.table
    qtbot.waitUntil(lambda: table.isVisible())
    assert table.model().rowCount() == 0
    assert not table.horizontalScrollBar().isVisible()


def test_passages_bring_the_scroll_bar_to_the_columns_beyond(
    qtbot: QtBot, window: MainWindow
) -> None:
    table = window.passages.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: table.model().rowCount() == 6)
    assert header.length() > table.viewport().width()  # the note, coder... lie beyond
    assert table.horizontalScrollBar().isVisible()
    qtbot.keyClicks(window.passages.filters.search, "no passage says this")
    assert table.model().rowCount() == 0
    assert not table.horizontalScrollBar().isVisible()
    window.passages.filters.search.clear()
    assert table.horizontalScrollBar().isVisible()


def test_the_filter_lists_are_named_for_a_screen_reader(qtbot: QtBot, window: MainWindow) -> None:
    filters = window.passages.filters
    combos = (filters.tag_combo, filters.article_combo, filters.coder_combo)
    assert [c.currentText() for c in combos] == ["All tags", "All articles", "All coders"]
    names = ["Filter by tag", "Filter by article", "Filter by coder"]
    assert [c.accessibleName() for c in combos] == names
    # On Linux a combo box's name is its current entry; its label comes through this relation.
    assert [labels(c) for c in combos] == [[name] for name in names]
    assert not any(c.label.isVisibleTo(window) for c in combos)  # nothing new on the screen


def labels(widget: QWidget) -> list[str]:
    """The labels a screen reader reads with ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return [
        other.text(QAccessible.Text.Name)
        for other, _ in interface.relations(QAccessible.RelationFlag.Label)
    ]
