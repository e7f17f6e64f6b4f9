"""A list copied from Word, its markers marked only by their ``mso-list:Ignore`` spans, or
saved as a filtered web page, imported with File > Import, shows in the pane as lists at
their levels with one marker each: Qt's numbers and bullets, not the page's "1." or "·"
written before the words."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextListFormat
from pytestqt.qtbot import QtBot
from test_gui_import_saved_pages import import_page
from test_import_word_list_marks import (
    FILTERED_LISTS_PAGE,
    FILTERED_LISTS_SHOW,
    MARKED_LISTS_PAGE,
    MARKED_LISTS_SHOW,
)
from visible_words import assert_words_in_order

from diptych.gui.main_window import MainWindow


def test_a_list_marked_by_ignored_spans_shows_as_lists_with_one_marker(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "Steps.htm"
    path.write_text(MARKED_LISTS_PAGE, encoding="cp1252")
    pane = import_page(qtbot, window, path, monkeypatch)
    document = pane.view.document()
    shown = pane.view.toPlainText()
    assert_words_in_order(MARKED_LISTS_SHOW, shown)
    assert not any(marker in shown for marker in ("1.", "2.", "·", "§"))

    def listed(words: str) -> tuple[QTextListFormat.Style, int] | None:
        found = document.findBlock(shown.index(words)).textList()
        return None if found is None else (found.format().style(), found.format().indent())

    def number(words: str) -> str:
        block = document.findBlock(shown.index(words))
        return block.textList().itemText(block)

    assert listed("Gather the figures") == (QTextListFormat.Style.ListDecimal, 1)
    assert listed("Check them") == (QTextListFormat.Style.ListDecimal, 1)
    assert (number("Gather the figures"), number("Check them")) == ("1.", "2.")
    assert listed("From the north") == listed("From the south")
    assert listed("From the north") == (QTextListFormat.Style.ListCircle, 2)
    assert listed("Then not a list") is None


def test_a_list_saved_as_a_filtered_word_page_shows_as_lists_with_one_marker(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "Filtered.htm"
    path.write_text(FILTERED_LISTS_PAGE, encoding="cp1252")
    pane = import_page(qtbot, window, path, monkeypatch)
    document = pane.view.document()
    shown = pane.view.toPlainText()
    assert_words_in_order(FILTERED_LISTS_SHOW, shown)
    assert not any(marker in shown for marker in ("1.", "2.", "·", "§"))

    def indent(words: str) -> int:
        found = document.findBlock(shown.index(words)).textList()
        return 0 if found is None else found.format().indent()

    assert [indent(w) for w in ("Item one", "Item one, a", "a, i", "Item two", "Count")] == [
        1,
        2,
        3,
        1,
        1,
    ]
    block = document.findBlock(shown.index("Weigh"))
    assert block.textList().itemText(block) == "2."
    assert indent("An indented paragraph") == 0
