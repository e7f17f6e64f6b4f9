"""File > Export opened again offers the folder of the last export: exporting one project to
several formats in turn no longer means typing the same folder each time."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_export_dialog
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_the_next_export_is_offered_the_folder_of_the_last(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    dialog = open_export_dialog(qtbot, window)
    dialog.output.selectAll()
    qtbot.keyClicks(dialog.output, str(out / "notes.md"))
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.keyClick(dialog.output, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    again = open_export_dialog(qtbot, window)
    assert Path(again.output.text()).parent == out
    csv = again.format.findData("csv")
    again.format.setCurrentIndex(csv)  # another format: still that folder
    assert Path(again.output.text()) == out / "Sample project.csv"
    again.output.selectAll()
    qtbot.keyClicks(again.output, "table.csv")  # a bare name goes there too
    with qtbot.waitSignal(again.exported, timeout=10_000) as exported:
        qtbot.keyClick(again.output, Qt.Key.Key_Return)
    assert exported.args[0] == str(out / "table.csv")
    assert (out / "table.csv").is_file()


def test_a_cancelled_export_leaves_the_folder_offered_as_it_was(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "never-written"
    dialog = open_export_dialog(qtbot, window)
    first = Path(dialog.output.text()).parent
    dialog.output.setText(str(elsewhere / "notes.md"))
    dialog.reject()
    again = open_export_dialog(qtbot, window)
    assert Path(again.output.text()).parent == first
