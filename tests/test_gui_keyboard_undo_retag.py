"""Undoing a tagging puts the text selection back, as it was before the tag key: a tag
key pressed by mistake is put right with Ctrl+Z and the right key."""

from __future__ import annotations

from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article


def quoted(window: MainWindow) -> list[tuple[int, ...]]:
    """The tags of each passage of the quote."""
    passages = window.session.project.annotations.query()
    return [p.tag_ids for p in passages if p.exact == QUOTE]


def test_a_wrong_tag_key_is_put_right_with_ctrl_z_and_the_right_key(
    qtbot: QtBot, window: MainWindow
) -> None:
    tags = [t.id for t in window.session.ordered_tags()]
    pane = keyboard_in(qtbot, window, 1)
    quote = select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    assert quoted(window) == [(tags[0],)]
    assert pane.selection() is None

    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    assert quoted(window) == []
    assert pane.selection() == quote and pane.view.hasFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_2)
    assert quoted(window) == [(tags[1],)]


def test_undoing_a_tagging_from_the_other_pane_selects_its_text_where_it_was_tagged(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    quote = select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    other = keyboard_in(qtbot, window, 0)
    qtbot.keyClick(other.view, Qt.Key.Key_Z, CONTROL)
    assert quoted(window) == []
    assert pane.selection() == quote
    assert pane.view.hasFocus() and window.area.current is pane
    assert other.selection() is None
    # Redo: the passage again, outlined, the text no longer selected.
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL | SHIFT)
    (passage,) = (p for p in window.session.project.annotations.query() if p.exact == QUOTE)
    assert pane.selected_passage == passage.id and pane.selection() is None
