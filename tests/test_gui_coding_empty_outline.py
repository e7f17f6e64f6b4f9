"""A pane without an article offers no outline: its ☰ button opened an empty menu, a
dead end for the keyboard and the mouse alike. Beside an article the menu offers to move
the pane, and nothing else; opening an article with headings there offers them too."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow


def menu_texts(pane: ArticlePane) -> list[str]:
    menu = pane.header.outline_menu
    menu.aboutToShow.emit()
    return [action.text() for action in menu.actions()]


def test_the_outline_is_offered_only_with_an_article(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.area.add_pane()
    assert pane is not None and pane.article_id is None
    assert pane.header.outline_button.isEnabled()  # to move it left of the article
    assert menu_texts(pane) == ["Move pane left", "Move pane right", ""]
    last = window.area.add_pane()
    assert last is not None  # beside an empty pane: no move changes what is seen
    assert not last.header.outline_button.isEnabled()

    last.show_article(1)
    qtbot.waitUntil(lambda: not last.is_loading and last.article_id == 1, timeout=10_000)
    article = window.session.project.articles.get(article_id=1)
    assert article.content.outline()  # the sample article has headings
    assert last.header.outline_button.isEnabled()
    assert len(menu_texts(last)) == 3 + len(article.content.outline())
