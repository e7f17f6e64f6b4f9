"""Tagging from the keys, the palette and the Passage panel, as a user does it."""

from __future__ import annotations

from gui_support import select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.passage_cells import local_time
from diptych.gui.passage_tooltip import passage_tooltip

QUOTE = "renewed diplomatic engagement"


def tags_of(window: MainWindow, quote: str) -> list[list[str]]:
    """The tag names of every passage on ``quote``, as saved in the project."""
    codebook = window.session.project.tags.codebook()
    return [
        [codebook[t].name for t in p.tag_ids]
        for p in window.session.project.annotations.query()
        if p.exact == quote
    ]


def number_key(window: MainWindow, name: str) -> Qt.Key:
    """The key (1-9) that applies the tag called ``name``."""
    names = [tag.name for tag in window.session.ordered_tags()]
    return Qt.Key(Qt.Key.Key_1.value + names.index(name))


def tag_with_key(qtbot: QtBot, window: MainWindow, quote: str, name: str) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    select_text(pane, quote)
    qtbot.keyClick(pane.view, number_key(window, name))


def test_add_tag_from_the_passage_panel_never_removes_a_tag(
    qtbot: QtBot, window: MainWindow
) -> None:
    tag_with_key(qtbot, window, QUOTE, "Economy")
    assert tags_of(window, QUOTE) == [["Economy"]]
    stack = window.session.undo_stack
    steps = stack.count()

    window.editor.add_tag_button.click()
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    assert palette.hint.text() == f"Add a tag to the passage “{QUOTE}”"
    qtbot.keyClicks(palette.field, "Economy")
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)

    assert tags_of(window, QUOTE) == [["Economy"]]
    assert stack.count() == steps
    assert window.statusBar().currentMessage() == "The passage is already tagged Economy."


def test_a_number_key_twice_on_the_selected_passage_keeps_the_tag(
    qtbot: QtBot, window: MainWindow
) -> None:
    tag_with_key(qtbot, window, QUOTE, "Economy")
    pane = window.area.panes()[1]
    assert window.coding.selected and pane.selection() is None  # the new passage is selected
    steps = window.session.undo_stack.count()

    qtbot.keyClick(pane.view, number_key(window, "Economy"))
    assert tags_of(window, QUOTE) == [["Economy"]]
    assert window.session.undo_stack.count() == steps

    qtbot.keyClick(pane.view, number_key(window, "Security"))
    assert tags_of(window, QUOTE) == [["Economy", "Security"]]
    undo = f"&Undo Add tag “Security” to passage “{QUOTE}”"  # which passage, too
    assert window.actions_.undo.text() == undo
    window.actions_.undo.trigger()
    assert tags_of(window, QUOTE) == [["Economy"]]


def test_undoing_a_tagging_leaves_no_passage_selected_for_the_next_key(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = {p.id: p.tag_ids for p in window.session.project.annotations.query()}
    tag_with_key(qtbot, window, QUOTE, "Security")
    added = window.coding.selected
    assert added not in before and window.passages.current_passage() == added

    pane = window.area.panes()[1]
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {p.id: p.tag_ids for p in window.session.project.annotations.query()} == before
    assert window.coding.selected == 0
    assert window.editor.current_passage() is None
    assert window.passages.current_passage() is None
    assert not window.passages.table.selectionModel().hasSelection()

    # The text is selected again, as before the key: the next key tags it, nothing else.
    qtbot.keyClick(pane.view, number_key(window, "Economy"))
    after = {p.id: p.tag_ids for p in window.session.project.annotations.query()}
    assert {k: v for k, v in after.items() if k in before} == before
    assert tags_of(window, QUOTE) == [["Economy"]]


def test_with_nothing_selected_the_palette_says_nothing_is_tagged_and_only_adds_tags(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    pane.view.setFocus()
    window.coding.select_passage(0)
    passages = {p.id: p.tag_ids for p in window.session.project.annotations.query()}
    stack = window.session.undo_stack
    steps = stack.count()
    palette = window.coding.palette

    qtbot.keyClick(pane.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(palette.isVisible)
    assert (
        palette.hint.text() == "No text is selected, so nothing is tagged. A new name adds a tag."
    )
    qtbot.keyClicks(palette.field, "Diplomacy")
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage() == "Select some text first, then choose a tag."
    assert stack.count() == steps

    qtbot.keyClick(pane.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(palette.isVisible)
    qtbot.keyClicks(palette.field, "Brand new")
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert "Brand new" in [tag.name for tag in window.session.ordered_tags()]
    assert {p.id: p.tag_ids for p in window.session.project.annotations.query()} == passages
    assert window.actions_.undo.text() == "&Undo New tag “Brand new”"
    assert (
        window.statusBar().currentMessage()
        == "Added the tag “Brand new”. Select text to tag with it."
    )
    window.actions_.undo.trigger()
    assert "Brand new" not in [tag.name for tag in window.session.ordered_tags()]


def test_hovering_a_passage_shows_when_it_was_updated_as_the_passage_panel_does(
    window: MainWindow,
) -> None:
    passage = next(p for p in window.session.project.annotations.query() if p.coder)
    tooltip = passage_tooltip(window.session, passage.id)
    assert f"{passage.coder} · updated {local_time(passage.updated_at)}" in tooltip
    assert passage.updated_at not in tooltip  # not the stored UTC stamp, 2026-…T…Z


def test_f8_says_the_passages_tags_and_the_codebook_names_the_passage_it_tags(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[0]
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    session = window.session
    passage = session.passage(window.coding.selected)
    book = session.codebook()
    paths = ", ".join(f"“{book.path(t)}”" for t in sorted(passage.tag_ids, key=book.rank))
    assert window.statusBar().currentMessage() == f"Tags of this passage: {paths}"

    # The caret leaves it, out of sight; Enter on a tag in the Codebook tags it, and says so.
    qtbot.keyClick(pane.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    tag = next(t for t in session.ordered_tags() if t.id not in passage.tag_ids)
    tags = window.tags
    tags.select_tag(tag.id)
    tags.view.setFocus()
    qtbot.waitUntil(tags.view.hasFocus)
    qtbot.keyClick(tags.view, Qt.Key.Key_Return)
    assert tag.id in session.passage(passage.id).tag_ids
    quote = " ".join(passage.exact.split())[:40].rstrip()
    said = window.statusBar().currentMessage()
    assert said.startswith(f"“{book.path(tag.id)}” added to passage “{quote}")
    assert said.endswith("— Ctrl+Z to undo")
