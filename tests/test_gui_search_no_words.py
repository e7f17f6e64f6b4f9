"""A search that cannot find anything says why: no word in it, or words only left out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def status_after(qtbot: QtBot, window: MainWindow, query: str) -> str:
    panel = window.search
    panel.focus()
    panel.field.setText(query)  # as typed (keyClicks cannot type ’)
    with qtbot.waitSignal(panel.searched):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert panel.results.count() == 0
    assert panel.results.accessibleDescription() == panel.status.text()
    return panel.status.text()


@pytest.mark.parametrize("query", ["*", "-", '"', "...", "’"])
def test_a_search_without_a_word_says_it_has_none(
    qtbot: QtBot, window: MainWindow, query: str
) -> None:
    assert status_after(qtbot, window, query) == (
        "No matches: search looks for words, and there is none in this search"
    )


def test_a_search_of_left_out_words_alone_says_to_add_one(qtbot: QtBot, window: MainWindow) -> None:
    assert status_after(qtbot, window, "-korea -alliance") == (
        "No matches: -word only leaves out what has it; add a word to look for"
    )


def test_a_word_not_found_is_no_match(qtbot: QtBot, window: MainWindow) -> None:
    assert status_after(qtbot, window, "zzzunknown -korea") == "No matches"
