"""Find in article: words that match nothing leave no match selected. The first letters
typed select a match ("z" of "emphasizing"); when the next ones match nothing, those letters
are no longer selected, so a tag key pressed after closing the bar tags nothing."""

from __future__ import annotations

from gui_support import keyboard_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_words_matching_nothing_leave_nothing_to_tag(qtbot: QtBot, window: MainWindow) -> None:
    pane = keyboard_in(qtbot, window, 0)
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    assert "z" in text.lower() and "zzq" not in text.lower()
    before = len(window.session.project.annotations.query(article_id=pane.article_id))
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = pane.find_bar
    qtbot.waitUntil(bar.field.hasFocus)

    qtbot.keyClicks(bar.field, "z")
    first = text.lower().index("z")
    assert pane.view.selection() == (first, first + 1)  # the first letter found
    qtbot.keyClicks(bar.field, "zq")
    assert bar.count.text() == "No matches"
    assert pane.view.selection() is None  # the letter is no longer selected
    assert pane.view.positions.to_display(pane.view.textCursor().position()) == first

    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    after = window.session.project.annotations.query(article_id=pane.article_id)
    assert len(after) == before  # nothing was tagged


def test_a_match_found_again_is_selected_again(qtbot: QtBot, window: MainWindow) -> None:
    pane = keyboard_in(qtbot, window, 1)
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = pane.find_bar
    qtbot.waitUntil(bar.field.hasFocus)
    qtbot.keyClicks(bar.field, "seoulx")
    assert pane.view.selection() is None
    qtbot.keyClick(bar.field, Qt.Key.Key_Backspace)  # "seoul" matches again
    first = text.lower().index("seoul")
    assert pane.view.selection() == (first, first + 5)
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert pane.view.textCursor().selectedText() == text[first : first + 5]  # kept to tag
