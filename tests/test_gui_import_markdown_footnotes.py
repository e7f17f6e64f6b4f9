"""A Markdown article with footnotes and a little raw HTML, imported with File > Import,
shows each reference as its note's number raised ("rose¹"), the notes at the end under a
"Notes" heading as a numbered list, and the HTML's bold words bold, without its tags or
its script; the Search panel finds the word before a raised number."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QTextCursor
from pytestqt.qtbot import QtBot
from test_gui_import_saved_pages import import_page, weight_of
from test_gui_search_cjk import search_for

from diptych.gui.main_window import MainWindow

ARTICLE = """# Tariffs

Tariffs rose[^early] and fell[^late], as <b>inline html</b> says.<script>alert(1)</script>

[^late]: After the war.
[^early]: In 1930.
"""


def test_references_show_raised_and_the_notes_under_their_heading(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tariffs.md"
    path.write_text(ARTICLE, encoding="utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)
    shown = pane.view.toPlainText()
    assert shown.splitlines() == [
        "Tariffs",
        "Tariffs rose¹ and fell², as inline html says.",
        "Notes",
        "In 1930.",
        "After the war.",
    ]
    assert weight_of(pane, "inline html") == QFont.Weight.Bold
    document = pane.view.document()
    heading = document.findBlock(shown.index("Notes"))
    assert heading.blockFormat().headingLevel() == 2

    def marker(words: str) -> str:
        block = document.findBlock(shown.index(words))
        assert block.textList() is not None, words
        return block.textList().itemText(block)

    assert [marker("In 1930."), marker("After the war.")] == ["1.", "2."]
    cursor = QTextCursor(document)
    cursor.setPosition(shown.index("¹") + 1)
    assert not cursor.charFormat().isAnchor()  # a number to read, not a link to follow

    window.actions_.search.trigger()
    assert search_for(qtbot, window.search, "rose") == ["Article · Tariffs — 1 match"]
    assert search_for(qtbot, window.search, "alert") == []
