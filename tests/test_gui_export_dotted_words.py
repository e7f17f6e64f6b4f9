"""A file name typed in the Export dialog whose last dot ends an abbreviation ("Notes on
U.S. policy", "Memo for Dr. Smith") has no file type: it is written with the format's, and
choosing another format keeps the words after the dot. Taken for a file type, the name was
written with none, and choosing a format cut "policy" off."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_export_dialog
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

NAMES = ["Notes on U.S. policy", "Memo for Dr. Smith", "Coding round 2. Final"]


@pytest.mark.parametrize("typed", NAMES)
def test_a_name_with_words_after_its_last_dot_is_written_with_the_format_s_type(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, typed: str
) -> None:
    dialog = open_export_dialog(qtbot, window)
    dialog.output.selectAll()
    qtbot.keyClicks(dialog.output, str(tmp_path / typed))
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as exported:
        qtbot.keyClick(dialog.output, Qt.Key.Key_Return)
    written = tmp_path / f"{typed}.md"
    assert exported.args[0] == str(written)
    assert written.read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize("typed", NAMES)
def test_choosing_a_format_keeps_the_words_after_the_last_dot(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, typed: str
) -> None:
    dialog = open_export_dialog(qtbot, window)
    dialog.output.setText(str(tmp_path / typed))
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.output.text() == str(tmp_path / f"{typed}.csv")
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    assert dialog.output.text() == str(tmp_path / f"{typed}.html")
    dialog.reject()


def test_a_name_ending_in_a_dot_gets_one_dot_before_the_format_s_type(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_export_dialog(qtbot, window)
    dialog.output.selectAll()
    qtbot.keyClicks(dialog.output, str(tmp_path / "notes."))
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.output.text() == str(tmp_path / "notes.csv")  # not "notes..csv"
    dialog.output.setText(str(tmp_path / "summary."))
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as exported:
        qtbot.keyClick(dialog.output, Qt.Key.Key_Return)
    assert exported.args[0] == str(tmp_path / "summary.csv")
