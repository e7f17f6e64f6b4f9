"""With one article open in two panes side by side, F8, Ctrl+F8 and a passage chosen in
the Passages list move only the pane in use: the other keeps its reading place."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import keyboard_in, open_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_long_article import long_article

from diptych.gui.article_pane import ArticlePane
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


@pytest.fixture
def twice(qtbot: QtBot, context: AppContext, tmp_path: Path) -> MainWindow:
    """A window with one article (passages near its top and near its end, all tagged the
    same) open in two panes, both at the top."""
    path = tmp_path / "twice.diptych"
    with Project.create(path) as project:
        article = project.articles.add(parsed=parse_article(long_article(200), name="a.txt"))
        text = project.articles.get(article_id=article.id).text
        tag = project.tags.add(name="Trade")
        for paragraph in (1, 190):
            start = text.index(f"Paragraph {paragraph}:")
            project.annotations.add(
                article_id=article.id, start=start, end=start + 12, tag_ids=[tag.id]
            )
    window = open_window(qtbot, context, Project.open(path))
    window.area.open_article(article.id)
    window.area.open_article(article.id, new_pane=True)
    panes = window.area.panes()
    assert len(panes) == 2
    qtbot.waitUntil(lambda: all(not p.is_loading for p in panes), timeout=10_000)
    for pane in panes:
        pane.read_on(0, 0)
    return window


def _passages(window: MainWindow) -> list[int]:
    return [p.id for p in sorted(window.session.project.annotations.query(), key=lambda p: p.start)]


def _in_view(pane: ArticlePane, annotation_id: int) -> bool:
    return (
        not pane.is_loading
        and pane.selected_passage == annotation_id
        and (pane.reading_place() > 0)
    )


@pytest.mark.parametrize("ctrl", [False, True], ids=["F8", "Ctrl+F8"])
def test_the_keys_step_only_in_the_pane_in_use(qtbot: QtBot, twice: MainWindow, ctrl: bool) -> None:
    window = twice
    near_top, near_end = _passages(window)
    left, right = window.area.panes()
    pane = keyboard_in(qtbot, window, 0)
    assert pane is left
    qtbot.keyClick(left.view, Qt.Key.Key_F8)  # the first passage, in view at the top
    assert window.coding.selected == near_top
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(left.view, Qt.Key.Key_F8, modifier)

    assert window.coding.selected == near_end
    assert left.reading_place() > 0  # brought into view where the keys were pressed
    assert right.reading_place() == 0  # the other pane stays where it was read
    assert right.selected_passage == near_end  # outlined there too, out of view


def test_a_passage_chosen_in_the_list_is_shown_in_the_current_pane_only(
    qtbot: QtBot, twice: MainWindow
) -> None:
    window = twice
    _near_top, near_end = _passages(window)
    left, right = window.area.panes()
    keyboard_in(qtbot, window, 1)
    window.docks["passages"].show()
    table = window.passages.table
    assert window.passages.select_passage(near_end)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: window.coding.selected == near_end)
    assert window.area.current is right
    assert right.reading_place() > 0
    assert left.reading_place() == 0
