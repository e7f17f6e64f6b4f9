"""Opening an article found by search selects the word the search found: a whole word, a
word typed without its accents, a word after a column filter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.search_panel import HIT_ROLE, SearchPanel
from diptych.gui.search_results import MATCHES_ROLE
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

TEXT = (
    "Lunch talks\n\nThe talks were revisited over lunch. Then the café in Zürich hosted the visit."
)


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, sample: Path) -> MainWindow:
    from gui_support import open_window

    project = Project.open(sample)
    project.articles.add(parsed=parse_article(TEXT.encode(), name="lunch.txt"))
    return open_window(qtbot, context, project)


def open_article_found(qtbot: QtBot, window: MainWindow, query: str) -> str:
    """Search for ``query``, open the article "Lunch talks" and return what is selected,
    with the words before it."""
    panel: SearchPanel = window.search
    panel.focus()
    qtbot.keyClicks(panel.field, query)
    with qtbot.waitSignal(panel.searched):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    row = next(
        i
        for i in range(panel.results.count())
        if panel.results.item(i).data(HIT_ROLE).title == "Lunch talks"
    )
    panel.results.setCurrentRow(row)
    panel.results.setFocus()
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    pane = window.area.current
    assert pane is not None
    qtbot.waitUntil(lambda: pane.view.textCursor().hasSelection())
    cursor = pane.view.textCursor()
    before = pane.view.toPlainText()[: cursor.selectionStart()].split()[-2:]
    return " ".join([*before, f"[{cursor.selectedText()}]"])


def test_an_article_opens_on_the_whole_word_not_inside_a_longer_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert open_article_found(qtbot, window, "visit") == "hosted the [visit]"


def test_a_word_typed_without_accents_opens_on_the_word_with_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert open_article_found(qtbot, window, "zurich") == "café in [Zürich]"
    item = window.search.results.currentItem()
    start, end = item.data(MATCHES_ROLE)[0]
    assert item.text()[start:end] == "Zürich"  # shown in bold in the result too


def test_a_column_filter_opens_on_the_word_after_it(qtbot: QtBot, window: MainWindow) -> None:
    assert open_article_found(qtbot, window, "title:lunch").endswith("[Lunch]")
