"""A passage chosen in the Passages list whose article is still being built when the
passage goes (deleted in another window, or its tagging undone here) selects nothing once
the article is in, and the status bar says why; nothing raises."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_window, select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_long_article import long_article

from diptych.gui.article_pane import ArticlePane
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_selection import PASSAGE_GONE
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


def _project(path: Path) -> tuple[int, int]:
    """A project with two short articles (those a new window shows) and a long one with a
    passage near its end: the long article's id, the passage's."""
    with Project.create(path) as project:
        for name in ("one.txt", "two.txt"):
            project.articles.add(parsed=parse_article(b"A short one.", name=name))
        article = project.articles.add(parsed=parse_article(long_article(2000), name="a.txt"))
        text = project.articles.get(article_id=article.id).text
        tag = project.tags.add(name="Trade")
        start = text.index("Paragraph 1900:")
        passage = project.annotations.add(
            article_id=article.id, start=start, end=start + 14, tag_ids=[tag.id]
        )
        return article.id, passage.id


def _choose_in_list(qtbot: QtBot, window: MainWindow, annotation_id: int) -> ArticlePane:
    """Enter on the passage's row of the Passages list: its article opens, still loading."""
    window.docks["passages"].show()
    table = window.passages.table
    assert window.passages.select_passage(annotation_id)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    pane = window.area.current
    assert pane is not None and pane.article_id == annotation_article(window, annotation_id)
    assert pane.is_loading
    return pane


def annotation_article(window: MainWindow, annotation_id: int) -> int:
    return window.session.passage(annotation_id).article_id


def test_a_passage_deleted_elsewhere_while_its_article_loads_is_not_selected(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "long.diptych"
    article_id, annotation_id = _project(path)
    window = open_window(qtbot, context, Project.open(path))
    pane = _choose_in_list(qtbot, window, annotation_id)
    with Project.open(path) as other:
        other.annotations.delete(annotation_id=annotation_id)
    window.session.on_watch_timeout()  # this window notices, the article still loading
    assert pane.is_loading

    qtbot.waitUntil(lambda: not pane.is_loading, timeout=20_000)
    assert pane.article_id == article_id
    assert window.coding.selected == 0
    assert window.editor.current_passage() is None
    assert pane.selected_passage == 0
    assert window.statusBar().currentMessage() == PASSAGE_GONE


def test_a_passage_whose_tagging_is_undone_while_its_article_loads_is_not_selected(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "long.diptych"
    article_id, first = _project(path)
    window = open_window(qtbot, context, Project.open(path))
    pane = window.area.open_article(article_id, new_pane=True)
    assert pane is not None
    qtbot.waitUntil(lambda: not pane.is_loading, timeout=20_000)
    text = window.session.project.articles.get(article_id=article_id).text
    start = text.index("Paragraph 1950:")
    select_text(pane, text[start : start + 14])
    assert window.coding.apply_tag_by_key(1)
    tagged = window.coding.selected
    assert tagged not in (0, first)
    window.area.close_pane(pane)
    window.session.project.forget_cached()  # read again: built in steps

    pane = _choose_in_list(qtbot, window, tagged)
    window.actions_.undo.trigger()  # takes the tagging back, the article still loading
    assert pane.is_loading

    qtbot.waitUntil(lambda: not pane.is_loading, timeout=20_000)
    assert window.coding.selected == 0
    assert window.editor.current_passage() is None
    assert window.statusBar().currentMessage() == PASSAGE_GONE
