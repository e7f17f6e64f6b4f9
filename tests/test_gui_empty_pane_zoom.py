"""An empty pane has nothing to zoom: its −, 100% and + are greyed until it shows an
article, and offered again once one is in."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow


def zoom_controls(pane: ArticlePane) -> tuple[QToolButton, QToolButton]:
    buttons = {b.text(): b for b in pane.header.findChildren(QToolButton)}
    return buttons["−"], buttons["+"]


def test_a_new_empty_pane_greys_its_zoom_until_an_article_is_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.actions_.new_pane.trigger()
    pane = window.area.panes()[-1]
    assert pane.article_id is None
    zoom_out, zoom_in = zoom_controls(pane)
    assert not zoom_out.isEnabled()
    assert not zoom_in.isEnabled()
    assert not pane.header.zoom_label.isEnabled()

    article = window.session.articles()[0].id
    pane.show_article(article)
    qtbot.waitUntil(lambda: pane.article_id == article and zoom_in.isEnabled())
    assert zoom_out.isEnabled()
    assert pane.header.zoom_label.isEnabled()


def test_a_pane_showing_an_article_offers_its_zoom(window: MainWindow) -> None:
    pane = window.area.panes()[0]
    assert pane.article_id is not None
    zoom_out, zoom_in = zoom_controls(pane)
    assert zoom_out.isEnabled() and zoom_in.isEnabled()
    assert pane.header.zoom_label.isEnabled()
