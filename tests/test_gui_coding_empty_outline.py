"""A pane without an article offers no outline: its ☰ button opened an empty menu, a
dead end for the keyboard and the mouse alike. Opening an article with headings there
offers it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_the_outline_is_offered_only_with_an_article(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.area.add_pane()
    assert pane is not None and pane.article_id is None
    assert not pane.header.outline_button.isEnabled()

    pane.show_article(1)
    qtbot.waitUntil(lambda: not pane.is_loading and pane.article_id == 1, timeout=10_000)
    article = window.session.project.articles.get(article_id=1)
    assert article.content.outline()  # the sample article has headings
    assert pane.header.outline_button.isEnabled()
