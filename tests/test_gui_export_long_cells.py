"""File > Export says what to know about the file: CSV rows holding a text cut short to fit a
spreadsheet cell, or a scope without any passage."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from gui_support import open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.export_csv import CELL_LIMIT
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project


def _export_csv(qtbot: QtBot, window: MainWindow, target: Path) -> list[tuple[int, str, str]]:
    """File > Export, CSV, to ``target``; the messages posted."""
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    window.actions_.export.trigger()
    dialog = window.findChild(ExportDialog)
    assert isinstance(dialog, ExportDialog)
    qtbot.waitExposed(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.output.clear()
    qtbot.keyClicks(dialog.output, str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return posted


def test_rows_cut_short_are_named_in_a_message_box(
    qtbot: QtBot, tmp_path: Path, context: AppContext
) -> None:
    path = tmp_path / "long-note.diptych"
    with create_sample_project(path) as project:
        passage = project.annotations.query()[0]
        note = "A long memo of an interview. " * 2000  # 58,000 characters
        project.annotations.set_note(annotation_id=passage.id, note=note)
    window = open_window(qtbot, context, Project.open(path))
    target = tmp_path / "passages.csv"
    posted = _export_csv(qtbot, window, target)

    rows = list(csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    cut = [n for n, r in enumerate(rows, start=2) if r["uuid"] == passage.uuid]
    assert cut and all(len(rows[n - 2]["note"]) <= CELL_LIMIT for n in cut)
    level, title, text = posted[-1]
    assert (level, title) == (Level.WARNING, "Export")
    assert text.startswith(f"Exported to {target} (")
    listed = "; ".join(f"row {n} (note)" for n in cut)
    assert "longer than a spreadsheet cell holds (32,767 characters), cut short" in text
    assert f": {listed}." in text
    box = window.findChild(QMessageBox)
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    assert box.text() == text


def test_an_export_without_long_text_only_says_where_it_went(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "passages.csv"
    posted = _export_csv(qtbot, window, target)
    assert [level for level, _title, _text in posted] == [Level.INFO]
    assert window.findChild(QMessageBox) is None


def test_an_export_of_a_tag_without_passages_says_the_file_holds_none(
    qtbot: QtBot, tmp_path: Path, context: AppContext
) -> None:
    path = tmp_path / "unused-tag.diptych"
    with create_sample_project(path) as project:
        project.tags.add(name="Not used yet")
    window = open_window(qtbot, context, Project.open(path))
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    window.actions_.export.trigger()
    dialog = window.findChild(ExportDialog)
    assert isinstance(dialog, ExportDialog)
    qtbot.waitExposed(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.tags.set_all(False)
    unused = next(
        dialog.tags.item(row)
        for row in range(dialog.tags.count())
        if dialog.tags.item(row).text().strip() == "Not used yet"
    )
    unused.setCheckState(Qt.CheckState.Checked)
    target = tmp_path / "none.csv"
    dialog.output.clear()
    qtbot.keyClicks(dialog.output, str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().count(b"\r\n") == 1  # the header alone
    level, _title, text = posted[-1]
    assert level == Level.WARNING
    assert text.endswith(
        "No passage of the chosen articles has the chosen tags, so the file holds none."
    )
