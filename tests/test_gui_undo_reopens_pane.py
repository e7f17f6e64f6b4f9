"""Undoing the removal of an article that was open brings it back into a pane where its
pane stood, not only into the Library."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.article_commands import RemoveArticle
from diptych.gui.commands import perform
from diptych.gui.main_window import MainWindow


def shown(window: MainWindow) -> list[int | None]:
    return [pane.article_id for pane in window.area.panes()]


def test_undo_of_a_removal_reopens_the_article_where_it_was(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = shown(window)
    assert len(before) == 2 and None not in before
    removed = before[0]
    assert removed is not None

    perform(window.session, RemoveArticle(window.session, removed))
    qtbot.waitUntil(lambda: shown(window) == before[1:])

    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: shown(window) == before)

    window.actions_.redo.trigger()  # removed again: its pane closes again
    qtbot.waitUntil(lambda: shown(window) == before[1:])


def test_an_article_that_was_not_open_comes_back_to_the_library_only(
    qtbot: QtBot, window: MainWindow
) -> None:
    kept, closed = shown(window)
    assert kept is not None and closed is not None
    window.area.close_pane(window.area.panes()[1])  # the user closed its pane first
    qtbot.waitUntil(lambda: shown(window) == [kept])

    perform(window.session, RemoveArticle(window.session, closed))
    window.actions_.undo.trigger()
    assert closed in [a.id for a in window.session.articles()]
    assert shown(window) == [kept]
