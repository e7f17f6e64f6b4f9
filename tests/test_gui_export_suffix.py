"""A file name typed in the export dialog without a file type gets the format's, as a
browsed one does; a file type of the user's own is kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow


def export_as(qtbot: QtBot, window: MainWindow, fmt: str, typed: str) -> Path:
    dialog = ExportDialog(window.session, window.workers, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.output.selectAll()
    qtbot.keyClicks(dialog.output, typed)
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as exported:
        qtbot.keyClick(dialog.output, Qt.Key.Key_Return)
    return Path(exported.args[0])


@pytest.mark.parametrize(
    ("fmt", "typed", "written"),
    [
        ("html", "Report", "Report.html"),
        ("csv", "Report 2024.03", "Report 2024.03.csv"),  # a dot of its own, no file type
        ("md", "notes.txt", "notes.txt"),  # the user's own file type: kept
    ],
)
def test_a_typed_name_without_a_file_type_gets_the_formats(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, fmt: str, typed: str, written: str
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    path = export_as(qtbot, window, fmt, str(folder / typed))
    assert path == folder / written
    assert [p.name for p in folder.iterdir()] == [written]
    assert path.stat().st_size > 0


@pytest.mark.parametrize(
    ("fmt", "typed", "wanted", "starts"),
    [
        ("md", "report.htm", "html", b"<!DOCTYPE html>"),
        ("csv", "notes.markdown", "md", b"# "),
    ],
)
def test_a_name_ending_as_a_formats_files_often_do_chooses_that_format(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    fmt: str,
    typed: str,
    wanted: str,
    starts: bytes,
) -> None:
    """ "report.htm" typed with Markdown chosen was written as Markdown a browser showed
    as plain text."""
    path = export_as(qtbot, window, fmt, str(tmp_path / typed))
    assert path == tmp_path / typed
    assert path.read_bytes().startswith(starts)
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.fmt() == wanted
