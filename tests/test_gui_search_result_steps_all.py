"""An article opened from a search's result, with more matches than the find bar holds at
once: the bar counts them all, as the result did, and F3 and Shift+F3 reach every one, the
last ones too, where they stepped round the first 5,000 ("5000 of 5000+") and never
reached the others."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from gui_support import open_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_search_cjk import search_for
from test_gui_search_memos import activate_with_the_keyboard

from diptych.gui import find_bar
from diptych.gui.context import AppContext
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.search_words import all_found

SHIFT = Qt.KeyboardModifier.ShiftModifier
PARAGRAPHS = 60  # of 100 words each: more matches than the bar holds at once
HELD = 50  # the bar holding 50 at once, the steps past them are few


def test_f3_reaches_every_match_of_a_search_in_a_long_article(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = " ".join(f"summit{n % 10}" for n in range(100))
    text = "Minutes\n\n" + "\n\n".join(f"Item {n}: {words}." for n in range(PARAGRAPHS))
    with Project.create(tmp_path / "long.diptych") as project:
        project.articles.add(parsed=parse_article(text.encode(), name="minutes.txt"))
    window = open_window(qtbot, context, Project.open(tmp_path / "long.diptych"))
    shown = window.session.project.articles.all()[0]
    matches = all_found(
        window.session.project.articles.get(article_id=shown.id).text, "summit*", limit=10**6
    )
    assert len(matches) == 100 * PARAGRAPHS > find_bar.MAX_MATCHES
    monkeypatch.setattr(find_bar, "MAX_MATCHES", HELD)
    window.actions_.search.trigger()
    headings = search_for(qtbot, window.search, "summit")
    count = int(re.search(r"— (\d+) matches", headings[0])[1])  # type: ignore[index]
    assert count == len(matches)

    activate_with_the_keyboard(qtbot, window.search, 0)
    pane = window.area.current
    assert pane is not None
    qtbot.waitUntil(lambda: pane.find_bar.isVisible() and pane.view.hasFocus())
    assert pane.find_bar.count.text() == f"1 of {count}"  # as the result counted them
    assert pane.view.selection() == matches[0]
    qtbot.keyClick(pane.view, Qt.Key.Key_F3, SHIFT)  # round to the article's last one
    assert pane.view.selection() == matches[-1]
    assert pane.find_bar.count.text() == f"{count} of {count}"
    for _ in range(HELD + 1):  # back past the last ones held
        qtbot.keyClick(pane.view, Qt.Key.Key_F3, SHIFT)
    assert pane.view.selection() == matches[-HELD - 2]
    assert pane.find_bar.count.text() == f"{count - HELD - 1} of {count}"
    for _ in range(HELD + 1):  # and on again through them
        qtbot.keyClick(pane.view, Qt.Key.Key_F3)
    assert pane.view.selection() == matches[-1]
    qtbot.keyClick(pane.view, Qt.Key.Key_F3)  # round to the first
    assert pane.view.selection() == matches[0]
    assert pane.find_bar.count.text() == f"1 of {count}"
