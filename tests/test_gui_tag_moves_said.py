"""Merging a tag and moving it (Alt+Up and Alt+Down, or a drag in the Codebook) say what was
done and that Ctrl+Z undoes it, in the status bar, as editing and deleting a tag do: the
status bar stayed empty, and the most sweeping change of a reorganisation went unsaid."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from test_gui_codebook_state import drag_tag, tag_id

from diptych.gui import tag_panel
from diptych.gui.main_window import MainWindow


def said(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_merging_a_tag_is_said(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tag_panel, "choose_item", lambda *_args: ("Diplomacy", True))
    window.tags.select_tag(tag_id(window, "Culture & society"))
    window.actions_.merge_tag.trigger()
    assert not any(t.name == "Culture & society" for t in window.session.ordered_tags())
    assert said(window) == "Tag “Culture & society” merged into “Diplomacy” — Ctrl+Z to undo"
    window.actions_.undo.trigger()
    assert any(t.name == "Culture & society" for t in window.session.ordered_tags())


def test_moving_a_tag_with_alt_and_an_arrow_is_said(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.tags
    panel.select_tag(tag_id(window, "Security"))
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert said(window) == "Tag “Security” moved down — Ctrl+Z to undo"
    qtbot.keyClick(panel.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert said(window) == "Tag “Security” moved up — Ctrl+Z to undo"


def test_dragging_a_tag_is_said(window: MainWindow) -> None:
    model = window.tags.model
    trade = tag_id(window, "Trade")
    drag_tag(model, trade, -1, model.index_of(tag_id(window, "Diplomacy")))
    assert said(window) == "Tag “Economy/Trade” moved into “Diplomacy” — Ctrl+Z to undo"
    drag_tag(model, trade, 0, QModelIndex())
    assert said(window) == "Tag “Diplomacy/Trade” moved to the top level — Ctrl+Z to undo"
    drag_tag(model, trade, 2, QModelIndex())
    assert said(window) == "Tag “Trade” moved down — Ctrl+Z to undo"


def test_a_tag_dropped_where_it_is_makes_no_step_and_says_nothing(window: MainWindow) -> None:
    """On its own tag (as a sub-tag: also one not last there), or as the last top-level tag
    under the tree's last row: "moved down" was said, and Ctrl+Z undid nothing seen."""
    model, session = window.tags.model, window.session
    economy = tag_id(window, "Economy")
    session.add_tag(name="Tariffs", parent_id=economy)  # after Trade
    codebook = session.codebook()
    last = codebook.children(None)[-1]
    first_under_economy = codebook.children(economy)[0]  # Trade: not the last there
    window.message_bar.clearMessage()
    steps, order = session.undo_stack.count(), [t.id for t in codebook.ordered()]
    drag_tag(model, last.id, -1, QModelIndex())
    drag_tag(model, first_under_economy.id, -1, model.index_of(economy))
    assert session.undo_stack.count() == steps
    assert said(window) == ""
    assert [t.id for t in session.project.tags.codebook().ordered()] == order


def test_a_top_level_tag_dropped_under_the_tree_goes_to_the_end(window: MainWindow) -> None:
    model, session = window.tags.model, window.session
    security = tag_id(window, "Security")
    drag_tag(model, security, -1, QModelIndex())
    assert session.project.tags.codebook().children(None)[-1].id == security
    assert said(window) == "Tag “Security” moved down — Ctrl+Z to undo"
