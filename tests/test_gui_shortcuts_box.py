"""The keyboard shortcuts (F1) fit on the screen, their OK button included."""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.shortcuts_box import SHORTCUTS


def shown_box(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    pane = window.area.panes()[0]
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)))
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    qtbot.waitExposed(box)
    return box


def test_the_shortcuts_box_and_its_ok_button_are_on_the_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    box = shown_box(qtbot, window)
    screen = box.screen().availableGeometry()
    assert screen.contains(box.frameGeometry()), (box.frameGeometry(), screen)
    ok = box.button(QMessageBox.StandardButton.Ok)
    assert ok.isVisible()
    assert screen.contains(QRect(ok.mapToGlobal(ok.rect().topLeft()), ok.size()))
    box.close()


def test_every_shortcut_can_be_scrolled_to(qtbot: QtBot, window: MainWindow) -> None:
    box = shown_box(qtbot, window)
    table = box.table  # type: ignore[attr-defined]
    bar = table.verticalScrollBar()
    bar.setValue(bar.maximum())
    reached = bar.value() + table.viewport().height()
    assert reached >= table.document().size().height() - 1
    assert "Shift+arrows" in table.toPlainText()  # the last row, in the list shown
    box.close()


def test_the_list_names_the_keys_of_the_file_and_tags_menus(window: MainWindow) -> None:
    shown = QTextDocumentFragment.fromHtml(SHORTCUTS).toPlainText()
    a = window.actions_
    for action in (a.new_project, a.open_project, a.quit, a.new_tag, a.shortcuts):
        key = action.shortcut().toString()
        # The whole key: Ctrl+Shift+T is not found in Ctrl+Shift+Tab.
        assert re.search(rf"(?<![\w+]){re.escape(key)}(?!\w)", shown), (action.text(), key)
