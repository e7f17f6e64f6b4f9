"""Markdown notes with emphasis across line ends, entities and link text holding brackets,
imported with File > Import, show in the pane as written: every word, the emphasis slanted
and bold across the line end, the entities as their characters."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QTextCursor
from pytestqt.qtbot import QtBot
from test_gui_import_saved_pages import import_page, weight_of
from test_import_markdown_more import NOTES

from diptych.gui.main_window import MainWindow


def test_emphasis_across_line_ends_and_entities_show_as_written(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "glossary.md"
    path.write_text(NOTES, encoding="utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)
    shown = pane.view.toPlainText()
    assert "A tax on imports, paid at the border by the importer." in shown
    assert "A B &nbsp; C \u2014 D \u2014 E \u00a9 F." in shown  # Qt shows no-break spaces as spaces
    assert "See the [annexed] table and a [b] c." in shown
    assert weight_of(pane, "the importer") == QFont.Weight.Bold
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(shown.index("the border") + 1)
    assert cursor.charFormat().fontItalic()
