"""The passage keys and Ctrl+F in a pane that shows no article (a new pane) say that it has
none and how to open one, rather than "select text here" or "no passage after the cursor in
this article", which sent the analyst looking for text that is not there (Ctrl+F opened a
find bar that searched nothing and said nothing)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import NO_ARTICLE
from diptych.gui.main_window import MainWindow

Key = Qt.Key
Mod = Qt.KeyboardModifier


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Key.Key_1, Mod.NoModifier),  # tag
        (Key.Key_Delete, Mod.NoModifier),  # delete the passage
        (Key.Key_F2, Mod.NoModifier),  # write its note
        (Key.Key_F8, Mod.NoModifier),  # next passage
        (Key.Key_F8, Mod.ShiftModifier),  # previous passage
        (Key.Key_F8, Mod.ControlModifier),  # next passage with its tag
        (Key.Key_F, Mod.ControlModifier),  # find in the article
    ],
)
@pytest.mark.parametrize("passage_selected", [False, True])
def test_keys_in_a_pane_without_article_say_it_has_none(
    qtbot: QtBot,
    window: MainWindow,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier,
    passage_selected: bool,
) -> None:
    session = window.session
    if passage_selected:  # chosen in another pane: never acted on from here
        window.coding.select_passage(session.project.annotations.query(article_id=1)[0].id)
    passages = [a.id for a in session.project.annotations.query()]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.add_pane()
    assert pane is not None and pane.article_id is None
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)

    qtbot.keyClick(pane.view, key, modifiers)

    assert window.statusBar().currentMessage() == NO_ARTICLE
    assert [a.id for a in session.project.annotations.query()] == passages
    assert not window.editor.note.hasFocus()
    assert not pane.find_bar.isVisible()  # no bar searching nothing
