"""Numbered lists of a web page, imported with File > Import, show in the pane numbered
from where the page starts them (``<ol start>``, or its first item's ``value``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from test_gui_import_saved_pages import import_page

from diptych.gui.main_window import MainWindow


def test_numbered_lists_show_from_the_number_the_page_starts_them_at(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "steps.html"
    path.write_text(
        '<h1>Steps</h1><ol start="5"><li>Fifth</li><li>Sixth</li></ol><p>Then:</p>'
        '<ol><li value="10">Tenth</li><li>Eleventh</li></ol>',
        encoding="utf-8",
    )
    pane = import_page(qtbot, window, path, monkeypatch)
    document = pane.view.document()
    shown = pane.view.toPlainText()

    def marker(words: str) -> str:
        block = document.findBlock(shown.index(words))
        return block.textList().itemText(block)

    assert [marker(words) for words in ("Fifth", "Sixth", "Tenth", "Eleventh")] == [
        "5.",
        "6.",
        "10.",
        "11.",
    ]
