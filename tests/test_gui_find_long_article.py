"""Find in a long article with more matches than the bar holds at once: from a caret deep
in the article, the bar goes to the next match after it, counted as the article's ("181 of
200"), and F3 and Shift+F3 step on through every match and round, where they went back to
the top and never reached a match past the first ones held."""

from __future__ import annotations

import pytest
from gui_support import keyboard_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui import find_bar
from diptych.gui.find_bar import find_all
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article

SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_find_reaches_every_match_from_deep_in_a_long_article(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(find_bar, "MAX_MATCHES", 50)  # the bar holds 50 at once
    text = "Minutes\n\n" + "\n\n".join(f"Item {n}: the summit went on." for n in range(200))
    article = window.session.project.articles.add(
        parsed=parse_article(text.encode(), name="minutes.txt")
    )
    window.session.articlesChanged.emit()
    opened = window.area.open_article(article.id)
    assert opened is not None
    index = window.area.panes().index(opened)
    pane = keyboard_in(qtbot, window, index)
    qtbot.waitUntil(lambda: pane.article_id == article.id and pane.loader.current is not None)
    shown = window.session.project.articles.get(article_id=article.id).text
    matches = find_all(shown, "summit", limit=1000)
    assert len(matches) == 200
    pane.view.select_range(matches[180][0] - 5, matches[180][0] - 5)  # the caret deep in it

    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(pane.find_bar.field.hasFocus)
    qtbot.keyClicks(pane.find_bar.field, "summit")
    assert pane.view.selection() == matches[180]  # not back at the top
    assert pane.find_bar.count.text() == "181 of 200"
    for n in (181, 182):
        qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Return)
        assert pane.view.selection() == matches[n]
    for _ in range(199 - 182):
        qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Return)
    assert pane.find_bar.count.text() == "200 of 200"
    qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Return)  # round to the first
    assert pane.view.selection() == matches[0] and pane.find_bar.count.text() == "1 of 200"
    qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Return, SHIFT)  # and back to the last
    assert pane.view.selection() == matches[199]
    for _ in range(150):  # back through windows read before
        qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Return, SHIFT)
    assert pane.view.selection() == matches[49]
    assert pane.find_bar.count.text() == "50 of 200"
