"""An inline quote shows in the pane with its quotation marks, and a passage tagged over
it quotes them, as the page shows them."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_import_saved_pages import import_page

from diptych.gui.main_window import MainWindow


def test_an_inline_quote_shows_and_is_tagged_with_its_quotation_marks(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "toll.html"
    path.write_text("<h1>Toll</h1><p>Police said <q>fourteen died</q> on Monday.</p>")
    pane = import_page(qtbot, window, path, monkeypatch)
    assert "Police said “fourteen died” on Monday." in pane.view.toPlainText()
    window.activateWindow()
    select_text(pane, "“fourteen died”")
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.current_passage() is not None)
    assert window.session.passage(editor.current_passage() or 0).exact == "“fourteen died”"
