"""After File > Restore from backup, the window names the backup as the dialog listed it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_gui_backups import folder_of

from diptych.gui.main_window import MainWindow
from diptych.gui.restore_dialog import RestoreDialog
from diptych.gui.tag_dialog import TagValues
from diptych.storage.backup_folders import list_backups


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
    said = restored.statusBar().currentMessage()
    assert said.startswith(f"Restored the backup of {listed[0]}. The project as it was is kept")
    folder = folder_of(restored)
    safety = next(b for b in list_backups(folder) if b.reason == "before-restore")
    assert said.endswith(
        f" as the backup of {safety.label}: File > Restore from backup goes back to it."
    )
