"""After File > Restore from backup, the window names the backup as the dialog listed it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.restore_dialog import RestoreDialog
from diptych.gui.tag_dialog import TagValues


def test_the_status_bar_names_the_restored_backup_as_the_dialog_listed_it(
    qtbot: QtBot, launched: MainWindow
) -> None:
    window = launched
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    window.tags.create_tag(TagValues("Second thoughts", "#5ED1C4", None, ""))
    listed: list[str] = []

    def choose_the_first() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        listed.append(dialog.list.currentItem().text())
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose_the_first)
    window.actions_.restore_backup.trigger()

    restored = launched.launcher.window
    assert restored is not None and restored is not window
    qtbot.waitExposed(restored)
    assert listed and listed[0][:4].isdigit() and listed[0][4] == "-"  # 2026-11-23 19:10:44 …
    assert restored.statusBar().currentMessage() == f"Restored the backup of {listed[0]}."
