"""Panes of articles removed and put back several at once (undoing or redoing an import,
a removal of several articles): none is left empty, and each comes back where it stood."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.article_commands import ImportArticles
from diptych.gui.commands import perform
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article


def shown(window: MainWindow) -> list[int | None]:
    return [pane.article_id for pane in window.area.panes()]


def test_undoing_an_import_whose_article_was_open_leaves_no_empty_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    session, area = window.session, window.area
    parsed = parse_article(b"# Golf\n\nA new article.\n", name="golf.md")
    assert perform(session, ImportArticles(session, [parsed]))
    golf = session.articles()[-1].id
    area.open_article(golf, new_pane=True)
    assert shown(window) == [1, 2, golf]

    window.actions_.undo.trigger()  # the import taken back: its pane closes, for good
    assert golf not in [a.id for a in session.articles()]
    assert shown(window) == [1, 2]
    window.actions_.redo.trigger()  # imported again: its pane is back
    assert shown(window) == [1, 2, golf]
