"""The bold in a search result falls on the match even when the title or the words before
it hold characters outside the Basic Multilingual Plane (an emoji, a mathematical letter),
which Qt counts as two positions and Python as one."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.search_results import result_document
from diptych.storage.search_snippets import snippet_of
from diptych.storage.search_words import terms_pattern


def bold_runs(document: QTextDocument) -> list[str]:
    """The texts drawn bold, run by run."""
    runs, current = [], ""
    cursor = QTextCursor(document)
    for position in range(document.characterCount() - 1):
        cursor.setPosition(position + 1)  # the format of the character before the cursor
        if cursor.charFormat().fontWeight() >= 700:
            current += document.characterAt(position)
        elif current:
            runs.append(current)
            current = ""
    return [*runs, current] if current else runs


def test_the_matches_after_an_emoji_are_the_bold_words(qtbot: QtBot, window: MainWindow) -> None:
    heading = "Passage · Trade 🚢 talks\n"
    shown, matches = snippet_of("😀 The 𝑥 trade volume 🚢 and trade talks", terms_pattern("trade"))
    option = QStyleOptionViewItem()
    option.font = window.search.results.font()
    at = len(heading)
    document = result_document(heading + shown, [(at + a, at + b) for a, b in matches], option)
    assert bold_runs(document) == ["trade", "trade"]
