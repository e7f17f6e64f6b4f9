"""The Codebook's Edit, Merge and Delete buttons with no tag selected (as when the project
opens) say to select one, and Merge with no other tag to merge into says so: they did
nothing at all, as if they were broken."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QToolButton
from pytestqt.qtbot import QtBot

from diptych.gui.commands import perform
from diptych.gui.main_window import MainWindow
from diptych.gui.tag_commands import DeleteTag
from diptych.gui.tag_panel import NO_TAG_SELECTED


def tool(window: MainWindow, name: str) -> QToolButton:
    (button,) = [b for b in window.tags.findChildren(QToolButton) if b.accessibleName() == name]
    return button


def no_dialog_open() -> bool:
    return not any(isinstance(w, QDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


@pytest.mark.parametrize("name", ["Edit tag", "Merge tag", "Delete tag"])
def test_a_tag_tool_with_no_tag_selected_says_to_select_one(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    assert window.tags.selected_tag() is None  # as the project opens
    steps = window.session.undo_stack.count()
    button = tool(window, name)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == NO_TAG_SELECTED
    assert no_dialog_open()
    assert window.session.undo_stack.count() == steps


def test_f2_in_the_codebook_with_no_tag_selected_says_to_select_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.tags.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(view.model().index(-1, 0))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert window.statusBar().currentMessage() == NO_TAG_SELECTED
    assert no_dialog_open()


def test_merge_with_no_other_tag_says_so(qtbot: QtBot, window: MainWindow) -> None:
    session = window.session
    economy = next(t for t in session.ordered_tags() if t.name == "Economy")
    branch = {economy.id, *[t.id for t in session.codebook().descendants(economy.id)]}
    for tag in [t for t in session.codebook().ordered() if t.id not in branch]:
        assert perform(session, DeleteTag(session, tag.id))  # a sub-tag's parent goes first
    assert {t.id for t in session.codebook().ordered()} == branch
    window.tags.select_tag(economy.id)
    qtbot.mouseClick(tool(window, "Merge tag"), Qt.MouseButton.LeftButton)
    said = window.statusBar().currentMessage()
    assert said == "There is no other tag to merge “Economy” into but its own sub-tags."
    assert no_dialog_open()
