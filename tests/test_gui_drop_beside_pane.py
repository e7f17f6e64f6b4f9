"""Articles dragged from the Library onto a pane open beside it, on the side (its left or
right half) they are dropped on, which a band in the highlight colour shows while dragging;
with no room for another pane, the status bar says so and no pane's article is replaced.

The offscreen platform ends every QDrag at once, so the drag is delivered as in
tests/test_gui_drop.py: the Library's own MIME data for the rows, given to the
window's real drag and drop events at points over the panes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.article_model import ARTICLE_ID_ROLE
from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.gui.pane_drop import DropBand
from diptych.storage.importing import parse_article
from diptych.storage.sample import create_sample_project

BUTTONS, MODIFIERS = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
COPY = Qt.DropAction.CopyAction


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The sample project with two more articles (ids 3 and 4), open in no pane."""
    path = tmp_path / "drop.diptych"
    with create_sample_project(path) as project:
        project.articles.add_many(
            parsed=[
                parse_article(b"# Field notes\n\nA meeting in Seoul.\n", name="notes.md"),
                parse_article(b"# Trade memo\n\nTariffs rise in May.\n", name="memo.md"),
            ]
        )
    return path


def dragged(window: MainWindow, article_ids: list[int]) -> QMimeData:
    proxy = window.library.proxy
    rows = [
        proxy.index(row, 0)
        for article_id in article_ids
        for row in range(proxy.rowCount())
        if proxy.index(row, 0).data(ARTICLE_ID_ROLE) == article_id
    ]
    return proxy.mimeData(rows)


def at(window: MainWindow, pane: ArticlePane, share: float) -> QPoint:
    """A point ``share`` of the way across ``pane``, in the window."""
    return pane.mapTo(window, QPoint(int(pane.width() * share), pane.height() // 2))


def drag_over(window: MainWindow, data: QMimeData, point: QPoint) -> None:
    enter = QDragEnterEvent(point, COPY, data, BUTTONS, MODIFIERS)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(point, COPY, data, BUTTONS, MODIFIERS)
    window.dragMoveEvent(move)
    assert move.isAccepted()


def drop(window: MainWindow, data: QMimeData, point: QPoint) -> None:
    window.dropEvent(QDropEvent(QPointF(point), COPY, data, BUTTONS, MODIFIERS))


def band(window: MainWindow) -> DropBand:
    found = window.area.findChild(DropBand)
    assert isinstance(found, DropBand)
    return found


def loaded(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: all(not p.is_loading for p in window.area.panes()), timeout=10_000)


def test_an_article_dropped_on_a_panes_right_half_opens_right_of_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    area = window.area
    left, right = area.panes()
    data = dragged(window, [3])
    drag_over(window, data, at(window, left, 0.8))
    shown = band(window)
    assert shown.isVisible()
    # The band covers the right part of the left pane, not its left part.
    band_left = shown.mapTo(window, QPoint(0, 0)).x()
    assert band_left > left.mapTo(window, QPoint(left.width() // 2, 0)).x()
    assert band_left + shown.width() <= right.mapTo(window, QPoint(0, 0)).x()
    drop(window, data, at(window, left, 0.8))
    loaded(qtbot, window)
    assert not shown.isVisible()
    assert [p.article_id for p in area.panes()] == [1, 3, 2]  # none replaced
    assert area.current is area.panes()[1]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is area.panes()[1].view)


def test_an_article_dropped_on_a_panes_left_half_opens_left_of_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    area = window.area
    _left, right = area.panes()
    data = dragged(window, [3, 4])
    drag_over(window, data, at(window, right, 0.2))
    band_left = band(window).mapTo(window, QPoint(0, 0)).x()
    assert band_left == right.mapTo(window, QPoint(0, 0)).x()  # the band is on its left
    drop(window, data, at(window, right, 0.2))
    loaded(qtbot, window)
    assert [p.article_id for p in area.panes()] == [1, 3, 4, 2]  # in the order dragged


def test_the_band_goes_when_the_drag_leaves_the_panes(qtbot: QtBot, window: MainWindow) -> None:
    left = window.area.panes()[0]
    data = dragged(window, [3])
    drag_over(window, data, at(window, left, 0.3))
    assert band(window).isVisible()
    library = window.library.mapTo(window, window.library.rect().center())
    window.dragMoveEvent(QDragMoveEvent(library, COPY, data, BUTTONS, MODIFIERS))
    assert not band(window).isVisible()
    drag_over(window, data, at(window, left, 0.3))
    window.dragLeaveEvent(QDragLeaveEvent())
    assert not band(window).isVisible()


def test_at_the_pane_limit_a_drop_on_a_pane_says_why_and_replaces_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("diptych.gui.pane_area.MAX_PANES", 2)
    said: list[str] = []
    monkeypatch.setattr(window.session.messages, "info", lambda text, *a: said.append(text))
    left = window.area.panes()[0]
    data = dragged(window, [4])
    drag_over(window, data, at(window, left, 0.7))
    assert not band(window).isVisible()  # nowhere to open it: no band promises a place
    drop(window, data, at(window, left, 0.7))
    assert [p.article_id for p in window.area.panes()] == [1, 2]
    assert len(said) == 1
    assert "Not opened: “Trade memo”" in said[0] and "At most 2 panes" in said[0]


def test_a_drag_over_an_articles_text_reaches_the_window(window: MainWindow) -> None:
    """Qt gives a drag to the widget under the pointer, or its first parent, that takes
    drops, and to no other: a text that took them (and, read-only, refused every article)
    would have kept the window from ever hearing of a drag over it."""
    for pane in window.area.panes():
        point = at(window, pane, 0.5)
        target = window.childAt(point)
        while target is not None and not target.isWindow() and not target.acceptDrops():
            target = target.parentWidget()
        assert target is window
