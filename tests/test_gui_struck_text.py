"""Struck-out words show struck through in the pane, the words beside them not."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import select_text
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot
from test_gui_import_saved_pages import import_page

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow


def struck_at(pane: ArticlePane, words: str) -> list[bool]:
    """Whether each character of ``words`` in the pane is drawn struck through."""
    start, end = select_text(pane, words)
    found = []
    for offset in range(start, end):
        cursor = QTextCursor(pane.view.document())
        cursor.setPosition(pane.view.positions.to_rendered(offset) + 1)
        found.append(cursor.charFormat().fontStrikeOut())
    return found


def test_a_correction_shows_the_old_figure_struck_through(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "toll.md"
    path.write_text("# Toll\n\nThe toll was ~~12~~ 14 people, <del>said</del> police.\n")
    pane = import_page(qtbot, window, path, monkeypatch)
    assert struck_at(pane, "was 12 14") == [False] * 4 + [True] * 2 + [False] * 3
    assert struck_at(pane, "said") == [True] * 4
    assert not any(struck_at(pane, "police"))
