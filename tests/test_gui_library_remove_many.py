"""Removing many articles from the Library, and undoing or redoing it: the Passages list
follows once (not row by row for each article), and a busy cursor shows meanwhile."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from test_gui_passages_bulk_once import ARTICLES, EACH, Updates, big  # noqa: F401

from diptych.gui.article_commands import RemoveArticles
from diptych.gui.commands import perform
from diptych.gui.main_window import MainWindow


def test_removing_many_articles_updates_the_passages_list_once_under_a_busy_cursor(
    qtbot: QtBot,
    big: tuple[MainWindow, int],  # noqa: F811
) -> None:
    window, _tag_id = big
    session = window.session
    ids = [a.id for a in session.articles()][-ARTICLES:]
    model = window.passages.model
    cursors: list[object] = []

    def seen() -> None:
        cursor = QGuiApplication.overrideCursor()
        cursors.append(None if cursor is None else cursor.shape())

    session.articlesChanged.connect(seen)
    updates = Updates(window)
    command = RemoveArticles(session, ids)
    wait = Qt.CursorShape.WaitCursor
    for step, rows in (
        (lambda: perform(session, command), 0),
        (window.actions_.undo.trigger, ARTICLES * EACH),
        (window.actions_.redo.trigger, 0),
    ):
        cursors.clear()
        step()
        assert model.rowCount() == rows
        assert updates.take() == (1, 0)  # one reset of the list, no row one by one
        assert cursors == [wait]
        assert QGuiApplication.overrideCursor() is None


@pytest.fixture(autouse=True)
def few_make_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    import diptych.gui.article_commands as article_commands

    monkeypatch.setattr(article_commands, "BUSY_FROM", ARTICLES, raising=False)
