"""Closing the pane of the selected passage's article, when no other pane shows that
article, selects nothing: the Passage panel shows its hint again (the note being typed
saved first), rather than a passage of an article no longer open. A passage chosen in the
Passages list, whose article is in no pane, stays selected when another pane closes."""

from __future__ import annotations

from gui_support import keyboard_in, point_of
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from diptych.gui.article_commands import RemoveArticle
from diptych.gui.article_pane import ArticlePane
from diptych.gui.commands import perform
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_editor import PLACEHOLDER


def _click_a_highlight(qtbot: QtBot, pane: ArticlePane) -> int:
    """Click in the middle of the pane's first passage; its id."""
    query = pane.session.project.annotations.query(article_id=pane.article_id)
    passage = min((p for p in query if not p.is_orphan), key=lambda p: p.start)
    middle = (passage.start + passage.end) // 2
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(pane, middle))
    return passage.id


def _close_button(pane: ArticlePane) -> QToolButton:
    return next(b for b in pane.header.findChildren(QToolButton) if b.text() == "✕")


def _hint_shown(window: MainWindow) -> bool:
    editor = window.editor
    return editor.current_passage() is None and editor.pages.currentWidget() is editor.placeholder


def test_closing_the_pane_of_the_clicked_passage_shows_the_hint(
    qtbot: QtBot, window: MainWindow
) -> None:
    left, right = window.area.panes()
    assert left.article_id != right.article_id
    passage = _click_a_highlight(qtbot, left)
    assert window.coding.selected == passage
    assert window.editor.current_passage() == passage

    qtbot.mouseClick(_close_button(left), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _hint_shown(window))
    assert window.coding.selected == 0
    assert window.area.panes() == [right] and right.selected_passage == 0
    assert window.editor.placeholder.text() == PLACEHOLDER


def test_the_note_being_typed_is_saved_when_its_pane_closes(
    qtbot: QtBot, window: MainWindow
) -> None:
    left = keyboard_in(qtbot, window, 0)
    passage = _click_a_highlight(qtbot, left)
    note = window.editor.note
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    qtbot.keyClicks(note, " typed before closing")

    window.actions_.close_pane.trigger()  # Ctrl+W closes the current pane, the left one
    assert left not in window.area.panes()
    qtbot.waitUntil(lambda: _hint_shown(window))
    assert window.session.passage(passage).note.endswith(" typed before closing")


def test_a_passage_shown_in_another_pane_too_stays_selected(
    qtbot: QtBot, window: MainWindow
) -> None:
    left = window.area.panes()[0]
    passage = _click_a_highlight(qtbot, left)
    twin = window.area.add_pane(left.article_id)
    assert twin is not None
    qtbot.waitUntil(lambda: twin.view.index is not None and passage in twin.view.index)

    window.area.close_pane(left)
    qtbot.wait(20)
    assert window.coding.selected == passage
    assert window.editor.current_passage() == passage


def test_a_passage_chosen_in_the_passages_list_stays_when_another_pane_closes(
    qtbot: QtBot, window: MainWindow
) -> None:
    left, right = window.area.panes()
    closed_article = right.article_id
    window.area.close_pane(right)
    passage = next(
        p.id
        for p in window.session.project.annotations.query(article_id=closed_article)
        if not p.is_orphan
    )
    window.coding.select_passage(passage)  # as the arrow keys in the Passages list do
    assert window.editor.current_passage() == passage

    window.area.close_pane(left)  # its article is another one
    qtbot.wait(20)
    assert window.coding.selected == passage
    assert window.editor.current_passage() == passage


def test_removing_the_article_of_the_selected_passage_shows_the_hint(
    qtbot: QtBot, window: MainWindow
) -> None:
    left, _right = window.area.panes()
    article_id = left.article_id
    assert article_id is not None
    _click_a_highlight(qtbot, left)

    assert perform(window.session, RemoveArticle(window.session, article_id))
    qtbot.waitUntil(lambda: _hint_shown(window))
    assert window.coding.selected == 0


def test_another_article_in_the_pane_of_the_clicked_passage_shows_the_hint(
    qtbot: QtBot, window: MainWindow
) -> None:
    left, right = window.area.panes()
    passage = _click_a_highlight(qtbot, left)
    assert window.editor.current_passage() == passage
    assert window.passages.current_passage() == passage  # its row in the Passages list

    with qtbot.waitSignal(left.shown, timeout=5000):  # the other article, in both panes
        left.show_article(right.article_id)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: _hint_shown(window))
    assert window.coding.selected == 0
    assert not window.passages.table.selectionModel().hasSelection()  # no row left chosen
