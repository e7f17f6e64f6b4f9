"""Dialogs driven from the keyboard alone: Tab goes through the fields in the order they
are seen, and never gets stuck in one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow
from diptych.gui.tag_dialog import TagDialog


def tab_from(qtbot: QtBot, start: QWidget, presses: int) -> list[QWidget]:
    """The widgets that get the focus as Tab is pressed ``presses`` times from ``start``."""
    start.setFocus()
    chain = []
    for _ in range(presses):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        chain.append(QApplication.focusWidget())
    return chain


def test_tab_leaves_the_tag_description_and_reaches_ok(qtbot: QtBot, window: MainWindow) -> None:
    dialog = TagDialog(window.session.codebook(), parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.name.setText("Sanctions")
    dialog.description.setFocus()
    qtbot.keyClicks(dialog.description, "Restrictive measures")
    box = dialog.ok_button.parentWidget()
    first_button = tab_from(qtbot, dialog.description, 1)[0]
    assert isinstance(first_button, QPushButton) and first_button.parentWidget() is box
    assert dialog.description.toPlainText() == "Restrictive measures"  # no tab typed in it
    qtbot.keyClick(first_button, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is dialog.description
    dialog.ok_button.setFocus()
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Space)
    assert dialog.result() == TagDialog.DialogCode.Accepted
    assert dialog.values().description == "Restrictive measures"


def test_tab_goes_through_the_export_dialog_in_the_order_it_is_seen(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.actions_.export.trigger()
    dialog = window.findChild(ExportDialog)
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    buttons = {b.text(): b for b in dialog.findChildren(QPushButton)}
    all_none = [b for b in dialog.findChildren(QPushButton) if b.text() in ("All", "None")]
    assert len(all_none) == 4 and buttons["&Browse…"]
    expected = [
        all_none[0], all_none[1], dialog.articles,  # the articles' column, top down
        all_none[2], all_none[3], dialog.tags,  # then the tags'
        dialog.by_tag, dialog.block_ids, dialog.output, buttons["&Browse…"],
        dialog.export_button, dialog.cancel_button, dialog.format,
    ]  # fmt: skip
    assert tab_from(qtbot, dialog.format, len(expected)) == expected
