"""Several articles dragged together from the Library and dropped on the window.

The offscreen platform ends every QDrag at once, so the drop is delivered as in
tests/test_gui_library.py: the Library's own MIME data for the selected rows, given to the
window's real ``dragEnterEvent``/``dropEvent`` at a point over the target.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from pytestqt.qtbot import QtBot

from diptych.gui.article_model import ARTICLE_ID_ROLE, ARTICLE_MIME
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.sample import create_sample_project

LEFT = Qt.MouseButton.LeftButton
NONE, CTRL = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The sample project with four more articles (ids 3 to 6), open in no pane."""
    path = tmp_path / "drop.diptych"
    with create_sample_project(path) as project:
        project.articles.add_many(
            parsed=[
                parse_article(b"# Field notes\n\nA meeting in Seoul.\n", name="notes.md"),
                parse_article(b"# Trade memo\n\nTariffs rise in May.\n", name="memo.md"),
                # Two outlets' copies of one wire story (ids 5 and 6): alike but for the file.
                parse_article(b"# Harbour reopens\n\nShips sail.\n", name="wire.md"),
                parse_article(b"# Harbour reopens\n\nShips sail again.\n", name="outlet.md"),
            ]
        )
    return path


def drop_articles(window: MainWindow, article_ids: list[int], target: QPoint) -> None:
    """Drop the Library rows of ``article_ids``, selected together, at ``target``."""
    library = window.library
    proxy = library.proxy
    rows = [
        proxy.index(row, 0)
        for article_id in article_ids
        for row in range(proxy.rowCount())
        if proxy.index(row, 0).data(ARTICLE_ID_ROLE) == article_id
    ]
    data = proxy.mimeData(rows)
    assert bytes(data.data(ARTICLE_MIME).data()).decode().split(",") == [
        str(i) for i in article_ids
    ]
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(target, Qt.DropAction.CopyAction, data, buttons, modifiers)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(
        QDropEvent(QPointF(target), Qt.DropAction.CopyAction, data, buttons, modifiers)
    )


def test_several_articles_dropped_on_a_pane_open_beside_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    area = window.area
    assert [p.article_id for p in area.panes()] == [1, 2]
    right = area.panes()[1]
    drop_articles(window, [3, 4], right.mapTo(window, right.rect().center()))
    qtbot.waitUntil(lambda: all(not p.is_loading for p in area.panes()), timeout=10_000)
    # Dropped on its right half: each opens in a pane of its own, right of it, in order.
    assert [p.article_id for p in area.panes()] == [1, 2, 3, 4]
    assert area.panes()[1] is right


def test_several_articles_dropped_off_the_panes_each_open_in_a_new_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    area = window.area
    elsewhere = window.library.mapTo(window, window.library.rect().center())
    drop_articles(window, [3, 4], elsewhere)
    qtbot.waitUntil(lambda: all(not p.is_loading for p in area.panes()), timeout=10_000)
    assert [p.article_id for p in area.panes()] == [1, 2, 3, 4]


def test_a_drop_beyond_the_pane_limit_says_which_were_left_out(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("diptych.gui.pane_area.MAX_PANES", 2)
    said: list[str] = []
    monkeypatch.setattr(window.session.messages, "info", lambda text, *a: said.append(text))
    left = window.area.panes()[0]
    drop_articles(window, [3, 4], left.mapTo(window, left.rect().center()))
    assert [p.article_id for p in window.area.panes()] == [1, 2]  # none replaced
    assert said == [
        "Not opened: “Field notes”, “Trade memo”. At most 2 panes can be open side by side. "
        "Or double-click an article in the Library to show it in the current pane."
    ]


def test_a_drop_with_room_for_some_says_which_were_left_out(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("diptych.gui.pane_area.MAX_PANES", 3)
    said: list[str] = []
    monkeypatch.setattr(window.session.messages, "info", lambda text, *a: said.append(text))
    left = window.area.panes()[0]
    drop_articles(window, [3, 4], left.mapTo(window, left.rect().center()))
    assert [p.article_id for p in window.area.panes()] == [1, 3, 2]
    assert len(said) == 1
    assert "Opened 1 of the 2 articles" in said[0]
    assert "“Trade memo”" in said[0]


def test_a_drop_and_the_librarys_open_beside_say_the_same_of_those_left_out(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("diptych.gui.pane_area.MAX_PANES", 2)
    said: list[str] = []
    monkeypatch.setattr(window.session.messages, "info", lambda text, *a: said.append(text))
    left = window.area.panes()[0]
    drop_articles(window, [3, 4], left.mapTo(window, left.rect().center()))
    view = window.library.view
    for title, modifier in [("Field notes", NONE), ("Trade memo", CTRL)]:
        row = next(
            window.library.proxy.index(r, 0)
            for r in range(window.library.proxy.rowCount())
            if window.library.proxy.index(r, 0).data() == title
        )
        view.scrollTo(row)
        qtbot.waitUntil(lambda row=row: view.visualRect(row).isValid())
        qtbot.mouseClick(view.viewport(), LEFT, modifier, view.visualRect(row).center())
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert [p.article_id for p in window.area.panes()] == [1, 2]
    assert len(said) == 2 and said[0] == said[1]


def test_a_drop_with_room_for_some_says_why_the_rest_found_none(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("diptych.gui.pane_area.MAX_PANES", 3)
    said: list[str] = []
    monkeypatch.setattr(window.session.messages, "info", lambda text, *a: said.append(text))
    right = window.area.panes()[1]
    drop_articles(window, [3, 4], right.mapTo(window, right.rect().center()))
    assert [p.article_id for p in window.area.panes()] == [1, 2, 3]
    assert said == [
        "Opened 1 of the 2 articles: At most 3 panes can be open side by side. "
        "Not opened: “Trade memo”."
    ]


def test_an_article_left_out_is_told_from_its_twin_by_its_file(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("diptych.gui.pane_area.MAX_PANES", 3)
    said: list[str] = []
    monkeypatch.setattr(window.session.messages, "info", lambda text, *a: said.append(text))
    right = window.area.panes()[1]
    drop_articles(window, [5, 6], right.mapTo(window, right.rect().center()))
    assert [p.article_id for p in window.area.panes()] == [1, 2, 5]
    assert len(said) == 1
    assert said[0].endswith("Not opened: “Harbour reopens (outlet.md)”.")
