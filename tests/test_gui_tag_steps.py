"""Ctrl+F8 / Ctrl+Shift+F8 select the next / previous passage of the article with the
selected passage's tag, skipping passages without it; the tag followed stays the same
from a passage with several tags."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.gui.shortcuts_box import SHORTCUTS
from diptych.storage.importing import parse_article
from diptych.storage.sample import create_sample_project

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
TEXT = b"# Counting\n\none two three four five six\n"
# word -> tags; Alpha ranks before Beta in the codebook
PASSAGES = {
    "one": ("Alpha",),
    "two": ("Beta",),
    "three": ("Beta", "Alpha"),
    "four": ("Beta",),
    "five": ("Alpha",),
}


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The sample project and a third article whose words are tagged Alpha or Beta."""
    path = tmp_path / "steps.diptych"
    with create_sample_project(path) as project:
        (article,) = project.articles.add_many(parsed=[parse_article(TEXT, name="count.md")])
        tags = {name: project.tags.add(name=name).id for name in ("Alpha", "Beta")}
        text = project.articles.get(article_id=article.id).text
        for word, names in PASSAGES.items():
            start = text.index(word)
            project.annotations.add(
                article_id=article.id,
                start=start,
                end=start + len(word),
                tag_ids=[tags[n] for n in names],
            )
    return path


def ids(window: MainWindow) -> dict[str, int]:
    passages = window.session.project.annotations.query(article_id=3)
    return {p.exact: p.id for p in passages}


def at(qtbot: QtBot, window: MainWindow, word: str) -> ArticlePane:
    """The counting article open with the passage of ``word`` selected, the keys in it."""
    window.activateWindow()  # window shortcuts need the active window
    qtbot.waitUntil(window.isActiveWindow)
    window.coding.selection.reveal_passage(ids(window)[word], 3)
    pane = window.area.current
    assert pane is not None and pane.article_id == 3
    qtbot.waitUntil(lambda: window.coding.selected == ids(window)[word])
    return pane


def selected_word(window: MainWindow) -> str:
    return window.session.passage(window.coding.selected).exact


def test_ctrl_f8_goes_to_the_passages_with_the_selected_ones_tag(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = at(qtbot, window, "one")
    qtbot.keyClick(pane.view, Qt.Key.Key_F8, CTRL)
    assert selected_word(window) == "three"  # "two" has no Alpha
    assert pane.selected_passage == ids(window)["three"]
    qtbot.keyClick(pane.view, Qt.Key.Key_F8, CTRL)
    assert selected_word(window) == "five"
    assert window.statusBar().currentMessage().startswith("Next passage with the tag “Alpha”")
    qtbot.keyClick(pane.view, Qt.Key.Key_F8, CTRL)
    assert selected_word(window) == "five"
    assert window.statusBar().currentMessage() == (
        "There is no passage tagged “Alpha” after the cursor in this article."
    )
    qtbot.keyClick(pane.view, Qt.Key.Key_F8, CTRL_SHIFT)
    assert selected_word(window) == "three"
    qtbot.keyClick(pane.view, Qt.Key.Key_F8, CTRL_SHIFT)
    assert selected_word(window) == "one"


def test_the_tag_followed_stays_through_a_passage_with_several_tags(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = at(qtbot, window, "four")
    qtbot.keyClick(pane.view, Qt.Key.Key_F8, CTRL_SHIFT)
    assert selected_word(window) == "three"  # tagged Beta and Alpha
    qtbot.keyClick(pane.view, Qt.Key.Key_F8, CTRL_SHIFT)
    assert selected_word(window) == "two"  # Beta still, not Alpha's "one"


def test_ctrl_f8_with_no_passage_selected_here_says_how_to_use_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    at(qtbot, window, "one")
    left = window.area.panes()[0]  # the first sample article: the passage is not there
    left.view.setFocus()
    qtbot.waitUntil(lambda: window.area.current is left)
    chosen = window.coding.selected
    qtbot.keyClick(left.view, Qt.Key.Key_F8, CTRL)
    assert window.coding.selected == chosen
    message = window.statusBar().currentMessage()
    assert message.startswith("Select a passage in this article first")
    assert "Ctrl+F8" in message


def test_the_keys_are_in_the_edit_menu_and_the_shortcuts_list(window: MainWindow) -> None:
    a = window.actions_
    assert a.next_tagged_passage.shortcut().toString() == "Ctrl+F8"
    assert a.previous_tagged_passage.shortcut().toString() == "Ctrl+Shift+F8"
    edit = next(m for m in window.menuBar().actions() if m.text() == "&Edit").menu()
    assert edit is not None
    assert a.next_tagged_passage in edit.actions()
    assert a.previous_tagged_passage in edit.actions()
    assert "<b>Ctrl+F8</b> / <b>Ctrl+Shift+F8</b>" in SHORTCUTS
