"""Going to a passage or a match near the end of an article shows all of it: the lines of
context a jump leaves above it are only those the text can scroll by (they pushed a line
in the last screen's bottom quarter below the pane)."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import keyboard_in, open_window
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot
from test_gui_search_cjk import search_for
from test_gui_search_memos import activate_with_the_keyboard

from diptych.gui.article_pane import ArticlePane
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_cells import PASSAGE_ID_ROLE
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

END = "BIGEND marker"  # in the article's last line
MIDDLE = "MIDDLE marker"  # where a passage over three paragraphs starts
MIDDLE_END = "MIDDLE end"  # and ends
TITLE = "Paragraph 0: the ministry said trade talks would resume."
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def ends(qtbot: QtBot, context: AppContext, sample: Path) -> tuple[MainWindow, ArticlePane]:
    """The window on the sample project with an article of 120 paragraphs, whose middle and
    last lines hold a passage each, shown in the first pane, scrolled to its top."""
    project = Project.open(sample)
    lines = [f"Paragraph {n}: the ministry said trade talks would resume." for n in range(120)]
    lines[60] += f" {MIDDLE}."
    lines[62] += f" {MIDDLE_END}."
    lines.append(f"The last line, {END}.")
    parsed = parse_article("\n\n".join(lines).encode(), name="ends.txt")
    article = project.articles.add(parsed=parsed)
    text = project.articles.get(article_id=article.id).text
    tag = project.tags.all()[0].id
    for quote in (middle_quote(text), END):
        start = text.index(quote)
        project.annotations.add(
            article_id=article.id, start=start, end=start + len(quote), tag_ids=[tag]
        )
    window = open_window(qtbot, context, project)
    window.resize(1400, 900)
    pane = keyboard_in(qtbot, window, 0)
    pane.show_article(article.id)
    qtbot.waitUntil(lambda: not pane.is_loading)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CTRL)
    return window, pane


def middle_quote(text: str) -> str:
    """The words of the passage in the middle of the article."""
    return text[text.index(MIDDLE) : text.index(MIDDLE_END) + len(MIDDLE_END)]


def article_text(pane: ArticlePane) -> str:
    return pane.session.project.articles.get(article_id=pane.article_id or 0).text


def shown_rect(pane: ArticlePane, quote: str) -> tuple[QRect, QRect]:
    """Where the first and last characters of ``quote`` are in the pane's viewport."""
    start = article_text(pane).index(quote)
    rects = []
    for offset in (start, start + len(quote)):
        cursor = QTextCursor(pane.view.document())
        cursor.setPosition(pane.view.positions.to_rendered(offset))
        rects.append(pane.view.cursorRect(cursor))
    return rects[0], rects[1]


def assert_in_view(pane: ArticlePane, quote: str) -> None:
    viewport = pane.view.viewport().rect()
    first, last = shown_rect(pane, quote)
    assert viewport.contains(first) and viewport.contains(last), (first, last, viewport)


def passage_row(window: MainWindow, start: int) -> int:
    """The row of the Passages list of the passage starting at ``start``."""
    model = window.passages.table.model()
    for row in range(model.rowCount()):
        passage = window.session.passage(int(model.index(row, 0).data(PASSAGE_ID_ROLE)))
        if passage.start == start:
            return row
    raise AssertionError(start)


@pytest.mark.parametrize("where", ["end", "middle"])
def test_enter_in_the_passages_list_shows_the_whole_passage(
    qtbot: QtBot, ends: tuple[MainWindow, ArticlePane], where: str
) -> None:
    window, pane = ends
    quote = END if where == "end" else middle_quote(article_text(pane))
    table = window.passages.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    start = article_text(pane).index(quote)
    table.setCurrentIndex(table.model().index(passage_row(window, start), 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(pane.view.hasFocus)
    assert window.session.passage(pane.selected_passage).start == start
    assert_in_view(pane, quote)
    if where == "middle":  # where the text can scroll, lines of context above it
        first, _last = shown_rect(pane, quote)
        assert first.top() >= pane.view.viewport().height() // 5


def test_f8_to_the_last_passage_shows_it(
    qtbot: QtBot, ends: tuple[MainWindow, ArticlePane]
) -> None:
    window, pane = ends
    for _ in range(2):
        qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    assert window.session.passage(window.coding.selected).exact == END
    assert_in_view(pane, END)


def test_f8_to_a_passage_starting_on_the_last_line_in_view_shows_all_of_it(
    qtbot: QtBot, ends: tuple[MainWindow, ArticlePane]
) -> None:
    window, pane = ends
    quote = middle_quote(article_text(pane))
    first, _last = shown_rect(pane, quote)
    bar = pane.view.verticalScrollBar()
    bar.setValue(bar.value() + first.bottom() - pane.view.viewport().height() + 2)
    first, last = shown_rect(pane, quote)
    viewport = pane.view.viewport().rect()
    assert viewport.contains(first) and not viewport.contains(last)  # its start alone shows

    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    assert window.session.passage(window.coding.selected).start == article_text(pane).index(quote)
    assert_in_view(pane, quote)


def test_find_in_article_and_a_search_result_show_a_match_on_the_last_line(
    qtbot: QtBot, ends: tuple[MainWindow, ArticlePane]
) -> None:
    window, pane = ends
    qtbot.keyClick(pane.view, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(pane.find_bar.field.hasFocus)
    qtbot.keyClicks(pane.find_bar.field, "BIGEND")
    assert_in_view(pane, "BIGEND")

    pane.find_bar.close()
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CTRL)
    window.actions_.search.trigger()
    found = search_for(qtbot, window.search, "BIGEND")  # the article and the passage
    activate_with_the_keyboard(qtbot, window.search, found.index(f"Article · {TITLE} — 1 match"))
    qtbot.waitUntil(lambda: pane.view.textCursor().selectedText() == "BIGEND")
    assert_in_view(pane, "BIGEND")
