"""Text selected with the keyboard is tagged without the spaces and line breaks at its ends:
Ctrl+Shift+Right selects a word with the space after it, and Shift+Down a paragraph with its
line break, which the passage's quote, highlight and exports then carried."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.gui.shortcuts_box import SHORTCUTS

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article


def caret_at(qtbot: QtBot, window: MainWindow, quote: str) -> ArticlePane:
    """The keyboard in the right pane, the caret at the start of ``quote``."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    start = text.index(quote)
    pane.view.select_range(start, start)
    pane.view.setFocus()
    return pane


def test_words_selected_with_ctrl_shift_right_are_tagged_without_the_space_after(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = caret_at(qtbot, window, QUOTE)
    for _ in range(3):
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, CONTROL | SHIFT)
    assert pane.view.textCursor().selectedText() == QUOTE + " "

    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    passage = window.session.passage(window.coding.selected)
    assert passage.exact == QUOTE


def test_a_paragraph_selected_with_shift_down_is_tagged_without_its_line_break(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = caret_at(qtbot, window, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CONTROL)  # the first paragraph's start
    before = {p.id for p in window.session.project.annotations.query()}
    while "\u2029" not in pane.view.textCursor().selectedText():
        qtbot.keyClick(pane.view, Qt.Key.Key_Down, SHIFT)
    selected = pane.selection()
    assert selected is not None

    qtbot.keyClick(pane.view, Qt.Key.Key_2)
    added = [p for p in window.session.project.annotations.query() if p.id not in before]
    assert len(added) == 1
    assert added[0].exact == added[0].exact.strip() and added[0].exact
    assert added[0].start == selected[0] and added[0].end < selected[1]


def test_the_same_words_with_the_space_after_tag_the_passage_already_there(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = caret_at(qtbot, window, QUOTE)
    for _ in range(3):
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, CONTROL | SHIFT)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    first = window.coding.selected

    pane = caret_at(qtbot, window, QUOTE)
    for _ in range(3):
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, CONTROL | SHIFT)
    qtbot.keyClick(pane.view, Qt.Key.Key_2)
    assert [p.id for p in window.session.project.annotations.query() if p.exact == QUOTE] == [first]
    assert len(window.session.passage(first).tag_ids) == 2


def test_the_keys_list_names_ctrl_shift_arrows_for_words() -> None:
    listed = " ".join(QTextDocumentFragment.fromHtml(SHORTCUTS).toPlainText().split())
    assert "Shift+arrows, Ctrl+Shift+arrows Select text with the keyboard in an article" in listed
    assert "by characters or lines / by words" in listed
