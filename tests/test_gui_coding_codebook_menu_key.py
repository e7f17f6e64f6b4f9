"""Shift+F10 in the Codebook opens the menu of the tag the keyboard is on, as the Menu key
does there and as Shift+F10 does in an article and in the Library: on a keyboard without a
Menu key, merging a tag or showing its passages needed the mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_shift_f10_opens_the_menu_of_the_current_tag(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tags = window.tags
    tree = tags.view
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    second = window.session.ordered_tags()[1]
    tags.select_tag(second.id)

    qtbot.keyClick(tree, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    texts = [a.text() for a in menu.actions()]
    assert "&Merge into…" in texts and "Show its &passages" in texts
    assert tags.selected_tag() == second.id  # the menu is that tag's
    row = tree.visualRect(tree.currentIndex())
    assert menu.geometry().contains(tree.viewport().mapToGlobal(row.center()))  # beside it

    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert tags.selected_tag() == second.id
