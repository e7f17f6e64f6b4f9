"""Words selected with Ctrl+Shift and the arrows are tagged without the bracket the
selection stops at: a word before "(APEC)" is selected with its "(", and the passage's
quote, highlight and exports would end on it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.selection_ends import passage_ends
from tests.gui_support import keyboard_in

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
WORDS = "Economic Cooperation (APEC) summit"  # untagged text of the second sample article


def caret_at_words(qtbot: QtBot, window: MainWindow, offset: int = 0) -> None:
    pane = keyboard_in(qtbot, window, 1)
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    start = pane.view.positions.to_rendered(text.index(WORDS) + offset)
    pane.view.select_range(start, start)


def test_words_before_an_opening_bracket_are_tagged_without_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    caret_at_words(qtbot, window)
    pane = window.area.panes()[1]
    for _ in range(3):
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, CONTROL | SHIFT)
    assert pane.view.textCursor().selectedText() == "Economic Cooperation ("

    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    assert window.session.passage(window.coding.selected).exact == "Economic Cooperation"


def test_words_after_a_closing_bracket_are_tagged_without_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    caret_at_words(qtbot, window, len(WORDS))
    pane = window.area.panes()[1]
    for _ in range(2):  # "summit", then ") " before it
        qtbot.keyClick(pane.view, Qt.Key.Key_Left, CONTROL | SHIFT)
    assert pane.view.textCursor().selectedText() == ") summit"

    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    assert window.session.passage(window.coding.selected).exact == "summit"


def test_brackets_that_close_in_the_passage_and_quotation_marks_stay() -> None:
    for text in ["(APEC)", "the (APEC)", "\u201csymbolic restart\u201d", "\u201esie\u201c"]:
        assert passage_ends(text, 0, len(text)) == (0, len(text))
    assert passage_ends(" ( ", 0, 3) == (1, 2)  # nothing else selected: kept, to be refused
    text = "x ] summit ( ["
    assert text[slice(*passage_ends(text, 0, len(text)))] == "x ] summit"
