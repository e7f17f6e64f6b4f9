"""Esc anywhere in the Passage panel goes back where the user was, as in the note: after
Shift+Tab from the note to a tag's × and Space to take that tag off, the keyboard was left
on Add tag… and Esc did nothing (only Ctrl+Tab found the article again)."""

from __future__ import annotations

import pytest
from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.shortcuts_box import SHORTCUTS
from diptych.gui.tag_chips import TagChip


def back_to_a_cross(qtbot: QtBot, window: MainWindow) -> QWidget:
    """Shift+Tab from the note to the nearest tag's ×."""
    for _ in range(6):
        focused = QApplication.focusWidget()
        assert focused is not None
        if isinstance(focused.parent(), TagChip):
            return focused
        qtbot.keyClick(focused, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    raise AssertionError("Shift+Tab from the note never reached a tag's ×")


def test_esc_after_taking_a_tag_off_with_its_cross_goes_back_to_the_article(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 0)
    select_text(pane, "delicate")
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    qtbot.keyClick(pane.view, Qt.Key.Key_3)
    passage = window.coding.selected
    assert len(window.session.passage(passage).tag_ids) == 2
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    qtbot.waitUntil(window.editor.note.hasFocus)
    qtbot.keyClicks(window.editor.note, "worth a second look")

    cross = back_to_a_cross(qtbot, window)
    qtbot.keyClick(cross, Qt.Key.Key_Space)
    assert len(window.session.passage(passage).tag_ids) == 1
    focused = QApplication.focusWidget()
    assert focused is not None and focused.isVisible()
    assert window.docks["passage"].isAncestorOf(focused)

    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    qtbot.waitUntil(pane.view.hasFocus)
    assert window.session.passage(passage).note == "worth a second look"
    assert pane.selected_passage == window.coding.selected == passage


@pytest.mark.parametrize("button", ["preview_button", "add_tag_button", "delete_button"])
def test_esc_on_a_button_of_the_passage_panel_goes_back_to_the_article(
    qtbot: QtBot, window: MainWindow, button: str
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    passage = window.coding.selected
    assert passage
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    qtbot.waitUntil(window.editor.note.hasFocus)
    widget = getattr(window.editor, button)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClick(widget, Qt.Key.Key_Escape)
    qtbot.waitUntil(pane.view.hasFocus)
    assert window.coding.selected == passage  # nothing pressed, nothing done


def test_esc_in_the_passage_panel_reached_from_the_list_goes_back_to_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    keyboard_in(qtbot, window, 0)
    table = window.passages.table
    window.actions_.show_passages.trigger()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(window.editor.note.hasFocus)
    cross = back_to_a_cross(qtbot, window)
    qtbot.keyClick(cross, Qt.Key.Key_Escape)
    qtbot.waitUntil(table.hasFocus)


def test_the_keys_list_says_esc_leaves_the_panel_from_its_buttons() -> None:
    listed = " ".join(QTextDocumentFragment.fromHtml(SHORTCUTS).toPlainText().split())
    assert "Esc saves it and goes back to where you were, from the note or from the panel" in listed
