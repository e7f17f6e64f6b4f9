"""Keys 1-9 pressed in the Codebook tag as they do in an article, as the key drawn beside
each tag says: text selected in the current pane becomes a passage with that tag, then the
next key adds its tag to that passage. The tree's own type-ahead did nothing with them."""

from __future__ import annotations

from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import NO_PANE
from diptych.gui.coding_palette import EMPTY_CURRENT_PANE, SELECT_TEXT_FIRST
from diptych.gui.main_window import MainWindow

QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article


def codebook_with_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    view = window.tags.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)


def test_digits_in_the_codebook_tag_the_selected_text_then_its_passage(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    start, end = select_text(pane, QUOTE)
    codebook_with_keyboard(qtbot, window)
    view = window.tags.view
    before = {p.id for p in window.session.project.annotations.query()}
    tags = window.session.ordered_tags()

    qtbot.keyClick(view, Qt.Key.Key_3)
    (new,) = {p.id for p in window.session.project.annotations.query()} - before
    passage = window.session.passage(new)
    assert (passage.start, passage.end, passage.tag_ids) == (start, end, (tags[2].id,))
    assert view.hasFocus()  # the keyboard stays where the key was pressed

    qtbot.keyClick(view, Qt.Key.Key_1)  # the next key: onto the passage just made
    assert set(window.session.passage(new).tag_ids) == {tags[0].id, tags[2].id}
    assert {p.id for p in window.session.project.annotations.query()} == before | {new}

    window.session.undo_stack.undo()
    assert window.session.passage(new).tag_ids == (tags[2].id,)


def test_a_digit_in_the_codebook_with_nothing_to_tag_says_so(
    qtbot: QtBot, window: MainWindow
) -> None:
    keyboard_in(qtbot, window, 1)  # nothing selected, no passage chosen
    assert window.coding.selected == 0
    codebook_with_keyboard(qtbot, window)
    steps = window.session.undo_stack.count()
    qtbot.keyClick(window.tags.view, Qt.Key.Key_2)
    assert window.session.undo_stack.count() == steps
    assert window.statusBar().currentMessage() == SELECT_TEXT_FIRST


def test_letters_in_the_codebook_still_find_a_tag_by_its_name(
    qtbot: QtBot, window: MainWindow
) -> None:
    codebook_with_keyboard(qtbot, window)
    view = window.tags.view
    steps = window.session.undo_stack.count()
    qtbot.keyClicks(view, "Sec")
    tag = window.session.codebook()[view.selected_tag() or 0]
    assert tag.name == "Security"
    assert window.session.undo_stack.count() == steps


def test_a_digit_or_enter_in_the_codebook_with_no_article_open_says_how_to_open_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    area = window.area
    for pane in area.panes():
        area.close_pane(pane)
    codebook_with_keyboard(qtbot, window)
    steps = window.session.undo_stack.count()
    for key in (Qt.Key.Key_2, Qt.Key.Key_Return):
        window.message_bar.clearMessage()
        qtbot.keyClick(window.tags.view, key)
        assert window.statusBar().currentMessage() == NO_PANE
    window.actions_.new_pane.trigger()  # an empty pane: still no article open
    codebook_with_keyboard(qtbot, window)
    window.message_bar.clearMessage()
    qtbot.keyClick(window.tags.view, Qt.Key.Key_2)
    assert window.statusBar().currentMessage() == NO_PANE
    assert window.session.undo_stack.count() == steps


def test_a_digit_in_the_codebook_with_an_empty_current_pane_says_that_pane_shows_none(
    qtbot: QtBot, window: MainWindow
) -> None:
    keyboard_in(qtbot, window, 1)
    window.actions_.new_pane.trigger()  # empty and current, beside two articles
    assert window.area.current is not None and window.area.current.article_id is None
    codebook_with_keyboard(qtbot, window)
    qtbot.keyClick(window.tags.view, Qt.Key.Key_2)
    assert window.statusBar().currentMessage() == EMPTY_CURRENT_PANE
    assert EMPTY_CURRENT_PANE.startswith("The current pane shows no article: open one in it")


def typing_a_name(qtbot: QtBot, window: MainWindow) -> set[int]:
    """Text selected in an article, tags whose names hold digits, the Codebook with the
    keyboard; the passages there are before typing."""
    economy = next(t for t in window.session.ordered_tags() if t.name == "Economy")
    for name in ("Q1", "Q2", "Q3"):
        window.session.add_tag(name=name, parent_id=economy.id)
    pane = keyboard_in(qtbot, window, 1)
    select_text(pane, QUOTE)
    codebook_with_keyboard(qtbot, window)
    return {p.id for p in window.session.project.annotations.query()}


def test_a_digit_typed_on_in_a_tags_name_finds_the_tag_and_tags_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = typing_a_name(qtbot, window)
    view = window.tags.view
    steps = window.session.undo_stack.count()
    with qtbot.assertNotEmitted(view.tagKeyPressed):
        qtbot.keyClicks(view, "Q2")
    assert window.session.codebook().path(view.selected_tag() or 0) == "Economy/Q2"
    assert {p.id for p in window.session.project.annotations.query()} == before
    assert window.session.undo_stack.count() == steps
    assert view.hasFocus()


def test_a_digit_typed_after_the_name_was_found_tags(qtbot: QtBot, window: MainWindow) -> None:
    """Once the type-ahead's interval is over, as Qt's own search starts a new name then,
    a digit is the tag key again."""
    before = typing_a_name(qtbot, window)
    view = window.tags.view
    interval = QApplication.keyboardInputInterval()
    QApplication.setKeyboardInputInterval(100)
    try:
        qtbot.keyClicks(view, "Q")
        qtbot.waitUntil(lambda: not view.searching(), timeout=2000)
        with qtbot.waitSignal(view.tagKeyPressed):
            qtbot.keyClick(view, Qt.Key.Key_3)
    finally:
        QApplication.setKeyboardInputInterval(interval)
    (new,) = {p.id for p in window.session.project.annotations.query()} - before
    codebook = window.session.codebook()
    (keyed,) = [t.id for t in codebook.ordered() if codebook.key(t.id) == 3]
    assert window.session.passage(new).tag_ids == (keyed,)
    assert window.session.codebook().path(view.selected_tag() or 0) == "Economy/Q1"
