"""The Library measures its rows a screenful at a time: its first paint shows a full list,
however tall, and the rest is measured afterwards, between other events."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QListView
from pytestqt.qtbot import QtBot

from diptych.gui.library_panel import LibraryPanel
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article


class FirstPaint(QObject):
    """Notes, when a list is first painted, whether its bottom line holds a measured row,
    and how many rows were measured then."""

    def __init__(self, view: QListView) -> None:
        super().__init__()
        self.view = view
        self.bottom_filled: bool | None = None
        self.measured = 0
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.bottom_filled is None:
            model = self.view.model()
            rows = [self.view.visualRect(model.index(row, 0)) for row in range(model.rowCount())]
            measured = [rect for rect in rows if rect.isValid()]
            self.measured = len(measured)
            reach = max((rect.bottom() for rect in measured), default=-1)
            self.bottom_filled = reach >= self.view.viewport().height() - 1
        return False


@pytest.fixture
def many_articles(session: ProjectSession) -> ProjectSession:
    files = [
        parse_article(f"# Article {n}\n\nText {n}.\n".encode(), name=f"{n}.md") for n in range(400)
    ]
    session.project.articles.add_many(parsed=files)
    session.articlesChanged.emit()
    return session


@pytest.mark.parametrize("height", [300, 1000])
def test_the_first_paint_shows_a_full_screen_of_rows_and_the_rest_follows(
    qtbot: QtBot, many_articles: ProjectSession, height: int
) -> None:
    library = LibraryPanel(many_articles)
    qtbot.addWidget(library)
    library.resize(260, height)
    watch = FirstPaint(library.view)
    library.show()
    qtbot.waitUntil(lambda: watch.bottom_filled is not None)
    assert watch.bottom_filled  # no empty space below the rows measured so far
    rows = library.proxy.rowCount()
    assert 0 < watch.measured < rows  # a screenful first, not the whole list
    last = library.proxy.index(rows - 1, 0)
    qtbot.waitUntil(lambda: library.view.visualRect(last).isValid())  # then the rest
