"""After a restart the keyboard is in the current pane: the keys go on in the article
(F8, then a digit tags), not into the Library's filter."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.storage.project import Project


def test_after_a_restart_the_keys_go_on_in_the_current_pane(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    first = open_window(qtbot, context, Project.open(sample))
    assert len(first.area.panes()) == 2
    first.area.set_current(first.area.panes()[1])
    first.close()  # saves the layout: two panes, the right one current

    window = open_window(qtbot, context, Project.open(sample))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    current = window.area.current
    assert current is window.area.panes()[1]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is current.view)

    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_F8)
    passage = window.coding.selected
    assert passage
    tagged = set(window.session.passage(passage).tag_ids)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_5)
    assert window.library.filter.text() == ""
    assert set(window.session.passage(passage).tag_ids) != tagged
