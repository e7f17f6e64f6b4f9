"""The first time a project opens (no layout saved yet: the sample project, a project just
imported into), the keyboard is in the current pane, as after a restart: the first keys
(Shift and the arrows, F8, a digit) go on in the article, not into the Library's filter."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.storage.project import Project


def test_on_first_opening_the_keys_go_to_the_current_pane(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    window = open_window(qtbot, context, Project.open(sample))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    current = window.area.current
    assert current is not None and current.article_id is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is current.view)

    qtbot.keyClick(current.view, Qt.Key.Key_F8)
    passage = window.coding.selected
    assert passage
    assert window.library.filter.text() == ""
    focused = QApplication.focusWidget()
    assert focused is current.view and focused.isVisible()


def test_a_project_with_no_article_leaves_the_keys_in_the_library(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = open_window(qtbot, context, Project.create(tmp_path / "empty.diptych"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.area.current is None
    focused = QApplication.focusWidget()
    assert focused is not None and window.docks["library"].isAncestorOf(focused)
