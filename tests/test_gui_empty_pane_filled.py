"""An empty pane (as New pane leaves it) is filled, as its hint says ("double-click one in
the Library, or drag it here"): an article dropped on it opens in it (several: the first in
it, the others beside it), and an article opened from the Library with Enter or a
double-click opens in it while it is the current pane, rather than in a further pane or
the first empty one. An article open elsewhere is still gone to in its pane.

Drags are delivered as in tests/test_gui_drop_beside_pane.py (the offscreen platform ends
every QDrag at once)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_gui_drop_beside_pane import at, band, drag_over, dragged, drop, loaded

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.sample import create_sample_project


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The sample project with two more articles (ids 3 and 4), open in no pane."""
    path = tmp_path / "fill.diptych"
    with create_sample_project(path) as project:
        project.articles.add_many(
            parsed=[
                parse_article(b"# Field notes\n\nA meeting in Seoul.\n", name="notes.md"),
                parse_article(b"# Trade memo\n\nTariffs rise in May.\n", name="memo.md"),
            ]
        )
    return path


def new_pane(window: MainWindow) -> ArticlePane:
    window.resize(1900, 900)  # room for three panes on the small offscreen screen
    window.actions_.new_pane.trigger()
    pane = window.area.panes()[-1]
    assert pane.article_id is None and window.area.current is pane
    return pane


def activate_in_library(qtbot: QtBot, window: MainWindow, article_id: int) -> None:
    """Enter on the article's row in the Library."""
    library = window.library
    library.select_article(article_id)
    library.view.setFocus()
    qtbot.keyClick(library.view, Qt.Key.Key_Return)


def test_an_article_dropped_on_an_empty_pane_opens_in_it(qtbot: QtBot, window: MainWindow) -> None:
    empty = new_pane(window)
    data = dragged(window, [3])
    drag_over(window, data, at(window, empty, 0.2))
    assert band(window).isVisible()  # over all of the pane, not a side of it
    assert band(window).mapTo(window, QPoint(0, 0)) == empty.mapTo(window, QPoint(0, 0))
    assert band(window).width() == empty.width()

    drop(window, data, at(window, empty, 0.2))

    loaded(qtbot, window)
    assert [p.article_id for p in window.area.panes()] == [1, 2, 3]
    assert window.area.current is empty
    qtbot.waitUntil(lambda: QApplication.focusWidget() is empty.view)


def test_several_dropped_on_an_empty_pane_fill_it_and_open_beside_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.area.close_pane(window.area.panes()[1])
    empty = new_pane(window)

    drop(window, dragged(window, [3, 4]), at(window, empty, 0.2))

    loaded(qtbot, window)
    assert [p.article_id for p in window.area.panes()] == [1, 3, 4]


def test_an_empty_pane_is_filled_even_with_no_room_for_another(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = new_pane(window)
    monkeypatch.setattr("diptych.gui.pane_area.MAX_PANES", 3)
    data = dragged(window, [4])
    drag_over(window, data, at(window, empty, 0.8))
    assert band(window).isVisible()

    drop(window, data, at(window, empty, 0.8))

    loaded(qtbot, window)
    assert [p.article_id for p in window.area.panes()] == [1, 2, 4]


def test_enter_in_the_library_fills_the_current_empty_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    first_empty = new_pane(window)
    second_empty = new_pane(window)
    window.area.set_current(second_empty)

    activate_in_library(qtbot, window, 3)

    loaded(qtbot, window)
    assert [p.article_id for p in window.area.panes()] == [1, 2, None, 3]
    assert window.area.current is second_empty
    assert first_empty.article_id is None


def test_an_article_open_elsewhere_is_gone_to_and_the_empty_pane_waits_for_another(
    qtbot: QtBot, window: MainWindow
) -> None:
    empty = new_pane(window)
    said: list[str] = []
    window.context.messages.posted.connect(lambda _level, _title, text: said.append(text))

    activate_in_library(qtbot, window, 1)

    assert window.area.current is window.area.panes()[0]
    assert said and "Open beside" in said[-1]
    activate_in_library(qtbot, window, 4)  # one open nowhere fills the empty pane
    loaded(qtbot, window)
    assert empty.article_id == 4


def test_several_opened_beside_from_the_library_fill_the_current_empty_pane_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.area.close_pane(window.area.panes()[1])
    empty = new_pane(window)
    library = window.library
    for number, article in enumerate((3, 4)):
        index = next(
            library.proxy.index(row, 0)
            for row in range(library.proxy.rowCount())
            if library.article_at(library.proxy.index(row, 0)) == article
        )
        point = library.view.visualRect(index).center()
        modifier = Qt.KeyboardModifier.ControlModifier if number else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(library.view.viewport(), Qt.MouseButton.LeftButton, modifier, point)
    assert library.selected_articles() == [3, 4]

    qtbot.keyClick(library.view, Qt.Key.Key_Return)  # each beside: one pane cannot show both

    loaded(qtbot, window)
    assert [p.article_id for p in window.area.panes()] == [1, 3, 4]
    assert window.area.panes()[1] is empty
