"""The Library follows the current pane by selecting its article, whatever keys are held
when the pane changes: Ctrl+Tab to the next pane selects that pane's article alone, and
Ctrl+Z taking back an import selects the article of the pane that becomes current."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.article_commands import ImportArticles
from diptych.gui.commands import perform
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_tab_to_the_next_pane_selects_its_article_alone(
    qtbot: QtBot, window: MainWindow
) -> None:
    area, library = window.area, window.library
    first, second = area.panes()
    first.view.setFocus()
    area.set_current(first)
    assert library.selected_articles() == [first.article_id]

    qtbot.keyClick(first.view, Qt.Key.Key_Tab, CTRL)
    assert area.current is second
    assert library.selected_articles() == [second.article_id]
    qtbot.keyClick(second.view, Qt.Key.Key_Tab, CTRL)
    assert area.current is first
    assert library.selected_articles() == [first.article_id]


def test_undoing_an_import_selects_the_article_of_the_pane_left_current(
    qtbot: QtBot, window: MainWindow
) -> None:
    session, area, library = window.session, window.area, window.library
    parsed = parse_article(b"# Golf\n\nA new article.\n", name="golf.md")
    assert perform(session, ImportArticles(session, [parsed]))
    golf = session.articles()[-1].id
    area.open_article(golf, new_pane=True)
    assert library.selected_articles() == [golf]

    area.current.view.setFocus()
    qtbot.keyClick(area.current.view, Qt.Key.Key_Z, CTRL)  # the import taken back
    assert golf not in [a.id for a in session.articles()]
    assert library.selected_articles() == [area.current.article_id]
