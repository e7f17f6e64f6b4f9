"""Words typed with the keyboard's straight quotes find the article's curly ones.

Articles copied from the web write Xi’s, “symbolic restart”; a keyboard types Xi's and
"symbolic restart". Find in article and the Passages filter treat them as the same.
"""

from __future__ import annotations

from gui_support import select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.find_bar import find_all
from diptych.gui.main_window import MainWindow


def test_find_all_matches_straight_quotes_typed_against_curly_ones() -> None:
    text = "China’s “symbolic restart” — Xi‘s\u00a0visit"
    assert find_all(text, "china's") == [(0, 7)]
    assert find_all(text, '"symbolic restart"') == [(8, 26)]
    assert find_all(text, "xi's visit") == [(29, 39)]
    assert find_all(text, "China’s") == [(0, 7)]  # typed curly, as pasted
    assert find_all(text, "chinas") == []


def test_find_in_article_finds_words_typed_with_a_straight_apostrophe(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[1]
    text = window.session.project.articles.get(article_id=2).text
    assert "Xi’s" in text and "Xi's" not in text
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(pane.find_bar.field.hasFocus)
    qtbot.keyClicks(pane.find_bar.field, "Xi's trip")
    first = text.index("Xi’s trip")
    assert pane.find_bar.count.text() == f"1 of {text.count('Xi’s trip')}"
    assert pane.view.selection() == (first, first + len("Xi's trip"))


def test_the_passages_filter_finds_quotes_typed_with_straight_quotes(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    select_text(pane, "Xi’s trip underscores")
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    tagged = window.coding.selected
    assert window.session.passage(tagged).exact == "Xi’s trip underscores"
    panel = window.passages
    panel.search.setText("xi's trip")
    shown = [panel.model.passage(row).id for row in range(panel.model.rowCount())]
    assert shown == [tagged]
