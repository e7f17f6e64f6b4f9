"""An article opened again goes back to where its reader left it, as a book opens at its
bookmark: its pane closed scrolled far down (or another article opened in that pane), the
article opened again from the Library shows that place, also after Diptych was closed and
started again. A jump to a passage or a search result in it still goes to that."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_window
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project

CONCLUSION = 7785  # far down the first sample article
NOTES = 3  # an article added to the sample, open in no pane


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The sample project with a third article, open in no pane."""
    path = tmp_path / "places.diptych"
    with create_sample_project(path) as project:
        notes = parse_article(b"# Field notes\n\nA meeting in Seoul.\n", name="notes.md")
        assert project.articles.add(parsed=notes).id == NOTES
    return path


def top(pane: ArticlePane) -> int:
    return pane.view.offset_at(QPoint(4, 4))


def read_far_down(qtbot: QtBot, pane: ArticlePane) -> None:
    pane.go_to_offset(CONCLUSION)
    qtbot.waitUntil(lambda: pane.reading_place() > CONCLUSION - 400)


def open_from_library(qtbot: QtBot, window: MainWindow, article_id: int) -> ArticlePane:
    """Enter on the article's row in the Library; the pane it is shown in, loaded."""
    window.library.select_article(article_id)
    window.library.view.setFocus()
    qtbot.keyClick(window.library.view, Qt.Key.Key_Return)
    pane = window.area.pane_for(article_id)
    assert pane is not None
    qtbot.waitUntil(lambda: not pane.is_loading)
    return pane


def back_at_the_conclusion(qtbot: QtBot, pane: ArticlePane) -> None:
    qtbot.waitUntil(lambda: pane.view.verticalScrollBar().value() > 0)
    qtbot.waitUntil(lambda: abs(top(pane) - CONCLUSION) < 400)


def test_an_article_whose_pane_closed_opens_again_where_it_was_left(
    qtbot: QtBot, window: MainWindow
) -> None:
    left, _right = window.area.panes()
    article = left.article_id
    assert article is not None
    read_far_down(qtbot, left)
    window.area.close_pane(left)
    assert window.area.pane_for(article) is None

    again = open_from_library(qtbot, window, article)

    back_at_the_conclusion(qtbot, again)


def test_an_article_replaced_in_its_pane_opens_again_where_it_was_left(
    qtbot: QtBot, window: MainWindow
) -> None:
    left, _right = window.area.panes()
    first = left.article_id
    assert first is not None
    read_far_down(qtbot, left)
    window.area.set_current(left)

    open_from_library(qtbot, window, NOTES)  # in the current pane, in place of the first
    assert left.article_id == NOTES
    open_from_library(qtbot, window, first)

    assert left.article_id == first
    back_at_the_conclusion(qtbot, left)


def test_the_place_outlasts_diptych(
    qtbot: QtBot, window: MainWindow, context: AppContext, sample: Path
) -> None:
    left = window.area.panes()[0]
    article = left.article_id
    assert article is not None
    read_far_down(qtbot, left)
    window.area.close_pane(left)
    window.close()

    restarted = open_window(qtbot, context, Project.open(sample))
    assert restarted.area.pane_for(article) is None  # closed it stays

    back_at_the_conclusion(qtbot, open_from_library(qtbot, restarted, article))


def test_a_passage_gone_to_in_an_article_left_far_down_is_shown_instead(
    qtbot: QtBot, window: MainWindow
) -> None:
    left, _right = window.area.panes()
    article = left.article_id
    assert article is not None
    read_far_down(qtbot, left)
    window.area.close_pane(left)
    first = min(window.session.project.annotations.query(article_id=article), key=lambda p: p.start)
    assert first.start < CONCLUSION - 2000

    window.coding.selection.reveal_passage(first.id, article)  # as the Passages list does

    pane = window.area.pane_for(article)
    assert pane is not None
    qtbot.waitUntil(lambda: not pane.is_loading)
    qtbot.waitUntil(lambda: pane.reading_place() <= first.start)
    assert pane.reading_place() < CONCLUSION - 2000
