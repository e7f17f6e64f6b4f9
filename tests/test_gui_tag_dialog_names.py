"""The tag dialog compares names as the project does ("économie" is "Économie", however
its accent was typed) and refuses a name that shows nothing (zero-width spaces, joiners),
with the reason, keeping the dialog open and what was typed."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_gui_tag_dialog import drive_next_tag_dialog, tag_names

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_dialog import TagDialog

NEW_TAG = (Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def new_tag(qtbot: QtBot, window: MainWindow, name: str) -> tuple[bool, str]:
    """Type ``name`` in the New tag dialog and press Enter: whether the dialog stayed open,
    and the reason it gives."""
    said: list[tuple[bool, str]] = []

    def fill(dialog: TagDialog) -> None:
        # Typed as an input method gives accents and invisible characters (keyClicks
        # types ASCII only).
        event = QInputMethodEvent("", [])
        event.setCommitString(name)
        QApplication.sendEvent(dialog.name, event)
        assert dialog.name.text() == name
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        said.append((dialog.isVisible(), dialog.problem.text() if dialog.isVisible() else ""))

    seen = drive_next_tag_dialog(fill)
    qtbot.keyClick(window, *NEW_TAG)
    assert seen and said, "Ctrl+Shift+T opens the New tag dialog"
    return said[0]


@pytest.mark.parametrize("name", ["économie", unicodedata.normalize("NFD", "ÉCONOMIE")])
def test_a_name_in_another_case_or_form_is_refused_as_a_namesake(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    window.session.add_tag(name="Économie")
    before = tag_names(window)
    assert new_tag(qtbot, window, name) == (
        True,
        "A tag called “Économie” already exists at the top level. Choose another name, "
        "or another parent.",
    )
    assert tag_names(window) == before


@pytest.mark.parametrize("name", ["\u200b", "\u2060\u200d", " \ufeff ", "\u200e\u2066"])
def test_a_name_that_shows_nothing_is_refused(qtbot: QtBot, window: MainWindow, name: str) -> None:
    before = tag_names(window)
    stayed, problem = new_tag(qtbot, window, name)
    assert stayed
    assert "a tag name needs a character that can be seen" in problem.lower()
    assert tag_names(window) == before
