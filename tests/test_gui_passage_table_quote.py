"""A passage over a table's row shows in the Passage panel with its cells parted by a bar,
where the tabs between them were drawn as nothing ("2024 avgStrike week")."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_import_saved_pages import import_page

from diptych.gui.main_window import MainWindow

TABLE = """# Port traffic

| Sector | 2024 avg | Strike week |
|---|---|---|
| Containers | 410 | 95 |
"""


def test_the_cells_of_a_row_read_apart_in_the_passage_panel(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "traffic.md"
    path.write_text(TABLE, encoding="utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    row = text[text.index("Sector") : text.index("Strike week") + len("Strike week")]
    assert row == "Sector\t2024 avg\tStrike week"
    window.activateWindow()
    select_text(pane, "Sector")  # the caret before the row, then Shift+Right along it
    cursor = pane.view.textCursor()
    cursor.setPosition(cursor.selectionStart())
    pane.view.setTextCursor(cursor)
    for _ in row:
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.current_passage() is not None)
    assert window.session.passage(editor.current_passage() or 0).exact == row
    assert editor.quote.full_text() == "Sector | 2024 avg | Strike week"
