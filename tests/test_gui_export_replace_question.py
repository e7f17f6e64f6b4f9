"""Export to a file that exists asks before replacing it, and Enter on that question
keeps the file: pressed once to export and once more, it replaced the file at once (Yes
was the default, where Qt's own file dialog answers No to the same question)."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_export_dialog
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_enter_on_the_replace_question_keeps_the_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    existing = tmp_path / "notes.md"
    existing.write_text("my own notes", encoding="utf-8")
    dialog = open_export_dialog(qtbot, window)
    dialog.output.selectAll()
    qtbot.keyClicks(dialog.output, str(existing))
    asked: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press_enter)  # not shown yet
            return
        asked.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_enter)
    qtbot.keyClick(dialog.output, Qt.Key.Key_Return)  # Export, which asks
    assert asked == [f"{existing} already exists. Replace it with this export?"]
    assert existing.read_text(encoding="utf-8") == "my own notes"
    assert dialog.isVisible() and dialog.export_button.isEnabled()  # to choose another name
