"""Editing a tag (F2 in the Codebook) starts with its name selected: typing renames it
instead of running on after the old name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.session import ProjectSession
from diptych.gui.tag_dialog import TagDialog


def test_typing_in_a_new_edit_dialog_replaces_the_name(
    qtbot: QtBot, session: ProjectSession
) -> None:
    tag = next(t for t in session.codebook().ordered() if t.name == "Security")
    dialog = TagDialog(session.codebook(), tag)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)
    qtbot.keyClicks(dialog.name, "Defence")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.result() == TagDialog.DialogCode.Accepted
    assert dialog.values().name == "Defence"
