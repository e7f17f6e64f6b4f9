"""In a project open read-only, the codebook's tools look as unusable as they are: greyed,
saying why, instead of opening a tag dialog whose OK is refused."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_window
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project


def tools(window: MainWindow) -> list[QToolButton]:
    return window.tags.findChildren(QToolButton)


def test_read_only_codebook_tools_are_greyed_and_say_why(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    window = open_window(qtbot, context, Project.open(sample, read_only=True))
    window.docks["codebook"].show()
    assert len(tools(window)) == 5
    for button in tools(window):
        assert not button.isEnabled(), button.accessibleName()
        assert "read-only" in button.toolTip(), button.toolTip()


def test_a_writable_codebook_keeps_its_tools(window: MainWindow) -> None:
    for button in tools(window):
        assert button.isEnabled() and "read-only" not in button.toolTip()
