"""Renaming an article: OK is greyed while the title is blank, where OK with a blank title
closed the dialog and silently kept the old one."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_ok_is_greyed_while_the_new_title_is_blank(qtbot: QtBot, window: MainWindow) -> None:
    library = window.library
    library.select_article(2)
    window.activateWindow()
    library.view.setFocus()
    qtbot.waitUntil(library.view.hasFocus)
    seen: list[tuple[str, bool]] = []

    def type_titles() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog) or not dialog.isVisible():
            QTimer.singleShot(10, type_titles)
            return
        field = dialog.findChild(QLineEdit)
        buttons = dialog.findChild(QDialogButtonBox)
        assert field is not None and buttons is not None
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen.append((field.text(), ok.isEnabled()))
        for keys in ("", "   ", " Seoul talks "):
            field.selectAll()
            qtbot.keyClick(field, Qt.Key.Key_Backspace)
            qtbot.keyClicks(field, keys)
            seen.append((field.text(), ok.isEnabled()))
        field.clear()
        qtbot.keyClick(field, Qt.Key.Key_Return)  # greyed: Enter does not close it either
        seen.append(("closed", not dialog.isVisible()))
        qtbot.keyClicks(field, "Seoul talks")
        qtbot.keyClick(field, Qt.Key.Key_Return)

    QTimer.singleShot(0, type_titles)
    qtbot.keyClick(library.view, Qt.Key.Key_F2)

    title = window.session.project.articles.summary(article_id=2).title
    assert seen[1:] == [("", False), ("   ", False), (" Seoul talks ", True), ("closed", False)]
    assert seen[0][1] is True  # the current title, as it is
    assert title == "Seoul talks"
