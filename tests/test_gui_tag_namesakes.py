"""The tag panel where names meet: merging folds same-named sub-tags, nesting or deleting
beside a namesake and naming a tag with '/' are refused with a message that says why.

Driven like the tag manager tests (see test_gui_tag_manager for how drags are made) and
checked in the project file through a second connection.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from test_gui_tag_manager import (
    answer_next_dialog,
    drag_tag,
    saved_passage_tags,
    saved_tags,
    tag_id,
    tool,
    tree_children,
    wait_painted,
)

from diptych.gui import tag_panel
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.tag_dialog import TagDialog, TagValues


@pytest.fixture
def messages_seen(window: MainWindow) -> list[tuple[Level, str]]:
    seen: list[tuple[Level, str]] = []
    window.context.messages.posted.connect(lambda level, _title, text: seen.append((level, text)))
    return seen


def test_merge_folds_a_same_named_sub_tag_and_undo_brings_it_back(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages_seen: list[tuple[Level, str]],
) -> None:
    panel, model = window.tags, window.tags.model
    diplomacy, summitry = tag_id(window, "Diplomacy"), tag_id(window, "Summitry")
    economy, trade = tag_id(window, "Economy"), tag_id(window, "Trade")
    colors = {t.name: t.color for t in saved_tags(sample).values()}
    # Diplomacy/trade now meets Economy/Trade when Diplomacy is merged into Economy.
    panel.update_tag(summitry, TagValues("trade", colors["Summitry"], diplomacy, ""))
    messages_seen.clear()  # the edit said in the status bar; the merge is what is tested
    monkeypatch.setattr(tag_panel, "choose_item", lambda *_args: ("Economy", True))
    panel.select_tag(diplomacy)
    qtbot.mouseClick(tool(panel, "Merge"), Qt.MouseButton.LeftButton)

    said = "Tag “Diplomacy” merged into “Economy” — Ctrl+Z to undo"
    assert messages_seen == [(Level.INFO, said)]  # no error, no warning
    assert {"Diplomacy", "trade"}.isdisjoint(saved_tags(sample))
    passages = saved_passage_tags(sample)
    assert passages["the signing of 15 hi"] == {"Trade", "Evidence"}
    assert passages["Just hours before th"] == {"Security", "Trade"}
    assert passages["symbolic restart"] == {"Economy"}
    assert tree_children(model, model.index_of(economy)) == ["Trade"]
    assert model.index_of(trade).data() == "Trade  (3)"
    assert model.index_of(economy).data() == "Economy  (4)"  # its own and its sub-tag Trade's
    wait_painted(qtbot, window, "the signing of 15", [colors["Trade"], colors["Evidence"]])

    window.actions_.undo.trigger()
    assert saved_tags(sample)["trade"].id == summitry
    assert saved_tags(sample)["trade"].parent_id == diplomacy
    passages = saved_passage_tags(sample)
    assert passages["the signing of 15 hi"] == {"trade", "Evidence"}
    assert passages["symbolic restart"] == {"Diplomacy"}
    assert tree_children(model, model.index_of(diplomacy)) == ["trade"]
    assert model.index_of(summitry).data() == "trade  (2)"
    assert model.index_of(trade).data() == "Trade  (1)"
    wait_painted(qtbot, window, "the signing of 15", [colors["Summitry"], colors["Evidence"]])


def test_nesting_or_deleting_beside_a_namesake_says_what_to_do(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    panel, model, stack = window.tags, window.tags.model, window.session.undo_stack
    economy, trade = tag_id(window, "Economy"), tag_id(window, "Trade")
    panel.create_tag(TagValues("TRADE", "#5ED1C4", None, ""))
    steps = stack.count()

    with qtbot.waitSignal(window.context.messages.posted) as posted:
        drag_tag(model, trade, 0, QModelIndex())  # out of Economy, to the top level
    level, _title, text = posted.args
    assert level == Level.ERROR
    assert text == (
        "A tag called 'TRADE' already exists at the top level."
        " Rename one of them first, or merge 'Trade' into the other."
    )

    panel.confirm = lambda *_args: True
    panel.select_tag(economy)
    with qtbot.waitSignal(window.context.messages.posted) as posted:
        qtbot.mouseClick(tool(panel, "Delete"), Qt.MouseButton.LeftButton)
    assert posted.args[2].startswith(
        "Deleting 'Economy' would move its sub-tag 'Trade' up at the top level,"
        " where a tag called 'TRADE' already is."
    )
    assert saved_tags(sample)["Trade"].parent_id == economy
    assert "Economy" in saved_tags(sample)
    assert tree_children(model, model.index_of(economy)) == ["Trade"]
    assert stack.count() == steps


def test_a_new_tag_named_with_a_slash_is_refused_with_the_reason(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    shown: list[tuple[bool, str]] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TagDialog)
        qtbot.keyClicks(dialog.name, "Pros/Cons")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        shown.append((dialog.isVisible(), dialog.problem.text()))

    answer_next_dialog(TagDialog, fill)
    qtbot.mouseClick(tool(window.tags, "New tag"), Qt.MouseButton.LeftButton)
    [(still_open, text)] = shown
    assert still_open  # refused inside the dialog: what was typed stays
    assert text.startswith("A tag name cannot contain '/' ('Pros/Cons')")
    assert "tag paths such as Economy/Trade" in text
    assert "Pros/Cons" not in saved_tags(sample)
    assert window.session.undo_stack.count() == 0
