"""Searching the whole project from the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_search_lists_articles_and_passages_and_reveals_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.actions_.search.trigger()
    panel = window.search
    assert window.docks["search"].isVisible()
    qtbot.keyClicks(panel.field, "customs")  # only in a note of the sample project
    with qtbot.waitSignal(panel.searched):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert panel.results.count() == 1
    assert panel.results.item(0).text().startswith("Passage")
    with qtbot.waitSignal(window.coding.selection.passageSelected) as signal:
        panel.on_results_item_activated(panel.results.item(0))
    passage = window.session.passage(signal.args[0])
    assert "customs" in passage.note
    assert window.editor.current_passage() == passage.id

    panel.field.clear()
    qtbot.keyClicks(panel.field, '"ballistic missiles"')
    with qtbot.waitSignal(panel.searched):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    kinds = [panel.results.item(i).text().split(" · ")[0] for i in range(panel.results.count())]
    assert "Article" in kinds and "Passage" in kinds
    article_row = kinds.index("Article")
    panel.on_results_item_activated(panel.results.item(article_row))
    pane = window.area.current
    assert pane is not None
    assert pane.view.textCursor().selectedText().lower() == "ballistic missiles"

    panel.field.clear()
    qtbot.keyClicks(panel.field, "zzzunknownword")
    with qtbot.waitSignal(panel.searched):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert panel.results.count() == 0 and panel.status.text() == "No matches"


def test_enter_on_an_article_hit_selects_the_words_with_context_above(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[0]
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.keyClick(
        pane.view,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = window.search
    assert QApplication.focusWidget() is panel.field
    qtbot.keyClicks(panel.field, '"ballistic missiles"')
    with qtbot.waitSignal(panel.searched):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert panel.results.count() >= 1

    qtbot.keyClick(panel.field, Qt.Key.Key_Down)  # from the field into the results
    assert QApplication.focusWidget() is panel.results
    assert panel.results.currentRow() == 0
    row = next(
        i
        for i in range(panel.results.count())
        if panel.results.item(i).text().startswith("Article")
    )
    panel.results.setCurrentRow(row)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)

    current = window.area.current
    assert current is not None
    view = current.view
    qtbot.waitUntil(lambda: view.textCursor().hasSelection())
    assert QApplication.focusWidget() is view
    assert view.textCursor().selectedText().lower() == "ballistic missiles"
    assert view.verticalScrollBar().value() > 0  # far down the article
    start = view.textCursor().selectionStart()
    hit = view.cursorRect(view.textCursor())
    assert view.viewport().rect().contains(hit)
    above = QTextCursor(view.document())
    above.setPosition(start)
    above.movePosition(QTextCursor.MoveOperation.Up)
    line_above = view.cursorRect(above)
    assert line_above.top() < view.cursorRect(view.textCursor()).top()
    assert line_above.top() >= 0  # the line above the hit is in view too
