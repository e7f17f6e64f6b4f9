"""Searching the whole project from the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_search_lists_articles_and_passages_and_reveals_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.actions_.search.trigger()
    panel = window.search
    assert window.docks["search"].isVisible()
    qtbot.keyClicks(panel.field, "customs")  # only in a note of the sample project
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert panel.results.count() == 1
    assert panel.results.item(0).text().startswith("Passage")
    with qtbot.waitSignal(window.coding.passageSelected) as signal:
        panel.on_results_item_activated(panel.results.item(0))
    passage = window.session.passage(signal.args[0])
    assert "customs" in passage.note
    assert window.editor.current_passage() == passage.id

    panel.field.clear()
    qtbot.keyClicks(panel.field, '"ballistic missiles"')
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    kinds = [panel.results.item(i).text().split(" · ")[0] for i in range(panel.results.count())]
    assert "Article" in kinds and "Passage" in kinds
    article_row = kinds.index("Article")
    panel.on_results_item_activated(panel.results.item(article_row))
    pane = window.area.current
    assert pane is not None
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    cursor_offset = pane.view.positions.to_display(pane.view.textCursor().position())
    assert text[cursor_offset:].lower().startswith("ballistic")

    panel.field.clear()
    qtbot.keyClicks(panel.field, "zzzunknownword")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert panel.results.count() == 0 and panel.status.text() == "No matches"
