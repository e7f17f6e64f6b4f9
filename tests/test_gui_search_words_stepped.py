"""An article opened from a search of several words ("APEC summit") steps, with F3 and
its find bar, through every place the search found in it, each of the words, and the words
whole where the text has them one after the other ("Lee Jae Myung", selected whole as the
article opens: a digit tagged "Lee"): the bar shows the search and counts as the result
did, where it looked for the first word only."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_search_cjk import activate_with_the_keyboard, search_for

from diptych.gui.main_window import MainWindow


def test_f3_steps_through_each_word_the_search_found(qtbot: QtBot, window: MainWindow) -> None:
    window.actions_.search.trigger()
    headings = search_for(qtbot, window.search, "APEC summit")
    found = next(h for h in headings if h.startswith("Article · Xi"))
    count = int(re.search(r"— (\d+) matches", found)[1])  # type: ignore[index]
    activate_with_the_keyboard(qtbot, window.search, headings.index(found))
    pane = window.area.current
    assert pane is not None
    qtbot.waitUntil(lambda: pane.find_bar.isVisible())
    # the words as typed (the last one still found as the start of a word: no "*" shown)
    assert pane.find_bar.field.text() == "APEC summit"
    assert pane.find_bar.count.text() == f"1 of {count}"
    assert pane.view.hasFocus()  # a tag key tags the match
    seen = []
    for _ in range(count):
        seen.append(pane.view.textCursor().selectedText().casefold())
        qtbot.keyClick(pane.view, Qt.Key.Key_F3)
    # Each word, and the two where the text has them one after the other: one match each.
    assert "apec" in seen
    assert all(re.fullmatch(r"apec|summit|apec\W+summit", found) for found in seen)
    assert any(re.fullmatch(r"apec\W+summit", found) for found in seen)
    assert pane.find_bar.count.text() == f"1 of {count}"  # round again

    pane.find_bar.field.setText("APEC")  # words typed: as typed
    assert pane.find_bar.count.text() == f"1 of {sum('apec' in found for found in seen)}"


def test_a_name_searched_is_selected_whole_and_a_digit_tags_all_of_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.actions_.search.trigger()
    headings = search_for(qtbot, window.search, "Lee Jae Myung")
    found = next(h for h in headings if h.startswith("Article · The Shifting"))
    count = int(re.search(r"— (\d+) matches", found)[1])  # type: ignore[index]
    assert count == 3  # the name twice, as one match each, and a "Lee" alone
    activate_with_the_keyboard(qtbot, window.search, headings.index(found))
    pane = window.area.current
    assert pane is not None
    qtbot.waitUntil(lambda: pane.find_bar.isVisible())
    assert pane.view.textCursor().selectedText() == "Lee Jae Myung"
    assert pane.find_bar.count.text() == f"1 of {count}"
    qtbot.keyClick(pane.view, Qt.Key.Key_Escape)
    qtbot.keyClick(pane.view, Qt.Key.Key_6)
    passage = window.session.passage(window.coding.selected)
    assert passage.exact == "Lee Jae Myung"
